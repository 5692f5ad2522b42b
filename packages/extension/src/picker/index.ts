// The author's picker: propose targets for the elements an author clicks, build a tour, export or publish it.
export { type Proposal, proposeTarget, countMatches, elementsMatching, cssPath, isHashedClass, looksGeneratedId, STABLE_ATTRIBUTES } from './propose.ts';
export { type BundleMeta, type PickerStep, type PublishTarget, InvalidBundleError, buildBundle, exportJson, publishBundle } from './bundle.ts';
export { type PickedProposal, type Picker, type PickerOptions, createPicker } from './overlay.ts';

// The package's surface. Importing it builds no zod schema (see once.ts): the browser pays for them at its first
// parseBundle(). Node-side code that needs a schema itself (tests, JSON Schema) calls the module's builder.
export { type Locale, type LocalizedText, localize, textSchemas } from './text.ts';
export { type Population, type Rule, type Scalar, OPERATORS, RULE_KEYS, ruleSchemas } from './rule.ts';
export {
  type Ambassador,
  type AnnouncementGuide,
  type ChecklistGuide,
  type ChecklistItem,
  type DoneWhen,
  type Guide,
  type Captions,
  type Media,
  type Placement,
  type Question,
  type Resource,
  type ResourceCentreGuide,
  type StepAdvance,
  type SurveyGuide,
  type Target,
  type TargetSpec,
  type TooltipGuide,
  type TourGuide,
  type TourStep,
  type Trigger,
  GUIDE_TYPES,
  PLACEMENTS,
  QUESTION_KINDS,
  RESOURCE_KINDS,
  guideSchemas,
} from './guide.ts';
export { type Bundle, type Settings, bundleSchemas, wholeBundleSchema } from './bundle.ts';
export { type BundleError, formatError, parseBundle } from './parse.ts';
export { type Message } from './messages.ts';
export { jsonPath } from './issue.ts';
export {
  type CompagnonEvent,
  type EventBatch,
  type EventType,
  EVENT_TYPES,
  MAX_BATCH,
  eventSchemas,
  parseEvent,
} from './event.ts';

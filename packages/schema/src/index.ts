export { type Locale, type LocalizedText, IdSchema, LocalizedTextSchema, localize } from './text.ts';
export {
  type Population,
  type Rule,
  type Scalar,
  PopulationSchema,
  RuleSchema,
  ScalarSchema,
  OPERATORS,
  RULE_KEYS,
} from './rule.ts';
export {
  type ChecklistGuide,
  type ChecklistItem,
  type DoneWhen,
  type Guide,
  type Placement,
  type TooltipGuide,
  type TourGuide,
  type TourStep,
  type Trigger,
  ChecklistGuideSchema,
  ChecklistItemSchema,
  DoneWhenSchema,
  GuideSchema,
  PLACEMENTS,
  PlacementSchema,
  TooltipGuideSchema,
  TourGuideSchema,
  TourStepSchema,
  TriggerSchema,
} from './guide.ts';
export { type Bundle, BundleSchema } from './bundle.ts';
export { type BundleError, formatError, parseBundle } from './parse.ts';
export { type Message } from './messages.ts';
export { jsonPath } from './issue.ts';
export {
  type CompagnonEvent,
  type EventBatch,
  type EventType,
  EVENT_TYPES,
  EventBatchSchema,
  EventSchema,
  MAX_BATCH,
  parseEvent,
} from './event.ts';

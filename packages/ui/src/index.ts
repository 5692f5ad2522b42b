export { createUi } from './mount.ts';
export { renderMarkdown } from './markdown.ts';
export type {
  AnnouncementView,
  ChecklistItemView,
  ChecklistView,
  Locale,
  MediaView,
  Placement,
  QuestionView,
  ResourceCentreView,
  ResourceKind,
  StepView,
  SurveyView,
  TooltipView,
  Ui,
  UiActions,
  UiOptions,
  UiState,
} from './types.ts';

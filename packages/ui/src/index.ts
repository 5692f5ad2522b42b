export { createUi } from './mount.ts';
export { renderMarkdown } from './markdown.ts';
export type {
  ChecklistItemView,
  ChecklistView,
  Locale,
  Placement,
  StepView,
  TooltipView,
  Ui,
  UiActions,
  UiOptions,
  UiState,
} from './types.ts';

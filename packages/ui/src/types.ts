// The renderer's whole input: the SDK resolves texts and targets, then hands over the state after each change.

export type Locale = 'en' | 'fr';

export type Placement =
  | 'top' | 'top-start' | 'top-end'
  | 'bottom' | 'bottom-start' | 'bottom-end'
  | 'left' | 'left-start' | 'left-end'
  | 'right' | 'right-start' | 'right-end';

export interface StepView {
  guideId: string;
  stepId: string;
  title: string;
  /** Markdown subset, see `renderMarkdown`. */
  body?: string;
  /** 0-based. */
  index: number;
  count: number;
  /** `null` shows a centred dialog over a dim backdrop. */
  target: Element | null;
  placement: Placement;
  /** Sets `aria-modal` and keeps Tab inside the dialog. */
  modal: boolean;
  /** A click on the target calls `next` (or `done` on the last step). */
  advanceOnClick: boolean;
}

export interface TooltipView {
  guideId: string;
  title: string;
  body?: string;
  target: Element;
  placement: Placement;
  open: boolean;
}

export interface ChecklistItemView {
  id: string;
  title: string;
  body?: string;
  done: boolean;
  /** Clicking it does something (starts a guide, follows a link): rendered as a button. */
  actionable: boolean;
}

export interface ChecklistView {
  guideId: string;
  title: string;
  items: ChecklistItemView[];
  open: boolean;
}

export interface UiState {
  locale: Locale;
  tour: StepView | null;
  tooltips: TooltipView[];
  checklists: ChecklistView[];
}

export interface UiActions {
  next(guideId: string): void;
  back(guideId: string): void;
  done(guideId: string): void;
  dismiss(guideId: string, reason: 'close' | 'escape'): void;
  toggleTooltip(guideId: string, open: boolean): void;
  toggleChecklist(guideId: string, open: boolean): void;
  activateItem(guideId: string, itemId: string): void;
  dismissChecklist(guideId: string): void;
}

export interface Ui {
  /** Idempotent and declarative: call it with the whole state after every change. Never throws. */
  render(state: UiState, actions: UiActions): void;
  /** Unmounts, removes the host, gives focus back; leaves no listener, observer or timer. */
  destroy(): void;
}

export interface UiOptions {
  /** @default globalThis.document */
  document?: Document;
  /** Nonce for the `<style>` fallback when constructable stylesheets are missing (strict CSP). */
  nonce?: string;
  /** Default stacking level; a page's `--compagnon-z` still wins. @default 2147483000 */
  zIndex?: number;
}

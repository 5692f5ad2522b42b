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
  media?: MediaView;
  /** A survey step: its Send button calls `answer`, which advances; it has no Next. */
  survey?: QuestionView;
  /** Shows "Skip tour" (except on the last step), calling `skip`. */
  skippable: boolean;
  /** Why this guide is shown ("Shown to: New hires"), behind a disclosure. */
  why?: string;
  /** Marks the dialog with a "Preview" badge. */
  preview?: boolean;
  /** Shows "Remind me tomorrow", calling `snooze`. */
  canSnooze?: boolean;
}

/** Exactly one of `image`/`video` (http(s), checked by the schema). A video has controls, is muted, never autoplays. */
export interface MediaView {
  image?: string;
  video?: string;
  /** WebVTT caption tracks of the video; the first is on. `lang` is absent for a single file of no stated language. */
  captions?: Array<{ src: string; lang?: Locale }>;
  /** Captions from another origin load only with CORS, which then applies to the video too (`crossorigin`). */
  cors?: boolean;
  alt: string;
}

/** `rating` is 1–5, `nps` 0–10; `answer` receives the number, the option id or the text. */
export type QuestionView =
  | { kind: 'rating' }
  | { kind: 'nps' }
  | { kind: 'choice'; options: Array<{ id: string; label: string }> }
  | { kind: 'text'; maxLength: number };

/** The texts shared by every dialog; `why`, `preview` and `media` as in `StepView`. */
interface DialogView {
  title: string;
  body?: string;
  media?: MediaView;
  why?: string;
  preview?: boolean;
}

export interface AnnouncementView extends DialogView {
  guideId: string;
  /** `modal`: centred, focus trapped, Esc closes. `banner`: a region at the top of the viewport. */
  display: 'modal' | 'banner';
  /** A primary button calling `announcementAction`. */
  action?: { label: string };
  canSnooze?: boolean;
}

export interface SurveyView extends Omit<DialogView, 'media'> {
  guideId: string;
  /** `title` is the question. */
  question: QuestionView;
}

export interface ResourceCentreView {
  guideId: string;
  title: string;
  body?: string;
  open: boolean;
  guides: Array<{ id: string; title: string; description?: string; status: 'new' | 'active' | 'completed' }>;
  /** `contact`: mailto:, tel: or http(s); `photo`: http(s). */
  ambassadors: Array<{ name: string; role?: string; contact: string; photo?: string }>;
  resources: Array<{ title: string; url: string; kind: ResourceKind; description?: string }>;
  /** The "Show guides automatically" checkbox is unchecked. */
  optedOut: boolean;
}

export type ResourceKind = 'e-learning' | 'video' | 'webinar' | 'faq' | 'link';

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
  announcement: AnnouncementView | null;
  survey: SurveyView | null;
  resourceCentres: ResourceCentreView[];
}

export interface UiActions {
  next(guideId: string): void;
  back(guideId: string): void;
  done(guideId: string): void;
  /** A tour step or a survey closed. */
  dismiss(guideId: string, reason: 'close' | 'escape'): void;
  toggleTooltip(guideId: string, open: boolean): void;
  toggleChecklist(guideId: string, open: boolean): void;
  activateItem(guideId: string, itemId: string): void;
  dismissChecklist(guideId: string): void;
  skip(guideId: string): void;
  snooze(guideId: string): void;
  /** A survey or a survey step: the rating, the NPS score, the option id or the text. */
  answer(guideId: string, value: number | string): void;
  announcementAction(guideId: string): void;
  /** Close button or (modal) Esc. */
  closeAnnouncement(guideId: string): void;
  toggleResourceCentre(guideId: string, open: boolean): void;
  /** A guide chosen in the resource centre. */
  restartGuide(guideId: string): void;
  setOptOut(optedOut: boolean): void;
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
  /**
   * Stacking level where the popover API (top layer) is missing; a page's `--compagnon-z` still wins.
   * @default 2147483647
   */
  zIndex?: number;
}

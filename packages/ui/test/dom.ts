import { vi } from 'vitest';
import type {
  AnnouncementView,
  ChecklistView,
  ResourceCentreView,
  StepView,
  SurveyView,
  TooltipView,
  UiActions,
  UiState,
} from '../src/index.ts';

// happy-dom computes no accessible names: this follows the part of accname our markup relies on
// (aria-labelledby, then aria-label, then a wrapping label, then alt, then text), enough to query the way
// Playwright does.
export function accessibleName(el: Element): string {
  const root = el.getRootNode() as ShadowRoot | Document;
  const ids = el.getAttribute('aria-labelledby');
  if (ids) return ids.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
  const text = (el.closest('label') ?? el).textContent?.trim();
  return el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? text ?? '';
}

const IMPLICIT: Record<string, string> = {
  BUTTON: 'button',
  A: 'link',
  UL: 'list',
  OL: 'list',
  LI: 'listitem',
  H2: 'heading',
  H3: 'heading',
  TEXTAREA: 'textbox',
  IMG: 'img',
  'INPUT search': 'searchbox',
  'INPUT checkbox': 'checkbox',
};
const roleOf = (el: Element) =>
  el.getAttribute('role') ??
  IMPLICIT[el.tagName === 'INPUT' ? `INPUT ${el.getAttribute('type')}` : el.tagName] ??
  '';

export function getAllByRole(scope: ParentNode, role: string, name?: string): Element[] {
  return [...scope.querySelectorAll('*')].filter(
    (el) => roleOf(el) === role && (name === undefined || accessibleName(el) === name),
  );
}

/** Like Playwright's strict locator: exactly one match or the test fails. */
export function getByRole(scope: ParentNode, role: string, name?: string): HTMLElement {
  const all = getAllByRole(scope, role, name);
  if (all.length !== 1) throw new Error(`${all.length} elements with role ${role} named ${name}`);
  return all[0] as HTMLElement;
}

export const shadow = (): ShadowRoot => {
  const host = document.querySelector('[data-compagnon]');
  if (!host?.shadowRoot) throw new Error('no compagnon host');
  return host.shadowRoot;
};

export const deepActive = (): Element | null => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};

export const recorder = () =>
  ({
    next: vi.fn(),
    back: vi.fn(),
    done: vi.fn(),
    dismiss: vi.fn(),
    toggleTooltip: vi.fn(),
    toggleChecklist: vi.fn(),
    activateItem: vi.fn(),
    dismissChecklist: vi.fn(),
    skip: vi.fn(),
    snooze: vi.fn(),
    answer: vi.fn(),
    announcementAction: vi.fn(),
    closeAnnouncement: vi.fn(),
    toggleResourceCentre: vi.fn(),
    restartGuide: vi.fn(),
    setOptOut: vi.fn(),
  }) satisfies UiActions;

export const state = (over: Partial<UiState> = {}): UiState => ({
  locale: 'en',
  tour: null,
  tooltips: [],
  checklists: [],
  announcement: null,
  survey: null,
  resourceCentres: [],
  ...over,
});

export const step = (over: Partial<StepView> = {}): StepView => ({
  guideId: 'expense-tour',
  stepId: 's1',
  title: 'Start here',
  body: 'Click **New expense**.',
  index: 0,
  count: 3,
  target: null,
  placement: 'bottom',
  modal: false,
  advanceOnClick: false,
  skippable: false,
  ...over,
});

export const tooltip = (target: Element, over: Partial<TooltipView> = {}): TooltipView => ({
  guideId: 'export-tip',
  title: 'Export',
  body: 'Export your team report as CSV.',
  target,
  placement: 'right',
  open: false,
  ...over,
});

export const checklist = (over: Partial<ChecklistView> = {}): ChecklistView => ({
  guideId: 'onboarding',
  title: 'Your first week',
  open: false,
  items: [
    { id: 'tour', title: 'Submit an expense', done: true, actionable: true },
    { id: 'profile', title: 'Visit your profile', done: false, actionable: true },
    { id: 'save', title: 'Save a draft', done: false, actionable: false },
    { id: 'export', title: 'Export a report', done: false, actionable: false },
  ],
  ...over,
});

export const announcement = (over: Partial<AnnouncementView> = {}): AnnouncementView => ({
  guideId: 'new-expenses',
  title: 'Expenses have moved',
  body: 'Find them under **Finance**.',
  display: 'modal',
  ...over,
});

export const survey = (over: Partial<SurveyView> = {}): SurveyView => ({
  guideId: 'csat',
  title: 'How easy was it?',
  question: { kind: 'rating' },
  ...over,
});

export const centre = (over: Partial<ResourceCentreView> = {}): ResourceCentreView => ({
  guideId: 'help',
  title: 'Help centre',
  open: true,
  guides: [
    { id: 'expense-tour', title: 'Submit an expense', description: 'Five steps', status: 'completed' },
    { id: 'export-tour', title: 'Export a report', status: 'new' },
  ],
  ambassadors: [
    { name: 'Amélie Roux', role: 'Finance', contact: 'mailto:amelie@example.com', photo: 'https://example.com/a.jpg' },
    { name: 'Bilal Haddad', contact: 'https://chat.example.com/bilal' },
  ],
  resources: [
    { title: 'Expense policy', url: '/policy', kind: 'faq', description: 'What you can claim' },
    { title: 'Travel webinar', url: 'https://example.com/webinar', kind: 'webinar' },
  ],
  optedOut: false,
  ...over,
});

export const key = (target: EventTarget, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }));

import { vi } from 'vitest';
import type { ChecklistView, StepView, TooltipView, UiActions, UiState } from '../src/index.ts';

// happy-dom computes no accessible names: this follows the part of accname our markup relies on
// (aria-labelledby, then aria-label, then text), enough to query the way Playwright does.
export function accessibleName(el: Element): string {
  const root = el.getRootNode() as ShadowRoot | Document;
  const ids = el.getAttribute('aria-labelledby');
  if (ids) return ids.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
  return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
}

const IMPLICIT: Record<string, string> = { BUTTON: 'button', A: 'link', UL: 'list', OL: 'list', LI: 'listitem' };
const roleOf = (el: Element) => el.getAttribute('role') ?? IMPLICIT[el.tagName] ?? '';

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
  }) satisfies UiActions;

export const state = (over: Partial<UiState> = {}): UiState => ({
  locale: 'en',
  tour: null,
  tooltips: [],
  checklists: [],
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

export const key = (target: EventTarget, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }));

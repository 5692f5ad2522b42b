// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUi } from '../src/index.ts';
import type { ChecklistView, Locale, Ui } from '../src/index.ts';
import { checklist, getAllByRole, getByRole, recorder, shadow, state } from './dom.ts';

let ui: Ui;
let actions: ReturnType<typeof recorder>;
const show = async (lists: Partial<ChecklistView>[], locale: Locale = 'en') => {
  await act(() => ui.render(state({ locale, checklists: lists.map((l) => checklist(l)) }), actions));
};
beforeEach(() => {
  ui = createUi();
  actions = recorder();
});
afterEach(() => ui.destroy());

describe('checklist', () => {
  it.each([
    { name: 'English', locale: 'en', launcher: 'Your first week 1/4', dismiss: 'Dismiss checklist', done: 'done' },
    { name: 'French', locale: 'fr', launcher: 'Your first week 1/4', dismiss: 'Masquer la liste', done: 'terminé' },
  ] as const)('$name: launcher, panel, progress bar and items', async ({ locale, launcher, dismiss, done }) => {
    await show([{ open: true }], locale);
    expect(getByRole(shadow(), 'button', launcher).getAttribute('aria-expanded')).toBe('true');
    const panel = getByRole(shadow(), 'dialog', 'Your first week');
    expect(panel.hasAttribute('aria-modal')).toBe(false);
    const bar = getByRole(panel, 'progressbar', 'Your first week');
    const values = ['aria-valuemin', 'aria-valuemax', 'aria-valuenow'].map((a) => bar.getAttribute(a));
    expect(values).toEqual(['0', '4', '1']);
    expect(getAllByRole(panel, 'listitem').map((li) => li.textContent)).toEqual([
      `✓Submit an expense, ${done}`,
      '○Visit your profile',
      '○Save a draft',
      '○Export a report',
    ]);
    expect(getByRole(panel, 'button', dismiss).tagName).toBe('BUTTON');
  });

  it('closed: launcher collapsed, no panel', async () => {
    await show([{ open: false }]);
    expect(getByRole(shadow(), 'button', 'Your first week 1/4').getAttribute('aria-expanded')).toBe('false');
    expect(getAllByRole(shadow(), 'dialog')).toEqual([]);
  });

  it.each([
    { name: 'launcher opens', open: false, label: 'Your first week 1/4', call: 'toggleChecklist', args: ['onboarding', true] },
    { name: 'launcher closes', open: true, label: 'Your first week 1/4', call: 'toggleChecklist', args: ['onboarding', false] },
    { name: 'actionable item activates', open: true, label: 'Visit your profile', call: 'activateItem', args: ['onboarding', 'profile'] },
    { name: 'dismiss button', open: true, label: 'Dismiss checklist', call: 'dismissChecklist', args: ['onboarding'] },
  ] as const)('$name', async ({ open, label, call, args }) => {
    await show([{ open }]);
    getByRole(shadow(), 'button', label).click();
    expect(actions[call]).toHaveBeenCalledExactlyOnceWith(...args);
  });

  it('items that do nothing are not buttons', async () => {
    await show([{ open: true }]);
    expect(getAllByRole(shadow(), 'button', 'Save a draft')).toEqual([]);
    expect(getAllByRole(shadow(), 'button').map((b) => b.textContent)).toContain('Submit an expense');
  });

  it.each([
    { name: 'none done', done: [false, false], now: '0', width: '0%' },
    { name: 'half done', done: [true, false], now: '1', width: '50%' },
    { name: 'all done', done: [true, true], now: '2', width: '100%' },
  ])('progress: $name', async ({ done, now, width }) => {
    const items = done.map((d, i) => ({ id: `i${i}`, title: `Item ${i}`, done: d, actionable: false }));
    await show([{ open: true, items }]);
    const bar = getByRole(shadow(), 'progressbar');
    expect([bar.getAttribute('aria-valuenow'), (bar.firstElementChild as HTMLElement).style.width]).toEqual([now, width]);
  });

  it('several checklists stack, each with its own launcher', async () => {
    await show([{}, { guideId: 'managers', title: 'Manager basics', items: [] }]);
    expect(shadow().querySelectorAll('.st')).toHaveLength(1);
    // Each launcher is named by what it shows (label in name), its progress in words as its description.
    expect(getAllByRole(shadow(), 'button').map((b) => [b.textContent, shadow().getElementById(b.getAttribute('aria-describedby')!)?.textContent])).toEqual([
      ['Your first week 1/4', '1 of 4 done'],
      ['Manager basics 0/0', '0 of 0 done'],
    ]);
  });
});

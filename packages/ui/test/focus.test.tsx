// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createUi } from '../src/index.ts';
import type { StepView, Ui, UiState } from '../src/index.ts';
import { checklist, deepActive, getByRole, key, recorder, shadow, state, step } from './dom.ts';

let ui: Ui | null = null;
const actions = recorder();
const show = async (over: Partial<UiState>) => {
  ui ??= createUi();
  await act(() => ui?.render(state(over), actions));
};
const tour = (over: Partial<StepView> = {}) => show({ tour: step(over) });
const button = (label: string) => {
  const el = document.body.appendChild(document.createElement('button'));
  el.textContent = label;
  return el;
};
afterEach(() => {
  ui?.destroy();
  ui = null;
  document.body.replaceChildren();
});

describe('focus', () => {
  it('moves into the dialog when a step appears, and again on the next step', async () => {
    button('page').focus();
    await tour();
    expect(deepActive()).toBe(getByRole(shadow(), 'dialog', 'Start here'));
    getByRole(shadow(), 'button', 'Close').focus();
    await tour({ stepId: 's2', title: 'Second', index: 1 });
    expect(deepActive()).toBe(getByRole(shadow(), 'dialog', 'Second'));
  });

  it('is not pulled back when the same step renders again', async () => {
    await tour();
    const close = getByRole(shadow(), 'button', 'Close');
    close.focus();
    await tour({ body: 'Changed body' });
    expect(deepActive()).toBe(close);
  });

  it.each([
    { name: 'tour closes', end: () => show({}) },
    { name: 'ui is destroyed', end: async () => ui?.destroy() },
  ])('returns to the element focused before the tour when the $name', async ({ end }) => {
    const before = button('before');
    before.focus();
    await tour();
    await tour({ stepId: 's2', title: 'Second', index: 1 });
    await end();
    expect(document.activeElement).toBe(before);
  });

  it('returns to the checklist launcher that started the tour', async () => {
    await show({ checklists: [checklist()] });
    const launcher = getByRole(shadow(), 'button', 'Your first week 1/4');
    launcher.focus();
    await show({ checklists: [checklist()], tour: step() });
    await show({ checklists: [checklist()] });
    expect(deepActive()).toBe(launcher);
  });

  it('leaves focus alone when the previous element is gone', async () => {
    const before = button('before');
    before.focus();
    await tour();
    before.remove();
    await show({});
    expect(deepActive()).not.toBe(before);
  });

  it('leaves focus where the user put it in the page', async () => {
    button('before').focus();
    await tour();
    const elsewhere = button('elsewhere');
    elsewhere.focus();
    await show({});
    expect(document.activeElement).toBe(elsewhere);
  });

  it.each([
    { name: 'modal: Tab on the last button wraps to the first', modal: true, from: 'Close', shift: false, to: 'Back' },
    { name: 'modal: Shift+Tab on the first button wraps to the last', modal: true, from: 'Back', shift: true, to: 'Close' },
    { name: 'modal: Shift+Tab on the dialog wraps to the last', modal: true, from: null, shift: true, to: 'Close' },
    { name: 'modal: Tab in the middle is left to the browser', modal: true, from: 'Back', shift: false, to: null },
    { name: 'non-modal: no trap', modal: false, from: 'Close', shift: false, to: null },
  ])('$name', async ({ modal, from, shift, to }) => {
    await tour({ modal, index: 1 });
    const dialog = getByRole(shadow(), 'dialog', 'Start here');
    const start = from ? getByRole(dialog, 'button', from) : dialog;
    start.focus();
    const handled = !key(start, 'Tab', { shiftKey: shift });
    expect({ handled, focus: deepActive() }).toEqual({
      handled: to !== null,
      focus: to ? getByRole(dialog, 'button', to) : start,
    });
  });
});

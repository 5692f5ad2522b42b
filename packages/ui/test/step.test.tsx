// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createUi } from '../src/index.ts';
import type { Locale, StepView, Ui } from '../src/index.ts';
import { accessibleName, deepActive, getAllByRole, getByRole, key, recorder, shadow, state, step } from './dom.ts';

let ui: Ui | null = null;
const show = async (tour: Partial<StepView>, actions = recorder(), locale: Locale = 'en') => {
  ui ??= createUi();
  await act(() => ui?.render(state({ locale, tour: step(tour) }), actions));
  return actions;
};
afterEach(() => {
  ui?.destroy();
  ui = null;
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dir');
});

const LABELS = [
  { name: 'English', locale: 'en', next: 'Next', back: 'Back', done: 'Done', close: 'Close', progress: '2 of 3' },
  { name: 'French', locale: 'fr', next: 'Suivant', back: 'Précédent', done: 'Terminer', close: 'Fermer', progress: '2 sur 3' },
] as const;

describe('step dialog', () => {
  it.each(LABELS)('$name: dialog named by its title, described by its body', async ({ locale }) => {
    await show({ title: 'Start here', body: 'Click **New expense**.' }, recorder(), locale);
    const dialog = getByRole(shadow(), 'dialog', 'Start here');
    const body = shadow().getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(body?.textContent).toBe('Click New expense.');
    expect(body?.querySelector('strong')?.textContent).toBe('New expense');
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
  });

  it.each(LABELS)('$name: buttons and progress on a middle step', async (l) => {
    await show({ index: 1 }, recorder(), l.locale);
    const dialog = getByRole(shadow(), 'dialog', 'Start here');
    expect(getAllByRole(dialog, 'button').map(accessibleName)).toEqual([l.back, l.next, l.close]);
    expect(dialog.textContent).toContain(l.progress);
    expect(getByRole(dialog, 'button', l.close).textContent).toBe('×');
  });

  it.each([
    { name: 'first step has no Back', index: 0, count: 3, buttons: ['Next', 'Close'] },
    { name: 'last step has Done instead of Next', index: 2, count: 3, buttons: ['Back', 'Done', 'Close'] },
    { name: 'single step is first and last', index: 0, count: 1, buttons: ['Done', 'Close'] },
  ])('$name', async ({ index, count, buttons }) => {
    await show({ index, count });
    expect(getAllByRole(shadow(), 'button').map(accessibleName)).toEqual(buttons);
  });

  it.each([
    { name: 'Next', index: 1, button: 'Next', call: 'next', args: ['expense-tour'] },
    { name: 'Back', index: 1, button: 'Back', call: 'back', args: ['expense-tour'] },
    { name: 'Done', index: 2, button: 'Done', call: 'done', args: ['expense-tour'] },
    { name: 'Close', index: 1, button: 'Close', call: 'dismiss', args: ['expense-tour', 'close'] },
  ] as const)('$name button calls $call', async ({ index, button, call, args }) => {
    const actions = await show({ index });
    getByRole(shadow(), 'button', button).click();
    expect(actions[call]).toHaveBeenCalledExactlyOnceWith(...args);
  });

  it('Esc anywhere in the page dismisses with reason escape', async () => {
    const outside = document.body.appendChild(document.createElement('input'));
    const actions = await show({});
    key(outside, 'Escape');
    expect(actions.dismiss).toHaveBeenCalledExactlyOnceWith('expense-tour', 'escape');
  });

  it.each([
    { name: 'ArrowRight goes next', dir: '', index: 1, key: 'ArrowRight', call: 'next' },
    { name: 'ArrowLeft goes back', dir: '', index: 1, key: 'ArrowLeft', call: 'back' },
    { name: 'rtl: ArrowLeft goes next', dir: 'rtl', index: 1, key: 'ArrowLeft', call: 'next' },
    { name: 'rtl: ArrowRight goes back', dir: 'rtl', index: 1, key: 'ArrowRight', call: 'back' },
    { name: 'ArrowLeft on the first step does nothing', dir: '', index: 0, key: 'ArrowLeft', call: null },
    { name: 'ArrowRight on the last step does nothing', dir: '', index: 2, key: 'ArrowRight', call: null },
  ] as const)('$name', async ({ dir, index, key: k, call }) => {
    document.documentElement.dir = dir;
    const actions = await show({ index });
    key(getByRole(shadow(), 'dialog', 'Start here'), k);
    const calls = { next: actions.next.mock.calls.length, back: actions.back.mock.calls.length };
    expect(calls).toEqual({ next: call === 'next' ? 1 : 0, back: call === 'back' ? 1 : 0 });
  });

  it('arrows outside the dialog are left to the page', async () => {
    const outside = document.body.appendChild(document.createElement('input'));
    const actions = await show({ index: 1 });
    key(outside, 'ArrowRight');
    expect(actions.next).not.toHaveBeenCalled();
  });

  it('a centred step dims the page and blocks it only when modal', async () => {
    await show({ modal: false });
    expect(shadow().querySelector('.bd')?.classList.contains('m')).toBe(false);
    await show({ modal: true });
    expect(shadow().querySelector('.bd')?.classList.contains('m')).toBe(true);
    expect(getByRole(shadow(), 'dialog', 'Start here').getAttribute('aria-modal')).toBe('true');
  });

  it('a targeted step has a spotlight and an arrow, and no backdrop', async () => {
    const target = document.body.appendChild(document.createElement('button'));
    await show({ target });
    expect(shadow().querySelectorAll('.sp')).toHaveLength(1);
    expect(shadow().querySelectorAll('.bd')).toHaveLength(0);
    expect(getByRole(shadow(), 'dialog', 'Start here').querySelectorAll('.a')).toHaveLength(1);
  });

  it('a centred step after a targeted one gets a clean full-page backdrop', async () => {
    const target = document.body.appendChild(document.createElement('button'));
    await show({ target });
    const dialog = getByRole(shadow(), 'dialog', 'Start here');
    expect((shadow().querySelector('.sp') as HTMLElement).style.width).toBe('8px');
    await show({ stepId: 's2', index: 1, target: null });
    const backdrop = shadow().querySelector('.bd') as HTMLElement;
    expect([backdrop.style.width, dialog.style.left, dialog.className]).toEqual(['', '', 's c']);
  });

  it.each([
    { name: 'clicking the target on a middle step calls next', index: 0, advance: true, call: 'next' },
    { name: 'clicking the target on the last step calls done', index: 2, advance: true, call: 'done' },
    { name: 'without advanceOnClick the click is ignored', index: 0, advance: false, call: null },
  ] as const)('$name', async ({ index, advance, call }) => {
    const target = document.body.appendChild(document.createElement('button'));
    const actions = await show({ target, index, advanceOnClick: advance });
    target.click();
    expect({ next: actions.next.mock.calls, done: actions.done.mock.calls }).toEqual({
      next: call === 'next' ? [['expense-tour']] : [],
      done: call === 'done' ? [['expense-tour']] : [],
    });
  });

  it('stops listening to the target once the step changes', async () => {
    const target = document.body.appendChild(document.createElement('button'));
    const actions = await show({ target, advanceOnClick: true });
    await show({ stepId: 's2', index: 1, target: null });
    target.click();
    expect(actions.next).not.toHaveBeenCalled();
  });
});

describe('step additions', () => {
  it.each([
    { name: 'English', locale: 'en', buttons: ['Skip tour', 'Remind me tomorrow', 'Back', 'Next', 'Close'] },
    { name: 'French', locale: 'fr', buttons: ['Passer la visite', 'Me le rappeler demain', 'Précédent', 'Suivant', 'Fermer'] },
  ] as const)('$name: Skip tour and Remind me tomorrow', async ({ locale, buttons }) => {
    await show({ index: 1, skippable: true, canSnooze: true }, recorder(), locale);
    expect(getAllByRole(shadow(), 'button').map(accessibleName)).toEqual(buttons);
  });

  it.each([
    { name: 'not skippable', over: { skippable: false } },
    { name: 'skippable, last step', over: { skippable: true, index: 2 } },
  ])('no Skip tour when $name', async ({ over }) => {
    await show(over);
    expect(getAllByRole(shadow(), 'button', 'Skip tour')).toEqual([]);
  });

  it.each([
    { name: 'Skip tour', button: 'Skip tour', call: 'skip' },
    { name: 'Remind me tomorrow', button: 'Remind me tomorrow', call: 'snooze' },
  ] as const)('$name calls $call', async ({ button, call }) => {
    const actions = await show({ skippable: true, canSnooze: true });
    getByRole(shadow(), 'button', button).click();
    expect(actions[call]).toHaveBeenCalledExactlyOnceWith('expense-tour');
  });

  it('image with alt text after the body', async () => {
    await show({ media: { image: 'https://example.com/new.png', alt: 'The New expense button' } });
    const img = getByRole(shadow(), 'img', 'The New expense button');
    expect([img.getAttribute('src'), img.previousElementSibling?.id]).toEqual(['https://example.com/new.png', 'shb']);
  });

  it('why disclosure and preview badge', async () => {
    await show({ why: 'Managers', preview: true });
    const dialog = getByRole(shadow(), 'dialog', 'Start here');
    expect(dialog.querySelector('.v')?.textContent).toBe('Preview');
    await act(() => getByRole(dialog, 'button', 'Why am I seeing this?').click());
    expect(dialog.querySelector('.w p')?.textContent).toBe('Shown to: Managers');
  });

  it('modal: the trap skips radios out of the tab order and a disabled Send', async () => {
    await show({ modal: true, index: 0, survey: { kind: 'rating' } });
    const close = getByRole(shadow(), 'button', 'Close');
    close.focus();
    key(close, 'Tab');
    expect(deepActive()).toBe(getByRole(shadow(), 'radio', '1'));
  });
});

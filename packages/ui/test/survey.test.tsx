// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createUi } from '../src/index.ts';
import type { Locale, QuestionView, StepView, SurveyView, Ui } from '../src/index.ts';
import { accessibleName, deepActive, getAllByRole, getByRole, key, recorder, shadow, state, step, survey } from './dom.ts';

let ui: Ui | null = null;
const show = async (over: Partial<SurveyView> = {}, actions = recorder(), locale: Locale = 'en') => {
  ui ??= createUi();
  await act(() => ui?.render(state({ locale, survey: survey(over) }), actions));
  return actions;
};
const radios = () => getAllByRole(shadow(), 'radio');
const checked = () => radios().filter((r) => r.getAttribute('aria-checked') === 'true').map(accessibleName);
const tabStops = () => radios().filter((r) => (r as HTMLElement).tabIndex === 0).map(accessibleName);
afterEach(() => {
  ui?.destroy();
  ui = null;
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dir');
});

const CHOICE: QuestionView = {
  kind: 'choice',
  options: [
    { id: 'search', label: 'Finding things' },
    { id: 'speed', label: 'Speed' },
    { id: 'other', label: 'Something else' },
  ],
};

describe('survey', () => {
  it.each([
    { name: 'rating', question: { kind: 'rating' }, radios: ['1', '2', '3', '4', '5'] },
    { name: 'NPS', question: { kind: 'nps' }, radios: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] },
    { name: 'choice', question: CHOICE, radios: ['Finding things', 'Speed', 'Something else'] },
  ] as const)('$name: a dialog named by the question, a radiogroup named the same', async ({ question, radios: names }) => {
    await show({ question });
    const dialog = getByRole(shadow(), 'dialog', 'How easy was it?');
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    const group = getByRole(dialog, 'radiogroup', 'How easy was it?');
    expect(getAllByRole(group, 'radio').map(accessibleName)).toEqual(names);
    expect({ checked: checked(), tabStops: tabStops() }).toEqual({ checked: [], tabStops: [names[0]] });
  });

  it.each([
    { name: 'English', locale: 'en', send: 'Send', low: 'Not likely', high: 'Very likely', close: 'Close' },
    { name: 'French', locale: 'fr', send: 'Envoyer', low: 'Peu probable', high: 'Très probable', close: 'Fermer' },
  ] as const)('$name: NPS ends describe the group; Send and Close', async ({ locale, send, low, high, close }) => {
    await show({ question: { kind: 'nps' } }, recorder(), locale);
    const group = getByRole(shadow(), 'radiogroup');
    const described = group.getAttribute('aria-describedby')!.split(' ').map((id) => shadow().getElementById(id)?.textContent);
    expect(described).toEqual([low, high]);
    expect(getAllByRole(shadow(), 'button').filter((b) => !b.getAttribute('role')).map(accessibleName)).toEqual([send, close]);
  });

  it.each([
    { name: 'rating 4', question: { kind: 'rating' }, pick: '4', value: 4 },
    { name: 'NPS 0', question: { kind: 'nps' }, pick: '0', value: 0 },
    { name: 'choice', question: CHOICE, pick: 'Speed', value: 'speed' },
  ] as const)('$name: Send is disabled until an answer is chosen, then answers', async ({ question, pick, value }) => {
    const actions = await show({ question });
    const send = getByRole(shadow(), 'button', 'Send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    getByRole(shadow(), 'radio', pick).click();
    await act(() => {});
    expect({ checked: checked(), tabStops: tabStops(), disabled: send.disabled }).toEqual({
      checked: [pick],
      tabStops: [pick],
      disabled: false,
    });
    send.click();
    expect(actions.answer).toHaveBeenCalledExactlyOnceWith('csat', value);
  });

  it.each([
    { name: 'ArrowRight selects the next', dir: '', from: '2', key: 'ArrowRight', to: '3' },
    { name: 'ArrowDown selects the next', dir: '', from: '2', key: 'ArrowDown', to: '3' },
    { name: 'ArrowLeft selects the previous', dir: '', from: '2', key: 'ArrowLeft', to: '1' },
    { name: 'ArrowUp selects the previous', dir: '', from: '2', key: 'ArrowUp', to: '1' },
    { name: 'ArrowRight wraps from the last', dir: '', from: '5', key: 'ArrowRight', to: '1' },
    { name: 'ArrowLeft wraps from the first', dir: '', from: '1', key: 'ArrowLeft', to: '5' },
    { name: 'rtl: ArrowLeft selects the next', dir: 'rtl', from: '2', key: 'ArrowLeft', to: '3' },
    { name: 'rtl: ArrowRight selects the previous', dir: 'rtl', from: '2', key: 'ArrowRight', to: '1' },
  ])('keyboard: $name', async ({ dir, from, key: k, to }) => {
    document.documentElement.dir = dir;
    await show();
    const start = getByRole(shadow(), 'radio', from);
    start.focus();
    let handled = false;
    await act(() => {
      handled = !key(start, k);
    });
    expect({ handled, focus: accessibleName(deepActive()!), checked: checked(), tabStops: tabStops() }).toEqual({
      handled: true,
      focus: to,
      checked: [to],
      tabStops: [to],
    });
  });

  it('free text: a textarea named by the question, trimmed answer, max length', async () => {
    const actions = await show({ question: { kind: 'text', maxLength: 200 } });
    const box = getByRole(shadow(), 'textbox', 'How easy was it?') as HTMLTextAreaElement;
    expect(box.maxLength).toBe(200);
    const send = getByRole(shadow(), 'button', 'Send') as HTMLButtonElement;
    await act(() => {
      box.value = '   ';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(send.disabled).toBe(true);
    await act(() => {
      box.value = ' The export button is hidden ';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    send.click();
    expect(actions.answer).toHaveBeenCalledExactlyOnceWith('csat', 'The export button is hidden');
  });

  it.each([
    { name: 'Close', close: () => getByRole(shadow(), 'button', 'Close').click(), reason: 'close' },
    { name: 'Esc', close: () => key(document.body, 'Escape'), reason: 'escape' },
  ])('$name dismisses the survey', async ({ close, reason }) => {
    const actions = await show();
    close();
    expect(actions.dismiss).toHaveBeenCalledExactlyOnceWith('csat', reason);
  });

  it('takes focus when it appears', async () => {
    await show();
    expect(deepActive()).toBe(getByRole(shadow(), 'dialog', 'How easy was it?'));
  });
});

describe('survey step', () => {
  const tour = async (over: Partial<StepView>, actions = recorder()) => {
    ui ??= createUi();
    await act(() => ui?.render(state({ tour: step({ index: 1, survey: { kind: 'rating' }, ...over }) }), actions));
    return actions;
  };

  it('asks inside the step, named by the step title; answering replaces Next', async () => {
    const actions = await tour({});
    const dialog = getByRole(shadow(), 'dialog', 'Start here');
    getByRole(dialog, 'radiogroup', 'Start here');
    expect(getAllByRole(dialog, 'button').filter((b) => !b.getAttribute('role')).map(accessibleName)).toEqual([
      'Send',
      'Back',
      'Close',
    ]);
    getByRole(dialog, 'radio', '5').click();
    await act(() => {});
    getByRole(dialog, 'button', 'Send').click();
    expect(actions.answer).toHaveBeenCalledExactlyOnceWith('expense-tour', 5);
  });

  it.each([
    { name: 'arrows on a radio stay in the group', target: () => getByRole(shadow(), 'radio', '1') },
    { name: 'arrows in a textarea move the caret only', target: () => getByRole(shadow(), 'textbox'), text: true },
    { name: 'arrows on the dialog do not skip the question', target: () => getByRole(shadow(), 'dialog') },
  ])('$name', async ({ target, text }) => {
    const actions = await tour(text ? { survey: { kind: 'text', maxLength: 500 } } : {});
    key(target(), 'ArrowRight');
    key(target(), 'ArrowLeft');
    expect({ next: actions.next.mock.calls.length }).toEqual({ next: 0 });
    expect(actions.back.mock.calls.length).toBe(text ? 0 : target().getAttribute('role') === 'dialog' ? 1 : 0);
  });

  it('a new survey step starts unanswered', async () => {
    await tour({});
    getByRole(shadow(), 'radio', '3').click();
    await tour({ stepId: 's2', index: 2 });
    expect(checked()).toEqual([]);
  });
});

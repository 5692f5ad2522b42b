// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUi } from '../src/index.ts';
import type { Locale, TooltipView, Ui } from '../src/index.ts';
import { deepActive, getAllByRole, getByRole, key, recorder, shadow, state, step, tooltip } from './dom.ts';

let ui: Ui;
let target: HTMLElement;
let actions: ReturnType<typeof recorder>;
const show = async (tips: Partial<TooltipView>[], locale: Locale = 'en') => {
  await act(() => ui.render(state({ locale, tooltips: tips.map((t) => tooltip(target, t)) }), actions));
};
beforeEach(() => {
  ui = createUi();
  actions = recorder();
  target = document.body.appendChild(document.createElement('button'));
});
afterEach(() => {
  ui.destroy();
  document.body.replaceChildren();
});

describe('tooltip', () => {
  it('shows a beacon named by the title, collapsed, and no tip', async () => {
    await show([{}]);
    const beacon = getByRole(shadow(), 'button', 'Export');
    expect(beacon.getAttribute('aria-expanded')).toBe('false');
    expect(getAllByRole(shadow(), 'dialog')).toEqual([]);
  });

  it.each([
    { name: 'closed beacon opens', open: false, call: true },
    { name: 'open beacon closes', open: true, call: false },
  ])('$name', async ({ open, call }) => {
    await show([{ open }]);
    getByRole(shadow(), 'button', 'Export').click();
    expect(actions.toggleTooltip).toHaveBeenCalledExactlyOnceWith('export-tip', call);
  });

  it.each([
    { name: 'English', locale: 'en', close: 'Close' },
    { name: 'French', locale: 'fr', close: 'Fermer' },
  ] as const)('$name: open tip is a non-modal dialog with the same name, body and Close', async ({ locale, close }) => {
    await show([{ open: true }], locale);
    const tip = getByRole(shadow(), 'dialog', 'Export');
    expect(tip.hasAttribute('aria-modal')).toBe(false);
    expect(shadow().getElementById(tip.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Export your team report as CSV.',
    );
    expect(getByRole(shadow(), 'button', 'Export').getAttribute('aria-expanded')).toBe('true');
    getByRole(tip, 'button', close).click();
    expect(actions.toggleTooltip).toHaveBeenCalledExactlyOnceWith('export-tip', false);
  });

  it('moves focus into the tip and back to the beacon when closed from inside', async () => {
    await show([{ open: true }]);
    expect(deepActive()).toBe(getByRole(shadow(), 'dialog', 'Export'));
    getByRole(shadow(), 'button', 'Close').focus();
    await show([{ open: false }]);
    expect(deepActive()).toBe(getByRole(shadow(), 'button', 'Export'));
  });

  it('Esc closes the open tips only', async () => {
    await show([{ open: true }, { guideId: 'other', title: 'Other', open: false }]);
    key(document.body, 'Escape');
    expect(actions.toggleTooltip.mock.calls).toEqual([['export-tip', false]]);
  });

  it('Esc with a tour shown dismisses the tour, not the tip', async () => {
    await act(() => ui.render(state({ tour: step(), tooltips: [tooltip(target, { open: true })] }), actions));
    key(document.body, 'Escape');
    expect({ dismiss: actions.dismiss.mock.calls, toggle: actions.toggleTooltip.mock.calls }).toEqual({
      dismiss: [['expense-tour', 'escape']],
      toggle: [],
    });
  });

  it('no Esc listener while every tip is closed', async () => {
    await show([{ open: false }]);
    key(document.body, 'Escape');
    expect(actions.toggleTooltip).not.toHaveBeenCalled();
  });

  it('several tips get distinct ids', async () => {
    await show([{ open: true }, { guideId: 'b', title: 'Second', open: true }]);
    expect(getAllByRole(shadow(), 'dialog').map((d) => d.getAttribute('aria-labelledby'))).toEqual(['th0', 'th1']);
    expect(getByRole(shadow(), 'dialog', 'Second').textContent).toContain('Second');
  });
});

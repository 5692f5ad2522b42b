// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createUi } from '../src/index.ts';
import type { AnnouncementView, Locale, Ui } from '../src/index.ts';
import { accessibleName, announcement, deepActive, getAllByRole, getByRole, key, recorder, shadow, state } from './dom.ts';

let ui: Ui | null = null;
const show = async (over: Partial<AnnouncementView> = {}, actions = recorder(), locale: Locale = 'en') => {
  ui ??= createUi();
  await act(() => ui?.render(state({ locale, announcement: announcement(over) }), actions));
  return actions;
};
afterEach(() => {
  ui?.destroy();
  ui = null;
  document.body.replaceChildren();
});

const FULL = { action: { label: 'Open Finance' }, canSnooze: true } as const;

describe('announcement', () => {
  it.each([
    { name: 'English', locale: 'en', buttons: ['Remind me tomorrow', 'Open Finance', 'Close'] },
    { name: 'French', locale: 'fr', buttons: ['Me le rappeler demain', 'Open Finance', 'Fermer'] },
  ] as const)('$name: modal dialog named by its title, described by its body, over a blocking backdrop', async ({ locale, buttons }) => {
    await show(FULL, recorder(), locale);
    const dialog = getByRole(shadow(), 'dialog', 'Expenses have moved');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(shadow().getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe('Find them under Finance.');
    expect(getAllByRole(dialog, 'button').map(accessibleName)).toEqual(buttons);
    expect(shadow().querySelector('.bd.m')).not.toBeNull();
    expect(deepActive()).toBe(dialog);
  });

  it('banner: a region named by its title, no backdrop, focus left in the page', async () => {
    const page = document.body.appendChild(document.createElement('input'));
    page.focus();
    await show({ display: 'banner' });
    const region = getByRole(shadow(), 'region', 'Expenses have moved');
    expect([region.hasAttribute('aria-modal'), shadow().querySelector('.bd'), getAllByRole(shadow(), 'dialog')]).toEqual([
      false,
      null,
      [],
    ]);
    expect(getByRole(region, 'button', 'Close').textContent).toBe('×');
    expect(document.activeElement).toBe(page);
  });

  it.each([
    { name: 'action button', button: 'Open Finance', call: 'announcementAction' },
    { name: 'Remind me tomorrow', button: 'Remind me tomorrow', call: 'snooze' },
    { name: 'Close', button: 'Close', call: 'closeAnnouncement' },
  ] as const)('$name calls $call', async ({ button, call }) => {
    const actions = await show(FULL);
    getByRole(shadow(), 'button', button).click();
    expect(actions[call]).toHaveBeenCalledExactlyOnceWith('new-expenses');
  });

  it.each([
    { name: 'modal closes on Esc', display: 'modal', calls: [['new-expenses']] },
    { name: 'banner ignores Esc (it never took focus)', display: 'banner', calls: [] },
  ] as const)('$name', async ({ display, calls }) => {
    const actions = await show({ display });
    key(document.body, 'Escape');
    expect(actions.closeAnnouncement.mock.calls).toEqual(calls);
  });

  it.each([
    { name: 'Tab on the last button wraps to the first', from: 'Close', shift: false, to: 'Remind me tomorrow' },
    { name: 'Shift+Tab on the first button wraps to the last', from: 'Remind me tomorrow', shift: true, to: 'Close' },
    { name: 'Tab in the middle is left to the browser', from: 'Open Finance', shift: false, to: null },
  ])('focus trap: $name', async ({ from, shift, to }) => {
    await show(FULL);
    const start = getByRole(shadow(), 'button', from);
    start.focus();
    const handled = !key(start, 'Tab', { shiftKey: shift });
    expect({ handled, focus: deepActive() }).toEqual({ handled: to !== null, focus: to ? getByRole(shadow(), 'button', to) : start });
  });

  it.each([
    { name: 'image with alt', media: { image: 'https://example.com/finance.png', alt: 'The Finance menu' }, tag: 'IMG' },
    { name: 'video with a name', media: { video: 'https://example.com/finance.mp4', alt: 'The Finance menu' }, tag: 'VIDEO' },
  ])('media: $name', async ({ media, tag }) => {
    await show({ media });
    const el = shadow().querySelector('img,video') as HTMLElement;
    expect([el.tagName, accessibleName(el)]).toEqual([tag, 'The Finance menu']);
    if (el instanceof HTMLVideoElement) expect([el.controls, el.muted, el.autoplay]).toEqual([true, true, false]);
  });

  it.each([
    { name: 'English', locale: 'en', why: 'Why am I seeing this?', shown: 'Shown to: New hires', badge: 'Preview' },
    { name: 'French', locale: 'fr', why: 'Pourquoi ce guide ?', shown: 'Affiché pour : New hires', badge: 'Aperçu' },
  ] as const)('$name: "why" disclosure and preview badge', async ({ locale, why, shown, badge }) => {
    await show({ why: 'New hires', preview: true }, recorder(), locale);
    const dialog = getByRole(shadow(), 'dialog', 'Expenses have moved');
    expect(dialog.querySelector('.v')?.textContent).toBe(badge);
    const disclosure = getByRole(dialog, 'button', why);
    expect([disclosure.getAttribute('aria-expanded'), dialog.textContent?.includes(shown)]).toEqual(['false', false]);
    await act(() => disclosure.click());
    expect([disclosure.getAttribute('aria-expanded'), dialog.textContent?.includes(shown)]).toEqual(['true', true]);
  });

  it('gives focus back to the page when it closes', async () => {
    const page = document.body.appendChild(document.createElement('button'));
    page.focus();
    await show();
    await act(() => ui?.render(state(), recorder()));
    expect(document.activeElement).toBe(page);
  });
});

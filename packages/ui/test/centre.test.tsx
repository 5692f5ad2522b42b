// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createUi } from '../src/index.ts';
import type { Locale, ResourceCentreView, Ui } from '../src/index.ts';
import { accessibleName, centre, deepActive, getAllByRole, getByRole, key, recorder, shadow, state } from './dom.ts';

let ui: Ui | null = null;
const show = async (over: Partial<ResourceCentreView> = {}, actions = recorder(), locale: Locale = 'en') => {
  ui ??= createUi();
  await act(() => ui?.render(state({ locale, resourceCentres: [centre(over)] }), actions));
  return actions;
};
const search = async (text: string) => {
  const box = getByRole(shadow(), 'searchbox') as HTMLInputElement;
  await act(() => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const headings = () => getAllByRole(shadow(), 'heading').map(accessibleName);
const items = () => getAllByRole(shadow(), 'listitem').map((li) => li.textContent);
afterEach(() => {
  ui?.destroy();
  ui = null;
  document.body.replaceChildren();
});

describe('resource centre', () => {
  it.each([
    {
      name: 'English',
      locale: 'en',
      help: 'Help',
      search: 'Search',
      headings: ['Help centre', 'Guides', 'Your ambassadors', 'Learn more'],
      items: ['Submit an expense CompletedFive steps', 'Export a report New', 'Amélie Roux Finance', 'Bilal Haddad ', 'Expense policy FAQWhat you can claim', 'Travel webinar Webinar'],
      optIn: 'Show guides automatically',
    },
    {
      name: 'French',
      locale: 'fr',
      help: 'Aide',
      search: 'Rechercher',
      headings: ['Help centre', 'Guides', 'Vos ambassadeurs', 'Pour aller plus loin'],
      items: ['Submit an expense TerminéFive steps', 'Export a report Nouveau', 'Amélie Roux Finance', 'Bilal Haddad ', 'Expense policy FAQWhat you can claim', 'Travel webinar Webinaire'],
      optIn: 'Afficher les guides automatiquement',
    },
  ] as const)('$name: launcher, dialog, search box, sections, opt-in checkbox', async (l) => {
    await show({}, recorder(), l.locale);
    expect(getByRole(shadow(), 'button', l.help).getAttribute('aria-expanded')).toBe('true');
    const dialog = getByRole(shadow(), 'dialog', 'Help centre');
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(getByRole(dialog, 'searchbox', l.search)).toBe(deepActive());
    expect(headings()).toEqual(l.headings);
    expect(items()).toEqual(l.items);
    expect((getByRole(dialog, 'checkbox', l.optIn) as HTMLInputElement).checked).toBe(true);
  });

  it('closed: only the launcher', async () => {
    await show({ open: false });
    expect(getByRole(shadow(), 'button', 'Help').getAttribute('aria-expanded')).toBe('false');
    expect(getAllByRole(shadow(), 'dialog')).toEqual([]);
  });

  it('ambassadors: photo is decorative, the name links to the contact', async () => {
    await show();
    expect(getByRole(shadow(), 'link', 'Amélie Roux').getAttribute('href')).toBe('mailto:amelie@example.com');
    const chat = getByRole(shadow(), 'link', 'Bilal Haddad');
    expect([chat.getAttribute('href'), chat.getAttribute('target'), chat.getAttribute('rel')]).toEqual([
      'https://chat.example.com/bilal',
      '_blank',
      'noopener noreferrer',
    ]);
    const photo = getByRole(shadow(), 'img');
    expect([photo.getAttribute('src'), photo.getAttribute('alt')]).toEqual(['https://example.com/a.jpg', '']);
  });

  it('a contact with a refused scheme is plain text', async () => {
    await show({ ambassadors: [{ name: 'Eve', contact: 'javascript:alert(1)' }] });
    expect(getAllByRole(shadow(), 'link', 'Eve')).toEqual([]);
    expect(items()).toContain('Eve ');
  });

  it.each([
    { name: 'guide title', query: 'EXPORT', items: ['Export a report New'] },
    { name: 'guide description', query: 'five', items: ['Submit an expense CompletedFive steps'] },
    { name: 'ambassador role', query: 'finance', items: ['Amélie Roux Finance'] },
    { name: 'without accents', query: 'amelie', items: ['Amélie Roux Finance'] },
    { name: 'resource kind', query: 'webinar', items: ['Travel webinar Webinar'] },
    { name: 'resource description', query: 'claim', items: ['Expense policy FAQWhat you can claim'] },
    { name: 'several sections', query: 'expense', items: ['Submit an expense CompletedFive steps', 'Expense policy FAQWhat you can claim'] },
  ])('search filters by $name', async ({ query, items: expected }) => {
    await show();
    await search(query);
    expect(items()).toEqual(expected);
    expect(getByRole(shadow(), 'status').textContent).toBe('');
  });

  it.each([
    { name: 'English', locale: 'en', none: 'No results' },
    { name: 'French', locale: 'fr', none: 'Aucun résultat' },
  ] as const)('$name: no match hides every section and says so', async ({ locale, none }) => {
    await show({}, recorder(), locale);
    await search('zzz');
    expect({ headings: headings(), items: items(), status: getByRole(shadow(), 'status').textContent }).toEqual({
      headings: ['Help centre'],
      items: [],
      status: none,
    });
  });

  it.each([
    { name: 'launcher opens', open: false, click: () => getByRole(shadow(), 'button', 'Help'), call: 'toggleResourceCentre', args: ['help', true] },
    { name: 'launcher closes', open: true, click: () => getByRole(shadow(), 'button', 'Help'), call: 'toggleResourceCentre', args: ['help', false] },
    { name: 'Close', open: true, click: () => getByRole(shadow(), 'button', 'Close'), call: 'toggleResourceCentre', args: ['help', false] },
    { name: 'a guide restarts', open: true, click: () => getByRole(shadow(), 'button', 'Submit an expense'), call: 'restartGuide', args: ['expense-tour'] },
    { name: 'unchecking opts out', open: true, click: () => getByRole(shadow(), 'checkbox'), call: 'setOptOut', args: [true] },
  ] as const)('$name', async ({ open, click, call, args }) => {
    const actions = await show({ open });
    await act(() => click().click());
    expect(actions[call]).toHaveBeenCalledExactlyOnceWith(...args);
  });

  it('checking opts back in', async () => {
    const actions = await show({ optedOut: true });
    const box = getByRole(shadow(), 'checkbox') as HTMLInputElement;
    expect(box.checked).toBe(false);
    await act(() => box.click());
    expect(actions.setOptOut).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('Esc closes it', async () => {
    const actions = await show();
    key(document.body, 'Escape');
    expect(actions.toggleResourceCentre).toHaveBeenCalledExactlyOnceWith('help', false);
  });

  it('focus goes back to the launcher when closed from inside', async () => {
    await show();
    getByRole(shadow(), 'button', 'Close').focus();
    await show({ open: false });
    expect(deepActive()).toBe(getByRole(shadow(), 'button', 'Help'));
  });
});

import { describe, expect, it } from 'vitest';
import { formatError, parseBundle } from '../src/index.ts';
import { bundle, checklist, fixture, tooltip, tour } from './helpers.ts';

const pops = { managers: { when: { attr: 'isManager', eq: true } } };

// One broken thing per row: the error's full path, the guide id when readable, and both languages.
const invalid: { name: string; input: unknown; path: string; guide?: string; en: string; fr: string }[] = [
  { name: 'not an object', input: [], path: '', en: 'expected an object, got array', fr: 'objet attendu, reçu : tableau' },
  { name: 'wrong format version', input: { version: 2, guides: [] }, path: 'version', en: 'expected 1, got 2', fr: 'attendu : 1, reçu : 2' },
  { name: 'guides missing', input: { version: 1 }, path: 'guides', en: 'missing, expected an array', fr: 'manquant, tableau attendu' },
  { name: 'guides not an array', input: { version: 1, guides: {} }, path: 'guides', en: 'expected an array, got object', fr: 'tableau attendu, reçu : objet' },
  { name: 'populations a list', input: { version: 1, populations: [], guides: [] }, path: 'populations', en: 'expected an object, got array', fr: 'objet attendu, reçu : tableau' },
  { name: 'unknown top-level key', input: { version: 1, guides: [], guids: [] }, path: 'guids', en: 'unknown key "guids"', fr: 'clé inconnue « guids »' },
  { name: 'step target a number', input: bundle([tour('t', [{ id: 's', title: 'S', target: 5 }])]), path: 'guides[0].steps[0].target', guide: 't', en: 'expected a string, an object or an array, got number', fr: 'chaîne, objet ou tableau attendu, reçu : nombre' },
  { name: 'unknown guide type', input: bundle([{ id: 'g', type: 'toor', title: 'T' }]), path: 'guides[0].type', guide: 'g', en: 'expected "tour", "tooltip", "checklist", "announcement", "survey" or "resource-centre", got "toor"', fr: 'attendu : "tour", "tooltip", "checklist", "announcement", "survey" ou "resource-centre", reçu : "toor"' },
  { name: 'tour without steps', input: bundle([tour('t', [])]), path: 'guides[0].steps', guide: 't', en: 'must not be empty', fr: 'ne doit pas être vide' },
  { name: 'duplicate step ids', input: bundle([tour('t', [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }])]), path: 'guides[0].steps[1].id', guide: 't', en: 'duplicate id "a"', fr: 'identifiant « a » en double' },
  { name: 'duplicate item ids', input: bundle([checklist('c', [{ id: 'i', title: 'A', doneWhen: { url: '/a' } }, { id: 'i', title: 'B', doneWhen: { url: '/b' } }])]), path: 'guides[0].items[1].id', guide: 'c', en: 'duplicate id "i"', fr: 'identifiant « i » en double' },
  { name: 'misspelt placement', input: bundle([tooltip('t', { placement: 'botom' })]), path: 'guides[0].placement', guide: 't', en: expect.stringMatching(/^expected "top", .* or "right-end", got "botom"$/), fr: expect.stringMatching(/^attendu : "top", .* ou "right-end", reçu : "botom"$/) },
  { name: 'id with a space', input: bundle([tooltip('my tip')]), path: 'guides[0].id', guide: 'my tip', en: expect.stringMatching(/^invalid id/), fr: expect.stringMatching(/^identifiant invalide/) },
  { name: 'id too long', input: bundle([tooltip('x'.repeat(65))]), path: 'guides[0].id', guide: 'x'.repeat(65), en: 'at most 64 characters', fr: 'au plus 64 caractères' },
  { name: 'id missing', input: bundle([{ type: 'tooltip', title: 'T', target: '#x' }]), path: 'guides[0].id', en: 'missing, expected a string', fr: 'manquant, chaîne attendue' },
  { name: 'priority not an integer', input: bundle([tooltip('t', { priority: 1.5 })]), path: 'guides[0].priority', guide: 't', en: 'expected an integer, got number', fr: 'entier attendu, reçu : nombre' },
  { name: 'guide version 0', input: bundle([tooltip('t', { version: 0 })]), path: 'guides[0].version', guide: 't', en: 'at least 1', fr: 'au moins 1' },
  { name: 'negative wait', input: bundle([tour('t', [{ id: 's', title: 'S', wait: -1 }])]), path: 'guides[0].steps[0].wait', guide: 't', en: 'at least 0', fr: 'au moins 0' },
  { name: 'unknown guide key', input: bundle([tooltip('t', { colour: 'red' })]), path: 'guides[0].colour', guide: 't', en: 'unknown key "colour"', fr: 'clé inconnue « colour »' },
  { name: 'title a number', input: bundle([tooltip('t', { title: 5 })]), path: 'guides[0].title', guide: 't', en: 'expected a string or an object, got number', fr: 'chaîne ou objet attendu, reçu : nombre' },
  { name: 'title empty', input: bundle([tooltip('t', { title: '' })]), path: 'guides[0].title', guide: 't', en: 'must not be empty', fr: 'ne doit pas être vide' },
  { name: 'title with no language', input: bundle([tooltip('t', { title: {} })]), path: 'guides[0].title', guide: 't', en: 'needs "en" or "fr"', fr: '« en » ou « fr » requis' },
  { name: 'title with an empty language', input: bundle([tooltip('t', { title: { en: 'Hi', fr: '' } })]), path: 'guides[0].title.fr', guide: 't', en: 'must not be empty', fr: 'ne doit pas être vide' },
  { name: 'title in German', input: bundle([tooltip('t', { title: { de: 'Hallo' } })]), path: 'guides[0].title.de', guide: 't', en: 'unknown key "de"', fr: 'clé inconnue « de »' },
  { name: 'trigger url list with a number', input: bundle([tooltip('t', { trigger: { url: ['/a', 2] } })]), path: 'guides[0].trigger.url[1]', guide: 't', en: 'expected a string, got number', fr: 'chaîne attendue, reçu : nombre' },
  { name: 'empty audience', input: bundle([tooltip('t', { audience: [] })]), path: 'guides[0].audience', guide: 't', en: 'must not be empty', fr: 'ne doit pas être vide' },
  { name: 'doneWhen with an unknown key', input: bundle([checklist('c', [{ id: 'i', title: 'I', doneWhen: { gide: 'x' } }])]), path: 'guides[0].items[0].doneWhen.gide', guide: 'c', en: 'unknown key "gide", expected one of guide, url, click, event', fr: 'clé inconnue « gide », attendu : guide, url, click, event' },
  { name: 'doneWhen url not a string', input: bundle([checklist('c', [{ id: 'i', title: 'I', doneWhen: { url: true } }])]), path: 'guides[0].items[0].doneWhen.url', guide: 'c', en: 'expected a string, got boolean', fr: 'chaîne attendue, reçu : booléen' },
  { name: 'javascript: link', input: bundle([checklist('c', [{ id: 'i', title: 'I', doneWhen: { url: '/a' }, href: 'javascript:alert(1)' }])]), path: 'guides[0].items[0].href', guide: 'c', en: expect.stringMatching(/^invalid link/), fr: expect.stringMatching(/^lien invalide/) },
  { name: 'link hiding a scheme behind a tab', input: bundle([checklist('c', [{ id: 'i', title: 'I', doneWhen: { url: '/a' }, href: 'java\tscript:x' }])]), path: 'guides[0].items[0].href', guide: 'c', en: expect.stringMatching(/^invalid link/), fr: expect.stringMatching(/^lien invalide/) },
  { name: 'guide null', input: bundle([null]), path: 'guides[0]', en: 'expected an object, got null', fr: 'objet attendu, reçu : null' },
  { name: 'population rule attr a number', input: bundle([], { managers: { when: { attr: 5, eq: 1 } } }), path: 'populations.managers.when.attr', en: 'expected a string, got number', fr: 'chaîne attendue, reçu : nombre' },
  { name: 'population key not an id', input: bundle([], { 'my pop': pops.managers }), path: 'populations["my pop"]', en: expect.stringMatching(/^invalid id/), fr: expect.stringMatching(/^identifiant invalide/) },
  // Issue 5: targets, media, questions, dates, the new guide types and settings.
  { name: 'target role a number', input: bundle([tour('t', [{ id: 's', title: 'S', target: { role: 5 } }])]), path: 'guides[0].steps[0].target.role', guide: 't', en: 'expected a string, got number', fr: 'chaîne attendue, reçu : nombre' },
  { name: 'target with neither role nor text', input: bundle([tour('t', [{ id: 's', title: 'S', target: {} }])]), path: 'guides[0].steps[0].target', guide: 't', en: 'expected one of role, text', fr: 'attendu : role, text' },
  { name: 'target key misspelt', input: bundle([tooltip('t', { target: { rol: 'button' } })]), path: 'guides[0].target.rol', guide: 't', en: 'unknown key "rol", expected one of role, text', fr: 'clé inconnue « rol », attendu : role, text' },
  { name: 'target with both role and text', input: bundle([tooltip('t', { target: { role: 'button', text: 'Go' } })]), path: 'guides[0].target.text', guide: 't', en: 'unknown key "text"', fr: 'clé inconnue « text »' },
  { name: 'target an empty list', input: bundle([tooltip('t', { target: [] })]), path: 'guides[0].target', guide: 't', en: 'must not be empty', fr: 'ne doit pas être vide' },
  { name: 'target list with a number', input: bundle([tooltip('t', { target: ['#a', 5] })]), path: 'guides[0].target[1]', guide: 't', en: 'expected a string or an object, got number', fr: 'chaîne ou objet attendu, reçu : nombre' },
  { name: 'target list with an empty text', input: bundle([tooltip('t', { target: ['#a', { text: '' }] })]), path: 'guides[0].target[1].text', guide: 't', en: 'must not be empty', fr: 'ne doit pas être vide' },
  { name: 'media with image and video', input: bundle([tour('t', [{ id: 's', title: 'S', media: { image: 'https://a.b/i.png', video: 'https://a.b/v.mp4', alt: 'x' } }])]), path: 'guides[0].steps[0].media', guide: 't', en: 'needs exactly one of "image" and "video"', fr: 'exactement un de « image » et « video » requis' },
  { name: 'media with neither', input: bundle([tour('t', [{ id: 's', title: 'S', media: { alt: 'x' } }])]), path: 'guides[0].steps[0].media', guide: 't', en: 'needs exactly one of "image" and "video"', fr: 'exactement un de « image » et « video » requis' },
  { name: 'captions on an image', input: bundle([tour('t', [{ id: 's', title: 'S', media: { image: 'https://a.b/i.png', captions: 'https://a.b/c.vtt', alt: 'x' } }])]), path: 'guides[0].steps[0].media', guide: 't', en: '"captions" needs "video"', fr: '« captions » exige « video »' },
  { name: 'captions relative', input: bundle([tour('t', [{ id: 's', title: 'S', media: { video: 'https://a.b/v.mp4', captions: { fr: 'c.vtt' }, alt: 'x' } }])]), path: 'guides[0].steps[0].media.captions.fr', guide: 't', en: 'invalid URL: http(s) only, without spaces', fr: 'URL invalide : http(s) uniquement, sans espaces' },
  { name: 'media image javascript:', input: bundle([tour('t', [{ id: 's', title: 'S', media: { image: 'javascript:alert(1)', alt: 'x' } }])]), path: 'guides[0].steps[0].media.image', guide: 't', en: 'invalid URL: http(s) only, without spaces', fr: 'URL invalide : http(s) uniquement, sans espaces' },
  { name: 'media without alt', input: bundle([tour('t', [{ id: 's', title: 'S', media: { image: 'https://a.b/i.png' } }])]), path: 'guides[0].steps[0].media.alt', guide: 't', en: 'missing, expected a string or an object', fr: 'manquant, chaîne ou objet attendu' },
  { name: 'onMissing misspelt', input: bundle([tour('t', [{ id: 's', title: 'S', onMissing: 'hide' }])]), path: 'guides[0].steps[0].onMissing', guide: 't', en: 'expected "skip" or "pause", got "hide"', fr: 'attendu : "skip" ou "pause", reçu : "hide"' },
  { name: 'advance key misspelt', input: bundle([tour('t', [{ id: 's', title: 'S', advance: { evnt: 'saved' } }])]), path: 'guides[0].steps[0].advance.evnt', guide: 't', en: 'unknown key "evnt"', fr: 'clé inconnue « evnt »' },
  { name: 'startAt not a date', input: bundle([tooltip('t', { startAt: 'tomorrow' })]), path: 'guides[0].startAt', guide: 't', en: 'expected an ISO 8601 date (2026-03-01) or date-time (2026-03-01T09:00:00Z)', fr: 'date ISO 8601 attendue (2026-03-01 ou 2026-03-01T09:00:00Z)' },
  { name: 'endAt on 30 February', input: bundle([tooltip('t', { endAt: '2026-02-30' })]), path: 'guides[0].endAt', guide: 't', en: expect.stringMatching(/^expected an ISO 8601 date/), fr: expect.stringMatching(/^date ISO 8601 attendue/) },
  { name: 'endAt before startAt', input: bundle([tooltip('t', { startAt: '2026-03-01', endAt: '2026-02-28T23:59' })]), path: 'guides[0].endAt', guide: 't', en: 'must not be before startAt', fr: 'ne doit pas précéder startAt' },
  { name: 'negative trigger delay', input: bundle([tooltip('t', { trigger: { delay: -1 } })]), path: 'guides[0].trigger.delay', guide: 't', en: 'at least 0', fr: 'au moins 0' },
  { name: 'announcement action with href and guide', input: bundle([{ id: 'a', type: 'announcement', title: 'A', action: { label: 'Go', href: '/x', guide: 'b' } }]), path: 'guides[0].action', guide: 'a', en: 'needs exactly one of "href" and "guide"', fr: 'exactement un de « href » et « guide » requis' },
  { name: 'announcement display misspelt', input: bundle([{ id: 'a', type: 'announcement', title: 'A', display: 'popup' }]), path: 'guides[0].display', guide: 'a', en: 'expected "modal" or "banner", got "popup"', fr: 'attendu : "modal" ou "banner", reçu : "popup"' },
  { name: 'survey without question', input: bundle([{ id: 'q', type: 'survey', title: 'Q' }]), path: 'guides[0].question', guide: 'q', en: 'missing, expected an object', fr: 'manquant, objet attendu' },
  { name: 'question kind misspelt', input: bundle([{ id: 'q', type: 'survey', title: 'Q', question: { kind: 'stars' } }]), path: 'guides[0].question.kind', guide: 'q', en: 'expected "rating", "nps", "choice" or "text", got "stars"', fr: 'attendu : "rating", "nps", "choice" ou "text", reçu : "stars"' },
  { name: 'choice with one option', input: bundle([{ id: 'q', type: 'survey', title: 'Q', question: { kind: 'choice', options: [{ id: 'a', label: 'A' }] } }]), path: 'guides[0].question.options', guide: 'q', en: 'at least 2 items', fr: 'au moins 2 éléments' },
  { name: 'choice with a repeated option id', input: bundle([{ id: 'q', type: 'survey', title: 'Q', question: { kind: 'choice', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] } }]), path: 'guides[0].question.options[1].id', guide: 'q', en: 'duplicate id "a"', fr: 'identifiant « a » en double' },
  { name: 'text question maxLength 0', input: bundle([tour('t', [{ id: 's', title: 'S', survey: { kind: 'text', maxLength: 0 } }])]), path: 'guides[0].steps[0].survey.maxLength', guide: 't', en: 'at least 1', fr: 'au moins 1' },
  { name: 'ambassador contact without scheme', input: bundle([{ id: 'h', type: 'resource-centre', title: 'H', ambassadors: [{ name: 'A', contact: 'awa@example.org' }] }]), path: 'guides[0].ambassadors[0].contact', guide: 'h', en: 'invalid contact: mailto:, tel: or http(s), without spaces', fr: 'contact invalide : mailto:, tel: ou http(s), sans espaces' },
  { name: 'ambassador photo as data: URL', input: bundle([{ id: 'h', type: 'resource-centre', title: 'H', ambassadors: [{ name: 'A', contact: 'tel:+331', photo: 'data:image/png;base64,AA' }] }]), path: 'guides[0].ambassadors[0].photo', guide: 'h', en: 'invalid URL: http(s) only, without spaces', fr: 'URL invalide : http(s) uniquement, sans espaces' },
  { name: 'resource url mailto:', input: bundle([{ id: 'h', type: 'resource-centre', title: 'H', resources: [{ title: 'R', url: 'mailto:a@b.c', kind: 'link' }] }]), path: 'guides[0].resources[0].url', guide: 'h', en: 'invalid link: http(s) or relative, without spaces', fr: 'lien invalide : http(s) ou relatif, sans espaces' },
  { name: 'resource kind unknown', input: bundle([{ id: 'h', type: 'resource-centre', title: 'H', resources: [{ title: 'R', url: '/r', kind: 'podcast' }] }]), path: 'guides[0].resources[0].kind', guide: 'h', en: 'expected "e-learning", "video", "webinar", "faq" or "link", got "podcast"', fr: 'attendu : "e-learning", "video", "webinar", "faq" ou "link", reçu : "podcast"' },
  { name: 'behaviour rule without bounds', input: bundle([], { p: { when: { event: 'report-exported', count: {} } } }), path: 'populations.p.when.count', en: 'needs gte or lte', fr: 'gte ou lte requis' },
  { name: 'settings budget negative', input: bundle([], {}, { budget: { perSession: -1 } }), path: 'settings.budget.perSession', en: 'at least 0', fr: 'au moins 0' },
  { name: 'settings key misspelt', input: bundle([], {}, { snooze: 24 }), path: 'settings.snooze', en: 'unknown key "snooze"', fr: 'clé inconnue « snooze »' },
  { name: 'settings a list', input: bundle([], {}, []), path: 'settings', en: 'expected an object, got array', fr: 'objet attendu, reçu : tableau' },
  { name: 'population without rule', input: bundle([], { managers: { name: 'M' } }), path: 'populations.managers.when', en: 'missing, expected an object', fr: 'manquant, objet attendu' },
];

describe('parseBundle: one error per broken thing, with its JSON path in both languages', () => {
  it.each(invalid)('$name', ({ input, path, guide, en, fr }) => {
    const { errors } = parseBundle(input);
    expect(errors).toEqual([{ path, ...(guide !== undefined && { guide }), message: { en, fr } }]);
  });
});

const valid: { name: string; input: unknown; guides: string[] }[] = [
  { name: 'the intranet example', input: fixture('intranet.json'), guides: ['expense-tour', 'export-tip', 'welcome-back', 'onboarding'] },
  { name: 'minimal, no populations', input: fixture('minimal.json'), guides: ['hello'] },
  { name: 'no guides at all', input: { version: 1, guides: [] }, guides: [] },
  { name: 'localised title in one language', input: bundle([tooltip('t', { title: { fr: 'Astuce' } })]), guides: ['t'] },
  { name: 'centred step, no target', input: bundle([tour('t', [{ id: 'only', title: 'Hello', modal: true }])]), guides: ['t'] },
  { name: 'manual trigger, several urls', input: bundle([tooltip('t', { trigger: { url: ['/a/*', '/b/**'], manual: true } })]), guides: ['t'] },
  { name: 'every new construct of issue 5', input: fixture('every-type.json'), guides: ['expenses', 'export-tip', 'release', 'webinar', 'nps', 'struggle', 'comments', 'help'] },
  { name: 'target as a list tried in turn', input: bundle([tooltip('t', { target: ['#new', { role: 'button', name: 'New' }, { role: 'link' }, { text: 'New' }] })]), guides: ['t'] },
  { name: 'dates: a day, then a local date-time, then offsets', input: bundle([tooltip('a', { startAt: '2026-03-01', endAt: '2026-03-01T00:30' }), tooltip('b', { startAt: '2026-03-01T09:00:00.5Z', endAt: '2026-03-01T11:00:00+01:00' })]), guides: ['a', 'b'] },
  { name: 'leap day', input: bundle([tooltip('t', { startAt: '2028-02-29' })]), guides: ['t'] },
  { name: 'relative, mailto and https links', input: bundle([checklist('c', ['/x', 'mailto:a@b.c', 'https://e.org/?q=a:b', 'page#top'].map((href, i) => ({ id: `i${i}`, title: 'I', doneWhen: { event: 'e' }, href })))]), guides: ['c'] },
];

describe('parseBundle: valid bundles', () => {
  it.each(valid)('$name', ({ input, guides }) => {
    const { bundle: out, errors } = parseBundle(input);
    expect(errors).toEqual([]);
    expect(out.guides.map((g) => g.id)).toEqual(guides);
  });

  it('keeps valid settings, and keeps the guides when settings are invalid', () => {
    expect(parseBundle(fixture('every-type.json')).bundle.settings).toEqual({ budget: { perSession: 2, perDay: 3 }, snoozeHours: 24 });
    const broken = parseBundle(bundle([tooltip('t')], {}, { snoozeHours: 0 }));
    expect(broken.bundle).not.toHaveProperty('settings');
    expect(broken.bundle.guides.map((g) => g.id)).toEqual(['t']);
    expect(broken.errors.map((e) => e.path)).toEqual(['settings.snoozeHours']);
  });

  it('keeps app and populations, drops $schema, defaults populations to {}', () => {
    const full = parseBundle(fixture('intranet.json')).bundle;
    expect(full.app).toBe('intranet-rh');
    expect(Object.keys(full.populations)).toEqual(['new-hires', 'managers', 'support', 'pilot-finance', 'ghosts', 'seniors-not-managers']);
    expect(full).not.toHaveProperty('$schema');
    expect(parseBundle(fixture('minimal.json')).bundle.populations).toEqual({});
  });

  it('never throws, whatever it is given', () => {
    const weird = [undefined, null, 'x', 1, { version: 1, guides: [undefined, 'x', [], { type: 'tour', steps: 'x' }] }];
    for (const input of weird) expect(() => parseBundle(input)).not.toThrow();
  });
});

describe('formatError', () => {
  const cases = [
    { name: 'with guide id, en', locale: 'en', e: { path: 'guides[2].steps[0].target', guide: 'tour', message: { en: 'expected a string, got number', fr: 'x' } }, out: 'guides[2].steps[0].target (tour): expected a string, got number' },
    { name: 'without guide id, fr', locale: 'fr', e: { path: 'version', message: { en: 'x', fr: 'attendu : 1, reçu : 2' } }, out: 'version: attendu : 1, reçu : 2' },
    { name: 'at the root', locale: 'en', e: { path: '', message: { en: 'expected an object, got array', fr: 'x' } }, out: 'expected an object, got array' },
  ] as const;
  it.each(cases)('$name', ({ e, locale, out }) => {
    expect(formatError(e, locale)).toBe(out);
  });
});

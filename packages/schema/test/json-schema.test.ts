import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseBundle, wholeBundleSchema } from '../src/index.ts';
import { buildJsonSchema, JSON_SCHEMA_ID } from '../src/json-schema.ts';
import { announcement, bundle, centre, checklist, fixture, survey, tooltip, tour } from './helpers.ts';

const schema = buildJsonSchema();
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const item = (doneWhen: unknown, extra = {}) => ({ id: 'i', title: 'I', doneWhen, ...extra });
const pop = (when: unknown) => bundle([], { p: { when } });
const step = (extra: Record<string, unknown>) => bundle([tour('t', [{ id: 's', title: 'S', ...extra }])]);
const image = { image: 'https://cdn.example.org/a.png', alt: 'A' };
const helper = (extra: Record<string, unknown>) => ({ name: 'A', contact: 'mailto:a@example.org', ...extra });
const resource = (extra: Record<string, unknown>) => ({ title: 'R', url: '/r', kind: 'faq', ...extra });
const choice = (ids: string[]) => ({ kind: 'choice', options: ids.map((id) => ({ id, label: id })) });

// `valid` is the expected verdict of both validators on the whole bundle. `gap` marks what JSON Schema cannot say
// (ids unique within a list of objects): there ajv accepts and only zod refuses.
const table: { name: string; input: unknown; valid: boolean; gap?: true }[] = [
  { name: 'intranet example', input: fixture('intranet.json'), valid: true },
  { name: 'minimal', input: fixture('minimal.json'), valid: true },
  { name: 'empty guides, no populations', input: { version: 1, guides: [] }, valid: true },
  { name: '$schema allowed at the top', input: { $schema: './s.json', version: 1, guides: [] }, valid: true },
  { name: 'version 2', input: { version: 2, guides: [] }, valid: false },
  { name: 'unknown top-level key', input: { version: 1, guides: [], x: 1 }, valid: false },
  { name: 'not an object', input: [], valid: false },
  { name: 'guides missing', input: { version: 1 }, valid: false },
  { name: 'unknown guide type', input: bundle([{ id: 'g', type: 'banner', title: 'T' }]), valid: false },
  { name: 'unknown guide key', input: bundle([tooltip('t', { x: 1 })]), valid: false },
  { name: 'bad id', input: bundle([tooltip('-t')]), valid: false },
  { name: 'id of 64 characters', input: bundle([tooltip('x'.repeat(64))]), valid: true },
  { name: 'id of 65 characters', input: bundle([tooltip('x'.repeat(65))]), valid: false },
  { name: 'empty title', input: bundle([tooltip('t', { title: '' })]), valid: false },
  { name: 'title object without language', input: bundle([tooltip('t', { title: {} })]), valid: false },
  { name: 'title in French only', input: bundle([tooltip('t', { title: { fr: 'Astuce' } })]), valid: true },
  { name: 'tour without steps', input: bundle([tour('t', [])]), valid: false },
  { name: 'step with every field', input: bundle([tour('t', [{ id: 's', title: 'S', body: 'B', target: '#a', placement: 'top-end', advance: { click: true }, modal: false, wait: 0 }])]), valid: true },
  { name: 'placement misspelt', input: bundle([tooltip('t', { placement: 'up' })]), valid: false },
  { name: 'priority 1.5', input: bundle([tooltip('t', { priority: 1.5 })]), valid: false },
  { name: 'negative priority', input: bundle([tooltip('t', { priority: -3 })]), valid: true },
  { name: 'guide version 0', input: bundle([tooltip('t', { version: 0 })]), valid: false },
  { name: 'trigger url list', input: bundle([tooltip('t', { trigger: { url: ['/a', '/b/**'] } })]), valid: true },
  { name: 'trigger url empty list', input: bundle([tooltip('t', { trigger: { url: [] } })]), valid: false },
  { name: 'empty audience', input: bundle([tooltip('t', { audience: [] })]), valid: false },
  { name: 'doneWhen event', input: bundle([checklist('c', [item({ event: 'e' })])]), valid: true },
  { name: 'doneWhen with two keys', input: bundle([checklist('c', [item({ url: '/a', click: '#b' })])]), valid: false },
  { name: 'doneWhen empty', input: bundle([checklist('c', [item({})])]), valid: false },
  { name: 'href javascript:', input: bundle([checklist('c', [item({ url: '/a' }, { href: 'javascript:x' })])]), valid: false },
  { name: 'href JavaScript: in capitals', input: bundle([checklist('c', [item({ url: '/a' }, { href: 'JavaScript:x' })])]), valid: false },
  { name: 'href with leading space', input: bundle([checklist('c', [item({ url: '/a' }, { href: ' /a' })])]), valid: false },
  { name: 'href https with colon in query', input: bundle([checklist('c', [item({ url: '/a' }, { href: 'https://a.b/?t=1:2' })])]), valid: true },
  { name: 'duplicate step ids', input: bundle([tour('t', [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }])]), valid: false, gap: true },
  { name: 'duplicate item ids', input: bundle([checklist('c', [item({ url: '/a' }), item({ url: '/b' })])]), valid: false, gap: true },
  { name: 'rule: attr with several operators', input: pop({ attr: 'level', gte: 2, lte: '5', in: [1, 'x', true] }), valid: true },
  { name: 'rule: attr without operator', input: pop({ attr: 'level' }), valid: false },
  { name: 'rule: unknown operator', input: pop({ attr: 'level', eqq: 1 }), valid: false },
  { name: 'rule: two kinds in one object', input: pop({ rollout: 5, not: { rollout: 1 } }), valid: false },
  { name: 'rule: inactiveDays without bound', input: pop({ inactiveDays: {} }), valid: false },
  { name: 'rule: rollout 100', input: pop({ rollout: 100 }), valid: true },
  { name: 'rule: rollout 100.5', input: pop({ rollout: 100.5 }), valid: false },
  { name: 'rule: deep nesting', input: pop({ all: [{ any: [{ not: { all: [{ inactiveDays: { lte: 3 } }] } }] }] }), valid: true },
  { name: 'rule: error deep down', input: pop({ all: [{ any: [{ not: { all: [{ inactiveDays: { lt: 3 } }] } }] }] }), valid: false },
  { name: 'rule: empty all', input: pop({ all: [] }), valid: false },
  { name: 'population key not an id', input: bundle([], { 'a b': { when: { rollout: 1 } } }), valid: false },
  // Issue 5: every new construct, accepted and refused alike by both validators.
  { name: 'every new construct (fixture)', input: fixture('every-type.json'), valid: true },
  { name: 'target: role and name', input: step({ target: { role: 'button', name: 'New expense' } }), valid: true },
  { name: 'target: role alone', input: bundle([tooltip('t', { target: { role: 'navigation' } })]), valid: true },
  { name: 'target: text', input: bundle([tooltip('t', { target: { text: 'Export' } })]), valid: true },
  { name: 'target: list of all three', input: step({ target: ['#a', { role: 'tab', name: 'B' }, { text: 'C' }] }), valid: true },
  { name: 'target: empty list', input: step({ target: [] }), valid: false },
  { name: 'target: nested list', input: step({ target: [['#a']] }), valid: false },
  { name: 'target: empty selector', input: bundle([tooltip('t', { target: '' })]), valid: false },
  { name: 'target: role and text together', input: step({ target: { role: 'button', text: 'Go' } }), valid: false },
  { name: 'target: empty object', input: step({ target: {} }), valid: false },
  { name: 'target: name without role', input: step({ target: { name: 'Go' } }), valid: false },
  { name: 'trigger: element, event and delay', input: bundle([tooltip('t', { trigger: { element: '#a', event: 'saved', delay: 0 } })]), valid: true },
  { name: 'trigger: delay 1.5', input: bundle([tooltip('t', { trigger: { delay: 1.5 } })]), valid: false },
  { name: 'trigger: empty event name', input: bundle([tooltip('t', { trigger: { event: '' } })]), valid: false },
  { name: 'dates: day and date-time with offset', input: bundle([tooltip('t', { startAt: '2026-03-01', endAt: '2026-03-31T18:00:00+02:00' })]), valid: true },
  { name: 'dates: equal start and end', input: bundle([tooltip('t', { startAt: '2026-03-01T10:00Z', endAt: '2026-03-01T10:00Z' })]), valid: true },
  { name: 'dates: French format', input: bundle([tooltip('t', { startAt: '01/03/2026' })]), valid: false },
  { name: 'dates: month 13', input: bundle([tooltip('t', { endAt: '2026-13-01' })]), valid: false },
  { name: 'dates: 30 February', input: bundle([tooltip('t', { endAt: '2026-02-30' })]), valid: false, gap: true },
  { name: 'dates: end before start', input: bundle([announcement('a', { startAt: '2026-03-02', endAt: '2026-03-01' })]), valid: false, gap: true },
  { name: 'step: onMissing skip, url, advance on event and url', input: step({ onMissing: 'skip', url: '/team/*', advance: { click: false, event: 'saved', url: '/done' } }), valid: true },
  { name: 'step: onMissing misspelt', input: step({ onMissing: 'hide' }), valid: false },
  { name: 'step: advance event empty', input: step({ advance: { event: '' } }), valid: false },
  { name: 'step: image', input: step({ media: image }), valid: true },
  { name: 'step: video, alt in two languages', input: step({ media: { video: 'http://intranet/v.mp4', alt: { en: 'V', fr: 'V' } } }), valid: true },
  { name: 'media: image and video', input: step({ media: { ...image, video: 'https://a.b/v.mp4' } }), valid: false },
  { name: 'media: neither image nor video', input: step({ media: { alt: 'A' } }), valid: false },
  { name: 'media: video with one captions file', input: step({ media: { video: 'https://a.b/v.mp4', captions: 'https://a.b/v.vtt', alt: 'V' } }), valid: true },
  { name: 'media: video with captions per language', input: step({ media: { video: 'https://a.b/v.mp4', captions: { en: 'https://a.b/en.vtt', fr: 'https://a.b/fr.vtt' }, alt: 'V' } }), valid: true },
  { name: 'media: captions without a language', input: step({ media: { video: 'https://a.b/v.mp4', captions: {}, alt: 'V' } }), valid: false },
  { name: 'media: captions in an unknown language', input: step({ media: { video: 'https://a.b/v.mp4', captions: { de: 'https://a.b/de.vtt' }, alt: 'V' } }), valid: false },
  { name: 'media: relative captions URL', input: step({ media: { video: 'https://a.b/v.mp4', captions: '/v.vtt', alt: 'V' } }), valid: false },
  { name: 'media: captions on an image', input: step({ media: { ...image, captions: 'https://a.b/v.vtt' } }), valid: false },
  { name: 'media: without alt', input: step({ media: { image: image.image } }), valid: false },
  { name: 'media: relative image', input: step({ media: { image: '/a.png', alt: 'A' } }), valid: false },
  { name: 'media: javascript: image', input: step({ media: { image: 'javascript:x', alt: 'A' } }), valid: false },
  { name: 'media: HTTPS in capitals', input: step({ media: { image: 'HTTPS://a.b/i.png', alt: 'A' } }), valid: false },
  { name: 'step: survey', input: step({ survey: { kind: 'nps' } }), valid: true },
  { name: 'step: survey kind unknown', input: step({ survey: { kind: 'stars' } }), valid: false },
  { name: 'tour: not skippable', input: bundle([tour('t', undefined, { skippable: false })]), valid: true },
  { name: 'tour: skippable as a string', input: bundle([tour('t', undefined, { skippable: 'no' })]), valid: false },
  { name: 'tooltip: skippable is for tours', input: bundle([tooltip('t', { skippable: true })]), valid: false },
  { name: 'announcement: minimal', input: bundle([announcement('a')]), valid: true },
  { name: 'announcement: banner with media and a link', input: bundle([announcement('a', { display: 'banner', body: 'B', media: image, action: { label: 'Read', href: 'https://a.b/news' } })]), valid: true },
  { name: 'announcement: button starting a guide', input: bundle([announcement('a', { action: { label: 'Go', guide: 't' } }), tour('t')]), valid: true },
  { name: 'announcement: display misspelt', input: bundle([announcement('a', { display: 'popup' })]), valid: false },
  { name: 'announcement: action with href and guide', input: bundle([announcement('a', { action: { label: 'Go', href: '/a', guide: 'a' } })]), valid: false },
  { name: 'announcement: action with neither', input: bundle([announcement('a', { action: { label: 'Go' } })]), valid: false },
  { name: 'announcement: action without label', input: bundle([announcement('a', { action: { href: '/a' } })]), valid: false },
  { name: 'announcement: action javascript:', input: bundle([announcement('a', { action: { label: 'Go', href: 'javascript:x' } })]), valid: false },
  { name: 'announcement: steps are for tours', input: bundle([announcement('a', { steps: [] })]), valid: false },
  { name: 'survey: rating', input: bundle([survey('q', { kind: 'rating' })]), valid: true },
  { name: 'survey: choice of two', input: bundle([survey('q', choice(['a', 'b']), { body: 'Pick one' })]), valid: true },
  { name: 'survey: text with maxLength 5000', input: bundle([survey('q', { kind: 'text', maxLength: 5000 })]), valid: true },
  { name: 'survey: without question', input: bundle([{ id: 'q', type: 'survey', title: 'Q' }]), valid: false },
  { name: 'survey: choice of one', input: bundle([survey('q', choice(['a']))]), valid: false },
  { name: 'survey: choice option ids repeated', input: bundle([survey('q', choice(['a', 'a']))]), valid: false, gap: true },
  { name: 'survey: choice option id with a space', input: bundle([survey('q', choice(['a', 'b c']))]), valid: false },
  { name: 'survey: text maxLength 5001', input: bundle([survey('q', { kind: 'text', maxLength: 5001 })]), valid: false },
  { name: 'survey: options on a rating', input: bundle([survey('q', { kind: 'rating', options: [] })]), valid: false },
  { name: 'centre: empty', input: bundle([centre('h')]), valid: true },
  { name: 'centre: mailto, tel and https contacts, a photo', input: bundle([centre('h', { ambassadors: [helper({ photo: 'https://a.b/p.jpg' }), helper({ contact: 'tel:+33123' }), helper({ contact: 'https://chat.a.b/x' })] })]), valid: true },
  { name: 'centre: resources of every kind', input: bundle([centre('h', { resources: ['e-learning', 'video', 'webinar', 'faq', 'link'].map((kind) => resource({ kind, url: 'https://a.b/' + kind })) })]), valid: true },
  { name: 'centre: entries for a known population', input: bundle([centre('h', { ambassadors: [helper({ populations: ['p'] })], resources: [resource({ populations: ['p'] })] })], { p: { when: { rollout: 5 } } }), valid: true },
  { name: 'centre: contact without scheme', input: bundle([centre('h', { ambassadors: [helper({ contact: 'a@b.c' })] })]), valid: false },
  { name: 'centre: contact javascript:', input: bundle([centre('h', { ambassadors: [helper({ contact: 'javascript:x' })] })]), valid: false },
  { name: 'centre: relative photo', input: bundle([centre('h', { ambassadors: [helper({ photo: 'me.jpg' })] })]), valid: false },
  { name: 'centre: ambassador without name', input: bundle([centre('h', { ambassadors: [{ contact: 'tel:1' }] })]), valid: false },
  { name: 'centre: ambassador populations empty', input: bundle([centre('h', { ambassadors: [helper({ populations: [] })] })]), valid: false },
  { name: 'centre: resource kind unknown', input: bundle([centre('h', { resources: [resource({ kind: 'podcast' })] })]), valid: false },
  { name: 'centre: resource url mailto:', input: bundle([centre('h', { resources: [resource({ url: 'mailto:a@b.c' })] })]), valid: false },
  { name: 'centre: resource url with a space', input: bundle([centre('h', { resources: [resource({ url: '/a b' })] })]), valid: false },
  { name: 'rule: behaviour, at least once', input: pop({ event: 'report-exported', count: { gte: 1 } }), valid: true },
  { name: 'rule: behaviour, never', input: pop({ not: { event: 'report-exported', count: { lte: 0 } } }), valid: true },
  { name: 'rule: behaviour without bound', input: pop({ event: 'e', count: {} }), valid: false },
  { name: 'rule: behaviour without count', input: pop({ event: 'e' }), valid: false },
  { name: 'rule: behaviour count 0.5', input: pop({ event: 'e', count: { gte: 0.5 } }), valid: false },
  { name: 'rule: behaviour with an attr operator', input: pop({ event: 'e', count: { gte: 1 }, eq: 1 }), valid: false },
  { name: 'settings: full', input: bundle([], undefined, { budget: { perSession: 0, perDay: 5 }, snoozeHours: 48 }), valid: true },
  { name: 'settings: empty', input: bundle([], undefined, {}), valid: true },
  { name: 'settings: snooze 0 hours', input: bundle([], undefined, { snoozeHours: 0 }), valid: false },
  { name: 'settings: budget 1.5', input: bundle([], undefined, { budget: { perDay: 1.5 } }), valid: false },
  { name: 'settings: unknown key', input: bundle([], undefined, { budget: { perWeek: 3 } }), valid: false },
  { name: 'population with localised name', input: bundle([], { a: { name: { en: 'A', fr: 'A' }, description: 'd', when: { rollout: 1 } } }), valid: true },
];

describe('zod and the generated JSON Schema agree on whole bundles', () => {
  it.each(table)('$name', ({ input, valid, gap }) => {
    expect(wholeBundleSchema().safeParse(input).success).toBe(valid);
    expect(validate(input)).toBe(gap ? true : valid);
    // parseBundle says the same about the whole bundle (these rows carry no cross-reference problem).
    expect(parseBundle(input).errors.length === 0).toBe(valid);
  });

  it('has enough rows of each kind to mean something', () => {
    expect(table.filter((r) => r.valid).length).toBeGreaterThanOrEqual(10);
    expect(table.filter((r) => !r.valid && !r.gap).length).toBeGreaterThanOrEqual(10);
  });
});

// Every *.json with a `guides` array under examples/ and tests/ (none may exist yet), plus our own fixtures.
function bundlesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json') && !n.includes('node_modules'))
    .map((n) => join(dir, n))
    .filter((file) => Array.isArray(JSON.parse(readFileSync(file, 'utf8'))?.guides));
}

const root = new URL('../../../', import.meta.url).pathname;
const files = [
  ...bundlesUnder(join(root, 'examples')),
  ...bundlesUnder(join(root, 'tests')),
  ...bundlesUnder(new URL('./fixtures', import.meta.url).pathname),
];

// Scenario folders named "invalid…" hold bundles broken on purpose: there both validators must refuse them and
// parseBundle must still keep some guide; everywhere else, both accept and parseBundle reports nothing.
describe('every guide bundle in the repository: both validators agree', () => {
  it('finds at least our own fixtures', () => {
    expect(files.filter((f) => f.includes('/packages/schema/test/fixtures/')).length).toBeGreaterThanOrEqual(2);
  });
  it.each(files.map((file) => ({ name: file.slice(root.length), file })))('$name', ({ name, file }) => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const { bundle: out, errors } = parseBundle(json);
    if (/(^|\/)invalid[^/]*\//.test(name)) {
      expect(validate(json)).toBe(false);
      expect(wholeBundleSchema().safeParse(json).success).toBe(false);
      expect(errors.length).toBeGreaterThan(0);
      expect(out.guides.length).toBeGreaterThan(0);
    } else {
      expect(errors).toEqual([]);
      expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
    }
  });
});

// Every object and field an author writes shows help in the editor.
function undocumented(node: unknown, at: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => undocumented(n, `${at}/${i}`, out));
  if (typeof node !== 'object' || node === null) return out;
  const n = node as Record<string, unknown>;
  if (n.type === 'object' && !(n.title && n.description)) out.push(at);
  for (const [key, prop] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (!(prop.title && prop.description)) out.push(`${at}/properties/${key}`);
  }
  for (const [key, child] of Object.entries(n)) undocumented(child, `${at}/${key}`, out);
  return out;
}

describe('buildJsonSchema', () => {
  it('is draft 2020-12 with an $id, and documents every object and field', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: JSON_SCHEMA_ID });
    expect(undocumented(schema, '#', [])).toEqual([]);
    expect(Object.keys(schema.$defs as object)).toEqual(expect.arrayContaining(['Rule', 'TourStep', 'ChecklistItem', 'Text']));
  });

  it('matches the committed compagnon.schema.json (run the build, or scripts/write-json-schema.mjs, after a change)', () => {
    const committed = JSON.parse(readFileSync(new URL('../compagnon.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(schema);
  });
});

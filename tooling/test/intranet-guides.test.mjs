// The demo's guide bundle follows the v1 format, and every selector it uses exists on the page it runs on.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../examples/intranet/', import.meta.url);
const bundle = JSON.parse(readFileSync(new URL('guides.json', dir), 'utf8'));
const PAGES = { '/': 'index.html', '/index.html': 'index.html', '/expenses.html': 'expenses.html', '/team.html': 'team.html', '/profile.html': 'profile.html' };
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const PLACEMENT = /^(top|bottom|left|right)(-start|-end)?$/;
const ALLOWED = {
  bundle: ['$schema', 'version', 'app', 'populations', 'guides'],
  guide: ['id', 'type', 'title', 'description', 'audience', 'trigger', 'priority', 'version'],
  tour: ['steps'],
  tooltip: ['target', 'body', 'placement'],
  checklist: ['items'],
  step: ['id', 'title', 'body', 'target', 'placement', 'advance', 'modal', 'wait'],
  item: ['id', 'title', 'body', 'doneWhen', 'href'],
};

function parse(file) {
  const window = new Window({ url: 'http://127.0.0.1/' + file });
  window.document.write(readFileSync(new URL(file, dir), 'utf8'));
  return window.document;
}
const documents = Object.fromEntries(Object.values(PAGES).map((file) => [file, parse(file)]));

// Whether a selector exists on a page, including in <template>s that the page clones in on demand.
function exists(file, selector) {
  const doc = documents[file];
  if (doc.querySelector(selector)) return true;
  return [...doc.querySelectorAll('template')].some((t) => t.content.querySelector(selector));
}

// `*` stays within one path segment (the format's glob), enough for the patterns this bundle uses.
function pagesFor(trigger) {
  const patterns = [trigger?.url ?? Object.keys(PAGES)].flat();
  const match = (pattern, path) => new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('[^/]*') + '$').test(path);
  return [...new Set(Object.keys(PAGES).filter((path) => patterns.some((p) => match(p, path))).map((path) => PAGES[path]))];
}
const keysOf = (o) => Object.keys(o).sort();
const texts = (value) => (typeof value === 'string' ? [value] : [value.en, value.fr]);

describe('examples/intranet/guides.json', () => {
  it('has the v1 header and only the allowed top-level fields', () => {
    expect(bundle).toMatchObject({ $schema: '../../packages/schema/compagnon.schema.json', version: 1, app: 'intranet-rh' });
    expect(keysOf(bundle).every((k) => ALLOWED.bundle.includes(k))).toBe(true);
  });

  it.each([
    { name: 'new-hires', when: { attr: 'hiredAt', withinDays: 30 } },
    { name: 'managers', when: { attr: 'isManager', eq: true } },
    { name: 'support', when: { attr: 'department', in: ['HR', 'Finance', 'IT'] } },
    { name: 'pilot-finance', when: { all: [{ attr: 'department', eq: 'Finance' }, { not: { attr: 'hiredAt', withinDays: 30 } }, { rollout: 70 }] } },
    { name: 'ghosts', when: { inactiveDays: { gte: 14 } } },
  ])('defines population $name as specified', ({ name, when }) => {
    expect(bundle.populations[name].when).toEqual(when);
  });

  it.each(bundle.guides.map((guide) => ({ name: guide.id, guide })))('$name uses only allowed fields and valid ids', ({ guide }) => {
    expect(guide.id).toMatch(ID);
    expect(keysOf(guide).filter((k) => ![...ALLOWED.guide, ...ALLOWED[guide.type]].includes(k))).toEqual([]);
    for (const step of guide.steps ?? []) {
      expect(step.id).toMatch(ID);
      expect(keysOf(step).filter((k) => !ALLOWED.step.includes(k))).toEqual([]);
      if (step.placement) expect(step.placement).toMatch(PLACEMENT);
    }
    for (const item of guide.items ?? []) {
      expect(item.id).toMatch(ID);
      expect(keysOf(item).filter((k) => !ALLOWED.item.includes(k))).toEqual([]);
      expect(Object.keys(item.doneWhen)).toHaveLength(1);
      expect(['guide', 'url', 'click', 'event']).toContain(Object.keys(item.doneWhen)[0]);
    }
    if (guide.placement) expect(guide.placement).toMatch(PLACEMENT);
    expect((guide.audience ?? []).filter((id) => !bundle.populations[id])).toEqual([]);
  });

  it.each(bundle.guides.map((guide) => ({ name: guide.id, guide })))('$name is titled, in English and French, without raw HTML', ({ guide }) => {
    const parts = [guide, ...(guide.steps ?? []), ...(guide.items ?? [])];
    for (const part of parts) {
      expect(part.title).toMatchObject({ en: expect.stringMatching(/\S/), fr: expect.stringMatching(/\S/) });
      if (part.body) {
        expect(part.body).toMatchObject({ en: expect.stringMatching(/\S/), fr: expect.stringMatching(/\S/) });
        for (const text of texts(part.body)) expect(text).not.toMatch(/<[a-z/!]/i);
      }
    }
  });

  it('has unique guide ids and unique step/item ids per guide', () => {
    const ids = bundle.guides.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of bundle.guides) {
      const inner = (g.steps ?? g.items ?? []).map((s) => s.id);
      expect(new Set(inner).size).toBe(inner.length);
    }
  });

  it.each(bundle.guides.flatMap((guide) => [
    ...(guide.steps ?? []).filter((s) => s.target).map((s) => ({ name: `${guide.id}/${s.id}`, guide, selector: s.target })),
    ...(guide.target ? [{ name: guide.id, guide, selector: guide.target }] : []),
  ]))('target of $name exists on every page it triggers on', ({ guide, selector }) => {
    const files = pagesFor(guide.trigger);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !exists(file, selector))).toEqual([]);
  });

  it('makes the expense tour wait for a field that appears only after the click', () => {
    const tour = bundle.guides.find((g) => g.id === 'expense-tour');
    expect(tour).toMatchObject({ type: 'tour', audience: ['new-hires'], trigger: { url: '/expenses*' }, priority: 10 });
    expect(tour.steps).toHaveLength(4);
    expect(tour.steps[0]).toMatchObject({ target: '#new-expense', advance: { click: true } });
    expect(documents['expenses.html'].querySelector(tour.steps[1].target)).toBeNull();
    expect(exists('expenses.html', tour.steps[1].target)).toBe(true);
    expect(tour.steps[2].target).toBe('#save');
    expect(tour.steps[3].target).toBeUndefined();
  });

  it('points checklist items at real guides, pages and buttons', () => {
    const checklist = bundle.guides.find((g) => g.id === 'first-week');
    for (const { doneWhen, href } of checklist.items) {
      if (doneWhen.guide) expect(bundle.guides.map((g) => g.id)).toContain(doneWhen.guide);
      if (doneWhen.url) expect(pagesFor({ url: doneWhen.url }).length).toBeGreaterThan(0);
      if (doneWhen.click) expect(exists('expenses.html', doneWhen.click)).toBe(true);
      if (href) expect(Object.keys(PAGES)).toContain(href);
    }
    // The app really tracks the event the checklist waits for.
    const events = checklist.items.map((i) => i.doneWhen.event).filter(Boolean);
    const sources = ['expenses.js', 'team.js'].map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
    for (const event of events) expect(sources).toContain(`'track', '${event}'`);
  });
});

describe('examples/intranet pages', () => {
  it.each(Object.values(documents).map((doc, i) => ({ name: Object.keys(documents)[i], doc })))('$name carries the script tag after the persona', ({ doc }) => {
    const scripts = [...doc.querySelectorAll('head script')];
    expect(scripts[0].getAttribute('src')).toBeNull();
    expect(scripts[0].textContent).toContain('documentElement.lang');
    const persona = scripts.findIndex((s) => s.getAttribute('src') === '/persona.js');
    const sdk = scripts.findIndex((s) => s.getAttribute('src') === '/compagnon.iife.js');
    expect(persona).toBeGreaterThan(0);
    expect(sdk).toBeGreaterThan(persona);
    expect(scripts[persona].hasAttribute('defer') || scripts[persona].hasAttribute('async')).toBe(false);
    expect(scripts[sdk].hasAttribute('defer')).toBe(true);
    expect(scripts[sdk].dataset).toMatchObject({ app: 'intranet-rh', guides: '/guides.json' });
  });

  it.each(Object.values(documents).map((doc, i) => ({ name: Object.keys(documents)[i], doc })))('$name has landmarks, a labelled nav and labelled controls', ({ doc }) => {
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelectorAll('header, main#main, footer, nav[aria-label]')).toHaveLength(4);
    expect([...doc.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(['/', '/expenses.html', '/team.html', '/profile.html']);
    expect(doc.querySelectorAll('nav a[aria-current="page"]')).toHaveLength(1);
    const controls = [doc, ...[...doc.querySelectorAll('template')].map((t) => t.content)]
      .flatMap((root) => [...root.querySelectorAll('input, select, textarea')]);
    const unlabelled = controls.filter((c) => !c.getAttribute('aria-label') && ![doc, ...[...doc.querySelectorAll('template')].map((t) => t.content)]
      .some((root) => root.querySelector(`label[for="${c.id}"]`)));
    expect(unlabelled.map((c) => c.id)).toEqual([]);
  });

  it.each([
    { name: 'index.html', ids: ['#news', '#quick-links', '#whats-new'] },
    { name: 'expenses.html', ids: ['#new-expense', '#expense-table', '#approval-flow', '#col-status'] },
    { name: 'team.html', ids: ['#approvals', '[data-action=export]'] },
    { name: 'profile.html', ids: ['#profile-card'] },
  ])('$name has its stable hooks', ({ name, ids }) => {
    expect(ids.filter((selector) => !documents[name].querySelector(selector))).toEqual([]);
  });
});

describe('examples/intranet with the real schema and rules', () => {
  it('parses with @compagnon/schema without dropping anything', async () => {
    const { parseBundle } = await import('@compagnon/schema');
    const { bundle: parsed, errors } = parseBundle(bundle);
    expect(errors).toEqual([]);
    expect(parsed.guides.map((g) => g.id)).toEqual(bundle.guides.map((g) => g.id));
  });

  // persona.js is the host page's "who is logged in": run it as the browser would, then ask core's rules.
  function personas() {
    const window = {};
    runInNewContext(readFileSync(new URL('persona.js', dir), 'utf8'), { window, localStorage: { getItem: () => null } });
    return window.acmeDemo.personas;
  }

  it.each([
    { name: 'nadia', populations: ['new-hires', 'support'] },
    { name: 'marc', populations: ['managers'] },
    { name: 'ines', populations: ['support', 'pilot-finance'] },
    { name: 'paul', populations: ['ghosts'] },
    { name: 'sam', populations: ['support'] },
  ])('puts $name in exactly $populations', async ({ name, populations }) => {
    const { resolvePopulations } = await import('@compagnon/core');
    const user = personas()[name].user;
    expect(resolvePopulations(bundle.populations, { user, now: Date.now() })).toEqual(populations);
  });
});

// The demo's guide bundle follows the v1 format, and every selector it uses exists on the page it runs on.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../examples/intranet/', import.meta.url);
const bundle = JSON.parse(readFileSync(new URL('guides.json', dir), 'utf8'));
const PAGES = { '/': 'index.html', '/index.html': 'index.html', '/expenses.html': 'expenses.html', '/team.html': 'team.html', '/leave.html': 'leave.html', '/profile.html': 'profile.html' };
const NAV = ['/', '/expenses.html', '/team.html', '/leave.html', '/profile.html'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const PLACEMENT = /^(top|bottom|left|right)(-start|-end)?$/;
const ALLOWED = {
  bundle: ['$schema', 'version', 'app', 'populations', 'settings', 'guides'],
  guide: ['id', 'type', 'title', 'description', 'audience', 'trigger', 'priority', 'version', 'startAt', 'endAt'],
  tour: ['steps', 'skippable'],
  tooltip: ['target', 'body', 'placement'],
  checklist: ['items'],
  announcement: ['display', 'body', 'media', 'action'],
  survey: ['body', 'question'],
  'resource-centre': ['body', 'ambassadors', 'resources'],
  step: ['id', 'title', 'body', 'target', 'placement', 'advance', 'modal', 'wait', 'onMissing', 'url', 'media', 'survey'],
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

// `*` stays within one path segment (the format's glob), enough for the patterns this bundle uses. A query part
// (`/leave.html?view=new`) names a view of the single-page app, which lives in the same file: it is dropped.
function pagesFor(trigger) {
  const patterns = [trigger?.url ?? Object.keys(PAGES)].flat().map((p) => p.split('?')[0]);
  const match = (pattern, path) => new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('[^/]*') + '$').test(path);
  return [...new Set(Object.keys(PAGES).filter((path) => patterns.some((p) => match(p, path))).map((path) => PAGES[path]))];
}
const keysOf = (o) => Object.keys(o).sort();

// Whether one target spec resolves on a page: a selector, or a role + name read from the markup in English or in
// French (`data-fr`), as the demo translates it. Enough for the links and buttons this bundle names.
const ROLES = { link: 'a[href]', button: 'button' };
function specExists(file, spec) {
  if (typeof spec === 'string') return exists(file, spec);
  if (spec.text) return documents[file].body.textContent.includes(spec.text);
  return [...documents[file].querySelectorAll(ROLES[spec.role] ?? `[role=${spec.role}]`)].some((el) =>
    !spec.name || [el.textContent.trim(), el.getAttribute('data-fr'), el.getAttribute('aria-label')].includes(spec.name));
}
// Every spec of a list is tried in turn: at least one must resolve, in each language the page speaks.
const targetExists = (file, target) => [target].flat().some((spec) => specExists(file, spec));
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
    { name: 'expense-submitters', when: { all: [{ attr: 'hiredAt', withinDays: 30 }, { event: 'expense-submitted', count: { gte: 1 } }] } },
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
    const parts = [guide, ...(guide.steps ?? []), ...(guide.items ?? []), ...(guide.resources ?? [])];
    for (const label of [guide.action?.label, guide.media?.alt, ...(guide.ambassadors ?? []).map((a) => a.role), ...(guide.steps ?? []).map((s) => s.media?.alt)].filter(Boolean)) {
      expect(label).toMatchObject({ en: expect.stringMatching(/\S/), fr: expect.stringMatching(/\S/) });
    }
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
    ...(guide.steps ?? []).filter((s) => s.target).map((s) => ({ name: `${guide.id}/${s.id}`, trigger: s.url ? { url: s.url } : guide.trigger, target: s.target })),
    ...(guide.target ? [{ name: guide.id, trigger: guide.trigger, target: guide.target }] : []),
  ]))('target of $name exists on every page it triggers on (or its step lives on)', ({ trigger, target }) => {
    const files = pagesFor(trigger);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !targetExists(file, target))).toEqual([]);
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
    expect([...doc.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(NAV);
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
    { name: 'leave.html', ids: ['#leave-balances', '#leave-new-link', '#leave-form', '#leave-type', '#leave-list'] },
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

describe('examples/intranet: announcement, survey, resource centre, single-page tour, budget', () => {
  const guide = (id) => bundle.guides.find((g) => g.id === id);
  function personas() {
    const window = {};
    runInNewContext(readFileSync(new URL('persona.js', dir), 'utf8'), { window, localStorage: { getItem: () => null } });
    return window.acmeDemo.personas;
  }
  const leave = parse('leave.html');

  it('caps automatic guides: three a session (a new hire gets her tour, the survey and the Time off tour), five a day', () => {
    expect(bundle.settings).toEqual({ budget: { perSession: 3, perDay: 5 }, snoozeHours: 24 });
  });

  it('announces Time off with a banner for everyone on the home page, in a window around today', () => {
    const banner = guide('leave-launch');
    expect(banner).toMatchObject({ type: 'announcement', display: 'banner', trigger: { url: ['/', '/index.html'] }, action: { href: '/leave.html' } });
    expect(banner.audience).toBeUndefined();
    expect(Date.parse(banner.startAt)).toBeLessThan(Date.now());
    expect(Date.parse(banner.endAt)).toBeGreaterThan(Date.now() + 365 * 864e5);
  });

  it('asks new hires for a rating once they have submitted an expense (a behaviour rule), after the tour', async () => {
    const { resolvePopulations } = await import('@compagnon/core');
    const survey = guide('expense-rating');
    expect(survey).toMatchObject({ type: 'survey', audience: ['expense-submitters'], trigger: { url: '/expenses*' }, question: { kind: 'rating' } });
    expect(survey.priority ?? 0).toBeLessThan(guide('expense-tour').priority);
    const { nadia, ines } = personas();
    const now = Date.now();
    const counts = { 'expense-submitted': 1 };
    expect(resolvePopulations(bundle.populations, { user: nadia.user, now })).not.toContain('expense-submitters');
    expect(resolvePopulations(bundle.populations, { user: nadia.user, now, counts })).toContain('expense-submitters');
    expect(resolvePopulations(bundle.populations, { user: ines.user, now, counts })).not.toContain('expense-submitters');
    expect(readFileSync(new URL('expenses.js', dir), 'utf8')).toContain("'track', 'expense-submitted'");
  });

  it('tours the Time off single-page app across its routes, each step on its own view, ending with a rating', () => {
    const tour = guide('leave-tour');
    expect(tour.trigger).toEqual({ url: '/leave.html?' });
    expect(tour.steps.map((s) => s.url)).toEqual(['/leave.html?', '/leave.html?', '/leave.html?view=new', '/leave.html?view=requests', undefined]);
    expect(tour.steps.at(-1).survey).toEqual({ kind: 'rating' });
    // Each step's target sits in the section of its view; the advancing URLs are the app's own routes.
    const views = { '/leave.html?': 'overview', '/leave.html?view=new': 'new', '/leave.html?view=requests': 'requests' };
    for (const step of tour.steps.filter((s) => s.target && typeof s.target === 'string')) {
      expect(leave.querySelector(`[data-view="${views[step.url]}"] ${step.target}`)).not.toBeNull();
    }
    const routes = [...leave.querySelectorAll('a[data-route]')].map((a) => a.getAttribute('href'));
    expect(routes).toContain(tour.steps[1].advance.url);
    expect(readFileSync(new URL('leave.js', dir), 'utf8')).toContain(`go('${tour.steps[2].advance.url}')`);
  });

  it.each([
    { name: 'nadia', ambassadors: ['Awa Diallo', 'Nina Roy'] },
    { name: 'marc', ambassadors: ['Hugo Petit', 'Nina Roy'] },
    { name: 'ines', ambassadors: ['Awa Diallo', 'Nina Roy'] },
    { name: 'paul', ambassadors: ['Nina Roy'] },
    { name: 'sam', ambassadors: ['Awa Diallo', 'Nina Roy'] },
  ])('the resource centre names the ambassadors of $name\'s populations: $ambassadors', async ({ name, ambassadors }) => {
    const { resolvePopulations } = await import('@compagnon/core');
    const centre = guide('help');
    expect(centre.audience).toBeUndefined();
    const mine = resolvePopulations(bundle.populations, { user: personas()[name].user, now: Date.now() });
    const seen = centre.ambassadors.filter((a) => !a.populations || a.populations.some((p) => mine.includes(p)));
    expect(seen.map((a) => a.name)).toEqual(ambassadors);
  });

  it('links e-learning, a video and a webinar from the resource centre', () => {
    const kinds = guide('help').resources.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['e-learning', 'video', 'webinar']));
    for (const r of guide('help').resources.filter((r) => r.url.startsWith('/'))) expect(Object.keys(PAGES)).toContain(r.url.split('#')[0]);
  });
});

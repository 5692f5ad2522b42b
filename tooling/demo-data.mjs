// The demo's synthetic organisation: a roster of employees and 30 days of what Compagnon would have reported about
// them, generated from the guides of examples/intranet/guides.json and sent through the collector's real API
// (roster import with the admin token, events with the write key in batches of at most 500).
//
// Deterministic: one seeded PRNG drives the people and their behaviour, another the event ids, so the same seed on
// the same day gives the same events with the same ids (a resend is deduplicated by the collector). Users are raw
// ids; the collector pseudonymises them. The five personas of examples/intranet/persona.js are in the roster but
// have no history: what they do in the demo is live.
//
// Populations are computed the SDK's way — core's `resolvePopulations` at the time of each event, with the
// person's previous visit as `lastSeenAt` — so events and roster agree (the `rollout` of the pilot group included).
// Node 20 cannot import core's TypeScript: `loadResolvePopulations()` bundles it in memory with esbuild.
//
//   node tooling/demo-data.mjs [--collector http://127.0.0.1:4320] [--token <admin>] [--key pk_intranet_rh]
//                              [--people 300] [--days 30] [--seed 4310] [--dry-run]
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEMO_APP = 'intranet-rh';
export const DEMO_WRITE_KEY = 'pk_intranet_rh';
export const DEMO_SEED = 4310;
export const GUIDES_FILE = fileURLToPath(new URL('../examples/intranet/guides.json', import.meta.url));
/** The origin the events' `url`s carry (the intranet of `npm start`). */
const SITE = 'http://127.0.0.1:4310';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH = 500;

/** The personas of examples/intranet/persona.js, as the roster knows them (dates relative to `now`, like there). */
export function personaRoster(now) {
  const ago = (days) => new Date(now - days * DAY).toISOString();
  const day = (days) => ago(days).slice(0, 10);
  return [
    { id: 'u-nadia', department: 'Finance', isManager: false, hiredAt: day(3), site: 'Lyon', lastSeenAt: ago(0) },
    { id: 'u-marc', department: 'Sales', isManager: true, hiredAt: '2019-03-04', site: 'Paris', lastSeenAt: ago(1) },
    { id: 'u-ines', department: 'Finance', isManager: false, hiredAt: '2016-09-12', site: 'Paris', lastSeenAt: ago(1) },
    { id: 'u-paul', department: 'Marketing', isManager: false, hiredAt: '2021-05-17', site: 'Nantes', lastSeenAt: ago(40) },
    { id: 'u-sam', department: 'IT', isManager: false, hiredAt: day(730), site: 'Lille', lastSeenAt: ago(2) },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Randomness

/** sfc32 seeded through splitmix32: small, fast, good enough for a demo, identical on every platform. */
export function prng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const between = (rng, lo, hi) => lo + rng() * (hi - lo);
const intBetween = (rng, lo, hi) => Math.floor(between(rng, lo, hi + 1));
const pick = (rng, list) => list[Math.floor(rng() * list.length)];

/** A version-4 UUID from the PRNG (the schema checks the format; the collector deduplicates on it). */
function uuid(rng) {
  const bytes = Array.from({ length: 16 }, () => Math.floor(rng() * 256));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Populations, the SDK's way

/** core's `resolvePopulations`, bundled from packages/core/src/rules.ts by esbuild (a dev dependency) in memory. */
export async function loadResolvePopulations() {
  const { build } = await import('esbuild');
  const entry = fileURLToPath(new URL('../packages/core/src/rules.ts', import.meta.url));
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return mod.resolvePopulations;
}

// ---------------------------------------------------------------------------------------------------------------
// The organisation

const DEPARTMENTS = [
  ['Sales', 30], ['Operations', 26], ['Finance', 22], ['IT', 20], ['Marketing', 16], ['HR', 14], ['Customer Service', 14], ['Legal', 8],
];
const SITES = ['Paris', 'Paris', 'Lyon', 'Lyon', 'Nantes', 'Lille', 'Bordeaux'];
const PAGES = { home: '/', expenses: '/expenses.html', team: '/team.html', profile: '/profile.html' };
/** Day (from the window's start) each campaign went live; onboarding guides were always there. */
const LAUNCH = { 'export-tip': 1, 'service-desk-tip': 9, 'approval-pilot': 16 };

function makePeople(rng, count, now, days) {
  const total = DEPARTMENTS.reduce((n, [, w]) => n + w, 0);
  const people = [];
  for (let i = 0; i < count; i++) {
    let r = rng() * total;
    const department = DEPARTMENTS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'Sales';
    const roll = rng();
    // ~15 % joined recently (some before the window: they stop being new hires during it), ~16 % inactive.
    const kind = roll < 0.15 ? 'new-hire' : roll < 0.31 ? 'ghost' : 'active';
    const isManager = kind !== 'new-hire' && rng() < 0.14;
    const hiredAt = new Date(now - (kind === 'new-hire' ? intBetween(rng, 0, days + 8) : intBetween(rng, 120, 4200)) * DAY).toISOString().slice(0, 10);
    people.push({
      id: `u-${String(1001 + i)}`,
      department,
      isManager,
      hiredAt,
      site: pick(rng, SITES),
      kind,
      // How often they open the intranet on a working day.
      eagerness: kind === 'new-hire' ? between(rng, 0.7, 0.95) : between(rng, 0.2, 0.65),
      // Ghosts: last seen well before the campaign; a little over half come back during it, some of them for good.
      lastSeen: kind === 'ghost' ? now - intBetween(rng, days + 5, days + 120) * DAY - intBetween(rng, 0, 9) * HOUR : undefined,
      returnDay: kind === 'ghost' && rng() < 0.58 ? intBetween(rng, 0, days - 3) : undefined,
      staysBack: rng() < 0.6,
    });
  }
  return people;
}

// ---------------------------------------------------------------------------------------------------------------
// Behaviour

const glob = (pattern) => new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
const matchesUrl = (patterns, path) => [patterns].flat().some((p) => glob(p).test(path));
const inAudience = (guide, pops) => !guide.audience?.length || guide.audience.some((a) => pops.includes(a));
const text = (t) => (typeof t === 'string' ? t : (t?.en ?? ''));

/**
 * The roster and the events of a synthetic organisation over the `days` days ending at `now`.
 * @param {object} o
 * @param {object} o.bundle The guides (examples/intranet/guides.json).
 * @param {(populations: object, ctx: { user: object, now: number }) => string[]} o.resolvePopulations core's.
 * @param {number} [o.now] @default Date.now()
 * @param {number} [o.people] synthetic employees, besides the personas. @default 300 (fewer leaves most days of the adoption chart under k = 5)
 * @param {number} [o.days] @default 30
 * @param {number} [o.seed] @default DEMO_SEED
 * @param {string} [o.site] the origin in the events' urls. @default http://127.0.0.1:4310
 */
export function generateDemo({ bundle, resolvePopulations, now = Date.now(), people: count = 300, days = 30, seed = DEMO_SEED, site = SITE }) {
  const rng = prng(seed);
  const ids = prng(seed ^ 0x5eed);
  const app = bundle.app ?? DEMO_APP;
  const guides = bundle.guides ?? [];
  const byId = new Map(guides.map((g) => [g.id, g]));
  // Each guide's appeal: how likely people go on at each step (the funnel's shape), drawn once per guide.
  const stepGoOn = new Map(guides.filter((g) => g.type === 'tour').map((g) => [g.id, g.steps.map((s, i) => {
    const typing = s.target && !s.advance?.click && i > 0 ? 0.06 : 0; // a step that asks for input loses more people
    return Math.min(0.97, between(rng, 0.84, 0.95) - typing);
  })]));
  const windowStart = Math.floor(now / DAY) * DAY - (days - 1) * DAY;
  const staff = makePeople(rng, count, now, days);
  const events = [];

  for (const person of staff) {
    const state = new Map(); // guide id → { status: 'idle'|'active'|'completed'|'dismissed', step, startedAt, items, opened }
    const stateOf = (id) => state.get(id) ?? (state.set(id, { status: 'idle', step: 0, items: new Set() }), state.get(id));
    const hired = Date.parse(person.hiredAt);
    // The previous visit (`lastSeenAt`, what `inactiveDays` measures): none yet for someone hired in the window.
    let lastSeen = person.lastSeen ?? (hired >= windowStart ? undefined : windowStart - intBetween(rng, 1, 4) * DAY + intBetween(rng, 8, 17) * HOUR);

    for (let d = 0; d < days; d++) {
      const dayStart = windowStart + d * DAY;
      if (dayStart + DAY <= hired) continue;
      let chance = person.eagerness;
      if (person.kind === 'ghost') {
        if (person.returnDay === undefined || d < person.returnDay) continue;
        if (d > person.returnDay) chance = person.staysBack ? 0.35 : 0;
        else chance = 1;
      }
      const weekday = new Date(dayStart).getUTCDay();
      if ((weekday === 0 || weekday === 6) && !(person.kind === 'ghost' && d === person.returnDay)) chance *= 0.06;
      if (rng() >= chance) continue;
      let clock = Math.max(dayStart + between(rng, 6.5, 16.5) * HOUR, hired + 8 * HOUR);
      if (clock > now - 10 * 60_000) continue;
      visit();

      // One visit: a session, a few pages, the guides those pages show to who they are right now.
      function visit() {
        const session = uuid(ids);
        const user = { id: person.id, department: person.department, isManager: person.isManager, hiredAt: person.hiredAt,
          ...(lastSeen === undefined ? {} : { lastSeenAt: new Date(lastSeen).toISOString() }) };
        const pops = resolvePopulations(bundle.populations ?? {}, { user, now: clock });
        const newHire = pops.includes('new-hires');
        const pages = ['home'];
        if (rng() < (newHire ? 0.6 : 0.22)) pages.push('expenses');
        if (rng() < (person.isManager ? 0.4 : 0.04)) pages.push('team');
        if (rng() < (newHire ? 0.35 : 0.06)) pages.push('profile');
        if (pages.length > 1 && rng() < 0.15) pages.shift(); // straight to a bookmarked page
        const live = (g) => d >= (LAUNCH[g.id] ?? 0) && inAudience(g, pops);
        const finished = (g) => ['completed', 'dismissed'].includes(stateOf(g.id).status);
        let url = site + '/';

        // Without a guide: an event about the visit itself (session_started).
        const emit = (type, guide, extra = {}) => {
          events.push({
            id: uuid(ids), type, ts: new Date(Math.round(clock)).toISOString(), app, user: person.id, session,
            ...(guide && { guide: guide.id, guideVersion: guide.version ?? 1 }), ...extra, populations: pops, url,
          });
        };
        const tick = (lo, hi) => { clock += between(rng, lo, hi) * 1000; };
        // As the SDK does: a named person's visit is reported once, guides or not (daily active people, ghosts back).
        emit('session_started');

        // Checklists (no trigger: on every page) hear of URLs, finished guides, clicks and custom events.
        const checklists = guides.filter((g) => g.type === 'checklist' && live(g) && !finished(g));
        const itemDone = (list, item) => {
          const st = stateOf(list.id);
          if (st.items.has(item.id) || finished(list)) return;
          st.items.add(item.id);
          st.status = 'active';
          tick(1, 3);
          emit('checklist_item_completed', list, { item: item.id });
          if (list.items.every((i) => st.items.has(i.id))) {
            emit('checklist_completed', list);
            emit('guide_completed', list);
            st.status = 'completed';
          }
        };
        const signal = (test) => {
          for (const list of checklists) for (const item of list.items) if (test(item.doneWhen, item)) itemDone(list, item);
        };

        const runTour = (g) => {
          const st = stateOf(g.id);
          const goOn = stepGoOn.get(g.id);
          const ghostly = pops.includes('ghosts') ? 0.97 : 1;
          if (st.status === 'idle') {
            st.status = 'active';
            st.step = 0;
            st.startedAt = clock;
            emit('guide_started', g);
          }
          emit('step_viewed', g, { step: g.steps[st.step].id }); // first view, or resumed where it was left
          for (;;) {
            tick(4, 40);
            const step = g.steps[st.step];
            const r = rng();
            const p = goOn[st.step] * ghostly;
            if (r < p) {
              emit('step_completed', g, { step: step.id });
              if (step.advance?.click && step.target) signal((w) => w.click === step.target);
              if (st.step === g.steps.length - 1) {
                emit('guide_completed', g, { props: { durationMs: Math.round(clock - st.startedAt) } });
                st.status = 'completed';
                signal((w) => w.guide === g.id);
                return;
              }
              st.step++;
              emit('step_viewed', g, { step: g.steps[st.step].id });
            } else if (r < p + (1 - p) * 0.6) {
              const reason = pick(rng, ['close', 'close', 'close', 'escape', 'skip']);
              emit('guide_dismissed', g, { step: step.id, props: { reason, step: step.id } });
              st.status = 'dismissed';
              return;
            } else {
              return; // went elsewhere mid-tour: it resumes at this step on the next visit to the page
            }
          }
        };

        const runTooltip = (g) => {
          const st = stateOf(g.id);
          if (!st.opened) {
            if (rng() >= 0.3) return; // noticed on some visit, not always the first
            st.opened = true;
            st.status = 'active';
            tick(2, 10);
            emit('tooltip_opened', g);
          }
          if (rng() < 0.86) {
            tick(3, 25);
            emit('guide_completed', g);
            st.status = 'completed';
          }
        };

        for (const page of pages) {
          const path = PAGES[page];
          url = site + path;
          tick(5, 90);
          signal((w, item) => (w.url && matchesUrl(w.url, path)) || ((w.event || w.click) && item.href === path && rng() < 0.3));
          const here = guides.filter((g) => g.type !== 'checklist' && live(g) && !finished(g) && (!g.trigger?.url || matchesUrl(g.trigger.url, path)));
          // One tour at a time: the highest priority; tooltips alongside.
          const tour = here.filter((g) => g.type === 'tour').sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))[0];
          if (tour) runTour(tour);
          for (const tip of here.filter((g) => g.type === 'tooltip')) runTooltip(tip);
        }
        for (const list of checklists) if (!finished(list) && rng() < 0.015) {
          emit('guide_dismissed', list, { props: { reason: 'close' } });
          stateOf(list.id).status = 'dismissed';
        }
        lastSeen = clock;
      }
    }
    // Someone hired today who has not opened the intranet yet: seen at hiring, for the roster.
    person.lastSeenAt = new Date(lastSeen ?? Math.min(now, hired + 9 * HOUR)).toISOString();
  }

  events.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
  const roster = [
    ...staff.map((p) => ({ id: p.id, department: p.department, isManager: p.isManager, hiredAt: p.hiredAt, site: p.site, lastSeenAt: p.lastSeenAt })),
    ...personaRoster(now),
  ];
  return { app, roster, events, guides: guides.map((g) => ({ id: g.id, title: text(g.title) })) };
}

// ---------------------------------------------------------------------------------------------------------------
// Sending

async function call(url, init, what) {
  const res = await fetch(url, init);
  const body = await res.text();
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  if (!res.ok) throw new Error(`${what}: ${res.status} ${json?.error ?? body.slice(0, 300)}`);
  return json;
}

/** Publishes the bundle unless the collector already serves exactly this one (so restarts add no versions). */
export async function publishIfChanged({ collector, adminToken, app, bundle }) {
  const res = await fetch(`${collector}/v1/apps/${app}/guides`);
  if (res.ok) {
    // The collector stores the validated bundle: same content, its own key order, without `$schema`.
    const canonical = (v) => Array.isArray(v) ? v.map(canonical)
      : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).filter((k) => k !== '$schema').sort().map((k) => [k, canonical(v[k])]))
      : v;
    if (JSON.stringify(canonical(await res.json())) === JSON.stringify(canonical(bundle))) return { published: false, version: undefined };
  }
  const { version } = await call(`${collector}/v1/apps/${app}/guides`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(bundle),
  }, 'publishing the guides');
  return { published: true, version };
}

/**
 * Sends a generated demo: the events (write key, batches of ≤ 500), then the roster (admin token). The roster goes
 * last because start.mjs takes "the app has a roster" to mean "already seeded": an interrupted seed is redone.
 * The guides must be published first (the roster's populations are resolved against them).
 */
export async function sendDemo({ collector, adminToken, writeKey = DEMO_WRITE_KEY, demo, concurrency = 4 }) {
  const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  const batches = [];
  for (let i = 0; i < demo.events.length; i += BATCH) batches.push(demo.events.slice(i, i + BATCH));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const r = await call(`${collector}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${writeKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: batch }),
      }, 'sending demo events');
      totals.accepted += r.accepted;
      totals.duplicates += r.duplicates;
      totals.rejected += r.rejected.length;
      if (r.rejected.length) throw new Error(`demo events rejected: ${r.rejected.slice(0, 3).map((x) => `#${x.index} ${x.reason}`).join('; ')}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  const roster = await call(`${collector}/v1/apps/${demo.app}/roster`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(demo.roster),
  }, 'importing the demo roster');
  return { events: totals, roster: roster.imported, batches: batches.length };
}

export const readBundle = (file = GUIDES_FILE) => JSON.parse(readFileSync(file, 'utf8'));

// ---------------------------------------------------------------------------------------------------------------
// CLI: seed a running collector (the app must exist with the write key), or print a summary with --dry-run.

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { parseArgs } = await import('node:util');
  const { values: opt } = parseArgs({
    options: {
      collector: { type: 'string', default: 'http://127.0.0.1:4320' },
      token: { type: 'string', default: process.env.COMPAGNON_ADMIN_TOKEN ?? 'compagnon-dev-admin' },
      key: { type: 'string', default: DEMO_WRITE_KEY },
      people: { type: 'string', default: '300' },
      days: { type: 'string', default: '30' },
      seed: { type: 'string', default: String(DEMO_SEED) },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const bundle = readBundle();
  const t0 = performance.now();
  const demo = generateDemo({ bundle, resolvePopulations: await loadResolvePopulations(), people: Number(opt.people), days: Number(opt.days), seed: Number(opt.seed) });
  const ms = Math.round(performance.now() - t0);
  const count = (f) => demo.events.filter(f).length;
  console.log(`${demo.roster.length} people, ${demo.events.length} events generated in ${ms} ms`);
  for (const g of demo.guides) {
    const people = (type) => new Set(demo.events.filter((e) => e.guide === g.id && e.type === type).map((e) => e.user)).size;
    console.log(`  ${g.id.padEnd(18)} started ${String(people('guide_started') || people('tooltip_opened') || people('checklist_item_completed')).padStart(3)}  completed ${String(people('guide_completed')).padStart(3)}  dismissed ${String(people('guide_dismissed')).padStart(3)}`);
  }
  console.log(`  events by type: ${[...new Set(demo.events.map((e) => e.type))].map((t) => `${t} ${count((e) => e.type === t)}`).join(', ')}`);
  if (!opt['dry-run']) {
    await publishIfChanged({ collector: opt.collector, adminToken: opt.token, app: demo.app, bundle });
    const sent = await sendDemo({ collector: opt.collector, adminToken: opt.token, writeKey: opt.key, demo });
    console.log(`sent: ${sent.events.accepted} accepted, ${sent.events.duplicates} duplicates; roster ${sent.roster}`);
  }
}

// The in-page half of the bench (a classic script loaded in <head> of every bench page). It knows how to load,
// start, advance and close a tour with each library, and how to tell when a step is visible and positioned.
// Everything timed here is timed with performance.now() inside the page; Node only orchestrates.
(() => {
  const params = new URLSearchParams(location.search);
  const lib = params.get('lib');

  // Long tasks (> 50 ms), recorded from the first moment the page runs script.
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch { /* no longtask support: counted as unknown by Node */ }

  const STEPS = {
    main: [
      { target: '#new-expense', title: 'Step one', body: 'Create an expense here.' },
      { target: '#export', title: 'Step two', body: 'Export the list as CSV.' },
      { target: null, title: 'Step three', body: 'That is all.' },
    ],
    late: [
      { target: '#late-target', title: 'Late step', body: 'This button arrived late.' },
      { target: null, title: 'Late end', body: 'Done.' },
    ],
    far: [
      { target: '#cell-4000', title: 'Far step', body: 'Row 4,000, far below the fold.' },
      { target: null, title: 'Far end', body: 'Done.' },
    ],
    // Only for the MutationObserver cost: a step waiting for a target that never comes.
    watch: [{ target: '#never', title: 'Never', body: 'Waits.' }],
  };
  const TITLES = Object.values(STEPS).flat().map((s) => s.title);

  const compagnonGuides = () => ({
    version: 1,
    guides: Object.entries(STEPS).map(([id, steps]) => ({
      id, type: 'tour', title: id, trigger: { manual: true },
      steps: steps.map((s, i) => ({
        id: `s${i}`, title: s.title, body: s.body,
        ...(s.target ? { target: s.target } : {}),
        ...(id === 'watch' ? { wait: 3_600_000 } : {}),
      })),
    })),
  });
  const USER = { id: 'u-bench', department: 'Finance', isManager: true, hiredAt: '2026-11-02' };

  // ---- small utilities -------------------------------------------------------------------------------------
  const now = () => performance.now();
  const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const yieldTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => { c.port1.close(); r(); }; c.port2.postMessage(0); });
  const text = (el) => (el?.textContent ?? '').trim();
  const named = (root, name) => [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? text(b)) === name || text(b) === name);

  /**
   * Resolves with the time the predicate first holds. It is checked right away, after every task (a
   * MessageChannel loop, sub-millisecond granularity) and at every animation frame (rAF); each check reads
   * layout, as the browser's next paint would.
   */
  function waitFor(pred, timeout) {
    return new Promise((resolve) => {
      const t0 = now();
      let done = false;
      const ch = new MessageChannel();
      const check = () => {
        if (done) return true;
        let v = null;
        try { v = pred(); } catch { v = null; }
        const t = now();
        if (v || t - t0 > timeout) {
          done = true;
          ch.port1.close();
          resolve({ at: v ? t : null, value: v });
        }
        return done;
      };
      ch.port1.onmessage = () => { if (!check()) ch.port2.postMessage(0); };
      const frame = () => { if (!check()) requestAnimationFrame(frame); };
      if (!check()) { ch.port2.postMessage(0); requestAnimationFrame(frame); }
    });
  }

  // ---- what a "step" is for each library ---------------------------------------------------------------------
  const FIND = {
    compagnon(title) {
      const root = document.querySelector('[data-compagnon]')?.shadowRoot;
      if (!root) return null;
      for (const d of root.querySelectorAll('[role="dialog"]')) {
        const ids = (d.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        if (ids.map((id) => text(root.getElementById(id))).join(' ') === title) return d;
      }
      return null;
    },
    driver: (title) => [...document.querySelectorAll('.driver-popover')].find((p) => text(p.querySelector('.driver-popover-title')) === title) ?? null,
    shepherd: (title) => [...document.querySelectorAll('.shepherd-element')].find((p) => text(p.querySelector('.shepherd-title')) === title) ?? null,
    intro: (title) => [...document.querySelectorAll('.introjs-tooltip')].find((p) => text(p.querySelector('.introjs-tooltip-title')) === title) ?? null,
  };

  const inViewport = (r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  const gap = (a, b) => Math.max(0, a.left - b.right, b.left - a.right) + Math.max(0, a.top - b.bottom, b.top - a.bottom);
  const NEAR_PX = 48;

  /** The step titled `title`, if visible (display, visibility, opacity > 0, non-zero box in the viewport). */
  function visibleStep(title) {
    const el = FIND[lib](title);
    if (!el?.isConnected || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
    const r = el.getBoundingClientRect();
    return inViewport(r) ? { el, rect: r } : null;
  }
  /** Visible and positioned: next to its target (≤ 48 px away), the target itself in the viewport. */
  function positioned(title, targetSel) {
    const s = visibleStep(title);
    if (!s) return null;
    if (!targetSel) return s;
    const t = document.querySelector(targetSel);
    if (!t) return null;
    const tr = t.getBoundingClientRect();
    return inViewport(tr) && gap(s.rect, tr) <= NEAR_PX ? s : null;
  }
  /** What is on screen now, to say what a peer does instead of attaching to a late target. */
  function onScreen() {
    for (const title of TITLES) {
      const s = visibleStep(title);
      if (!s) continue;
      const step = Object.values(STEPS).flat().find((x) => x.title === title);
      const t = step.target && document.querySelector(step.target);
      const attached = !!t && gap(s.rect, t.getBoundingClientRect()) <= NEAR_PX;
      const cx = s.rect.left + s.rect.width / 2;
      const cy = s.rect.top + s.rect.height / 2;
      const centred = Math.abs(cx - innerWidth / 2) < 40 && Math.abs(cy - innerHeight / 2) < 60;
      return { title, attached, centred, x: Math.round(s.rect.left), y: Math.round(s.rect.top) };
    }
    return null;
  }

  // ---- loading: timed script evaluation ---------------------------------------------------------------------
  /**
   * Classic scripts: the file is fetched from the bench server, then inserted as an inline <script>; a classic
   * script runs synchronously on insertion, so performance.now() around appendChild is its main-thread compile
   * + top-level run (no network, no streaming compile).
   */
  async function evalClassic(url) {
    const code = await (await fetch(url)).text();
    const s = document.createElement('script');
    s.textContent = code;
    const t0 = now();
    document.head.appendChild(s);
    return { ms: now() - t0 };
  }
  /**
   * ES modules (shepherd.js ships no classic build): import() of a blob URL holding the file, minus the
   * median import() of an empty module (the loader's own fixed cost, measured just before in the same page).
   */
  async function evalModule(url) {
    const code = await (await fetch(url)).text();
    const base = [];
    for (let i = 0; i < 5; i++) {
      const u = URL.createObjectURL(new Blob([`export default ${i};`], { type: 'text/javascript' }));
      const t0 = now();
      await import(u);
      base.push(now() - t0);
    }
    const u = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const t0 = now();
    const mod = await import(u);
    const raw = now() - t0;
    return { ms: Math.max(0, raw - median(base)), raw, baseline: median(base), mod };
  }

  // ---- one adapter per library ------------------------------------------------------------------------------
  const A = {
    compagnon: {
      async load(url) {
        const r = await evalClassic(url);
        // The bundle as a text (an inline JSON script, as `data-guides="#id"`), like a real page's: its validation
        // verdict is kept, and the next page of the same profile reads it back (run.mjs reloads to measure that).
        const el = document.createElement('script');
        el.type = 'application/json';
        el.id = 'compagnon-guides';
        el.textContent = JSON.stringify(compagnonGuides());
        document.head.append(el);
        const t0 = now();
        await window.Compagnon.init({ app: 'bench', guides: '#compagnon-guides', user: USER, locale: 'en' });
        r.initMs = now() - t0;
        r.debug = window.Compagnon.debug();
        return r;
      },
      start: (kind) => window.Compagnon.start(kind),
      next() {
        const root = document.querySelector('[data-compagnon]').shadowRoot;
        named(root, 'Next').click();
      },
      close() {
        const root = document.querySelector('[data-compagnon]')?.shadowRoot;
        const b = root && named(root, 'Close');
        if (b) b.click();
        else document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      },
    },
    driver: {
      async load(url) { return evalClassic(url); },
      start(kind) {
        this.d = window.driver.js.driver({
          steps: STEPS[kind].map((s) => ({ ...(s.target ? { element: s.target } : {}), popover: { title: s.title, description: s.body } })),
        });
        this.d.drive();
      },
      next() { document.querySelector('.driver-popover-next-btn').click(); },
      close() { this.d?.destroy(); this.d = null; },
    },
    shepherd: {
      async load(url) { const r = await evalModule(url); window.Shepherd = r.mod.default; delete r.mod; return r; },
      start(kind) {
        const steps = STEPS[kind];
        // scrollTo: true is shepherd's own option for off-screen targets (off by default).
        this.t = new window.Shepherd.Tour({ defaultStepOptions: { scrollTo: true, cancelIcon: { enabled: true } } });
        steps.forEach((s, i) => this.t.addStep({
          id: `s${i}`, title: s.title, text: s.body,
          ...(s.target ? { attachTo: { element: s.target, on: 'bottom' } } : {}),
          buttons: [{ text: i === steps.length - 1 ? 'Done' : 'Next', action() { return i === steps.length - 1 ? this.complete() : this.next(); } }],
        }));
        this.t.start();
      },
      next() {
        const el = [...document.querySelectorAll('.shepherd-element')].find((e) => e.checkVisibility());
        named(el, 'Next').click();
      },
      close() { this.t?.cancel(); this.t = null; },
    },
    intro: {
      async load(url) { return evalClassic(url); },
      start(kind) {
        this.t = window.introJs.tour().setOptions({
          steps: STEPS[kind].map((s) => ({ ...(s.target ? { element: s.target } : {}), title: s.title, intro: s.body })),
        });
        return this.t.start();
      },
      next() { document.querySelector('.introjs-nextbutton').click(); },
      async close() { await this.t?.exit(true); this.t = null; },
    },
  };

  // ---- scenarios, called from Node --------------------------------------------------------------------------
  const countLongTasks = (from, to) => longTasks.filter((e) => e.start + e.duration >= from && e.start <= to);
  const ms = (r, t0) => (r.at === null ? null : r.at - t0);
  const adapter = A[lib];

  async function closeAndReset() {
    try { await adapter.close(); } catch { /* a peer that throws on close is not our subject */ }
    await sleep(60);
    document.getElementById('late-target')?.remove();
    scrollTo(0, 0);
    await sleep(10);
  }

  window.bench = {
    lib, STEPS, longTasks, sleep, median, yieldTask, compagnonGuides, USER,

    load: (url) => adapter.load(url),

    /** start → first step positioned; long tasks in that window; Next → step 2 positioned. */
    async tour() {
      const out = {};
      scrollTo(0, 0);
      const t0 = now();
      let err = null;
      try { void Promise.resolve(adapter.start('main')).catch((e) => { err = String(e); }); } catch (e) { err = String(e); }
      const first = await waitFor(() => positioned('Step one', '#new-expense'), 3000);
      out.startMs = ms(first, t0);
      // Long task entries arrive after the task; give them a moment before reading.
      await sleep(320); // also lets entry animations (0.3 s at most) finish before Next is pressed
      const lts = countLongTasks(t0, first.at ?? t0 + 3000);
      out.longTasks = lts.length;
      out.longTaskMs = lts.reduce((a, e) => a + e.duration, 0);
      const t1 = now();
      try { adapter.next(); } catch (e) { err = String(e); }
      const second = await waitFor(() => positioned('Step two', '#export'), 3000);
      out.nextMs = ms(second, t1);
      out.error = err;
      await closeAndReset();
      return out;
    },

    /** A target inserted 500 ms after start: delay from insertion to the step visible next to it. */
    async late() {
      const t0 = now();
      let err = null;
      try { void Promise.resolve(adapter.start('late')).catch((e) => { err = String(e); }); } catch (e) { err = String(e); }
      await sleep(450 - (now() - t0));
      const before = onScreen();
      await sleep(500 - (now() - t0));
      const btn = document.createElement('button');
      btn.id = 'late-target';
      btn.textContent = 'Approvals';
      document.getElementById('late-slot').append(btn);
      const tIns = now();
      const r = await waitFor(() => positioned('Late step', '#late-target'), 300); // peers never re-query; 300 ms says so
      const out = { ms: ms(r, tIns), insertedAfterMs: tIns - t0, before, after: onScreen(), error: err };
      await closeAndReset();
      return out;
    },

    /** A target 4,000 rows down: start → the page scrolled to it and the step positioned next to it. */
    async far() {
      scrollTo(0, 0);
      await sleep(30);
      const t0 = now();
      let err = null;
      try { void Promise.resolve(adapter.start('far')).catch((e) => { err = String(e); }); } catch (e) { err = String(e); }
      const r = await waitFor(() => positioned('Far step', '#cell-4000'), 2500);
      const out = { ms: ms(r, t0), scrollY: Math.round(scrollY), after: r.at === null ? onScreen() : null, error: err };
      await closeAndReset();
      return out;
    },

    /** One start/destroy cycle, as a host page would do when it tears a tour down (heap bench). */
    async cycle() {
      if (lib === 'compagnon') {
        const c = window.CompagnonBench.createCompagnon();
        await c.init({ app: 'bench', guides: compagnonGuides(), user: USER, locale: 'en' });
        await c.start('main');
        await yieldTask();
        c.destroy();
        return;
      }
      await adapter.start('main');
      await yieldTask();
      await adapter.close();
    },
    async cycles(n) { for (let i = 0; i < n; i++) await this.cycle(); },
    domNodes: () => document.getElementsByTagName('*').length,

    /** MutationObserver cost: Compagnon running, a step waiting for a target that never comes. */
    async watchStart() {
      await window.Compagnon.start('watch');
    },
    watchStop() { window.Compagnon.destroy(); },
    mutate(perSecond = 1000, tickMs = 10) {
      const feed = document.getElementById('feed');
      const per = Math.round((perSecond * tickMs) / 1000);
      let n = 0;
      const id = setInterval(() => {
        for (let i = 0; i < per; i++) {
          const s = document.createElement('span');
          s.textContent = ` item ${n++}`;
          feed.append(s);
        }
        while (feed.childNodes.length > 200) feed.firstChild.remove();
      }, tickMs);
      window.bench.stopMutate = () => clearInterval(id);
    },

    // ---- Compagnon alone: rules over 1,000 guides × 20 populations ----------------------------------------------
    bigBundle,
    /** core's resolvePopulations + schedule, the work done at init, identify and every URL change. */
    rules(iterations = 200, warmup = 30) {
      const { resolvePopulations, schedule } = window.CompagnonCore;
      const bundle = bigBundle();
      const t = Date.now();
      const ctx = { user: BIG_USER, now: t, lastVisitAt: t - 20 * 86_400_000 };
      const progress = { guides: {} };
      for (let i = 0; i < 1000; i += 7) progress.guides[`g${i}`] = { status: i % 2 ? 'completed' : 'dismissed', version: 1, step: 0, updatedAt: t };
      const url = { pathname: '/expenses/new', search: '' };
      const samples = [];
      let plan;
      let pops;
      for (let i = 0; i < warmup + iterations; i++) {
        const t0 = now();
        pops = resolvePopulations(bundle.populations, ctx);
        plan = schedule({ guides: bundle.guides, populations: new Set(pops), progress, url });
        if (i >= warmup) samples.push(now() - t0);
      }
      return { ms: median(samples), min: Math.min(...samples), populations: pops.length,
        tooltips: plan.tooltips.length, checklists: plan.checklists.length, tour: plan.foreground?.guide.id ?? null };
    },
    /** The whole init (bundle validation, storage, populations, schedule) with that bundle, script-tag code. */
    async bigInit() {
      const c = window.CompagnonBench.createCompagnon();
      const errors = [];
      c.on('error', (e) => errors.push(e.message));
      const t0 = now();
      await c.init({ app: 'bench-big', guides: bigBundle(), user: BIG_USER, locale: 'en' });
      const out = { ms: now() - t0, debug: c.debug(), errors: errors.slice(0, 3), errorCount: errors.length };
      out.guides = out.debug.guides.length;
      delete out.debug;
      c.destroy();
      return out;
    },
  };

  // 20 populations using every rule kind, 1,000 guides (tours, tooltips, checklists) with audiences and triggers.
  const BIG_USER = { id: 'u-4242', department: 'Finance', isManager: true, hiredAt: '2026-11-02', groups: ['pilot', 'hr'], level: 7, site: 'Lyon' };
  function bigBundle() {
    const day = 86_400_000;
    const recent = new Date(Date.now() - 10 * day).toISOString().slice(0, 10);
    const kinds = [
      (i) => ({ attr: 'department', eq: ['Finance', 'HR', 'IT', 'Sales'][i % 4] }),
      (i) => ({ attr: 'groups', in: [['pilot', 'beta', 'ops'][i % 3]] }),
      (i) => ({ attr: 'hiredAt', withinDays: 15 + i }),
      (i) => ({ attr: 'level', gte: i % 10 }),
      (i) => ({ all: [{ attr: 'isManager', eq: true }, { rollout: 10 + i * 4 }] }),
      (i) => ({ any: [{ attr: 'site', eq: 'Lyon' }, { not: { attr: 'department', in: ['IT', `D${i}`] } }] }),
      (i) => ({ inactiveDays: { gte: i % 30 } }),
      (i) => ({ attr: 'site', contains: ['Ly', 'Pa', 'Ma'][i % 3] }),
      (i) => ({ all: [{ attr: 'hiredAt', lte: recent }, { any: [{ attr: 'level', lte: 5 }, { rollout: 50 }] }] }),
      (i) => ({ not: { inactiveDays: { lte: i } } }),
    ];
    const populations = {};
    for (let i = 0; i < 20; i++) populations[`p${i}`] = { name: `Population ${i}`, when: kinds[i % kinds.length](i) };
    const urls = ['/expenses*', '/expenses/new', '/reports/*', '/profile*', '/*/settings', '/home'];
    const guides = [];
    for (let i = 0; i < 1000; i++) {
      const audience = [`p${i % 20}`, `p${(i * 7 + 3) % 20}`];
      const trigger = { url: urls[i % urls.length] };
      const kind = i % 10;
      if (kind < 6) {
        guides.push({ id: `g${i}`, type: 'tour', title: `Tour ${i}`, audience, trigger, priority: i % 5,
          steps: [{ id: 'a', target: `#t-${i}`, title: 'One', body: 'First **step**.' }, { id: 'b', title: 'Two' }] });
      } else if (kind < 9) {
        guides.push({ id: `g${i}`, type: 'tooltip', title: `Tip ${i}`, audience, trigger, target: `#tip-${i}`, body: 'A tip.' });
      } else {
        guides.push({ id: `g${i}`, type: 'checklist', title: `List ${i}`, audience, trigger,
          items: [{ id: 'x', title: 'Do the tour', doneWhen: { guide: `g${i - 9}` } }, { id: 'y', title: 'Visit', doneWhen: { url: '/profile*' } }] });
      }
    }
    return { version: 1, app: 'bench-big', populations, guides };
  }
})();

// The author's picker on the page: an overlay in its own shadow root (the page's styles cannot reach it, and it
// reaches nothing of the page's) that outlines the element under the pointer; a click proposes a target and says
// how many elements it matches. The author adds steps (title, body, placement), previews the tour with the same
// UI the SDK shows, and exports the bundle or publishes it to the collector.
import type { Bundle, Placement } from '@compagnon/schema';
import { PLACEMENTS } from '@compagnon/schema';
import { resolveTarget } from '@compagnon/dom';
import { h, render, type VNode } from 'preact';
import { createUi, type StepView, type Ui, type UiActions } from '@compagnon/ui';
import { type BundleMeta, buildBundle, exportJson, type PickerStep, publishBundle, type PublishTarget } from './bundle.ts';
import { type Proposal, proposeTarget } from './propose.ts';

export interface PickedProposal extends Proposal {
  /** The element picked. */
  element: Element;
}

export interface PickerOptions {
  /** @default globalThis.document */
  document?: Document;
  /** Pre-filled tour fields. @default id `new-tour`, title `New tour`, url: the current path */
  meta?: Partial<BundleMeta>;
  /** Pre-filled publishing fields (the token is never stored by the picker). */
  publish?: Partial<PublishTarget>;
}

export interface Picker {
  /** The overlay's host element (its shadow root is open, for tests and for the extension's wiring). */
  readonly host: HTMLElement;
  /** The last proposal, or null before the first pick. */
  proposal(): PickedProposal | null;
  /** Picks `el` as if clicked. */
  pick(el: Element): PickedProposal;
  /** While picking, the pointer outlines elements and a click picks instead of reaching the page. */
  setPicking(on: boolean): void;
  /** Adds a step: the form's fields and the current proposal, each overridden by `step`. */
  addStep(step?: Partial<PickerStep>): PickerStep;
  removeStep(index: number): void;
  steps(): PickerStep[];
  /** The tour's fields as the form holds them. */
  meta(): BundleMeta;
  /** Throws an `InvalidBundleError` naming every problem. */
  bundle(): Bundle;
  /** The bundle as a file, also shown in the panel. */
  exportJson(): string;
  publish(to?: Partial<PublishTarget>): Promise<{ version: number }>;
  /** Runs the tour on this page with the SDK's own UI, from the first step; the preview ends on done or close. */
  preview(): void;
  /** The preview's current step (0-based), or -1 when not previewing. */
  previewing(): number;
  destroy(): void;
}

const CSS = `
:host { all: initial; }
.box { position: fixed; pointer-events: none; border: 2px solid #2563eb; background: rgba(37,99,235,.12);
  border-radius: 3px; display: none; z-index: 1; box-sizing: border-box; }
.box[data-picked] { border-color: #16a34a; background: rgba(22,163,74,.12); }
.panel { position: fixed; right: 12px; bottom: 12px; width: 340px; max-height: calc(100vh - 24px); overflow: auto;
  font: 13px/1.4 system-ui, sans-serif; color: #111827; background: #fff; border: 1px solid #d1d5db;
  border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 10px; z-index: 2; box-sizing: border-box; }
.panel h2 { font-size: 14px; margin: 0 0 6px; }
.panel fieldset { border: 1px solid #e5e7eb; border-radius: 6px; margin: 0 0 8px; padding: 6px 8px; }
.panel legend { font-weight: 600; padding: 0 4px; }
.panel label { display: block; margin: 4px 0; }
.panel input[type=text], .panel input:not([type]), .panel textarea, .panel select { display: block; width: 100%;
  box-sizing: border-box; font: inherit; padding: 3px 5px; border: 1px solid #9ca3af; border-radius: 4px; }
.panel button { font: inherit; padding: 3px 8px; margin: 2px 2px 2px 0; border-radius: 4px; border: 1px solid #6b7280;
  background: #f9fafb; cursor: pointer; }
.panel button[aria-pressed=true] { background: #dbeafe; border-color: #2563eb; }
code { font: 12px ui-monospace, monospace; word-break: break-all; }
.count[data-n="1"] { color: #15803d; } .count:not([data-n="1"]) { color: #b91c1c; }
.error { color: #b91c1c; white-space: pre-wrap; }
ol { margin: 4px 0; padding-left: 20px; }
`;

// The panel's markup, built as vnodes (never an HTML string: the same rule as the SDK's own UI).
const field = (label: string, control: VNode<any>) => h('label', null, label, ' ', control);
const input = (name: string, type = 'text') => h('input', { 'data-picker': name, type });
const button = (name: string, text: string, extra: Record<string, string> = {}) => h('button', { type: 'button', 'data-picker': name, ...extra }, text);
const checkbox = (name: string, text: string) => h('label', null, input(name, 'checkbox'), ' ', text);
const PANEL = () => [
  h('div', { class: 'box', part: 'box' }),
  h('section', { class: 'panel', role: 'dialog', 'aria-label': 'Compagnon picker' },
    h('h2', null, 'Compagnon picker'),
    button('pick', 'Pick an element', { 'aria-pressed': 'true' }),
    h('p', { 'data-picker': 'proposal', 'aria-live': 'polite' }, 'Point at an element and click it.'),
    h('fieldset', null, h('legend', null, 'Step'),
      field('Title', input('title')),
      field('Body (Markdown)', h('textarea', { 'data-picker': 'body', rows: 2 })),
      field('Placement', h('select', { 'data-picker': 'placement' })),
      checkbox('advance', 'Clicking the element goes to the next step'),
      checkbox('centred', 'No element: a centred dialog'),
      button('add', 'Add step')),
    h('ol', { 'data-picker': 'steps' }),
    h('fieldset', null, h('legend', null, 'Tour'),
      field('Id', input('id')), field('Title', input('tour-title')), field('Pages (URL pattern)', input('url')), field('App', input('app'))),
    button('preview', 'Preview'),
    button('export', 'Export JSON'),
    h('fieldset', null, h('legend', null, 'Publish'),
      field('Collector', input('collector')), field('Admin token', input('token', 'password')), button('publish', 'Publish')),
    h('p', { class: 'error', 'data-picker': 'message', role: 'status' }),
    h('textarea', { 'data-picker': 'json', rows: 8, readonly: true, hidden: true, 'aria-label': 'Exported JSON' })),
];

const targetText = (p: Proposal): string => JSON.stringify(p.target);

/** The element an author means when the pointer is on an icon or a span inside a button or a link. */
function pickable(el: Element): Element {
  const control = el.closest('a[href],button,summary,label,select,textarea,input,[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox],[role=option]');
  return control ?? el;
}

export function createPicker(options: PickerOptions = {}): Picker {
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  const host = doc.createElement('div');
  host.dataset.compagnonPicker = '';
  host.style.cssText = 'all:initial;position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  shadow.append(style);
  const mount = doc.createElement('div');
  shadow.append(mount);
  render(PANEL(), mount);
  doc.documentElement.append(host);
  // What the author does in the panel is not the page's business: its bubbling listeners (shortcuts, "click
  // outside" handlers) never see it.
  const PANEL_EVENTS = ['click', 'dblclick', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'keydown', 'keyup', 'keypress', 'input', 'change', 'focusin', 'focusout'];
  const stop = (e: Event) => e.stopPropagation();
  for (const type of PANEL_EVENTS) host.addEventListener(type, stop);

  const $ = <T extends Element = HTMLInputElement>(name: string) => shadow.querySelector(`[data-picker="${name}"]`) as T;
  const box = shadow.querySelector('.box') as HTMLElement;
  const placement = $<HTMLSelectElement>('placement');
  for (const p of PLACEMENTS) {
    const option = doc.createElement('option');
    option.value = option.textContent = p;
    option.selected = p == 'bottom';
    placement.append(option);
  }
  $('id').value = options.meta?.id ?? 'new-tour';
  $('tour-title').value = options.meta?.title ?? 'New tour';
  const url = options.meta?.url ?? win.location.pathname;
  $('url').value = Array.isArray(url) ? url.join(', ') : url;
  $('app').value = options.meta?.app ?? '';
  $('collector').value = options.publish?.collector ?? '';
  $('token').value = options.publish?.token ?? '';

  let picking = true;
  let current: PickedProposal | null = null;
  const list: PickerStep[] = [];
  let ui: Ui | null = null;
  let step = -1;

  const say = (text: string) => ($('message').textContent = text);
  const ours = (e: Event) => e.composedPath().includes(host);
  const under = (e: Event): Element | null => {
    const first = e.composedPath()[0];
    return first instanceof win.Element ? pickable(first) : null;
  };

  const outline = (el: Element | null, picked = false) => {
    if (!el) return void (box.style.display = 'none');
    const r = el.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    box.toggleAttribute('data-picked', picked);
  };

  const setPicking = (on: boolean) => {
    picking = on;
    $('pick').setAttribute('aria-pressed', String(on));
    if (on) outline(null);
    else outline(current?.element ?? null, true);
  };

  const pick = (el: Element): PickedProposal => {
    current = { ...proposeTarget(el), element: el };
    const p = $('proposal');
    p.replaceChildren('Target: ');
    const code = doc.createElement('code');
    code.textContent = targetText(current);
    const count = doc.createElement('span');
    count.className = 'count';
    count.dataset.n = String(current.matches);
    count.dataset.picker = 'matches';
    count.textContent = ` — ${current.matches} match${current.matches == 1 ? '' : 'es'} on this page`;
    p.append(code, count);
    $('centred').checked = false;
    setPicking(false);
    return current;
  };

  // Capture phase on the window: the page's own handlers never see a pick.
  const onMove = (e: PointerEvent) => {
    if (picking && !ours(e)) outline(under(e));
  };
  const swallow = (e: Event) => {
    if (!picking || ours(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const onClick = (e: MouseEvent) => {
    if (!picking || ours(e)) return;
    swallow(e);
    const el = under(e);
    if (el) pick(el);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key == 'Escape' && picking) setPicking(false);
  };
  const onScroll = () => {
    if (!picking && current) outline(current.element, true);
  };
  win.addEventListener('pointermove', onMove, true);
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick']) win.addEventListener(type, swallow, true);
  win.addEventListener('click', onClick, true);
  win.addEventListener('keydown', onKey, true);
  win.addEventListener('scroll', onScroll, true);

  const renderSteps = () => {
    const ol = $('steps');
    ol.replaceChildren(
      ...list.map((s, i) => {
        const li = doc.createElement('li');
        li.textContent = `${s.title} ${s.target ? JSON.stringify(s.target) : '(centred)'} `;
        const remove = doc.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', `Remove step ${i + 1}`);
        remove.onclick = () => removeStep(i);
        li.append(remove);
        return li;
      }),
    );
  };

  const addStep = (over: Partial<PickerStep> = {}): PickerStep => {
    const centred = $('centred').checked || !current;
    const s: PickerStep = {
      title: $('title').value,
      body: $<HTMLTextAreaElement>('body').value,
      placement: placement.value as Placement,
      advanceOnClick: $('advance').checked,
      ...(centred ? {} : { target: current!.target }),
      ...over,
    };
    if (!s.title.trim()) throw new Error('a step needs a title');
    list.push(s);
    $('title').value = '';
    $<HTMLTextAreaElement>('body').value = '';
    $('advance').checked = false;
    renderSteps();
    setPicking(true);
    return s;
  };

  const removeStep = (i: number) => {
    list.splice(i, 1);
    renderSteps();
  };

  const meta = (): BundleMeta => {
    const urls = $('url').value.split(',').map((u) => u.trim()).filter(Boolean);
    return {
      id: $('id').value,
      title: $('tour-title').value,
      app: $('app').value,
      ...(urls.length ? { url: urls.length == 1 ? urls[0]! : urls } : {}),
    };
  };

  const bundle = () => buildBundle(list, meta());

  const exportIt = (): string => {
    const json = exportJson(bundle());
    const area = $<HTMLTextAreaElement>('json');
    area.value = json;
    area.hidden = false;
    say('Exported: a valid bundle.');
    return json;
  };

  // The preview: the SDK's UI, fed the steps as views; targets resolved as the SDK resolves them.
  const show = () => {
    const s = list[step];
    if (!s) return stopPreview();
    const view: StepView = {
      guideId: 'preview',
      stepId: `step-${step + 1}`,
      title: s.title,
      ...(s.body?.trim() ? { body: s.body } : {}),
      index: step,
      count: list.length,
      target: s.target === undefined ? null : resolveTarget(s.target, doc),
      placement: s.placement ?? 'bottom',
      modal: false,
      advanceOnClick: !!s.advanceOnClick,
      skippable: true,
      preview: true,
    };
    ui!.render({ locale: 'en', tour: view, tooltips: [], checklists: [], announcement: null, survey: null, resourceCentres: [] }, actions);
  };
  const go = (to: number) => {
    step = to;
    show();
  };
  const stopPreview = () => {
    ui?.destroy();
    ui = null;
    step = -1;
  };
  const actions: UiActions = {
    next: () => go(step + 1),
    back: () => go(Math.max(0, step - 1)),
    done: stopPreview,
    dismiss: stopPreview,
    skip: stopPreview,
    toggleTooltip() {}, toggleChecklist() {}, activateItem() {}, dismissChecklist() {}, snooze() {}, answer() {},
    announcementAction() {}, closeAnnouncement() {}, toggleResourceCentre() {}, restartGuide() {}, setOptOut() {},
  };
  const preview = () => {
    if (!list.length) throw new Error('add a step first');
    stopPreview();
    setPicking(false);
    ui = createUi({ document: doc });
    go(0);
  };

  const publish = async (to: Partial<PublishTarget> = {}) => {
    const target: PublishTarget = {
      collector: to.collector ?? $('collector').value,
      token: to.token ?? $('token').value,
      app: to.app ?? $('app').value,
      ...(to.fetch ? { fetch: to.fetch } : {}),
    };
    if (!target.collector || !target.token || !target.app) throw new Error('publishing needs the collector, the app and an admin token');
    const result = await publishBundle(bundle(), target);
    say(`Published: version ${result.version}.`);
    return result;
  };

  // The panel's buttons report problems in the panel rather than throwing at the page.
  const guard = (run: () => unknown) => () => {
    try {
      say('');
      const r = run();
      if (r instanceof Promise) r.catch((e: unknown) => say(e instanceof Error ? e.message : String(e)));
    } catch (e) {
      say(e instanceof Error ? e.message : String(e));
    }
  };
  $('pick').addEventListener('click', guard(() => setPicking(!picking)));
  $('add').addEventListener('click', guard(() => addStep()));
  $('preview').addEventListener('click', guard(preview));
  $('export').addEventListener('click', guard(exportIt));
  $('publish').addEventListener('click', guard(() => publish()));

  return {
    host,
    proposal: () => current,
    pick,
    setPicking,
    addStep,
    removeStep,
    steps: () => list.map((s) => ({ ...s })),
    meta,
    bundle,
    exportJson: exportIt,
    publish,
    preview,
    previewing: () => step,
    destroy() {
      stopPreview();
      win.removeEventListener('pointermove', onMove, true);
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick']) win.removeEventListener(type, swallow, true);
      win.removeEventListener('click', onClick, true);
      win.removeEventListener('keydown', onKey, true);
      win.removeEventListener('scroll', onScroll, true);
      host.remove();
    },
  };
}

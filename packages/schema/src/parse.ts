import { type Bundle, bundleSchemas } from './bundle.ts';
import { type Guide, guideSchemas } from './guide.ts';
import { describe } from './issue.ts';
import type { Issue, Message } from './messages.ts';
import { ruleSchemas } from './rule.ts';
import { type Locale, textSchemas } from './text.ts';

export interface BundleError {
  path: string;
  guide?: string;
  message: Message;
}

// `reportInput` keeps the offending value on each issue: messages say what was received.
const OPTS = { reportInput: true } as const;

const error = (issue: Issue, prefix: PropertyKey[], guide?: string): BundleError =>
  guide === undefined ? describe(issue, prefix) : { ...describe(issue, prefix), guide };

const crossError = (i: number, guide: string, path: PropertyKey[], v: string, m: string): BundleError =>
  error({ code: 'custom', path, params: { m, v } }, ['guides', i], guide);

type Ref = [path: PropertyKey[], id: string];

// The populations a guide names: its audience, and whom each ambassador and resource of a centre is for.
function populationRefs(g: Guide): Ref[] {
  const refs = (g.audience ?? []).map((p, k): Ref => [['audience', k], p]);
  if (g.type === 'resource-centre') {
    for (const key of ['ambassadors', 'resources'] as const) {
      g[key]?.forEach((x, k) => x.populations?.forEach((p, j) => refs.push([[key, k, 'populations', j], p])));
    }
  }
  return refs;
}

// The guides a guide names: what a checklist item waits for, what an announcement's button starts.
const guideRefs = (g: Guide): Ref[] =>
  g.type === 'checklist'
    ? g.items.flatMap((it, k): Ref[] => ('guide' in it.doneWhen ? [[['items', k, 'doneWhen', 'guide'], it.doneWhen.guide]] : []))
    : g.type === 'announcement' && g.action?.guide
      ? [[['action', 'guide'], g.action.guide]]
      : [];

/**
 * Validates a bundle, keeping every valid population and guide: each invalid one is dropped with exactly one
 * error. Never throws. Cross-checks also drop the guide: a repeated id (the later one), a population (audience,
 * ambassador, resource) that is unknown or invalid, a guide named by a checklist item or an announcement's button
 * that is unknown or dropped. Invalid settings are dropped with their error: the engine's defaults apply.
 * The schemas are built by the first call (see once.ts); the guide schemas only once there is a guide to check.
 */
export function parseBundle(input: unknown): { bundle: Bundle; errors: BundleError[] } {
  const bundle: Bundle = { version: 1, populations: {}, guides: [] };
  const { EnvelopeSchema, SettingsSchema } = bundleSchemas();
  const top = EnvelopeSchema.safeParse(input, OPTS);
  if (!top.success) return { bundle, errors: [error(top.error.issues[0] as Issue, [])] };
  // Tagged with the guide's index (-1: populations), so errors read in the file's order whichever pass found them.
  const errors: [number, BundleError][] = [];
  const { app, populations = {}, settings, guides } = top.data;
  if (app !== undefined) bundle.app = app;

  for (const [key, value] of Object.entries(populations)) {
    const id = textSchemas().IdSchema.safeParse(key, OPTS);
    const pop = ruleSchemas().PopulationSchema.safeParse(value, OPTS);
    if (id.success && pop.success) bundle.populations[key] = pop.data;
    else errors.push([-1, error((id.error ?? pop.error)!.issues[0] as Issue, ['populations', key])]);
  }

  if (settings !== undefined) {
    const r = SettingsSchema.safeParse(settings, OPTS);
    if (r.success) bundle.settings = r.data;
    else errors.push([-1, error(r.error.issues[0] as Issue, ['settings'])]);
  }

  const kept = new Map<string, [number, Guide]>();
  guides.forEach((raw, i) => {
    const r = guideSchemas().GuideSchema.safeParse(raw, OPTS);
    if (!r.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      return errors.push([i, error(r.error.issues[0] as Issue, ['guides', i], typeof id === 'string' ? id : undefined)]);
    }
    const g = r.data;
    if (kept.has(g.id)) return errors.push([i, crossError(i, g.id, ['id'], g.id, 'dup')]);
    const pop = populationRefs(g).find(([, p]) => !Object.hasOwn(bundle.populations, p));
    if (pop) return errors.push([i, crossError(i, g.id, ...pop, 'pop')]);
    kept.set(g.id, [i, g]);
  });

  // Until stable: dropping a guide can orphan another one that names it.
  for (let again = true; again; ) {
    again = false;
    for (const [id, [i, g]] of kept) {
      const ref = guideRefs(g).find(([, r]) => !kept.has(r));
      if (!ref) continue;
      errors.push([i, crossError(i, id, ...ref, 'guide')]);
      kept.delete(id);
      again = true;
    }
  }
  bundle.guides = [...kept.values()].map(([, g]) => g); // a Map keeps insertion order: the authors' order
  return { bundle, errors: errors.sort((x, y) => x[0] - y[0]).map(([, e]) => e) };
}

/** `guides[2].steps[0].target (expense-tour): expected a string, got number` */
export function formatError(e: BundleError, locale: Locale): string {
  const where = e.path + (e.guide === undefined ? '' : ` (${e.guide})`);
  return where ? `${where}: ${e.message[locale]}` : e.message[locale];
}

import { type Bundle, EnvelopeSchema } from './bundle.ts';
import { type Guide, GuideSchema } from './guide.ts';
import { describe } from './issue.ts';
import type { Issue, Message } from './messages.ts';
import { PopulationSchema } from './rule.ts';
import { IdSchema, type Locale } from './text.ts';

export interface BundleError {
  path: string;
  guide?: string;
  message: Message;
}

// `reportInput` keeps the offending value on each issue: messages say what was received.
const OPTS = { reportInput: true } as const;

const error = (issue: Issue, prefix: PropertyKey[], guide?: string): BundleError =>
  guide === undefined ? describe(issue, prefix) : { ...describe(issue, prefix), guide };

const crossError = (i: number, guide: string, path: PropertyKey[], m: string, v: string): BundleError =>
  error({ code: 'custom', path, params: { m, v } }, ['guides', i], guide);

/**
 * Validates a bundle, keeping every valid population and guide: each invalid one is dropped with exactly one
 * error. Never throws. Cross-checks also drop the guide: a repeated id (the later one), an audience naming an
 * unknown or invalid population, a checklist item waiting for an unknown or dropped guide.
 */
export function parseBundle(input: unknown): { bundle: Bundle; errors: BundleError[] } {
  const bundle: Bundle = { version: 1, populations: {}, guides: [] };
  const top = EnvelopeSchema.safeParse(input, OPTS);
  if (!top.success) return { bundle, errors: [error(top.error.issues[0] as Issue, [])] };
  // Tagged with the guide's index (-1: populations), so errors read in the file's order whichever pass found them.
  const errors: [number, BundleError][] = [];
  const { app, populations = {}, guides } = top.data;
  if (app !== undefined) bundle.app = app;

  for (const [key, value] of Object.entries(populations)) {
    const id = IdSchema.safeParse(key, OPTS);
    const pop = PopulationSchema.safeParse(value, OPTS);
    if (id.success && pop.success) bundle.populations[key] = pop.data;
    else errors.push([-1, error((id.error ?? pop.error)!.issues[0] as Issue, ['populations', key])]);
  }

  const kept = new Map<string, [number, Guide]>();
  guides.forEach((raw, i) => {
    const r = GuideSchema.safeParse(raw, OPTS);
    if (!r.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      return errors.push([i, error(r.error.issues[0] as Issue, ['guides', i], typeof id === 'string' ? id : undefined)]);
    }
    const g = r.data;
    if (kept.has(g.id)) return errors.push([i, crossError(i, g.id, ['id'], 'dup', g.id)]);
    const a = g.audience?.findIndex((p) => !Object.hasOwn(bundle.populations, p)) ?? -1;
    if (a >= 0) return errors.push([i, crossError(i, g.id, ['audience', a], 'pop', g.audience![a]!)]);
    kept.set(g.id, [i, g]);
  });

  // Until stable: dropping a checklist can orphan another checklist that waits for it.
  for (let again = true; again; ) {
    again = false;
    for (const [id, [i, g]] of kept) {
      if (g.type !== 'checklist') continue;
      const k = g.items.findIndex((it) => 'guide' in it.doneWhen && !kept.has(it.doneWhen.guide));
      if (k < 0) continue;
      const ref = (g.items[k]!.doneWhen as { guide: string }).guide;
      errors.push([i, crossError(i, id, ['items', k, 'doneWhen', 'guide'], 'guide', ref)]);
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

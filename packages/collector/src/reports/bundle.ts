// The latest published bundle, read loosely: it was validated at publish, and a report must not fail because an
// older collector stored something this one would parse differently. Only ids, steps, items and audiences matter.
import type { ReportDb } from './sql.ts';

export interface BundleGuide {
  id: string;
  /** Step ids of a tour, in the author's order; empty for tooltips and checklists (their items are not steps). */
  steps: string[];
  /** Absent: everyone. */
  audience?: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const ids = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((s: unknown) => (s && typeof s === 'object' ? (s as { id?: unknown }).id : undefined)).filter((s): s is string => typeof s === 'string') : [];

export async function latestGuides(db: ReportDb, app: string): Promise<BundleGuide[] | undefined> {
  const row = await db.kysely
    .selectFrom('guide_versions')
    .select('bundle')
    .where('app', '=', app)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  let bundle: unknown;
  try {
    bundle = JSON.parse(row.bundle);
  } catch {
    return undefined;
  }
  const guides = (bundle as { guides?: unknown }).guides;
  if (!Array.isArray(guides)) return undefined;
  return guides.flatMap((g: unknown): BundleGuide[] => {
    if (!g || typeof g !== 'object') return [];
    const { id, steps, audience } = g as Record<string, unknown>;
    if (typeof id !== 'string') return [];
    const guide: BundleGuide = { id, steps: ids(steps) };
    if (Array.isArray(audience)) guide.audience = strings(audience);
    return [guide];
  });
}

// Published guide bundles: each change is a new version (never overwritten), the latest is served. Publishing the
// latest bundle again is a no-op, so a CI job publishing on every build does not pile up identical versions.
import { createHash } from 'node:crypto';
import { type Bundle, type BundleError, parseBundle } from '@compagnon/schema';
import type { Db } from '../db/types.ts';

export interface Published {
  version: number;
  etag: string;
}

export interface LatestGuides extends Published {
  /** The bundle as stored (JSON text), served as is. */
  json: string;
  publishedAt: number;
}

/** `unchanged`: the latest version already holds this very bundle; nothing was stored. */
export type PublishResult = ({ ok: true; unchanged: boolean } & Published) | { ok: false; errors: BundleError[] };

/** Validates and stores `input` as the app's next version; any validation error refuses the whole bundle. */
export async function publishGuides(db: Db, app: string, input: unknown, now: number): Promise<PublishResult> {
  const { bundle, errors } = parseBundle(input);
  if (errors.length > 0) return { ok: false, errors };
  if (bundle.app !== undefined && bundle.app !== app)
    return { ok: false, errors: [{ path: 'app', message: { en: `the bundle is for app "${bundle.app}", not "${app}"`, fr: `ce paquet est pour l'application « ${bundle.app} », pas « ${app} »` } }] };
  const json = JSON.stringify(bundle);
  // Two publishes at once (two admins, two instances) may pick the same number: the primary key refuses the
  // second, which takes the next one.
  for (let attempt = 0; ; attempt++) {
    const latest = await latestGuides(db, app);
    if (latest?.json === json) return { ok: true, unchanged: true, version: latest.version, etag: latest.etag };
    const version = (latest?.version ?? 0) + 1;
    const etag = `"${version}-${createHash('sha256').update(json).digest('hex').slice(0, 16)}"`;
    const inserted = await db.kysely
      .insertInto('guide_versions')
      .values({ app, version, bundle: json, etag, published_at: now })
      .onConflict((oc) => oc.columns(['app', 'version']).doNothing())
      .returning('version')
      .execute();
    if (inserted.length === 1) return { ok: true, unchanged: false, version, etag };
    if (attempt >= 10) throw new Error(`could not allocate a guide version for ${app}`);
  }
}

export async function latestGuides(db: Db, app: string): Promise<LatestGuides | undefined> {
  const row = await db.kysely
    .selectFrom('guide_versions')
    .select(['version', 'etag', 'bundle', 'published_at'])
    .where('app', '=', app)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { version: Number(row.version), etag: row.etag, json: row.bundle, publishedAt: Number(row.published_at) };
}

/** The latest bundle, parsed; roster import resolves populations against it. */
export async function latestBundle(db: Db, app: string): Promise<Bundle | undefined> {
  const latest = await latestGuides(db, app);
  return latest && (JSON.parse(latest.json) as Bundle);
}

/** RFC 9110 If-None-Match: a list of (possibly weak) tags, or `*`; weak comparison. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}

// The roster: who is registered, so reports can count the people a guide never reached. Ids are pseudonymised
// like events' (same secret, same hash); populations are resolved now, with core's rules, against the latest
// published bundle: a person's populations are the same whether the SDK or the roster computed them.
import { resolvePopulations } from '@compagnon/core';
import type { App } from '../apps/store.ts';
import type { Db, RosterTable } from '../db/types.ts';
import { latestBundle } from '../guides/store.ts';
import { pseudonymise } from '../privacy/pseudonymise.ts';

export interface RosterImport {
  imported: number;
  /** Records left out, by position (0-based, header excluded), and why. */
  skipped: { index: number; reason: string }[];
  /** With `replace`: people no longer in the roster, removed. */
  removed?: number;
}

export interface RosterOptions {
  now: number;
  /** Remove everyone not in this import (a full export of the HR system). @default false: add or update */
  replace?: boolean;
}

// Rows per INSERT: 5 parameters each, far under SQLite's 32,766 and PostgreSQL's 65,535.
const CHUNK = 1000;

export async function importRoster(db: Db, app: App, records: readonly unknown[], { now, replace = false }: RosterOptions): Promise<RosterImport> {
  const populations = (await latestBundle(db, app.id))?.populations ?? {};
  const rows = new Map<string, RosterTable>(); // by hash: a person listed twice is imported once, the last wins
  const skipped: RosterImport['skipped'] = [];
  records.forEach((record, index) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return void skipped.push({ index, reason: 'expected an object' });
    const { id, ...attributes } = record as Record<string, unknown>;
    const rawId = typeof id === 'number' && Number.isFinite(id) ? String(id) : id;
    if (typeof rawId !== 'string' || rawId.trim() === '') return void skipped.push({ index, reason: 'id: missing' });
    const userId = rawId.trim();
    const hash = pseudonymise(app.secret, userId);
    const pops = resolvePopulations(populations, { user: { ...attributes, id: userId }, now });
    rows.set(hash, { app: app.id, user_hash: hash, attributes: JSON.stringify(attributes), populations: JSON.stringify(pops), imported_at: now });
  });

  const all = [...rows.values()];
  let removed: number | undefined;
  await db.kysely.transaction().execute(async (trx) => {
    if (replace) {
      const before = await trx.selectFrom('roster').select('user_hash').where('app', '=', app.id).execute();
      removed = before.filter((r) => !rows.has(r.user_hash)).length;
      await trx.deleteFrom('roster').where('app', '=', app.id).execute();
    }
    for (let i = 0; i < all.length; i += CHUNK) {
      await trx
        .insertInto('roster')
        .values(all.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['app', 'user_hash']).doUpdateSet((eb) => ({
            attributes: eb.ref('excluded.attributes'),
            populations: eb.ref('excluded.populations'),
            imported_at: eb.ref('excluded.imported_at'),
          })),
        )
        .execute();
    }
  });
  return { imported: all.length, skipped, ...(removed === undefined ? {} : { removed }) };
}

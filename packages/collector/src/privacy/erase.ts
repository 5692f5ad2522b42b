// The right to erasure: everything stored about one person, found through their pseudonym.
import type { App } from '../apps/store.ts';
import type { Db } from '../db/types.ts';
import { pseudonymise } from './pseudonymise.ts';

export interface Erased {
  events: number;
  roster: number;
  /** Pending or logged forwardings whose payload names the person. */
  deliveries: number;
}

export async function erasePerson(db: Db, app: App, rawId: string): Promise<Erased> {
  const hash = pseudonymise(app.secret, rawId);
  return db.kysely.transaction().execute(async (trx) => {
    const events = await trx.deleteFrom('events').where('app', '=', app.id).where('user_hash', '=', hash).executeTakeFirst();
    const roster = await trx.deleteFrom('roster').where('app', '=', app.id).where('user_hash', '=', hash).executeTakeFirst();
    // Payloads are JSON text carrying the pseudonym (xAPI actor, webhook userHash); 64 hex digits do not occur by chance.
    const deliveries = await trx
      .deleteFrom('deliveries')
      .where('app', '=', app.id)
      .where('payload', 'like', `%${hash}%`)
      .executeTakeFirst();
    return { events: Number(events.numDeletedRows), roster: Number(roster.numDeletedRows), deliveries: Number(deliveries.numDeletedRows) };
  });
}

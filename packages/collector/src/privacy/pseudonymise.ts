import { createHmac } from 'node:crypto';

/**
 * The only form in which a person's id is stored: HMAC-SHA256 keyed with the app's secret, hex. The same id gives
 * the same hash at ingest and at roster import, so people can be matched, but without the secret (which never
 * leaves the database) the raw id cannot be recovered by hashing guesses.
 */
export function pseudonymise(secret: string, rawId: string): string {
  return createHmac('sha256', secret).update(rawId, 'utf8').digest('hex');
}

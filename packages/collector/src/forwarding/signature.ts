// Webhook signatures, Stripe-style: `Compagnon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
// The timestamp is signed with the body, so a captured request cannot be replayed outside the tolerance.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Compagnon-Signature';

const hmac = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');

/** The header value for `body` (the exact bytes sent) at `nowMs`. */
export function signatureHeader(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/**
 * For webhook consumers: true when `header` (the `Compagnon-Signature` value) signs `body` (the raw request
 * body, before any JSON parsing) with `secret`, and its timestamp is within `toleranceSec` of now. Several `v1`
 * values are accepted (any may match), so a sender can sign with an old and a new secret during a rotation.
 *
 * ```js
 * import { verifySignature } from '@compagnon/collector';
 * if (!verifySignature(process.env.WEBHOOK_SECRET, req.headers['compagnon-signature'], rawBody, 300)) reject();
 * ```
 */
export function verifySignature(
  secret: string,
  header: string | undefined | null,
  body: string | Uint8Array,
  toleranceSec = 300,
  nowMs: number = Date.now(),
): boolean {
  if (!header) return false;
  let t: number | undefined;
  const sigs: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const [k, v] = [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    if (k === 't' && /^\d+$/.test(v)) t = Number(v);
    else if (k === 'v1' && /^[0-9a-f]{64}$/i.test(v)) sigs.push(v.toLowerCase());
  }
  if (t === undefined || sigs.length === 0) return false;
  if (Math.abs(nowMs / 1000 - t) > toleranceSec) return false;
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const expected = Buffer.from(hmac(secret, t, text), 'hex');
  return sigs.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
}

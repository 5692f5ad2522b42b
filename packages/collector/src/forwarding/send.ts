// One attempt at one delivery over HTTP. Returns what happened; the worker decides what it means for the row.
import { webhookConfigs, xapiConfig } from './config.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signature.ts';
import type { AppRow, DeliveryRow } from './types.ts';
import type { Statement } from './xapi.ts';

export type Fetch = typeof globalThis.fetch;

export type Outcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string; permanent: boolean; retryAfter: string | null };

// Answers no retry can change: the payload itself is refused. Anything else (5xx, 401/403 until someone fixes
// the credentials, 404 until the endpoint is fixed, 429, network errors) is retried until `maxAttempts`.
const PERMANENT = new Set([400, 410, 413, 422]);

export interface SendContext {
  fetch: Fetch;
  now: number;
  timeoutMs: number;
}

async function failure(res: Response): Promise<Outcome> {
  const text = (await res.text().catch(() => '')).slice(0, 300);
  return {
    ok: false,
    status: res.status,
    error: `HTTP ${res.status}${text ? `: ${text}` : ''}`,
    permanent: PERMANENT.has(res.status),
    retryAfter: res.headers.get('retry-after'),
  };
}

const networkError = (err: unknown): Outcome => ({
  ok: false,
  status: null,
  error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
  permanent: false,
  retryAfter: null,
});

const misconfigured = (error: string): Outcome => ({ ok: false, status: null, error, permanent: true, retryAfter: null });

async function sendXapi(d: DeliveryRow, app: AppRow, ctx: SendContext): Promise<Outcome> {
  const config = xapiConfig(app);
  // The log row keeps the endpoint it was made for; credentials for another LRS must not be sent there.
  if (!config || config.endpoint !== d.target) return misconfigured('xAPI forwarding is no longer configured for this endpoint');
  const url = `${d.target.replace(/\/+$/, '')}/statements`;
  const headers = {
    'content-type': 'application/json',
    'x-experience-api-version': '1.0.3',
    authorization: `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`,
  };
  const post = (body: string) => ctx.fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(ctx.timeoutMs) });
  const res = await post(d.payload);
  if (res.ok) return { ok: true, status: res.status };
  if (res.status !== 409) return failure(res);
  await res.body?.cancel();
  // 409: the LRS already holds one of these statement ids (a resend) and, as LRSs do, refused the whole batch.
  // Statements are idempotent by id, so each is put on its own: 204 stores it, 409 means it is already there.
  const statements = JSON.parse(d.payload) as Statement[];
  if (statements.length === 1) return { ok: true, status: 409 };
  for (const s of statements) {
    const one = await ctx.fetch(`${url}?statementId=${encodeURIComponent(s.id)}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify(s),
      signal: AbortSignal.timeout(ctx.timeoutMs),
    });
    if (!one.ok && one.status !== 409) return failure(one);
    await one.body?.cancel();
  }
  return { ok: true, status: 409 };
}

async function sendWebhook(d: DeliveryRow, app: AppRow, ctx: SendContext): Promise<Outcome> {
  const hook = webhookConfigs(app).find((w) => w.url === d.target);
  if (!hook) return misconfigured('this webhook is no longer configured');
  const res = await ctx.fetch(d.target, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // Signed at each attempt: the timestamp says when it was sent, so a receiver's tolerance applies to retries.
      [SIGNATURE_HEADER]: signatureHeader(hook.secret, d.payload, ctx.now),
      // The same on every retry: receivers deduplicate on it.
      'Compagnon-Delivery': d.id,
      'user-agent': 'Compagnon-Webhooks/1',
    },
    body: d.payload,
    redirect: 'manual',
    signal: AbortSignal.timeout(ctx.timeoutMs),
  });
  if (res.ok) {
    await res.body?.cancel();
    return { ok: true, status: res.status };
  }
  return failure(res);
}

export async function send(d: DeliveryRow, app: AppRow | undefined, ctx: SendContext): Promise<Outcome> {
  if (!app) return misconfigured('the app no longer exists');
  try {
    return d.kind === 'xapi' ? await sendXapi(d, app, ctx) : await sendWebhook(d, app, ctx);
  } catch (err) {
    return networkError(err);
  }
}

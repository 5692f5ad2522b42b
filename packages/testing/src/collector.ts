// A test collector on node:http: stores events by id (exactly once), and misbehaves on demand the way networks
// and servers do (503/429 with Retry-After, an acknowledgement lost after storing, refusals, 413). The real
// collector (packages/collector) must pass the same tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { MAX_BATCH, parseEvent, type CompagnonEvent } from '@compagnon/schema';

export type CollectorBehaviour =
  | { kind: 'ok' }
  /** Answers `status` with `Retry-After: retryAfter` (seconds) to the next `times` batches, storing nothing. */
  | { kind: 'unavailable'; status?: 503 | 429; retryAfter: number; times: number }
  /** Stores the next `times` batches, then destroys the socket without answering: the acknowledgement is lost. */
  | { kind: 'drop-after-store'; times: number }
  /** Refuses the next `times` batches as a whole, storing nothing. */
  | { kind: 'refuse'; status: 400 | 401 | 403; times: number }
  /** 413 for every batch of more than `maxEvents` events, until another behaviour is set. */
  | { kind: 'too-large'; maxEvents: number };

export interface CollectorRequest {
  /** `Date.now()` when the request was answered (or dropped). */
  at: number;
  /** The status answered; 0 when the socket was destroyed without an answer. */
  status: number;
  /** Events in the batch as sent, valid or not. */
  events: number;
  contentType: string;
  /** The batch's `dropped` count, when the sender said it had to drop events. */
  dropped?: number;
}

export interface TestCollector {
  /** Base URL, without trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** `${url}/v1/events` */
  eventsUrl: string;
  behave(behaviour: CollectorBehaviour): void;
  /** Unique stored events, in arrival order. */
  events(): CompagnonEvent[];
  /** Valid events received in batches that reached storage, duplicates included. */
  deliveries(): number;
  /** Every POST to the events URL, preflights excluded. */
  requests(): CollectorRequest[];
  /** Resolves once `predicate()` holds, checked now and after every request; rejects after `timeoutMs` @default 20_000 */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real collector behind this one: batches that pass the misbehaviours are forwarded as received, its answer
 * is the answer, and what it stored is what `events()` returns — so the same scenarios test the real thing.
 */
export interface CollectorBackend {
  forward(batch: { body: string; headers: Record<string, string> }): Promise<{ status: number; headers: Record<string, string>; body: string }>;
  /** Unique events in the real store. */
  stored(): Promise<CompagnonEvent[]>;
}

export interface TestCollectorOptions {
  /** Forward batches to a real collector instead of storing them here. */
  backend?: CollectorBackend;
  /** The app's write key, by `Authorization: Bearer` or in a text/plain body. @default 'pk_test' */
  key?: string;
  /** @default '127.0.0.1' */
  host?: string;
}

// The architecture's batch ceiling: larger bodies are answered 413 like the real collector does.
const MAX_BODY = 1024 * 1024;

export async function startTestCollector(options: TestCollectorOptions = {}): Promise<TestCollector> {
  const key = options.key ?? 'pk_test';
  const host = options.host ?? '127.0.0.1';
  const stored = new Map<string, CompagnonEvent>();
  const log: CollectorRequest[] = [];
  const waiters = new Set<() => void>();
  let deliveries = 0;
  let behaviour: CollectorBehaviour = { kind: 'ok' };

  // Counts down `times` and goes back to ok when it is spent.
  const spend = () => {
    if ('times' in behaviour && --behaviour.times <= 0) behaviour = { kind: 'ok' };
  };

  const server = createServer((req, res) => {
    cors(req, res);
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/v1/events') return answer(res, 404, { error: 'not found' });
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' }, { Allow: 'POST, OPTIONS' });
    void readBody(req).then(async (raw) => {
      if (raw === null) return; // the sender went away mid-body: nothing to answer
      await ingest(req, res, raw);
      for (const check of [...waiters]) check();
    });
  });

  /** Handles one batch; records it; every exit answers or destroys the socket. */
  async function ingest(req: IncomingMessage, res: ServerResponse, raw: string | undefined): Promise<void> {
    const contentType = req.headers['content-type'] ?? '';
    let body: { key?: unknown; events?: unknown; dropped?: unknown } | undefined;
    let malformed = false;
    try { body = raw === undefined ? undefined : JSON.parse(raw); } catch { malformed = true; }
    const events = Array.isArray(body?.events) ? (body.events as unknown[]) : undefined;
    const record = (status: number) => log.push({
      at: Date.now(), status, events: events?.length ?? 0, contentType,
      ...(typeof body?.dropped === 'number' ? { dropped: body.dropped } : {}),
    });
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      record(status);
      answer(res, status, json, headers);
    };

    if (raw === undefined) return reply(413, { error: `body over ${MAX_BODY} bytes` });
    if (behaviour.kind === 'unavailable') {
      const { status = 503, retryAfter } = behaviour;
      spend();
      return reply(status, { error: 'unavailable' }, { 'Retry-After': String(retryAfter) });
    }
    if (options.backend) {
      const refused = refusal(events?.length ?? 0);
      return refused ? reply(...refused) : proxy(options.backend, req, res, raw, record);
    }
    if (malformed) return reply(400, { error: 'body is not JSON' });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if ((bearer ?? body?.key) !== key) return reply(401, { error: 'unknown write key' });
    if (!events || events.length > MAX_BATCH) return reply(400, { error: `expected { events: [...] } of at most ${MAX_BATCH}` });
    const refused = refusal(events.length);
    if (refused) return reply(...refused);

    let accepted = 0;
    let duplicates = 0;
    const rejected: Array<{ index: number; reason: string }> = [];
    events.forEach((input, index) => {
      const parsed = parseEvent(input);
      if (!parsed.ok) return void rejected.push({ index, reason: parsed.reason });
      deliveries++;
      if (stored.has(parsed.event.id)) duplicates++;
      else { stored.set(parsed.event.id, parsed.event); accepted++; }
    });
    if (behaviour.kind === 'drop-after-store') {
      spend();
      record(0);
      return void res.destroy();
    }
    reply(200, { accepted, duplicates, rejected });
  }

  /** The misbehaviours that answer before storage, in both modes: a refused batch, or one over the 413 ceiling. */
  function refusal(count: number): [status: number, json: { error: string }] | undefined {
    if (behaviour.kind === 'refuse') {
      const { status } = behaviour; // spend() may end the behaviour
      spend();
      return [status, { error: 'refused' }];
    }
    if (behaviour.kind === 'too-large' && count > behaviour.maxEvents) return [413, { error: `at most ${behaviour.maxEvents} events per batch` }];
    return undefined;
  }

  /** Forwards to the real collector (after `refusal`), then mirrors its store. */
  async function proxy(backend: CollectorBackend, req: IncomingMessage, res: ServerResponse, raw: string,
    record: (status: number) => void): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization', 'origin', 'content-encoding']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let upstream: Awaited<ReturnType<CollectorBackend['forward']>>;
    try {
      upstream = await backend.forward({ body: raw, headers });
      const json = JSON.parse(upstream.body) as { accepted?: number; duplicates?: number };
      deliveries += (json.accepted ?? 0) + (json.duplicates ?? 0);
      const now = await backend.stored();
      stored.clear();
      for (const event of now) stored.set(event.id, event);
    } catch {
      // The backend is gone (a late beacon after the test closed it): like a server that died, no answer.
      record(0);
      return void res.destroy();
    }
    if (behaviour.kind === 'drop-after-store') {
      spend();
      record(0);
      return void res.destroy();
    }
    record(upstream.status);
    const passOn = Object.fromEntries(Object.entries(upstream.headers).filter(([k]) => /^(retry-after|content-type)$/i.test(k)));
    res.writeHead(upstream.status, { 'Cache-Control': 'no-store', ...passOn });
    res.end(upstream.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    eventsUrl: `${url}/v1/events`,
    behave(next) { behaviour = { ...next }; },
    events: () => [...stored.values()],
    deliveries: () => deliveries,
    requests: () => log.map((r) => ({ ...r })),
    waitFor(predicate, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          let done: boolean;
          try { done = predicate(); } catch (e) { finish(); return reject(e); }
          if (done) { finish(); resolve(); }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`collector.waitFor: not true after ${timeoutMs} ms; ${describe(stored, log)}`));
        }, timeoutMs);
        const finish = () => { clearTimeout(timer); waiters.delete(check); };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      // Browsers keep sockets alive; without this close() waits for them.
      server.closeAllConnections();
    }),
  };
}

/** Every answer carries CORS headers for the page's origin: the SDK posts cross-origin from the host app. */
function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin) res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization');
  res.setHeader('Access-Control-Allow-Methods', 'POST');
  res.setHeader('Access-Control-Max-Age', '600');
  // Retry-After is not a CORS-safelisted response header: without this a cross-origin SDK cannot read it.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  // Chromium's Private Network Access preflight, for pages served from a less private address than 127.0.0.1.
  if (req.headers['access-control-request-private-network']) res.setHeader('Access-Control-Allow-Private-Network', 'true');
}

function answer(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(json));
}

/** The body as text, undefined when it exceeds MAX_BODY (the rest is drained, not kept), null if aborted. */
function readBody(req: IncomingMessage): Promise<string | undefined | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

/** What arrived, for a failing wait: counts by type and guide, and the last answers. */
function describe(stored: Map<string, CompagnonEvent>, log: CollectorRequest[]): string {
  const counts = new Map<string, number>();
  for (const e of stored.values()) {
    const name = `${e.type}${e.guide ? `(${e.guide}${e.item ? `/${e.item}` : e.step ? `/${e.step}` : ''})` : ''}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const events = [...counts].map(([name, n]) => (n > 1 ? `${name}×${n}` : name)).join(', ') || 'none';
  const requests = log.slice(-10).map((r) => `${r.status}:${r.events}${r.contentType.startsWith('text/plain') ? 'b' : ''}`).join(' ');
  return `${stored.size} unique event(s): ${events}; ${log.length} request(s)${log.length ? `, last: ${requests}` : ''}`;
}

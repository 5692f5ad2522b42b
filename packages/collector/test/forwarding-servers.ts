// Real HTTP endpoints on 127.0.0.1 for the forwarding tests: an LRS that checks what xAPI 1.0.3 requires of a
// statement and stores each id once, and a webhook receiver that keeps the raw requests.
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** The spec's requirements on a statement the LRS receives (xAPI 1.0.3, part 2 §2.4), as error messages. */
export function statementProblems(s: any): string[] {
  const p: string[] = [];
  if (typeof s !== 'object' || s === null) return ['not an object'];
  if (s.id !== undefined && !UUID.test(s.id)) p.push('id: not a UUID');
  const a = s.actor;
  if (!a || (a.objectType ?? 'Agent') !== 'Agent') p.push('actor: not an Agent');
  const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => a?.[k] !== undefined);
  if (ifis.length !== 1) p.push('actor: exactly one inverse functional identifier required');
  if (a?.account && (!IRI.test(a.account.homePage ?? '') || typeof a.account.name !== 'string' || !a.account.name))
    p.push('actor.account: homePage IRL and name required');
  if (!IRI.test(s.verb?.id ?? '')) p.push('verb.id: IRI required');
  if (s.verb?.display && typeof s.verb.display !== 'object') p.push('verb.display: language map');
  if ((s.object?.objectType ?? 'Activity') === 'Activity' && !IRI.test(s.object?.id ?? '')) p.push('object.id: IRI required');
  if (s.timestamp !== undefined && !ISO.test(s.timestamp)) p.push('timestamp: ISO 8601 required');
  if (s.context?.registration !== undefined && !UUID.test(s.context.registration)) p.push('context.registration: UUID');
  for (const k of ['stored', 'authority', 'version'])
    if (s[k] !== undefined) p.push(`${k}: set by the LRS, not the provider`);
  return p;
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

const readBody = (req: import('node:http').IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

export interface Lrs extends Listening {
  /** Stored statements by id. */
  statements: Map<string, any>;
  /** Every request: method, path and the statement ids it carried. */
  requests: { method: string; path: string; ids: string[]; status: number }[];
  /** The next `n` requests are answered `status` (with `headers`). */
  failNext(n: number, status: number, headers?: Record<string, string>): void;
}

export async function startLrs(credentials: { username: string; password: string }): Promise<Lrs> {
  const statements = new Map<string, any>();
  const requests: Lrs['requests'] = [];
  let failing = { n: 0, status: 500, headers: {} as Record<string, string> };
  const auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const list: any[] = Array.isArray(body) ? body : body ? [body] : [];
    const answer = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      requests.push({ method: req.method ?? '', path: url.pathname, ids: list.map((s) => s?.id), status });
      res.writeHead(status, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };
    if (failing.n > 0) {
      failing.n--;
      return answer(failing.status, { error: 'induced failure' }, failing.headers);
    }
    if (!url.pathname.endsWith('/statements')) return answer(404, { error: 'not found' });
    if (!/^1\.0\.\d+$/.test(String(req.headers['x-experience-api-version']))) return answer(400, { error: 'X-Experience-API-Version' });
    if (req.headers.authorization !== auth) return answer(401, { error: 'unauthorised' });
    if (!/^application\/json/.test(String(req.headers['content-type']))) return answer(400, { error: 'content-type' });
    const problems = list.flatMap((s, i) => statementProblems(s).map((m) => `[${i}] ${m}`));
    if (list.length === 0 || problems.length > 0) return answer(400, { error: problems });
    if (req.method === 'POST') {
      // As the ADL reference LRS: a batch holding a known id is refused whole.
      if (list.some((s) => statements.has(s.id))) return answer(409, { error: 'statement id exists' });
      for (const s of list) statements.set(s.id, s);
      return answer(200, list.map((s) => s.id));
    }
    if (req.method === 'PUT') {
      const id = url.searchParams.get('statementId');
      if (!id || list.length !== 1 || list[0].id !== id) return answer(400, { error: 'statementId' });
      if (statements.has(id)) return answer(409, { error: 'statement id exists' });
      statements.set(id, list[0]);
      return answer(204);
    }
    return answer(405, { error: 'method' });
  });
  return {
    url: await listen(server),
    close: close(server),
    statements,
    requests,
    failNext(n, status, headers = {}) {
      failing = { n, status, headers };
    },
  };
}

export interface Receiver extends Listening {
  received: { path: string; headers: IncomingHttpHeaders; body: string }[];
  /** Statuses to answer, in turn; 204 once they run out. */
  answers: number[];
}

export async function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const answers: number[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    received.push({ path: req.url ?? '/', headers: req.headers, body });
    res.writeHead(answers.shift() ?? 204);
    res.end();
  });
  return { url: await listen(server), close: close(server), received, answers };
}

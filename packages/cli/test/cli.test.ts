// The whole `compagnon` program through `main(argv, io)`: real files in a temp folder, a real collector
// (buildApp on SQLite, listening on 127.0.0.1) for publish.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../collector/src/app.ts';
import { upsertApp } from '../../collector/src/apps/store.ts';
import { openTestDbs } from '../../collector/src/db/testing.ts';
import type { Db } from '../../collector/src/db/types.ts';
import { type Io, main } from '../src/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'compagnon-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(argv: string[], io: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let exit: number | undefined;
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), exit: (c) => (exit = c), env: {}, ...io });
  return { code, exit, out: out.join('\n'), err: err.join('\n') };
}

const VALID = `{
  "version": 1,
  "populations": { "new-hires": { "when": { "attr": "hiredAt", "withinDays": 30 } } },
  "guides": [
    { "id": "hello", "type": "tooltip", "title": "Hello", "target": "#logo", "audience": ["new-hires"] }
  ]
}
`;

// Three errors at known places: a wrong type (8:44), an unknown key (12:7), an unknown population (15:20).
const BROKEN = `{
  "version": 1,
  "guides": [
    {
      "id": "tour",
      "type": "tour",
      "title": "Tour",
      "steps": [{ "id": "a", "title": "A", "target": 5 }]
    },
    {
      "id": "tip", "type": "tooltip", "title": "Tip", "target": "#x",
      "colour": "red"
    },
    { "id": "tip2", "type": "tooltip", "title": "Tip", "target": "#x",
      "audience": ["nobody"] }
  ]
}
`;

describe('compagnon validate', () => {
  it('accepts a valid bundle', async () => {
    const r = await run(['validate', file('valid.json', VALID)]);
    expect(r).toMatchObject({ code: 0, exit: 0, err: '' });
    expect(r.out).toMatch(/valid\.json: valid \(1 guide, 1 population\)$/);
  });

  it('prints each error as file:line:col: path (guide): message, and exits 1', async () => {
    const path = file('broken.json', BROKEN);
    const r = await run(['validate', path]);
    expect(r.exit).toBe(1);
    const lines = r.err.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${path}:8:44: guides\\[0\\]\\.steps\\[0\\]\\.target \\(tour\\): .+`));
    expect(lines[1]).toMatch(new RegExp(`^${path}:12:7: guides\\[1\\]\\.colour \\(tip\\): .+`));
    expect(lines[2]).toMatch(new RegExp(`^${path}:15:20: guides\\[2\\]\\.audience\\[0\\] \\(tip2\\): .*nobody`));
  });

  it('checks every file given, and fails if any fails', async () => {
    const r = await run(['validate', file('a.json', VALID), file('b.json', BROKEN)]);
    expect(r.exit).toBe(1);
    expect(r.out).toMatch(/a\.json: valid/);
    expect(r.err).toMatch(/b\.json:8:44:/);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const path = file('syntax.json', '{\n  "version": 1,\n  "guides": [\n    { "id": "x", }\n  ]\n}\n');
    const r = await run(['validate', path]);
    expect(r.exit).toBe(1);
    expect(r.err).toBe(`${path}:4:18: invalid JSON: unexpected "}", expected a property name in double quotes`);
  });

  it('validates the example intranet bundle, BOM or not', async () => {
    const text = readFileSync(new URL('../../../examples/intranet/guides.json', import.meta.url), 'utf8');
    expect((await run(['validate', file('bom.json', `\uFEFF${text}`)])).exit).toBe(0);
  });

  it.each([
    { name: 'a missing file', argv: ['validate', join(dir, 'nope.json')], exit: 1, err: /nope\.json: cannot read/ },
    { name: 'no file', argv: ['validate'], exit: 2, err: /usage/ },
    { name: 'an unknown option', argv: ['validate', '--fast', 'x.json'], exit: 2, err: /Unknown option '--fast'/ },
    { name: 'an unknown command', argv: ['deploy'], exit: 2, err: /unknown command "deploy"/ },
  ])('says what is wrong with $name', async ({ argv, exit, err }) => {
    const r = await run(argv);
    expect(r.exit).toBe(exit);
    expect(r.err).toMatch(err);
  });
});

describe('compagnon schema', () => {
  it('prints the JSON Schema of the bundle', async () => {
    const r = await run(['schema']);
    expect(r.exit).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Compagnon guide bundle' });
  });
});

describe.each(openTestDbs().filter((t) => t.name === 'sqlite'))('compagnon publish to a collector on $name', ({ open }) => {
  const TOKEN = 'admin-secret';
  let db: Db;
  let server: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    db = await open();
    await upsertApp(db, 'intranet', { name: 'Intranet' }, Date.now());
    server = await buildApp({ db, adminToken: TOKEN });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('stores the file as the next version and prints it', async () => {
    const path = file('publish.json', VALID);
    const first = await run(['publish', path, '--app', 'intranet', '--url', url, '--token', TOKEN]);
    expect(first).toMatchObject({ exit: 0, err: '' });
    expect(first.out).toMatch(/^Published .*publish\.json to intranet: version 1 \(ETag .+\)$/);
    // The spelling of the options, and the token from the environment.
    const second = await run(['publish', path, '--app', 'intranet', '--collector', url], { env: { COMPAGNON_ADMIN_TOKEN: TOKEN } });
    expect(second.out).toMatch(/^Unchanged: intranet's version 1 already holds .*publish\.json/);
    const changed = file('publish.json', VALID.replace('"hello"', '"hello-2"'));
    expect((await run(['publish', changed, '--app', 'intranet', '--url', url, '--token', TOKEN])).out).toMatch(/version 2/);
    const res = await fetch(`${url}/v1/apps/intranet/guides`);
    expect(await res.json()).toMatchObject({ guides: [{ id: 'hello-2' }] });
  });

  it('sends nothing when the file does not validate', async () => {
    let calls = 0;
    const r = await run(['publish', file('bad.json', BROKEN), '--app', 'intranet', '--url', url, '--token', TOKEN], {
      fetch: (async () => (calls++, new Response('{}'))) as typeof fetch,
    });
    expect(r.exit).toBe(1);
    expect(calls).toBe(0);
    expect(r.err).toMatch(/:8:44: [\s\S]*not published/);
  });

  it.each([
    { name: 'a wrong token', args: ['--app', 'intranet', '--token', 'wrong'], err: /admin token was refused/ },
    { name: 'an unknown app', args: ['--app', 'nope', '--token', TOKEN], err: /unknown app nope/ },
  ])('fails with $name', async ({ args, err }) => {
    const r = await run(['publish', file('ok.json', VALID), '--url', url, ...args]);
    expect(r.exit).toBe(1);
    expect(r.err).toMatch(err);
  });

  it.each([
    { name: 'no token', argv: ['publish', 'x.json', '--app', 'a'], exit: 2, err: /admin token is needed/ },
    { name: 'no app', argv: ['publish', 'x.json', '--token', 't'], exit: 2, err: /--app <id>/ },
  ])('asks for what is missing: $name', async ({ argv, exit, err }) => {
    const r = await run(argv);
    expect(r.exit).toBe(exit);
    expect(r.err).toMatch(err);
  });

  it('says when the collector cannot be reached', async () => {
    const r = await run(['publish', file('ok2.json', VALID), '--app', 'intranet', '--url', 'http://127.0.0.1:9', '--token', TOKEN]);
    expect(r.exit).toBe(1);
    expect(r.err).toMatch(/cannot reach the collector at http:\/\/127\.0\.0\.1:9 .*compagnon serve/);
  });
});

describe('compagnon serve', () => {
  it('runs the collector with the apps given, until stopped', async () => {
    let stop: (() => Promise<void>) | undefined;
    const r = await run(
      ['serve', '--port', '0', '--db', `sqlite:${join(dir, 'serve.db')}`, '--admin-token', 'tok', '--app', 'demo,wk_demo,http://127.0.0.1:4310'],
      { onStop: (s) => (stop = s) },
    );
    try {
      expect(r).toMatchObject({ code: undefined, exit: undefined, err: '' });
      const url = /on (http:\/\/\S+)/.exec(r.out)![1]!;
      const event = {
        id: '7d3c1f2a-0b4e-4c5d-9e6f-1a2b3c4d5e6f',
        type: 'guide_started',
        ts: new Date().toISOString(),
        app: 'demo',
        session: 's',
        guide: 'g',
        populations: [],
      };
      const res = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { authorization: 'Bearer wk_demo', 'content-type': 'application/json', origin: 'http://127.0.0.1:4310' },
        body: JSON.stringify({ events: [event] }),
      });
      expect(await res.json()).toMatchObject({ accepted: 1 });
      const denied = await fetch(`${url}/v1/apps/demo/deliveries`, { headers: { authorization: 'Bearer wrong' } });
      expect(denied.status).toBe(401);
    } finally {
      await stop?.();
    }
  });

  it.each([
    { name: 'a malformed --app', argv: ['serve', '--app', 'demo'], err: /expected <id>,<writeKey>/ },
    { name: 'an origin with a path', argv: ['serve', '--app', 'demo,k,http://x/y'], err: /not an origin/ },
    { name: 'a bad port', argv: ['serve', '--port', 'http'], err: /--port http/ },
  ])('refuses $name', async ({ argv, err }) => {
    const r = await run(argv);
    expect(r.exit).toBe(2);
    expect(r.err).toMatch(err);
  });
});

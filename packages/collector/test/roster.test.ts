import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { pseudonymise } from '../src/privacy/pseudonymise.ts';
import { cellValue, csvRecords, parseCsv } from '../src/roster/csv.ts';
import { APP_ID, NOW, admin, collector } from './collector-fixtures.ts';

// The example intranet's populations (inline: the example may change under other work).
const example = {
  version: 1,
  populations: {
    'new-hires': { when: { attr: 'hiredAt', withinDays: 30 } },
    managers: { when: { attr: 'isManager', eq: true } },
    support: { when: { attr: 'department', in: ['HR', 'Finance', 'IT'] } },
    ghosts: { when: { inactiveDays: { gte: 14 } } },
  },
  guides: [],
};
const day = (n: number) => new Date(NOW - n * 86_400_000).toISOString().slice(0, 10);

describe('parseCsv', () => {
  it.each([
    { name: 'plain', csv: 'id,a\n1,x\n', rows: [['id', 'a'], ['1', 'x']] },
    { name: 'CRLF and no final newline', csv: 'id,a\r\n1,x', rows: [['id', 'a'], ['1', 'x']] },
    { name: 'quoted comma, quote and newline', csv: 'id,a\n1,"Doe, ""JD""\nline 2"\n', rows: [['id', 'a'], ['1', 'Doe, "JD"\nline 2']] },
    { name: 'BOM and blank lines', csv: '\ufeffid,a\n\n1,x\n\n', rows: [['id', 'a'], ['1', 'x']] },
    { name: 'semicolons', csv: 'id;name\n1;"a;b"\n', rows: [['id', 'name'], ['1', 'a;b']] },
    { name: 'empty cells', csv: 'id,a,b\n1,,\n', rows: [['id', 'a', 'b'], ['1', '', '']] },
  ])('$name', ({ csv, rows }) => {
    expect(parseCsv(csv)).toEqual(rows);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('id,a\n1,"open\n')).toThrow(/unterminated/);
  });

  it('reads canonical numbers and booleans as such, everything else as text', () => {
    expect(['3', '-1.5', 'true', 'false', '007', '1e3', 'HR', ' 4 '].map(cellValue)).toEqual([3, -1.5, true, false, '007', '1e3', 'HR', 4]);
  });

  it('makes records without empty attributes, ids as text', () => {
    expect(csvRecords('id,dept,age\n007,HR,\n').records).toEqual([{ id: '007', dept: 'HR' }]);
  });
});

describe.each(openTestDbs())('roster on $name', ({ open, skip }) => {
  let db: Db;
  let app: FastifyInstance;
  beforeEach(async () => {
    if (skip) return;
    db = await open();
    ({ app } = await collector(db));
    await app.inject({ method: 'POST', url: `/v1/apps/${APP_ID}/guides`, headers: admin, payload: example });
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await db.close();
  });
  const importRoster = (payload: string | unknown[], contentType = 'text/csv', query = '') =>
    app.inject({ method: 'POST', url: `/v1/apps/${APP_ID}/roster${query}`, headers: { ...admin, 'content-type': contentType }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  const rows = async () => {
    const secret = (await db.kysely.selectFrom('apps').select('secret').executeTakeFirstOrThrow()).secret;
    const all = await db.kysely.selectFrom('roster').selectAll().execute();
    return { secret, all, of: (id: string) => all.find((r) => r.user_hash === pseudonymise(secret, id)) };
  };

  describe.skipIf(!!skip)('', () => {
    it('imports a CSV, pseudonymised, populations resolved against the latest bundle', async () => {
      const csv = [
        'id,name,department,hiredAt,isManager,lastSeenAt',
        `alice@example.com,"Martin, Alice",HR,${day(3)},false,${day(0)}`,
        `bob@example.com,Bob,Sales,${day(400)},true,${day(20)}`,
        `carol@example.com,Carol,IT,${day(100)},false,`,
      ].join('\r\n');
      const res = await importRoster(csv);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ imported: 3, skipped: [] });
      const { all, of } = await rows();
      expect(of('alice@example.com')).toMatchObject({ app: APP_ID, populations: '["new-hires","support"]', imported_at: NOW });
      expect(JSON.parse(of('alice@example.com')!.attributes)).toEqual({ name: 'Martin, Alice', department: 'HR', hiredAt: day(3), isManager: false, lastSeenAt: day(0) });
      expect(JSON.parse(of('bob@example.com')!.populations)).toEqual(['managers', 'ghosts']);
      expect(JSON.parse(of('carol@example.com')!.populations)).toEqual(['support']);
      expect(JSON.stringify(all)).not.toContain('@example.com');
    });

    it('imports JSON, skipping records without an id, and updates people already there', async () => {
      const first = await importRoster([{ id: 'u1', department: 'Finance', hiredAt: day(2) }, { name: 'no id' }, 42], 'application/json');
      expect(first.json()).toEqual({ imported: 1, skipped: [{ index: 1, reason: 'id: missing' }, { index: 2, reason: 'expected an object' }] });
      await importRoster([{ id: 'u1', department: 'Sales', hiredAt: day(200) }, { id: 7 }], 'application/json');
      const { all, of } = await rows();
      expect(all).toHaveLength(2);
      expect(JSON.parse(of('u1')!.attributes)).toEqual({ department: 'Sales', hiredAt: day(200) });
      expect(of('7')).toBeDefined();
    });

    it('replaces the whole roster on request', async () => {
      await importRoster('id\na\nb\nc\n');
      const res = await importRoster('id\nb\nd\n', 'text/csv', '?replace=true');
      expect(res.json()).toEqual({ imported: 2, skipped: [], removed: 2 });
      const { all, of } = await rows();
      expect(all).toHaveLength(2);
      expect(of('b')).toBeDefined();
    });

    it('matches the pseudonym that ingest stores', async () => {
      await importRoster('id,department\nalice@example.com,HR\n');
      const { of } = await rows();
      const hash = of('alice@example.com')!.user_hash;
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it.each([
      { name: 'no id column', payload: 'email,dept\na,b\n', type: 'text/csv', status: 400, error: /"id" column/ },
      { name: 'an unterminated quote', payload: 'id\n"a\n', type: 'text/csv', status: 400, error: /unterminated/ },
      { name: 'a JSON object', payload: '{"id":"a"}', type: 'application/json', status: 400, error: /expected CSV/ },
    ])('refuses $name', async ({ payload, type, status, error }) => {
      const res = await importRoster(payload, type);
      expect(res.statusCode).toBe(status);
      expect(res.json().error).toMatch(error);
    });

    it('needs the admin token', async () => {
      const res = await app.inject({ method: 'POST', url: `/v1/apps/${APP_ID}/roster`, headers: { 'content-type': 'text/csv' }, payload: 'id\na\n' });
      expect(res.statusCode).toBe(401);
    });
  });
});

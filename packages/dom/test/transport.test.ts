import { describe, expect, it, vi } from 'vitest';
import { createFetchTransport } from '../src/transport.ts';

const URL_ = 'https://collector.example/v1/events';
const answer = (status: number, body?: string, headers: Record<string, string> = {}) =>
  vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(body ?? null, { status, headers }));

describe('createFetchTransport send', () => {
  it('POSTs JSON with the key as a bearer token, keepalive, without credentials', async () => {
    const fetch = answer(200, '{"accepted":1,"duplicates":0,"rejected":[]}');
    const response = await createFetchTransport({ url: URL_, key: 'pk_1', fetch }).send('{"events":[]}');
    expect(fetch).toHaveBeenCalledWith(URL_, {
      method: 'POST',
      body: '{"events":[]}',
      headers: { 'content-type': 'application/json', authorization: 'Bearer pk_1' },
      keepalive: true,
      credentials: 'omit',
      mode: 'cors',
    });
    expect(response).toEqual({ status: 200, retryAfter: null, body: { accepted: 1, duplicates: 0, rejected: [] } });
  });

  it.each([
    { name: 'ASCII under 60 KiB', body: 'x'.repeat(60 * 1024 - 1), keepalive: true },
    { name: 'ASCII at 60 KiB', body: 'x'.repeat(60 * 1024), keepalive: false },
    { name: 'accented text over 60 KiB once UTF-8', body: 'é'.repeat(31 * 1024), keepalive: false },
  ])('uses keepalive by UTF-8 size: $name', async ({ body, keepalive }) => {
    const fetch = answer(204);
    await createFetchTransport({ url: URL_, fetch }).send(body);
    expect(fetch.mock.calls[0]![1]).toMatchObject({ keepalive });
  });

  it('sends no Authorization header without a key', async () => {
    const fetch = answer(204);
    await createFetchTransport({ url: URL_, fetch }).send('{}');
    expect(fetch.mock.calls[0]![1]!.headers).toEqual({ 'content-type': 'application/json' });
  });

  it.each([
    { name: '2xx without a body', fetch: answer(204), expected: { status: 204, retryAfter: null, body: undefined } },
    { name: '2xx not JSON', fetch: answer(200, 'ok'), expected: { status: 200, retryAfter: null, body: undefined } },
    {
      name: '429 with Retry-After',
      fetch: answer(429, '{"error":"slow down"}', { 'retry-after': '120' }),
      expected: { status: 429, retryAfter: '120' },
    },
    { name: '500 with an HTML page', fetch: answer(500, '<h1>oops</h1>'), expected: { status: 500, retryAfter: null } },
    { name: 'network error', fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))), expected: { status: 0 } },
    {
      name: 'abort',
      fetch: vi.fn(async () => Promise.reject(new DOMException('aborted', 'AbortError'))),
      expected: { status: 0 },
    },
    { name: 'fetch throwing synchronously', fetch: vi.fn(() => { throw new TypeError('bad'); }), expected: { status: 0 } },
  ])('answers $name', async ({ fetch, expected }) => {
    const response = await createFetchTransport({ url: URL_, fetch: fetch as typeof globalThis.fetch }).send('{}');
    expect(response).toStrictEqual(expected);
  });

  it('resolves status 0 when there is no fetch at all', async () => {
    const transport = createFetchTransport({ url: URL_, fetch: undefined as unknown as typeof fetch });
    await expect(transport.send('{}')).resolves.toEqual({ status: 0 });
  });
});

describe('createFetchTransport beacon', () => {
  it('sends a text/plain Blob to the collector URL', async () => {
    const sendBeacon = vi.fn(() => true);
    const ok = createFetchTransport({ url: URL_, navigator: { sendBeacon } as unknown as Navigator }).beacon('{"key":"k"}');
    expect(ok).toBe(true);
    const [url, blob] = sendBeacon.mock.calls[0] as unknown as [string, Blob];
    expect(url).toBe(URL_);
    expect(blob.type).toBe('text/plain');
    expect(await blob.text()).toBe('{"key":"k"}');
  });

  it.each([
    { name: 'refused by the browser', navigator: { sendBeacon: () => false } },
    { name: 'throwing', navigator: { sendBeacon: () => { throw new TypeError('Illegal invocation'); } } },
    { name: 'missing sendBeacon', navigator: {} },
    { name: 'missing navigator', navigator: undefined },
  ])('returns false when $name', ({ navigator }) => {
    const transport = createFetchTransport({ url: URL_, fetch: answer(200), navigator: navigator as unknown as Navigator });
    expect(transport.beacon('{}')).toBe(false);
  });
});

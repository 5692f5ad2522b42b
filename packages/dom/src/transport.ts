// The sender: the collector's URL and write key live here; the outbox hands it finished bodies.
import { type Transport, type TransportResponse, utf8Length } from '@compagnon/core';
import { getGlobal } from './globals.ts';
import { noop } from './listeners.ts';

export interface FetchTransportOptions {
  url: string;
  /** The app's public write key, sent as `Authorization: Bearer`. @default none */
  key?: string;
  /** @default the page's `fetch` */
  fetch?: typeof fetch;
  /** @default the page's `navigator` */
  navigator?: Navigator;
}

export function createFetchTransport({
  url,
  key,
  fetch = getGlobal('fetch'),
  navigator = getGlobal('navigator'),
}: FetchTransportOptions): Transport {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = 'Bearer ' + key;
  return {
    async send(body) {
      try {
        const res = await fetch!(url, {
          method: 'POST',
          body,
          headers,
          // Browsers reject a keepalive request once the page's keepalive bodies in flight exceed 64 KiB.
          keepalive: utf8Length(body) < 61440,
          credentials: 'omit',
          mode: 'cors',
        });
        // A cross-origin collector must list Retry-After in Access-Control-Expose-Headers, or this reads null.
        const answer: TransportResponse = { status: res.status, retryAfter: res.headers.get('retry-after') };
        if (res.ok) answer.body = await res.json().catch(noop);
        return answer;
      } catch {
        // Offline, DNS, CORS refusal, abort, or no fetch at all: the outbox retries later.
        return { status: 0 };
      }
    },
    beacon(body) {
      try {
        // text/plain is a CORS-safelisted type: no preflight, which a beacon could not wait for. The body
        // already carries the key, as a beacon cannot set headers.
        return !!navigator?.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
      } catch {
        // sendBeacon throws on a URL it cannot parse and in some sandboxed frames.
        return false;
      }
    },
  };
}

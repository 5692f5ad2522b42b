/// <reference types="chrome" />
// The content script (isolated world, document_idle), registered by the worker on the configured origins only.
// It runs the same `createCompagnon()` as the script tag, with the guides the worker fetched from the collector,
// the person identified as configured, and a transport that hands batches to the worker: the page's CSP and CORS
// never see a request, and the write key never enters the page.
import type { Transport, TransportResponse, UserProfile } from '@compagnon/core';
import { createCompagnon } from '@compagnon/sdk';
import { ASK_USER, USER_ANSWER, type EventsAnswer, type EventsMessage, type HelloAnswer, type HelloMessage } from './messages.ts';
import type { UserSource } from './settings.ts';

const PREFIX = '[compagnon extension]';

/** The outbox's transport: the worker persists the batch before it answers 2xx. */
export const workerTransport: Transport = {
  async send(body) {
    try {
      // After an extension update this page's script is orphaned (no runtime id): the events wait in the
      // page's outbox for the next page load, whose content script is the new one.
      if (!chrome.runtime?.id) return { status: 0 };
      const answer = await chrome.runtime.sendMessage<EventsMessage, EventsAnswer>({ type: 'compagnon:events', body });
      return typeof answer?.status === 'number' ? (answer as TransportResponse) : { status: 0 };
    } catch {
      // The worker stopped before answering: the outbox retries, and the worker dedupes by event id.
      return { status: 0 };
    }
  },
  beacon(body) {
    // On pagehide: the message leaves synchronously; the events stay in the outbox until an answer says 2xx.
    try {
      if (!chrome.runtime?.id) return false;
      chrome.runtime.sendMessage<EventsMessage>({ type: 'compagnon:events', body }).catch(() => {});
      return true;
    } catch {
      return false;
    }
  },
};

/** JSON text or a bare id → a profile; undefined when there is no usable id. */
export function toProfile(text: string | null | undefined): UserProfile | undefined {
  const raw = text?.trim();
  if (!raw) return undefined;
  let value: unknown = raw;
  try { value = JSON.parse(raw); } catch { /* a bare id */ }
  if (typeof value === 'number') value = String(value);
  if (typeof value === 'string') return value ? { id: value } : undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const profile = value as UserProfile;
    if (typeof profile.id === 'number') profile.id = String(profile.id);
    return typeof profile.id === 'string' && profile.id ? profile : undefined;
  }
  return undefined;
}

/** Asks the MAIN-world script for a page global; undefined after `timeoutMs` without an answer. */
function readGlobal(path: string, timeoutMs = 10_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const done = (value: string | undefined) => {
      clearTimeout(timer);
      document.removeEventListener(USER_ANSWER, onAnswer);
      resolve(value);
    };
    const onAnswer = (e: Event) => {
      const detail = (e as CustomEvent).detail;
      done(typeof detail === 'string' ? detail : undefined);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    document.addEventListener(USER_ANSWER, onAnswer);
    document.dispatchEvent(new CustomEvent(ASK_USER, { detail: path }));
  });
}

export async function identify(source: UserSource): Promise<UserProfile | undefined> {
  switch (source.from) {
    case 'global':
      return toProfile(await readGlobal(source.value));
    case 'meta':
      return toProfile(document.querySelector<HTMLMetaElement>(`meta[name="${CSS.escape(source.value)}"]`)?.content);
    case 'element': {
      let el: Element | null = null;
      try { el = document.querySelector(source.value); } catch { /* an invalid selector */ }
      const id = el?.textContent?.trim();
      return id ? { id } : undefined;
    }
    case 'fixed':
      return toProfile(JSON.stringify(source.value));
  }
}

async function main(): Promise<void> {
  const hello = await chrome.runtime.sendMessage<HelloMessage, HelloAnswer>({ type: 'compagnon:hello', url: location.href });
  if (!hello?.run) {
    if (hello) console.info(PREFIX, 'not running here:', hello.reason);
    return;
  }
  const user = await identify(hello.user);
  const compagnon = createCompagnon();
  await compagnon.init({
    app: hello.app,
    guides: hello.guides,
    user,
    ...(hello.locale ? { locale: hello.locale } : {}),
    transport: workerTransport,
  });
}

// One instance per page, even if the script were injected twice.
const flag = globalThis as { __compagnonExtension?: boolean };
if (!flag.__compagnonExtension) {
  flag.__compagnonExtension = true;
  main().catch((e) => console.warn(PREFIX, 'could not start:', e instanceof Error ? e.message : e));
}

// What the content script, the options page and the service worker say to each other (chrome.runtime messages),
// and the page events between the MAIN-world script and the isolated world.
import type { Settings } from './settings.ts';

/** Content script → worker: may I run here, and with which guides? */
export interface HelloMessage { type: 'compagnon:hello'; url: string }
export type HelloAnswer =
  | { run: false; reason: string }
  | { run: true; app: string; user: Settings['user']; locale: string; guides: Record<string, unknown> };

/** Content script → worker: an outbox batch body (`{ events }`, `{ key, events }` for a beacon). */
export interface EventsMessage { type: 'compagnon:events'; body: string }
/** The answer mirrors a collector's: the SDK's outbox drops the events on a 2xx. */
export interface EventsAnswer { status: number; body?: { accepted: number; duplicates: number; rejected: Array<{ index: number; reason: string }> } }

/** Options page → worker: settings changed, apply them (register content scripts); answers once done. */
export interface ApplyMessage { type: 'compagnon:apply' }
export interface ApplyAnswer { ok: boolean; missing: string[]; patterns: string[]; error?: string }

/**
 * Author mode → worker: publish a bundle (`POST <collector>/v1/apps/<app>/guides` with the admin token). The worker
 * sends it, with its host permission: the collector's admin routes answer no CORS, so the page's world cannot.
 */
export interface PublishMessage { type: 'compagnon:publish'; url: string; token: string; body: string }
/** The collector's answer, passed back as is. */
export interface PublishAnswer { status: number; body: string }

export type Message = HelloMessage | EventsMessage | ApplyMessage | PublishMessage;

/** What the worker gives author mode when it injects it: the settings' app id and collector, as prefills. */
export interface AuthorConfig { app: string; collector: string }
/** The toggle author mode defines in the isolated world: true when the picker is now shown. */
export const AUTHOR_TOGGLE = '__compagnonAuthorToggle';

/** Isolated world → MAIN world (a CustomEvent on `document`, detail: the global's dotted path). */
export const ASK_USER = 'compagnon-extension:ask-user';
/** MAIN world → isolated world (detail: the global's value as JSON text, or '' when absent). */
export const USER_ANSWER = 'compagnon-extension:user';

/// <reference types="chrome" />
// Author mode (picker.js): injected into the active tab by the worker when the author clicks the toolbar button
// (chrome.scripting.executeScript, isolated world, top frame). It defines a toggle the worker then calls with the
// settings' app id and collector: the first call shows the picker (src/picker/) prefilled with them, the next one
// removes it. Publishing goes through the worker: the collector's admin routes answer no CORS, and the page's
// CSP is not the author's problem; the admin token is typed in the panel and never stored.
import { createPicker, type Picker } from './picker/index.ts';
import { AUTHOR_TOGGLE, type AuthorConfig, type PublishAnswer, type PublishMessage } from './messages.ts';

/** A `fetch` for publishBundle that asks the worker to send the request. */
const viaWorker: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const auth = new Headers(init?.headers).get('authorization') ?? '';
  const message: PublishMessage = {
    type: 'compagnon:publish',
    url,
    token: auth.replace(/^Bearer\s+/i, ''),
    body: typeof init?.body === 'string' ? init.body : '',
  };
  if (!chrome.runtime?.id) throw new TypeError('the extension was updated: close author mode and open it again');
  const answer = await chrome.runtime.sendMessage<PublishMessage, PublishAnswer>(message);
  if (!answer || !answer.status) throw new TypeError(`collector unreachable${answer?.body ? `: ${answer.body}` : ''}`);
  const empty = answer.status === 204 || answer.status === 304;
  return new Response(empty ? null : answer.body, { status: answer.status, headers: { 'content-type': 'application/json' } });
};

let picker: Picker | null = null;

function toggle(config: AuthorConfig): boolean {
  if (picker) {
    picker.destroy();
    picker = null;
    return false;
  }
  const shown = createPicker({
    meta: config.app ? { app: config.app } : {},
    publish: { collector: config.collector, app: config.app },
  });
  picker = shown;
  const shadow = shown.host.shadowRoot!;
  const message = shadow.querySelector('[data-picker="message"]')!;
  // The panel's Publish button, taken over before the picker's own handler: the same publish, through the worker.
  shadow.addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element | null)?.closest?.('[data-picker="publish"]');
      if (!button) return;
      e.stopImmediatePropagation();
      message.textContent = 'Publishing…';
      shown.publish({ fetch: viaWorker }).catch((error: unknown) => {
        message.textContent = error instanceof Error ? error.message : String(error);
      });
    },
    true,
  );
  return true;
}

// Injected again on every click while the page lives: defined once.
const scope = globalThis as unknown as Record<string, unknown>;
if (typeof scope[AUTHOR_TOGGLE] !== 'function') scope[AUTHOR_TOGGLE] = toggle;

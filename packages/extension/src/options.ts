/// <reference types="chrome" />
// The options page: the settings an administrator or a user types, saved in chrome.storage.local. Fields set by
// policy (chrome.storage.managed) are shown locked. Saving asks the worker to apply them and says what it did.
import type { ApplyAnswer } from './messages.ts';
import { SETTINGS_KEY, loadSettings, readSettings, type Settings } from './settings.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('settings');
const status = $<HTMLParagraphElement>('status');
const inputs = {
  collector: $<HTMLInputElement>('collector'),
  app: $<HTMLInputElement>('app'),
  key: $<HTMLInputElement>('key'),
  origins: $<HTMLTextAreaElement>('origins'),
  userFrom: $<HTMLSelectElement>('user-from'),
  userValue: $<HTMLInputElement>('user-value'),
  locale: $<HTMLSelectElement>('locale'),
};

// Fields set by policy are not copied into the local settings: they would outlive the policy.
let lockedFields = new Set<keyof Settings>();

const say = (text: string, state: 'ok' | 'error' | '' = '') => {
  status.textContent = text;
  status.dataset.state = state;
};

function fill(s: Settings, locked: Set<keyof Settings>) {
  inputs.collector.value = s.collector;
  inputs.app.value = s.app;
  inputs.key.value = s.key;
  inputs.origins.value = s.origins.join('\n');
  inputs.userFrom.value = s.user.from;
  inputs.userValue.value = s.user.value;
  inputs.locale.value = s.locale;
  const lock: Record<keyof Settings, HTMLElement[]> = {
    collector: [inputs.collector], app: [inputs.app], key: [inputs.key], origins: [inputs.origins],
    user: [inputs.userFrom, inputs.userValue], locale: [inputs.locale],
  };
  for (const [field, elements] of Object.entries(lock)) {
    for (const el of elements) (el as HTMLInputElement).disabled = locked.has(field as keyof Settings);
  }
  $('policy').hidden = locked.size === 0;
}

function read(): Partial<Settings> {
  const values = readSettings({
    collector: inputs.collector.value,
    app: inputs.app.value,
    key: inputs.key.value,
    origins: inputs.origins.value,
    user: { from: inputs.userFrom.value, value: inputs.userValue.value },
    locale: inputs.locale.value,
  });
  for (const field of lockedFields) delete values[field];
  return values;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void (async () => {
    say('Saving…');
    try {
      await chrome.storage.local.set({ [SETTINGS_KEY]: read() });
      const answer = await chrome.runtime.sendMessage<{ type: 'compagnon:apply' }, ApplyAnswer>({ type: 'compagnon:apply' });
      if (answer?.ok) say(`Saved. Guides run on ${answer.patterns.join(', ')}.`, 'ok');
      else if (answer?.missing.length) say(`Saved, but not active yet: missing ${answer.missing.join(', ')}.`, 'error');
      else say(`Saved, but not active: ${answer?.error ?? 'the extension did not answer'}.`, 'error');
    } catch (error) {
      say(`Not saved: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  })();
});

inputs.userFrom.addEventListener('change', () => {
  const hints = { global: 'compagnonUser', meta: 'compagnon-user', element: '#current-user-id', fixed: 'kiosk-01' };
  inputs.userValue.placeholder = hints[inputs.userFrom.value as keyof typeof hints] ?? '';
});

void loadSettings().then(({ settings, locked }) => {
  lockedFields = locked;
  fill(settings, locked);
}).finally(() => {
  $<HTMLFieldSetElement>('fields').disabled = false;
  form.removeAttribute('aria-busy');
});

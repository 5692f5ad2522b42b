/// <reference types="chrome" />
// The extension's settings: the same shape in the options page (`chrome.storage.local`, key `settings`) and in
// IT's policy (`chrome.storage.managed`, described by managed_schema.json). A value set by policy wins, field by
// field, and the options page shows it locked.

/** Where the person's id (or whole profile) comes from on the page. */
export type UserSource =
  /** A page global, e.g. `compagnonUser` or `App.session.user`: an object (the profile) or a string/number (the id). */
  | { from: 'global'; value: string }
  /** `<meta name="{value}" content="…">`: a JSON object (the profile) or the id. */
  | { from: 'meta'; value: string }
  /** The trimmed text of the first element matching the CSS selector `value`: the id. */
  | { from: 'element'; value: string }
  /** The same id for everyone on this browser (a kiosk, a shared account): set by policy. */
  | { from: 'fixed'; value: string };

export interface Settings {
  /** The collector's base URL, e.g. `https://collector.example` (events go to `/v1/events`, guides come from `/v1/apps/<app>/guides`). */
  collector: string;
  app: string;
  /** The app's public write key: stays in the service worker, never reaches the page. */
  key: string;
  /** Where guides run: origins (`https://intranet.example`) or match patterns (`https://*.example.com/*`). */
  origins: string[];
  user: UserSource;
  /** `fr` or `en`; empty: the page's language. */
  locale: string;
}

export const SETTINGS_KEY = 'settings';
export const FIELDS = ['collector', 'app', 'key', 'origins', 'user', 'locale'] as const;
export const USER_SOURCES: ReadonlyArray<UserSource['from']> = ['global', 'meta', 'element', 'fixed'];

export const DEFAULTS: Settings = {
  collector: '',
  app: '',
  key: '',
  origins: [],
  user: { from: 'global', value: 'compagnonUser' },
  locale: '',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);

/** Keeps the well-formed fields of an untrusted object (storage, policy, a form). */
export function readSettings(raw: unknown): Partial<Settings> {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Partial<Settings> = {};
  for (const field of ['collector', 'app', 'key', 'locale'] as const) {
    const v = str(o[field]);
    if (v !== undefined) out[field] = v;
  }
  if (Array.isArray(o.origins)) out.origins = o.origins.map(str).filter((v): v is string => !!v);
  else if (typeof o.origins === 'string') out.origins = o.origins.split(/[\s,]+/).filter(Boolean);
  const user = o.user as Record<string, unknown> | undefined;
  const from = str(user?.from) as UserSource['from'] | undefined;
  const value = str(user?.value);
  if (from && USER_SOURCES.includes(from) && value) out.user = { from, value } as UserSource;
  return out;
}

/** Policy first, then the options page, then defaults; also says which fields the policy locks. */
export function mergeSettings(managed: unknown, local: unknown): { settings: Settings; locked: Set<keyof Settings> } {
  const m = readSettings(managed);
  const settings = { ...DEFAULTS, ...readSettings(local), ...m };
  return { settings, locked: new Set(Object.keys(m) as Array<keyof Settings>) };
}

export async function loadSettings(): Promise<{ settings: Settings; locked: Set<keyof Settings> }> {
  // storage.managed rejects where no policy backend exists (some Chromium builds): no policy, then.
  const managed = await chrome.storage.managed.get(null).catch(() => ({}));
  const local = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return mergeSettings(managed, local);
}

/** What is missing before the extension can run; empty when complete. */
export function missing(s: Settings): string[] {
  const out: string[] = [];
  if (!baseUrl(s.collector)) out.push('collector');
  if (!s.app) out.push('app');
  if (!s.key) out.push('key');
  if (!matchPatterns(s.origins).length) out.push('origins');
  return out;
}

/** The collector's base URL without a trailing slash (a pasted events URL is accepted), or '' when invalid. */
export function baseUrl(collector: string): string {
  try {
    const url = new URL(collector);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
    return (url.origin + url.pathname).replace(/\/+$/, '').replace(/\/v1\/events$/, '');
  } catch {
    return '';
  }
}

/**
 * Chrome match patterns for the configured origins: `https://intranet.example` → `https://intranet.example/*`;
 * a pattern with a path is kept as is. Anything else is dropped.
 */
export function matchPatterns(origins: string[]): string[] {
  const out = new Set<string>();
  for (const raw of origins) {
    const m = /^(https?|\*):\/\/([^/]+)(\/.*)?$/.exec(raw.trim());
    if (m) out.add(`${m[1]}://${m[2]}${m[3] ?? '/*'}`);
  }
  return [...out];
}

/** Whether a page URL is one of the configured origins (the content script's own check). */
export function originAllowed(href: string, origins: string[]): boolean {
  let url: URL;
  try { url = new URL(href); } catch { return false; }
  return matchPatterns(origins).some((pattern) => {
    const [, scheme, host, path] = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
    if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
    const hostRe = new RegExp(`^${host!.split('*').map(escape).join('[^/]*')}$`);
    if (!hostRe.test(url.host) && !hostRe.test(url.hostname)) return false;
    return new RegExp(`^${path!.split('*').map(escape).join('.*')}$`).test(url.pathname + url.search);
  });
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

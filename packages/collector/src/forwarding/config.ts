// Reading the JSON columns defensively: a malformed config disables forwarding for that app rather than
// failing the ingest that triggered it.
import type { AppRow, WebhookConfig, XapiConfig } from './types.ts';

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function xapiConfig(app: Pick<AppRow, 'xapi'>): XapiConfig | null {
  const c = parse(app.xapi) as Partial<XapiConfig> | null;
  if (!c || typeof c !== 'object' || !isString(c.endpoint)) return null;
  return {
    endpoint: c.endpoint,
    username: typeof c.username === 'string' ? c.username : '',
    password: typeof c.password === 'string' ? c.password : '',
    ...(isString(c.homePage) ? { homePage: c.homePage } : {}),
    ...(isString(c.activityBase) ? { activityBase: c.activityBase } : {}),
  };
}

export function webhookConfigs(app: Pick<AppRow, 'webhooks'>): WebhookConfig[] {
  const list = parse(app.webhooks);
  if (!Array.isArray(list)) return [];
  return list.flatMap((w: Partial<WebhookConfig> | null) =>
    w && isString(w.url) && isString(w.secret)
      ? [{ url: w.url, secret: w.secret, ...(Array.isArray(w.events) ? { events: w.events.filter(isString) } : {}) }]
      : [],
  );
}

/** The collector's own public URL, the actor's `homePage` when the app names none. */
export const publicUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  env.COMPAGNON_PUBLIC_URL || `http://${env.HOST || '127.0.0.1'}:${env.PORT || '4320'}`;

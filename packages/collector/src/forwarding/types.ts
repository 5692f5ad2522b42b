// The rows forwarding reads and writes, and the per-app configuration it understands (stored as JSON in
// `apps.xapi` / `apps.webhooks`).
import type { Database } from '../db/types.ts';

export type AppRow = Database['apps'];
export type EventRow = Database['events'];
export type DeliveryRow = Database['deliveries'];

export interface XapiConfig {
  /** The LRS endpoint, e.g. `https://lrs.example/xapi`: statements are posted to `<endpoint>/statements`. */
  endpoint: string;
  username: string;
  password: string;
  /**
   * The home page of the system the pseudonymous accounts belong to (the actor's `account.homePage`).
   * @default the collector's public URL (`COMPAGNON_PUBLIC_URL`, else `http://127.0.0.1:4320`)
   */
  homePage?: string;
  /** IRI base of the activities: guides are `<base>/guides/<id>`. @default `<homePage>/apps/<app>` */
  activityBase?: string;
}

export interface WebhookConfig {
  url: string;
  /** The HMAC-SHA256 key of the `Compagnon-Signature` header. */
  secret: string;
  /** Only these event types are sent. @default every type */
  events?: string[];
}

/** An event as webhooks receive it: the schema's event shape, the user as its pseudonym. */
export interface ForwardedEvent {
  id: string;
  type: string;
  ts: string;
  app: string;
  userHash: string | null;
  session: string;
  guide: string | null;
  guideVersion: number | null;
  step: string | null;
  item: string | null;
  populations: string[];
  url: string | null;
  props: Record<string, unknown> | null;
}

export interface WebhookBody {
  app: string;
  events: ForwardedEvent[];
}

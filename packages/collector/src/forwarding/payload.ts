// Stored event rows → the JSON that webhooks receive (the schema's event shape, user as its pseudonym).
import type { EventRow, ForwardedEvent } from './types.ts';

function json<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const forwardedEvent = (e: EventRow): ForwardedEvent => ({
  id: e.id,
  type: e.type,
  ts: new Date(Number(e.ts)).toISOString(),
  app: e.app,
  userHash: e.user_hash,
  session: e.session,
  guide: e.guide,
  guideVersion: e.guide_version,
  step: e.step,
  item: e.item,
  populations: json<string[]>(e.populations, []),
  url: e.url,
  props: json<Record<string, unknown> | null>(e.props, null),
});

import { numeric } from './checks.ts';
import { describe } from './issue.ts';
import type { Issue } from './messages.ts';
import { once } from './once.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

export const EVENT_TYPES = [
  'guide_started',
  'step_viewed',
  'step_completed',
  'guide_completed',
  'guide_dismissed',
  'checklist_item_completed',
  'checklist_completed',
  'tooltip_opened',
  'target_not_found',
  'survey_answered',
  'opted_out',
  // The first page of a visit (30 min without a page of the app start a new one): activity without any guide, so
  // daily active people and ghost users coming back are counted, not only those a guide met.
  'session_started',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const MAX_BATCH = 500;

// Built on first use, like the guide schemas (see once.ts): the collector and the extension's worker import this
// package too, and the SDK, which never parses an event, must not pay for them.
export const eventSchemas = once(() => {
  const { NonEmptySchema } = textSchemas();
  const name = z.optional(NonEmptySchema);

  const EventSchema = z.strictObject({
    // Unique per event: the collector deduplicates retried batches on it.
    id: z.uuid(),
    type: z.enum(EVENT_TYPES),
    ts: z.iso.datetime({ offset: true }),
    app: NonEmptySchema,
    user: name,
    session: NonEmptySchema,
    guide: name,
    guideVersion: z.optional(numeric({ integer: true, minimum: 1 })),
    step: name,
    item: name,
    populations: z.array(z.string()),
    url: z.optional(z.string()),
    props: z.optional(z.record(z.string(), z.unknown())),
  });

  // `key` travels in the body only for sendBeacon, which cannot set an Authorization header. `dropped` counts the
  // events the sender's bounded outbox had to refuse since its last batch: the collector reports the loss instead of
  // it passing silently. Absent rather than 0 when nothing was lost.
  const EventBatchSchema = z.strictObject({
    key: z.optional(z.string()),
    events: z.array(EventSchema).check(z.maxLength(MAX_BATCH)),
    dropped: z.optional(numeric({ integer: true, minimum: 1 })),
  });

  return { EventSchema, EventBatchSchema };
});

type Schemas = ReturnType<typeof eventSchemas>;
export type CompagnonEvent = z.infer<Schemas['EventSchema']>;
export type EventBatch = z.infer<Schemas['EventBatchSchema']>;

// Formats only events have. Their messages live here rather than in messages.ts, out of the browser bundle, which
// parses no event; the collector's reasons are in English only.
const FORMATS: Record<string, string> = { uuid: 'expected a UUID', datetime: 'expected an ISO 8601 date-time' };

/** One event, as the collector checks each of a batch: `reason` names the field, e.g. `ts: expected …`. */
export function parseEvent(input: unknown): { ok: true; event: CompagnonEvent } | { ok: false; reason: string } {
  const r = eventSchemas().EventSchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, event: r.data };
  const issue = r.error.issues[0] as Issue;
  const { path, message } = describe(issue, []);
  const reason = (issue.code === 'invalid_format' && FORMATS[issue.format]) || message.en;
  return { ok: false, reason: path ? `${path}: ${reason}` : reason };
}

import { describe } from './issue.ts';
import type { Issue } from './messages.ts';
import { IntSchema, NonEmptySchema } from './text.ts';
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
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const name = z.optional(NonEmptySchema);

export const EventSchema = z.strictObject({
  // Unique per event: the collector deduplicates retried batches on it.
  id: z.uuid(),
  type: z.enum(EVENT_TYPES),
  ts: z.iso.datetime({ offset: true }),
  app: NonEmptySchema,
  user: name,
  session: NonEmptySchema,
  guide: name,
  guideVersion: z.optional(IntSchema.check(z.minimum(1))),
  step: name,
  item: name,
  populations: z.array(z.string()),
  url: z.optional(z.string()),
  props: z.optional(z.record(z.string(), z.unknown())),
});
export type CompagnonEvent = z.infer<typeof EventSchema>;

export const MAX_BATCH = 500;

// `key` travels in the body only for sendBeacon, which cannot set an Authorization header. `dropped` counts the
// events the sender's bounded outbox had to refuse since its last batch: the collector reports the loss instead of
// it passing silently. Absent rather than 0 when nothing was lost.
export const EventBatchSchema = z.strictObject({
  key: z.optional(z.string()),
  events: z.array(EventSchema).check(z.maxLength(MAX_BATCH)),
  dropped: z.optional(IntSchema.check(z.minimum(1))),
});
export type EventBatch = z.infer<typeof EventBatchSchema>;

/** One event, as the collector checks each of a batch: `reason` names the field, e.g. `ts: expected …`. */
export function parseEvent(input: unknown): { ok: true; event: CompagnonEvent } | { ok: false; reason: string } {
  const r = EventSchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, event: r.data };
  const { path, message } = describe(r.error.issues[0] as Issue, []);
  return { ok: false, reason: path ? `${path}: ${message.en}` : message.en };
}

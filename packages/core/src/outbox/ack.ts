// Reads the collector's 2xx answer `{ accepted, duplicates, rejected: [{ index, reason }] }`. The answer comes
// from the network, so nothing in it is trusted: unknown shapes mean "nothing rejected", never a throw.
import type { CompagnonEvent } from '@compagnon/schema';

export interface RejectedEvent {
  event: CompagnonEvent;
  reason: string;
}

export function rejectedEvents(body: unknown, batch: CompagnonEvent[]): RejectedEvent[] {
  const list = isRecord(body) && Array.isArray(body.rejected) ? body.rejected : [];
  const out: RejectedEvent[] = [];
  const seen = new Set<number>();
  for (const item of list) {
    if (!isRecord(item) || typeof item.index !== 'number' || seen.has(item.index)) continue;
    const event = batch[item.index];
    if (!event) continue;
    seen.add(item.index);
    out.push({ event, reason: typeof item.reason === 'string' ? item.reason : 'rejected' });
  }
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

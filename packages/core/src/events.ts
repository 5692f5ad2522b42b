// Turns a report effect into the wire event. Undefined fields are omitted so the JSON stays minimal and
// the collector's schema (no nulls) accepts it.
import type { CompagnonEvent } from '@compagnon/schema';
import type { ReportEffect } from './effects.ts';

export interface EventContext {
  app: string;
  user?: string;
  session: string;
  /** The user's populations at the time of the event. */
  populations: string[];
  /** The page URL, already stripped of query and fragment unless configured otherwise. */
  url?: string;
}

/** A report effect, or a report about the person's visit rather than a guide (session_started). */
export type EventReport = Omit<ReportEffect, 'type' | 'guide'> & Partial<Pick<ReportEffect, 'type' | 'guide'>>;

export function makeEvent(report: EventReport, ctx: EventContext, guideVersion: number | undefined, id: string, now: number): CompagnonEvent {
  // A JSON round trip leaves out undefined fields and copies the arrays: the event is exactly what the wire carries.
  return JSON.parse(
    JSON.stringify({
    id,
    type: report.event,
    ts: new Date(now).toISOString(),
    app: ctx.app,
    user: ctx.user,
    session: ctx.session,
    guide: report.guide,
    guideVersion,
    step: report.step,
    item: report.item,
    populations: ctx.populations,
    url: ctx.url,
    props: report.props,
  } satisfies CompagnonEvent),
  );
}

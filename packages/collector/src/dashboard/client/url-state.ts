import { isoDay } from './format.ts';
import type { Filters } from './types.ts';

// The app and the filters live in the query string, so a view can be bookmarked and shared (never the token).

export const DEFAULT_APP = 'intranet-rh';
/** Days shown when the URL names none: the last 30, today included. */
export const DEFAULT_RANGE_DAYS = 30;

export interface ViewState { app: string; filters: Filters; newHireDays: number }

export function defaultFilters(now = new Date()): Filters {
  const from = new Date(now.getTime() - (DEFAULT_RANGE_DAYS - 1) * 86_400_000);
  return { population: '', guide: '', from: isoDay(from), to: isoDay(now) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readViewState(search: string, now = new Date()): ViewState {
  const q = new URLSearchParams(search);
  const d = defaultFilters(now);
  const day = (v: string | null, fallback: string) => (v && DAY.test(v) ? v : fallback);
  const days = Number(q.get('days'));
  return {
    app: q.get('app')?.trim() || DEFAULT_APP,
    filters: {
      population: q.get('population') ?? '',
      guide: q.get('guide') ?? '',
      from: day(q.get('from'), d.from),
      to: day(q.get('to'), d.to),
    },
    newHireDays: Number.isInteger(days) && days > 0 ? days : 30,
  };
}

export function writeViewState(s: ViewState): string {
  const q = new URLSearchParams(location.search);
  q.set('app', s.app);
  for (const k of ['population', 'guide', 'from', 'to'] as const) {
    if (s.filters[k]) q.set(k, s.filters[k]);
    else q.delete(k);
  }
  if (s.newHireDays !== 30) q.set('days', String(s.newHireDays));
  else q.delete('days');
  return `?${q.toString()}`;
}

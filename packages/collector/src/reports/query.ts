// What every report is asked: the app, its k, and the filters from the query string, already checked.
// Parsing is separate from the SQL so a bad parameter is a 400 with a message, never a database error.

export const DAY_MS = 86_400_000;

/** Ids of guides and populations, as the schema defines them (`ID_PATTERN`, not exported by @compagnon/schema). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export interface ReportQuery {
  app: string;
  /** Groups of 1 to k-1 people are hidden. From the app's `k_anonymity`. */
  k: number;
  /** Epoch ms, inclusive: the start of the `from` day (UTC). */
  from?: number;
  /** Epoch ms, exclusive: the end of the `to` day (UTC), so `to` is inclusive as a day. */
  to?: number;
  population?: string;
  guide?: string;
  /** new-hires only: the onboarding window after a person's first event. @default 30 */
  days?: number;
}

export type Filters = Omit<ReportQuery, 'app' | 'k'>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A range longer than this is surely a typo, and would make adoption list tens of thousands of days.
const MAX_RANGE_DAYS = 3660;
const MAX_WINDOW_DAYS = 3650;

function day(name: string, value: string): number {
  const m = DATE.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  // Date.UTC rolls 2024-02-30 over to March: refuse dates that do not read back the same.
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new RangeError(`${name}: expected a date YYYY-MM-DD (UTC), got "${value}"`);
  }
  return ms;
}

function id(name: string, value: string): string {
  if (!ID_PATTERN.test(value) || value.length > 64) {
    throw new RangeError(`${name}: expected an id (letters, digits, "_" and "-", at most 64), got "${value}"`);
  }
  return value;
}

/**
 * The query string as filters. Throws a RangeError whose message is the 400's message. Unknown parameters are
 * ignored, as HTTP APIs usually do; a repeated one is refused rather than guessed.
 */
export function parseFilters(raw: Record<string, unknown>): Filters {
  const get = (name: string): string | undefined => {
    const v = raw[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string') throw new RangeError(`${name}: expected one value`);
    return v;
  };
  const filters: Filters = {};
  const from = get('from');
  const to = get('to');
  const population = get('population');
  const guide = get('guide');
  const days = get('days');
  if (from !== undefined) filters.from = day('from', from);
  if (to !== undefined) filters.to = day('to', to) + DAY_MS;
  if (filters.from !== undefined && filters.to !== undefined) {
    if (filters.from >= filters.to) throw new RangeError(`from: ${from} is after to: ${to}`);
    if (filters.to - filters.from > MAX_RANGE_DAYS * DAY_MS) throw new RangeError(`from, to: at most ${MAX_RANGE_DAYS} days`);
  }
  if (population !== undefined) filters.population = id('population', population);
  if (guide !== undefined) filters.guide = id('guide', guide);
  if (days !== undefined) {
    const n = /^\d{1,5}$/.test(days) ? Number(days) : NaN;
    if (!(n >= 1 && n <= MAX_WINDOW_DAYS)) throw new RangeError(`days: expected a whole number from 1 to ${MAX_WINDOW_DAYS}, got "${days}"`);
    filters.days = n;
  }
  return filters;
}

/** A group of 1..k-1 people is not shown on its own. An empty group tells nothing about anyone, so it shows as 0. */
export const hidden = (people: number, k: number): boolean => people > 0 && people < k;

/** Counts come back as numbers from SQLite and as strings (int8) from PostgreSQL unless a type parser says otherwise. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

export const isoDay = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

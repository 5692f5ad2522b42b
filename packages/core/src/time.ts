// Dates arrive from user profiles as ISO strings or epoch milliseconds; one reader keeps the rules consistent.

export const DAY_MS = 86_400_000;

// A leading YYYY-MM-DD tells a date from a numeric string ("2026" alone must stay a number).
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && ISO_DATE.test(value);

/** Epoch ms of an ISO date string or a finite number, else undefined. */
export function toTime(value: unknown): number | undefined {
  const t = isIsoDate(value) ? Date.parse(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(t) ? t : undefined;
}

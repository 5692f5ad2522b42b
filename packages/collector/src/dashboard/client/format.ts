import type { Locale } from './i18n.ts';

export interface Format {
  /** A count; null (hidden) is handled by the caller. */
  n(value: number): string;
  pct(rate: number): string;
  /** "45 s", "3 min 20 s", "1 h 5 min", "2 d 3 h". */
  duration(ms: number): string;
  /** `YYYY-MM-DD` (UTC) → "12 Mar" / "12 mars". */
  day(day: string): string;
  /** Epoch seconds (a UTC midnight) → short day. */
  daySeconds(s: number): string;
}

export function createFormat(locale: Locale): Format {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const num = new Intl.NumberFormat(tag);
  const pct = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const unit = locale === 'fr' ? { d: 'j', h: 'h', min: 'min', s: 's' } : { d: 'd', h: 'h', min: 'min', s: 's' };
  return {
    n: (v) => num.format(v),
    pct: (r) => pct.format(r),
    duration(ms) {
      const s = Math.round(ms / 1000);
      if (s < 60) return `${s} ${unit.s}`;
      const m = Math.floor(s / 60);
      if (m < 60) return s % 60 ? `${m} ${unit.min} ${s % 60} ${unit.s}` : `${m} ${unit.min}`;
      const h = Math.floor(m / 60);
      if (h < 24) return m % 60 ? `${h} ${unit.h} ${m % 60} ${unit.min}` : `${h} ${unit.h}`;
      const d = Math.floor(h / 24);
      return h % 24 ? `${d} ${unit.d} ${h % 24} ${unit.h}` : `${d} ${unit.d}`;
    },
    day: (d) => day.format(new Date(`${d}T00:00:00Z`)),
    daySeconds: (s) => day.format(new Date(s * 1000)),
  };
}

/** `YYYY-MM-DD` of a date, in UTC (the reports' days are UTC days). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export const daySeconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;

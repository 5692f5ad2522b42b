import type { AdoptionReport, Filters, FunnelReport, GhostsReport, GuidesReport, NewHiresReport, Reports } from './types.ts';

/** The admin token was refused: the caller forgets it and asks again. */
export class Unauthorized extends Error {}

export class ReportError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined>;

export function reportUrl(app: string, name: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/v1/apps/${encodeURIComponent(app)}/reports/${name}${qs ? `?${qs}` : ''}`;
}

async function getReport<T>(token: string, app: string, name: string, query: Query, signal: AbortSignal): Promise<T> {
  const res = await fetch(reportUrl(app, name, query), {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    signal,
  });
  if (res.status === 401) throw new Unauthorized('unauthorized');
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { message?: string; error?: string };
      message = body.message ?? body.error ?? message;
    } catch {
      // Not JSON: the status line says enough.
    }
    throw new ReportError(res.status, message);
  }
  return (await res.json()) as T;
}

const uniq = (xs: Iterable<string>): string[] => [...new Set(xs)].sort((a, b) => a.localeCompare(b));

/**
 * Every report for one app and filter set. The new-hire and ghost cards keep their own populations
 * (the server's defaults `new-hires` and `ghosts`): the population filter narrows the guide reports only.
 */
export async function loadReports(token: string, app: string, f: Filters, newHireDays: number, signal: AbortSignal): Promise<Reports> {
  const dates = { from: f.from, to: f.to };
  const all = { ...dates, population: f.population, guide: f.guide };
  const get = <T,>(name: string, q: Query) => getReport<T>(token, app, name, q, signal);
  const filtered = f.population !== '' || f.guide !== '';
  const [guides, adoption, newHires, ghosts, funnel, unfiltered] = await Promise.all([
    get<GuidesReport>('guides', all),
    get<AdoptionReport>('adoption', all),
    get<NewHiresReport>('new-hires', { ...dates, days: newHireDays }),
    get<GhostsReport>('ghosts', dates),
    // Without a chosen guide the server picks the one whose steps most people viewed (a tour, not a tooltip).
    get<FunnelReport>('funnel', all),
    // The filter choices come from the whole date range, not from what the filters left.
    filtered ? get<GuidesReport>('guides', dates) : undefined,
  ]);
  const source = unfiltered ?? guides;
  return {
    guides, adoption, newHires, ghosts, funnel,
    choices: {
      guides: uniq([...source.rows.map((r) => r.guide), ...(f.guide ? [f.guide] : [])]),
      populations: uniq([...source.rows.map((r) => r.population).filter((p) => p !== '*'), ...(f.population ? [f.population] : [])]),
    },
  };
}

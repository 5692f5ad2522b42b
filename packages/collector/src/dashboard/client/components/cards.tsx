import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n.ts';
import type { AdoptionReport, GhostsReport, GuidesReport, NewHiresReport } from '../types.ts';
import { Hidden } from './hidden.tsx';

const NEW_HIRE_DAYS = [7, 14, 30, 60, 90];

function Card(props: { id: string; title: string; tag?: string; value: ComponentChildren; rate?: number | null; children: ComponentChildren; extra?: ComponentChildren }) {
  return (
    <article class="card" aria-labelledby={`${props.id}-title`} data-card={props.id}>
      <header class="card-head">
        <h3 id={`${props.id}-title`}>{props.title}</h3>
        {props.tag && <span class="tag">{props.tag}</span>}
      </header>
      <p class="kpi" data-kpi="">{props.value}</p>
      {props.rate != null && (
        <div class="meter" aria-hidden="true"><span style={{ width: `${Math.min(100, Math.max(0, props.rate * 100))}%` }} /></div>
      )}
      <p class="card-sub">{props.children}</p>
      {props.extra}
    </article>
  );
}

const rateOf = (a: number | null, b: number | null, given: number | null): number | null =>
  given ?? (a != null && b ? a / b : null);

export interface CardsProps {
  newHires: NewHiresReport;
  ghosts: GhostsReport;
  guides: GuidesReport;
  adoption: AdoptionReport;
  /** The population filter ('' = everyone): the completion card sums that population's rows. */
  population: string;
  newHireDays: number;
  onNewHireDays: (days: number) => void;
}

export function Cards({ newHires, ghosts, guides, adoption, population, newHireDays, onNewHireDays }: CardsProps) {
  const { t, f } = useI18n();
  const nh = rateOf(newHires.onboarded, newHires.hires, newHires.rate);
  const reached = rateOf(ghosts.reached, ghosts.ghosts, null);
  const converted = rateOf(ghosts.converted, ghosts.reached, ghosts.rate);
  const everyone = guides.rows.filter((r) => r.population === (population || '*'));
  const started = everyone.reduce((s, r) => s + (r.started ?? 0), 0);
  const completed = everyone.reduce((s, r) => s + (r.completed ?? 0), 0);
  const shown = adoption.days.filter((d) => d.activePeople != null);
  const avg = shown.length ? shown.reduce((s, d) => s + (d.activePeople ?? 0), 0) / shown.length : null;
  const peak = shown.reduce((m, d) => Math.max(m, d.activePeople ?? 0), 0);
  const pctOr = (rate: number | null, k: number) => (rate == null ? <Hidden k={k} /> : f.pct(rate));
  const count = (v: number | null) => (v == null ? '–' : f.n(v));
  return (
    <section class="cards" aria-labelledby="summary-title">
      <h2 id="summary-title" class="visually-hidden">{t('Summary')}</h2>
      <Card id="new-hires" title={t('New hires onboarded')} tag={t('population {p}', { p: newHires.population })} value={pctOr(nh, newHires.k)} rate={nh}
        extra={
          <div class="card-control">
            <label for="nh-days">{t('Within')}</label>
            <select id="nh-days" value={String(newHireDays)} onChange={(e) => onNewHireDays(Number(e.currentTarget.value))}>
              {[...new Set([...NEW_HIRE_DAYS, newHireDays])].sort((a, b) => a - b).map((d) => <option key={d} value={d}>{t('{n} days', { n: d })}</option>)}
            </select>
          </div>
        }>
        {t('{a} of {b} completed a guide within {days} days', { a: count(newHires.onboarded), b: count(newHires.hires), days: newHires.days })}
      </Card>
      <Card id="ghosts-reached" title={t('Ghosts reached')} tag={t('population {p}', { p: ghosts.population })} value={pctOr(reached, ghosts.k)} rate={reached}>
        {t('{a} of {b} people who never used the tool saw a guide', { a: count(ghosts.reached), b: count(ghosts.ghosts) })}
      </Card>
      <Card id="ghosts-converted" title={t('Ghosts converted')} tag={t('population {p}', { p: ghosts.population })} value={pctOr(converted, ghosts.k)} rate={converted}>
        {t('{a} of {b} reached came back on a later day', { a: count(ghosts.converted), b: count(ghosts.reached) })}
      </Card>
      <Card id="completion" title={t('Guide completion')} tag={population ? t('population {p}', { p: population }) : t('Everyone')} value={started ? f.pct(completed / started) : '–'} rate={started ? completed / started : null}>
        {t('{a} completions for {b} starts', { a: f.n(completed), b: f.n(started) })}
      </Card>
      <Card id="active" title={t('Daily active people')} value={avg == null ? <Hidden k={adoption.k} /> : f.n(Math.round(avg))}>
        {t('average over {n} days, peak {peak}', { n: shown.length, peak: f.n(peak) })}
      </Card>
    </section>
  );
}

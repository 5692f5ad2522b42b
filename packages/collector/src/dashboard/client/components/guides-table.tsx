import { useI18n } from '../i18n.ts';
import type { GuideRow, GuidesReport } from '../types.ts';
import { Count, Hidden, SuppressedNote } from './hidden.tsx';

/** Rows grouped by guide, "everyone" first, then populations by name. */
function ordered(rows: GuideRow[]): GuideRow[] {
  return [...rows].sort((a, b) =>
    a.guide.localeCompare(b.guide) || (a.population === '*' ? -1 : b.population === '*' ? 1 : a.population.localeCompare(b.population)));
}

export function GuidesTable({ report }: { report: GuidesReport }) {
  const { t, f } = useI18n();
  const rows = ordered(report.rows);
  return (
    <section class="panel" aria-labelledby="guides-title" data-panel="guides">
      <header class="panel-head">
        <h2 id="guides-title">{t('Guides per population')}</h2>
      </header>
      {rows.length === 0 && !report.suppressed ? (
        <p class="empty">{t('No guide activity in this period.')}</p>
      ) : (
        <div class="table-scroll">
          <table class="guides">
            <caption class="visually-hidden">{t('Guides per population')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Guide')}</th>
                <th scope="col">{t('Population')}</th>
                <th scope="col" class="num">{t('Offered')}</th>
                <th scope="col" class="num">{t('Started')}</th>
                <th scope="col" class="num">{t('Completed')}</th>
                <th scope="col" class="num">{t('Dismissed')}</th>
                <th scope="col" class="num">{t('Completion rate')}</th>
                <th scope="col" class="num">{t('Median time to complete')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const firstOfGuide = rows[i - 1]?.guide !== r.guide;
                return (
                  <tr key={`${r.guide}\u0000${r.population}`} class={firstOfGuide ? 'group-start' : undefined} data-guide={r.guide} data-population={r.population}>
                    <th scope="row" class={firstOfGuide ? undefined : 'repeat'}><code>{r.guide}</code></th>
                    <td>{r.population === '*' ? <strong>{t('Everyone')}</strong> : <span class="pill">{r.population}</span>}</td>
                    <td class="num"><Count value={r.offered} k={report.k} /></td>
                    <td class="num"><Count value={r.started} k={report.k} /></td>
                    <td class="num"><Count value={r.completed} k={report.k} /></td>
                    <td class="num"><Count value={r.dismissed} k={report.k} /></td>
                    <td class="num rate">
                      {r.completionRate == null ? (r.started === 0 ? '–' : <Hidden k={report.k} />) : (
                        <span class="rate-cell">
                          <span class="bar" aria-hidden="true"><span style={{ width: `${Math.round(r.completionRate * 100)}%` }} /></span>
                          <span class="rate-value">{f.pct(r.completionRate)}</span>
                        </span>
                      )}
                    </td>
                    <td class="num">{r.medianTimeToCompleteMs == null ? '–' : f.duration(r.medianTimeToCompleteMs)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <SuppressedNote count={report.suppressed} k={report.k} />
    </section>
  );
}

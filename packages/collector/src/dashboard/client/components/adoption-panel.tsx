import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { daySeconds } from '../format.ts';
import { useI18n } from '../i18n.ts';
import type { AdoptionReport, Filters } from '../types.ts';
import { Chart, chartTheme, tint } from './chart.tsx';
import { Count, SuppressedNote } from './hidden.tsx';

const DAY_S = 86_400;

export function AdoptionPanel({ report, filters }: { report: AdoptionReport; filters: Filters }) {
  const { t, f } = useI18n();
  const days = report.days;
  // null stays null: uPlot draws a gap for a day hidden by k-anonymity rather than a false zero.
  const data = useMemo<uPlot.AlignedData>(() => [
    days.map((d) => daySeconds(d.day)),
    days.map((d) => d.activePeople),
    days.map((d) => d.started),
    days.map((d) => d.completed),
  ], [days]);
  const hiddenDays = days.filter((d) => d.activePeople == null).length;
  const options = (width: number): uPlot.Options => {
    const th = chartTheme();
    const axis = { stroke: th.muted, font: th.font, grid: { stroke: th.grid, width: 1 }, ticks: { show: false } };
    const line = (label: string, color: string, fill: boolean): uPlot.Series => ({
      label, stroke: color, width: 2, fill: fill ? tint(color, 0.12) : undefined,
      points: { show: days.length <= 45, size: 5, fill: color },
      value: (_u, v) => (v == null ? '–' : f.n(v)),
    });
    return {
      width,
      height: 260,
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: (_u, min, max) => [min - DAY_S / 2, max + DAY_S / 2] }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.1))] } },
      axes: [
        { ...axis, space: 64, incrs: [DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 28 * DAY_S], values: (_u, splits) => splits.map((s) => f.daySeconds(s)) },
        { ...axis, size: 48, values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? f.n(s) : '')) },
      ],
      series: [
        { label: t('Day'), value: (_u, v) => (v == null ? '–' : f.daySeconds(v)) },
        line(t('Active people'), th.series[0]!, true),
        line(t('Started'), th.series[1]!, false),
        line(t('Completed'), th.series[2]!, false),
      ],
    };
  };
  return (
    <section class="panel panel-wide" aria-labelledby="adoption-title" data-panel="adoption">
      <header class="panel-head">
        <h2 id="adoption-title">{t('Adoption per day')}</h2>
        <p class="panel-sub">{f.day(filters.from)} – {f.day(filters.to)}</p>
      </header>
      {days.length === 0 ? (
        <p class="empty">{t('No activity in this period.')}</p>
      ) : (
        <>
          <Chart label={t('Adoption per day: active people, guides started and completed, {from} to {to}', { from: f.day(filters.from), to: f.day(filters.to) })} data={data} options={options} />
          <SuppressedNote count={hiddenDays} k={report.k} unit="days" />
          <details class="numbers">
            <summary>{t('Show the numbers')}</summary>
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">{t('Adoption per day')}</caption>
                <thead><tr><th scope="col">{t('Day')}</th><th scope="col" class="num">{t('Active people')}</th><th scope="col" class="num">{t('Started')}</th><th scope="col" class="num">{t('Completed')}</th></tr></thead>
                <tbody>
                  {days.map((d) => (
                    <tr key={d.day}>
                      <th scope="row"><time dateTime={d.day}>{f.day(d.day)}</time></th>
                      <td class="num"><Count value={d.activePeople} k={report.k} /></td>
                      <td class="num"><Count value={d.started} k={report.k} /></td>
                      <td class="num"><Count value={d.completed} k={report.k} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

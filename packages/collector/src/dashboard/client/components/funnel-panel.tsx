import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import { useI18n } from '../i18n.ts';
import type { FunnelReport } from '../types.ts';
import { Chart, chartTheme } from './chart.tsx';
import { Count, SuppressedNote } from './hidden.tsx';

export function FunnelPanel({ report, chosen }: { report: FunnelReport; chosen: boolean }) {
  const { t, f } = useI18n();
  const { guide, steps } = report;
  const data = useMemo<uPlot.AlignedData>(() => [
    steps.map((_s, i) => i),
    steps.map((s) => s.viewed),
    steps.map((s) => s.completed),
  ], [steps]);
  const first = steps[0]?.viewed ?? null;
  const options = (width: number): uPlot.Options => {
    const th = chartTheme();
    const axis = { stroke: th.muted, font: th.font, grid: { stroke: th.grid, width: 1 }, ticks: { show: false } };
    // Grouped bars: "viewed" drawn left of each step's x, "completed" right of it.
    const bars = (label: string, color: string, align: -1 | 1): uPlot.Series => ({
      label, stroke: color, fill: color, width: 0,
      paths: uPlot.paths.bars!({ align, size: [0.38, 56], radius: 0.15 }),
      points: { show: false },
      value: (_u, v) => (v == null ? '–' : f.n(v)),
    });
    return {
      width,
      height: 260,
      legend: { live: false },
      // Room on the right for the last slanted label.
      ...(width < 560 ? { padding: [8, 36, 0, 0] as uPlot.Padding } : {}),
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false, range: () => [-0.5, steps.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.1))] } },
      axes: [
        {
          ...axis, grid: { show: false }, splits: () => steps.map((_s, i) => i), values: (_u, splits) => splits.map((i) => steps[i]?.step ?? ''),
          // Step ids collide on a phone: slanted labels keep them readable.
          ...(width < 560 ? { rotate: -35, size: 64 } : {}),
        },
        { ...axis, size: 48, values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? f.n(s) : '')) },
      ],
      series: [
        { label: t('Step'), value: (_u, v) => (v == null ? '–' : (steps[v]?.step ?? '')) },
        bars(t('Viewed'), th.series[0]!, -1),
        bars(t('Completed'), th.series[2]!, 1),
      ],
    };
  };
  const title = guide ? t('Step funnel: {guide}', { guide }) : t('Step funnel');
  return (
    <section class="panel panel-wide" aria-labelledby="funnel-title" data-panel="funnel">
      <header class="panel-head">
        <h2 id="funnel-title">{title}</h2>
        {guide && !chosen && <p class="panel-sub">{t('The busiest guide is shown; choose another in the filters.')}</p>}
      </header>
      {!guide || steps.length === 0 ? (
        <p class="empty">{t('No guide to show yet.')}</p>
      ) : (
        <div class="split">
          <div class="split-main">
            <Chart label={t('Step funnel of {guide}: people who viewed and completed each step', { guide })} data={data} options={options} />
          </div>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{title}</caption>
              <thead><tr><th scope="col">{t('Step')}</th><th scope="col" class="num">{t('Viewed')}</th><th scope="col" class="num">{t('Completed')}</th><th scope="col" class="num">{t('Retention')}</th></tr></thead>
              <tbody>
                {steps.map((s) => (
                  <tr key={s.step}>
                    <th scope="row"><code>{s.step}</code></th>
                    <td class="num"><Count value={s.viewed} k={report.k} /></td>
                    <td class="num"><Count value={s.completed} k={report.k} /></td>
                    <td class="num">{first && s.viewed != null ? f.pct(s.viewed / first) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <SuppressedNote count={report.suppressed} k={report.k} />
    </section>
  );
}

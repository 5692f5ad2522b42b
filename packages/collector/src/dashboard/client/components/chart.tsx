import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface ChartProps {
  /** Builds the options for a given width; called on mount and whenever `data` or `deps` change. */
  options: (width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  /** Accessible name of the chart (the canvas is an image of the table that follows it). */
  label: string;
  height?: number;
}

/**
 * A uPlot chart that follows its container's width. uPlot draws on a canvas: it is given role="img" and a
 * label here, and every panel also renders the same numbers as a table for screen readers.
 */
export function Chart({ options, data, label, height = 260 }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const width = () => Math.max(280, Math.floor(el.clientWidth));
    const plot = new uPlot({ ...options(width()), height }, data, el);
    const ro = new ResizeObserver(() => {
      if (Math.abs(plot.width - width()) > 1) plot.setSize({ width: width(), height });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [data, height, label]);
  return <div class="chart" ref={host} role="img" aria-label={label} />;
}

/** Colours and fonts from the stylesheet's custom properties, so charts follow the light/dark theme. */
export function chartTheme(): { ink: string; muted: string; grid: string; series: string[]; font: string } {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    ink: v('--ink', '#1c2433'),
    muted: v('--muted', '#5b6576'),
    grid: v('--grid', '#e6e9ef'),
    series: [v('--series-1', '#3056d3'), v('--series-2', '#e58a1f'), v('--series-3', '#1f9d6b')],
    font: `12px ${v('--font', 'system-ui, sans-serif')}`,
  };
}

/** A translucent fill for a series colour given as `#rrggbb`. */
export function tint(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

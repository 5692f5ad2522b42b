// Medians, the one table (Compagnon, each peer, Compagnon/peer, target ✓/✗) and the misses.
import { ALL, LIBS, PEERS } from './libs.mjs';

export function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const group = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export function fmt(value, unit) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (unit === 'B' || unit === 'B/cycle' || unit === 'events/s' || unit === 'count' || unit === 'nodes') return group(value);
  if (unit === 'kB') return value.toFixed(1);
  if (unit === '%') return value.toFixed(1);
  const a = Math.abs(value);
  return a >= 100 ? value.toFixed(0) : a >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function ratio(c, p) {
  if (typeof c !== 'number' || typeof p !== 'number' || p === 0) return '—';
  const r = c / p;
  return r >= 10 ? `×${r.toFixed(0)}` : `×${r.toFixed(2)}`;
}

/** `target`: { op: '<=' | '<' | '>=' | '=', value, text } applied to Compagnon's value. */
export function meets(value, target) {
  if (!target) return null;
  if (typeof value !== 'number') return false;
  switch (target.op) {
    case '<=': return value <= target.value;
    case '<': return value < target.value;
    case '>=': return value >= target.value;
    case '=': return value === target.value;
    default: return null;
  }
}

/**
 * rows: { label, unit, values: { compagnon, driver?, shepherd?, intro? }, target? }
 * Returns the printed table as a string.
 */
export function table(rows) {
  const head = ['Metric', 'unit', ...ALL.map((l) => LIBS[l].name), ...PEERS.map((p) => `C/${LIBS[p].name.replace('.js', '')}`), 'target', ''];
  const body = rows.map((r) => {
    const ok = meets(r.values.compagnon, r.target);
    return [
      r.label, r.unit,
      ...ALL.map((l) => (l in r.values ? fmt(r.values[l], r.unit) : '')),
      ...PEERS.map((p) => (p in r.values ? ratio(r.values.compagnon, r.values[p]) : '')),
      r.target?.text ?? '',
      ok === null ? '' : ok ? '✓' : '✗',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const numeric = (i) => i >= 2 && i < head.length - 2;
  const line = (cells) => cells.map((c, i) => (numeric(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

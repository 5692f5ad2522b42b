// The host page: an internal-app-like screen with a toolbar and a 5,000-row table. The library's stylesheet
// (if it ships one) is linked in <head>; its script is inserted later by the harness so it can be timed.
import { LIBS } from './libs.mjs';

export const ROWS = 5000;
const tableRows = (n) => {
  const out = [];
  for (let i = 1; i <= n; i++) {
    out.push(`<tr id="row-${i}"><td id="cell-${i}">EXP-${String(i).padStart(5, '0')}</td><td>Employee ${i % 97}</td>` +
      `<td>${(i * 37) % 1000}.${String(i % 100).padStart(2, '0')} €</td><td>${['Draft', 'Sent', 'Approved', 'Paid'][i % 4]}</td></tr>`);
  }
  return out.join('\n');
};
const FULL = tableRows(ROWS);

/** `rows` below 5,000 only for the heap cycles (see README): the table's size is not what they measure. */
export function hostPage(lib, rows = ROWS) {
  const css = LIBS[lib]?.css ? `<link rel="stylesheet" href="${LIBS[lib].css.url}">` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Expenses (bench)</title>${css}
<style>
  body { font: 14px system-ui, sans-serif; margin: 0; }
  header { display: flex; gap: 8px; padding: 12px 16px; background: #f1f5f9; }
  table { border-collapse: collapse; margin: 16px; }
  td { border-bottom: 1px solid #e2e8f0; padding: 4px 12px; }
  #feed { height: 24px; overflow: hidden; margin: 0 16px; white-space: nowrap; contain: strict; }
</style>
<script src="/bench/harness.js"></script>
</head><body>
<header id="toolbar"><button id="new-expense">New expense</button><button id="export">Export</button><span id="late-slot"></span></header>
<div id="feed"></div>
<table id="expenses"><tbody>
${rows === ROWS ? FULL : tableRows(rows)}
</tbody></table>
</body></html>`;
}

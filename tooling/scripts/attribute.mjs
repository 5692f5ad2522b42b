// Attributes the minified IIFE's bytes to source files through its source map: `node tooling/scripts/attribute.mjs`.
import { readFileSync } from 'node:fs';
const file = process.argv[2] ?? 'packages/sdk/dist/compagnon.iife.js';
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
const code = readFileSync(file, 'utf8').split('\n');
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const bytes = new Map();
let src = 0;
map.mappings.split(';').forEach((line, ln) => {
  let col = 0; const segs = [];
  for (const seg of line.split(',')) {
    if (!seg) continue;
    const vals = []; let v = 0, shift = 0;
    for (const ch of seg) { const d = B64.indexOf(ch); v += (d & 31) << shift; if (d & 32) shift += 5; else { vals.push(v & 1 ? -(v >> 1) : v >> 1); v = 0; shift = 0; } }
    col += vals[0]; if (vals.length > 1) src += vals[1];
    segs.push([col, vals.length > 1 ? src : -1]);
  }
  const len = code[ln]?.length ?? 0;
  segs.forEach(([c, s], i) => { const end = segs[i + 1]?.[0] ?? len; const name = s < 0 ? '?' : map.sources[s]; bytes.set(name, (bytes.get(name) ?? 0) + end - c); });
});
const group = process.env.FILES ? (p) => p.replace(/.*node_modules\//, '') : (p) => p.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1').replace(/.*packages\/([^/]+)\/src\/(.*)/, '$1/$2');
const byGroup = new Map();
for (const [k, v] of bytes) byGroup.set(group(k), (byGroup.get(group(k)) ?? 0) + v);
const total = [...byGroup.values()].reduce((a, b) => a + b, 0);
for (const [k, v] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 40))) console.log(String(v).padStart(6), (100 * v / total).toFixed(1).padStart(5) + '%', k);

// RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. HR exports also bring a UTF-8 BOM,
// CRLF line ends, `;` as separator (French spreadsheets) and a last empty line: all handled.

/** Rows of fields; blank lines skipped. Throws on an unterminated quote. */
export function parseCsv(text: string, separator?: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = separator ?? guessSeparator(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      endRow();
      if (c === '\r' && src[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** `;` when the header line has more of them than commas (outside quotes, roughly). */
function guessSeparator(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const count = (ch: string) => header.split(ch).length;
  return count(';') > count(',') ? ';' : ',';
}

/** CSV cells are text; rules compare `eq: 3` or `eq: true` strictly, so plain numbers and booleans become so. */
export function cellValue(cell: string): string | number | boolean {
  const v = cell.trim();
  if (v === 'true' || v === 'false') return v === 'true';
  // Canonical numbers only: "007" or "1e3" stay text (ids, codes).
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(v) && String(Number(v)) === v) return Number(v);
  return v;
}

/** Records from a CSV with a header row; empty cells are absent attributes. */
export function csvRecords(text: string): { header: string[]; records: Record<string, unknown>[] } {
  const [head, ...rows] = parseCsv(text);
  const header = (head ?? []).map((h) => h.trim());
  const records = rows.map((cells) => {
    const r: Record<string, unknown> = {};
    header.forEach((name, i) => {
      const cell = cells[i];
      if (name !== '' && cell !== undefined && cell.trim() !== '') r[name] = name === 'id' ? cell.trim() : cellValue(cell);
    });
    return r;
  });
  return { header, records };
}

/**
 * Read a user file (CSV/TSV, XLSX, JSON) into a raw table: a header and rows
 * of cells, each row knowing its line (text) or row number (spreadsheet).
 * Nothing is interpreted here; `records.ts` turns cells into observations.
 * Files are read with the limits of `io/limits.ts` (regular files only, size checked
 * first); rows are produced on demand, so a large file is never held as cells.
 * XLSX files are read by `io/xlsx.ts` (zip directory checked before anything is inflated).
 */
import { extname } from 'node:path';
import { InputError, type ColumnLabel } from '../errors.js';
import type { Msg } from '../text/messages.js';
import { parseJson } from '../io/json.js';
import { decodeText, type TextEncoding } from '../io/encoding.js';
import { LIMITS } from '../io/limits.js';
import { readInputBytes } from '../io/read.js';
import { columnLetter, openXlsx, type XlsxRow, type XlsxSheet } from '../io/xlsx.js';
import { iterateDelimited, type Delimiter } from './csv.js';
import { COLUMN_ALIASES, detectLayout } from './records.js';

/** A cell: text, or a number when the file stores numbers natively (XLSX, JSON). */
export type Cell = string | number;

export interface RawRow {
  line: number;
  cells: Cell[];
}

export type FileFormat = 'csv' | 'xlsx' | 'json';

export interface RawTable {
  file: string;
  format: FileFormat;
  header: string[];
  headerLine: number;
  /** The data rows in file order; iterable more than once (produced on demand). */
  rows: Iterable<RawRow>;
  /** Number of data rows. */
  rowCount: number;
  /**
   * Per column: whether any data cell is text (XLSX, JSON, where numbers are stored as numbers);
   * undefined when every cell is text (CSV). Lets the number convention be decided without a pass.
   */
  textColumns?: boolean[];
  /**
   * How column i is named in messages (header name; spreadsheet letter and name for XLSX, a `Msg`
   * worded in the user's language for a blank header: `C (tom)` / `C (blank)`).
   */
  columnLabels: ColumnLabel[];
  /** Delimiter of a CSV file. */
  delimiter?: Delimiter;
  /** Problems found while reading (e.g. a row with too many fields). */
  problems: InputError[];
  /** Text above the header: `#` comment lines and title rows of a CSV, title rows of a sheet (e.g. a stated date). */
  preamble?: { line: number; text: string }[];
  /** The sheet of a workbook the table is on. */
  sheet?: string;
  /** A spreadsheet's name of a cell (`Ark1!B4`), for messages about one cell. */
  cellName?: (line: number, col: number) => string;
  /** The character encoding a text file was read in. */
  encoding?: TextEncoding;
}

/** Options of {@link readRawTable}. */
export interface RawTableOptions {
  /** Which of a sheet's first ten rows is the header (default: one that looks like an annual table's). */
  isHeader?: (cells: string[]) => boolean;
}

/**
 * The format of a file from its extension.
 *
 * @example
 * formatOf('export.csv') // 'csv'
 */
export function formatOf(file: string): FileFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.json') return 'json';
  throw new InputError({ file }, { code: 'data.fileKind' }, ext || { code: 'data.err.noExtension' });
}

/**
 * Read a file into a raw table. Unreadable or empty files throw InputError.
 *
 * @example
 * const t = await readRawTable('test/fixtures/good/viso-da.csv');
 * t.header // ['serie', 'år', 'værdi', ...]
 */
export async function readRawTable(file: string, opts: RawTableOptions = {}): Promise<RawTable> {
  return (await readRawTables(file, { ...opts, firstSheetOnly: true }))[0];
}

/**
 * Read a file into its raw tables: one for a text file, one per visible sheet with a table
 * for a workbook (a sheet of only text, such as a cover page, is left out when another
 * sheet has a table). Text files are read in the encoding they are saved in (UTF-8 with or
 * without a byte-order mark, UTF-16, Windows-1252).
 *
 * @example
 * (await readRawTables('budget.xlsx')).map((t) => t.sheet) // ['Økonomi', 'Aktivitet']
 */
export async function readRawTables(file: string, opts: RawTableOptions & { firstSheetOnly?: boolean } = {}): Promise<RawTable[]> {
  const format = formatOf(file);
  if (format === 'xlsx') return readXlsx(file, opts.isHeader, opts.firstSheetOnly ?? false);
  const decoded = decodeText(readInputBytes(file, { maxBytes: LIMITS.dataFileBytes }));
  // UTF-8 and single-byte æøå in one file: neither reading is right, so no replacement characters or
  // mojibake in a label, unit or source: the first byte that is not UTF-8 is named
  if (decoded.notUtf8)
    throw new InputError(
      { file, line: decoded.notUtf8.line },
      { code: 'data.err.oneEncoding' },
      { code: 'data.err.notUtf8', params: { byte: decoded.notUtf8.byte.toString(16).toUpperCase().padStart(2, '0') } },
    );
  if (format === 'json') return [jsonTable(decoded.text, file)];
  return [{ ...csvTable(decoded.text, file, opts.isHeader), encoding: decoded.encoding }];
}

/**
 * Raw table of delimited text (delimiter detected from the first lines, see detectDelimiterOfTable). Lines starting with
 * `#` before the header are comments, kept as the preamble.
 *
 * @example
 * [...csvTable('series;year\nx;2020\n', 'a.csv').rows][0] // { line: 2, cells: ['x', '2020'] }
 */
export function csvTable(text: string, file: string, isHeader?: (cells: string[]) => boolean): RawTable {
  if (text.includes('\u0000')) throw new InputError({ file, line: 1 }, { code: 'data.err.textFile' }, { code: 'data.err.binary' });
  const preamble: { line: number; text: string }[] = [];
  if (/^\uFEFF?[ \t]*#/.test(text)) {
    // blank out the comment lines (keeping line numbers) so the header is the first line left
    let pos = 0;
    let out = '';
    for (let line = 1; pos < text.length; line++) {
      const nl = text.indexOf('\n', pos);
      const end = nl < 0 ? text.length : nl;
      const l = text.slice(pos, end);
      if (!/^\uFEFF?[ \t]*(#|\r?$)/.test(l)) break;
      if (l.trim() !== '' && l.trim() !== '\uFEFF') preamble.push({ line, text: l.replace(/^\uFEFF?[ \t]*#\s?/, '').trimEnd() });
      out += '\n';
      pos = nl < 0 ? text.length : nl + 1;
    }
    text = out + text.slice(pos);
  }
  const delimiter = detectDelimiterOfTable(text);
  const problems: InputError[] = [];
  // a title or a note above the table (as Excel saves a sheet): the header is the first of
  // the first ten rows that looks like one; the rows above it are the preamble
  const looksLikeHeader = isHeader ?? ((cells: string[]) => detectLayout(cells) !== undefined);
  let headerAt = 1;
  {
    let k = 0;
    for (const r of iterateDelimited(text, delimiter)) {
      k++;
      if (looksLikeHeader(r.cells.map((c) => c.trim()))) {
        headerAt = k;
        break;
      }
      if (k === 10) break;
    }
  }
  // one pass to find the header, count the rows and report rows with the wrong number of fields
  let unclosed: InputError | undefined;
  let header: string[] | undefined;
  let headerLine = 1;
  let total = 0;
  let good = 0;
  let lastBad = false;
  for (const r of iterateDelimited(text, delimiter, (line) => (unclosed = new InputError({ file, line }, { code: 'data.err.closingQuote' }, { code: 'data.endOfFile' })))) {
    total++;
    if (total < headerAt) {
      const title = r.cells.map((c) => c.trim()).filter(Boolean).join(' ');
      if (title) preamble.push({ line: r.line, text: title });
      continue;
    }
    if (!header) {
      header = r.cells.map((c) => c.trim());
      headerLine = r.line;
      continue;
    }
    lastBad = r.cells.length !== header.length;
    if (lastBad) {
      if (problems.length < LIMITS.problemsPerFile) {
        // 143,9 unquoted in a comma-separated file splits into 143 and 9: the likely cause, said with the fix
        const comma = delimiter === ',' && r.cells.length > header.length ? decimalCommaSplit(r.cells, header) : undefined;
        const hint: Msg | '' = comma ? { code: 'data.fieldsDecimalComma', params: { x: comma } } : '';
        problems.push(new InputError({ file, line: r.line }, { code: 'data.fieldsAsHeader', params: { n: header.length, delimiter: delimiter === '\t' ? '\\t' : delimiter, hint } }, { code: 'data.err.fields', params: { n: r.cells.length } }));
      }
    } else good++;
  }
  // the rest of the file after an open quote is one broken cell: its row is left out
  if (unclosed) {
    if (total <= 1) throw unclosed;
    if (lastBad) problems.pop();
    else good--;
    problems.push(unclosed);
  }
  if (!header) throw new InputError({ file, line: 1 }, { code: 'data.headerLine' }, { code: 'data.err.emptyFile' });
  const width = header.length;
  const last = unclosed ? total : -1;
  const rows: Iterable<RawRow> = {
    *[Symbol.iterator]() {
      let k = 0;
      for (const r of iterateDelimited(text, delimiter)) {
        k++;
        if (k <= headerAt || k === last || r.cells.length !== width) continue;
        yield r;
      }
    },
  };
  return { file, format: 'csv', header, headerLine, rows, rowCount: good, columnLabels: header.map((h, i) => h || String(i + 1)), delimiter, problems, ...(preamble.length ? { preamble } : {}) };
}

/**
 * Raw table of a JSON file: an array of records (objects), or an object with
 * an `observations` or `series` array. Each record's line is where it starts.
 * Parsed strictly (duplicate keys and nesting deeper than the limit are refused).
 *
 * @example
 * jsonTable('[{"series":"x","year":2020,"value":1,"unit":"count"}]', 'a.json').header // ['series','year','value','unit']
 */
export function jsonTable(text: string, file: string): RawTable {
  const doc = parseJson(text, file, { lineDepth: 2 });
  const data = doc.value;
  let records: unknown = data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const o = data as Record<string, unknown>;
    records = o.observations ?? o.series;
  }
  if (!Array.isArray(records)) throw new InputError({ file, line: 1 }, { code: 'data.err.jsonArray' }, typeof data === 'object' && data !== null ? { code: 'data.err.noObservations' } : JSON.stringify(data));
  const list = records;
  const lines = doc.elementLines(list) ?? [];
  const header: string[] = [];
  const seen = new Set<string>();
  const textKeys = new Set<string>();
  const problems: InputError[] = [];
  let rowCount = 0;
  list.forEach((rec, i) => {
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      if (problems.length < LIMITS.problemsPerFile) problems.push(new InputError({ file, line: lines[i] ?? 1 }, { code: 'data.err.record' }, JSON.stringify(rec)));
      return;
    }
    rowCount++;
    for (const [k, v] of Object.entries(rec)) {
      if (!seen.has(k)) {
        seen.add(k);
        header.push(k);
      }
      if (typeof v === 'string') textKeys.add(k);
    }
  });
  const rows: Iterable<RawRow> = {
    *[Symbol.iterator]() {
      for (let i = 0; i < list.length; i++) {
        const rec = list[i];
        if (!rec || typeof rec !== 'object' || Array.isArray(rec)) continue;
        const o = rec as Record<string, unknown>;
        yield { line: lines[i] ?? 1, cells: header.map((k) => jsonCell(o[k])) };
      }
    },
  };
  // arrays of strings (flags) become text cells too
  return { file, format: 'json', header, headerLine: 1, rows, rowCount, textColumns: header.map((k) => textKeys.has(k) || k === 'flags'), columnLabels: header, problems };
}

function jsonCell(v: unknown): Cell {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('|');
  return JSON.stringify(v);
}

/**
 * The delimiter of a table: the candidate that splits the most of the first lines into the same
 * number of fields (more than one), so that a title above the table (`Regnskab 2025, VISO` over
 * a semicolon table) or a decimal comma (`161,2`) does not decide it. Ties go to semicolon (where
 * a comma is as likely a decimal comma), then tab, then comma; a text where no candidate splits
 * any line is read with commas.
 */
function detectDelimiterOfTable(text: string): Delimiter {
  const lines = text
    .slice(0, 65536)
    .split(/\r\n|\n|\r/, 60)
    .filter((l) => l.trim() !== '');
  let best: Delimiter = ',';
  let bestN = 0;
  for (const d of [';', '\t', ','] as Delimiter[]) {
    // lines per number of fields (quoted sections left out)
    const byFields = new Map<number, number>();
    for (const l of lines) {
      const k = l.replace(/"[^"]*"/g, '').split(d).length;
      if (k > 1) byFields.set(k, (byFields.get(k) ?? 0) + 1);
    }
    const n = Math.max(0, ...byFields.values());
    if (n > bestN) {
      best = d;
      bestN = n;
    }
  }
  return best;
}

async function readXlsx(file: string, isHeader: ((cells: string[]) => boolean) | undefined, firstOnly: boolean): Promise<RawTable[]> {
  const wb = await openXlsx(file);
  // visible sheets with a cell; hidden and veryHidden sheets are never the data
  const sheets: XlsxSheet[] = [];
  for (const s of wb.sheets) {
    if (s.state !== 'visible') continue;
    for (const _row of await wb.rows(s)) {
      sheets.push(s);
      break;
    }
    if (firstOnly && sheets.length) break;
  }
  if (!sheets.length) {
    const hidden = wb.sheets.some((s) => s.state !== 'visible');
    throw new InputError({ file, line: 1 }, { code: 'data.err.worksheet' }, { code: hidden ? 'data.err.hiddenSheets' : 'data.err.emptyWorkbook' });
  }
  const looksLikeHeader = isHeader ?? ((cells: string[]) => detectLayout(cells) !== undefined);
  const tables: { table: RawTable; found: boolean }[] = [];
  for (const sheet of sheets) tables.push(await sheetTable(file, sheet, await wb.rows(sheet), looksLikeHeader));
  // a sheet without a table (a cover page, notes) is left out when another sheet has one
  const withTable = tables.filter((t) => t.found);
  return (withTable.length ? withTable : tables.slice(0, 1)).map((t) => t.table);
}

async function sheetTable(file: string, sheet: XlsxSheet, sheetRows: Iterable<XlsxRow>, looksLikeHeader: (cells: string[]) => boolean): Promise<{ table: RawTable; found: boolean }> {
  const cellsOf = (r: XlsxRow): Cell[] => {
    const cells: Cell[] = [];
    for (const c of r.cells) cells[c.col - 1] = c.value;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    return cells;
  };
  const nonEmpty = (r: XlsxRow) => r.cells.some((c) => c.problem || String(c.value).trim() !== '');
  // a title row or two above the table is common in spreadsheets: the header is the first
  // of the first ten rows that looks like one (series/year/value columns or year columns)
  const first: { row: number; cells: Cell[] }[] = [];
  for (const r of sheetRows) {
    if (!nonEmpty(r)) continue;
    first.push({ row: r.row, cells: cellsOf(r) });
    if (first.length === 10) break;
  }
  const found = first.findIndex((r) => looksLikeHeader(r.cells.map((c) => String(c).trim())));
  const head = first[Math.max(0, found)];
  if (!head) throw new InputError({ file, line: 1 }, { code: 'data.err.worksheet' }, { code: 'data.err.emptyCells' });
  const header = head.cells.map((c) => String(c).trim());
  while (header.length && header[header.length - 1] === '') header.pop();
  const problems: InputError[] = [];
  const add = (e: InputError) => {
    if (problems.length < LIMITS.problemsPerFile) problems.push(e);
  };
  // a cell is named with its sheet (`Ark1!C5`) and its column by its letter and header (`C (value)`)
  const cellName = (line: number, col: number) => `${sheetRef(sheet.name)}!${columnLetter(col + 1)}${line}`;
  const columnLabels = header.map((h, i): ColumnLabel => (h ? `${columnLetter(i + 1)} (${h})` : { code: 'data.col.blank', params: { col: columnLetter(i + 1) } }));
  const cellAt = (line: number, col: number) => ({ file, cell: cellName(line, col - 1), column: columnLabels[col - 1] ?? columnLetter(col) });
  let rowCount = 0;
  const textColumns = header.map(() => false);
  for (const r of sheetRows) {
    if (r.row <= head.row || !nonEmpty(r)) continue;
    const bad = r.cells.filter((c) => c.problem);
    for (const c of bad) add(new InputError(cellAt(r.row, c.col), c.problem!.expected, c.problem!.found));
    if (bad.length) continue;
    rowCount++;
    for (const c of r.cells) if (typeof c.value === 'string' && c.col <= header.length) textColumns[c.col - 1] = true;
    const extra = r.cells.find((c) => c.col > header.length && String(c.value).trim() !== '');
    if (extra) add(new InputError(cellAt(r.row, extra.col), { code: 'data.err.outsideHeader' }, String(extra.value)));
  }
  const rows: Iterable<RawRow> = {
    *[Symbol.iterator]() {
      for (const r of sheetRows) {
        if (r.row <= head.row || !nonEmpty(r) || r.cells.some((c) => c.problem)) continue;
        const cells = cellsOf(r);
        yield { line: r.row, cells: header.map((_, i) => cells[i] ?? '') };
      }
    },
  };
  const table: RawTable = {
    file,
    format: 'xlsx',
    header,
    headerLine: head.row,
    rows,
    rowCount,
    textColumns,
    columnLabels,
    problems,
    sheet: sheet.name,
    cellName,
    ...(found > 0 ? { preamble: first.slice(0, found).map((r) => ({ line: r.row, text: r.cells.map((c) => String(c).trim()).filter(Boolean).join(' ') })) } : {}),
  };
  return { table, found: found >= 0 };
}

/** A sheet name as a formula writes it: quoted when it has spaces or punctuation. */
function sheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * A number with a decimal comma that a comma-separated row split into two cells (`143` and `9` for 143,9), as it
 * was written, or undefined. The first part stands under its own header, which must not be the year's (`2020,1`
 * is a year and a value).
 *
 * @example
 * decimalCommaSplit(['viso.raadgivning.forbrug', '2020', '143', '9', 'mio. kr.'], ['series', 'year', 'value', 'unit']) // '143,9'
 */
function decimalCommaSplit(cells: readonly string[], header: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < cells.length && i < header.length; i++) {
    if (COLUMN_ALIASES.year.includes(header[i].trim().toLowerCase())) continue;
    const a = cells[i].trim();
    const b = cells[i + 1].trim();
    // (the second part is what follows a decimal comma: digits only, not a year such as 2020 after a count)
    if (/^-?\d{1,3}(\.\d{3})*$|^-?\d+$/.test(a) && /^\d{1,2}$/.test(b)) return `${a},${b}`;
  }
  return undefined;
}

/**
 * Read a user file (CSV/TSV, XLSX, JSON) into a raw table: a header and rows
 * of cells, each row knowing its line (text) or row number (spreadsheet).
 * Nothing is interpreted here; `records.ts` turns cells into observations.
 * exceljs is imported lazily, only for .xlsx files.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { detectDelimiter, parseDelimited, type Delimiter } from './csv.js';
import { detectLayout } from './records.js';

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
  rows: RawRow[];
  /** How column i is named in messages (header name; spreadsheet letter and name for XLSX). */
  columnLabels: string[];
  /** Delimiter of a CSV file. */
  delimiter?: Delimiter;
  /** Problems found while reading (e.g. a row with too many fields). */
  problems: InputError[];
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
  throw new InputError({ file }, 'a .csv, .tsv, .txt, .xlsx or .json file', ext || '(no extension)');
}

/**
 * Read a file into a raw table. Unreadable or empty files throw InputError.
 *
 * @example
 * const t = await readRawTable('test/fixtures/good/viso-da.csv');
 * t.header // ['serie', 'år', 'værdi', ...]
 */
export async function readRawTable(file: string): Promise<RawTable> {
  const format = formatOf(file);
  if (format === 'xlsx') return readXlsx(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError({ file }, 'a readable file', (e as NodeJS.ErrnoException).code ?? String(e));
  }
  return format === 'json' ? jsonTable(text, file) : csvTable(text, file);
}

/**
 * Raw table of delimited text (delimiter detected from the header line).
 *
 * @example
 * csvTable('series;year\nx;2020\n', 'a.csv').rows[0] // { line: 2, cells: ['x', '2020'] }
 */
export function csvTable(text: string, file: string): RawTable {
  if (text.includes('\u0000')) throw new InputError({ file, line: 1 }, 'a text file (CSV)', 'binary content');
  const delimiter = detectDelimiter(text);
  const problems: InputError[] = [];
  let unclosed = false;
  const rows = parseDelimited(text, delimiter, (line, exp) => {
    problems.push(new InputError({ file, line }, exp, 'end of file'));
    unclosed = true;
  });
  if (unclosed) rows.pop(); // the rest of the file after the open quote is one broken cell
  if (rows.length === 0 && unclosed) throw problems[0];
  if (rows.length === 0) throw new InputError({ file, line: 1 }, 'a header line', 'an empty file');
  const header = rows[0].cells.map((c) => c.trim());
  const body: RawRow[] = [];
  for (const r of rows.slice(1)) {
    if (r.cells.length !== header.length) {
      problems.push(new InputError({ file, line: r.line }, `${header.length} fields as in the header (delimiter "${delimiter === '\t' ? '\\t' : delimiter}")`, `${r.cells.length} fields`));
      continue;
    }
    body.push({ line: r.line, cells: r.cells });
  }
  return { file, format: 'csv', header, headerLine: rows[0].line, rows: body, columnLabels: header.map((h, i) => h || String(i + 1)), delimiter, problems };
}

/**
 * Raw table of a JSON file: an array of records (objects), or an object with
 * an `observations` or `series` array. Each record's line is where it starts.
 *
 * @example
 * jsonTable('[{"series":"x","year":2020,"value":1,"unit":"count"}]', 'a.json').header // ['series','year','value','unit']
 */
export function jsonTable(text: string, file: string): RawTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = String((e as Error).message);
    const m = /position (\d+)/.exec(msg);
    const pos = m ? Number(m[1]) : undefined;
    const reason = msg.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected token .*$/, 'unexpected token');
    const found = pos === undefined ? undefined : text.slice(pos, pos + 20).split('\n')[0];
    const line = pos === undefined ? undefined : lineAt(text, pos);
    const column = pos === undefined ? undefined : pos - text.lastIndexOf('\n', pos - 1);
    throw new InputError({ file, line, column }, `valid JSON (${reason.charAt(0).toLowerCase()}${reason.slice(1)})`, found);
  }
  let records: unknown = data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const o = data as Record<string, unknown>;
    records = o.observations ?? o.series;
  }
  if (!Array.isArray(records)) throw new InputError({ file, line: 1 }, 'a JSON array of records, or {"observations": [...]}', typeof data === 'object' ? 'an object without "observations"' : JSON.stringify(data));
  const lines = recordLines(text);
  const header: string[] = [];
  const problems: InputError[] = [];
  const objs: { line: number; rec: Record<string, unknown> }[] = [];
  records.forEach((rec, i) => {
    const line = lines[i] ?? 1;
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      problems.push(new InputError({ file, line }, 'a record (JSON object)', JSON.stringify(rec)));
      return;
    }
    for (const k of Object.keys(rec)) if (!header.includes(k)) header.push(k);
    objs.push({ line, rec: rec as Record<string, unknown> });
  });
  const rows: RawRow[] = objs.map(({ line, rec }) => ({ line, cells: header.map((k) => jsonCell(rec[k])) }));
  return { file, format: 'json', header, headerLine: 1, rows, columnLabels: header, problems };
}

function jsonCell(v: unknown): Cell {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('|');
  return JSON.stringify(v);
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Lines where the elements of the first top-level array of records start. */
function recordLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let arrayDepth = -1;
  let inStr = false;
  let line = 1;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inStr) {
      if (ch === '\\') i++;
      else if (ch === '"') inStr = false;
      continue;
    }
    if (ch === '"') {
      if (expectElement) {
        out.push(line);
        expectElement = false;
      }
      inStr = true;
      continue;
    }
    if (ch === '[' || ch === '{') {
      if (expectElement) {
        out.push(line);
        expectElement = false;
      }
      depth++;
      if (ch === '[' && arrayDepth < 0) {
        arrayDepth = depth;
        expectElement = true;
      }
    } else if (ch === ']' || ch === '}') {
      if (depth === arrayDepth && ch === ']') arrayDepth = -2; // done with the first array
      depth--;
      expectElement = false;
    } else if (ch === ',' && depth === arrayDepth) {
      expectElement = true;
    } else if (expectElement && !/\s/.test(ch)) {
      out.push(line);
      expectElement = false;
    }
  }
  return out;
}

/** Spreadsheet column letter of a 1-based column number. */
function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

async function readXlsx(file: string): Promise<RawTable> {
  const ExcelJS = (await import('../vendor/exceljs.js')).default;
  let magic: Buffer;
  try {
    magic = readFileSync(file).subarray(0, 2);
  } catch (e) {
    throw new InputError({ file }, 'a readable file', (e as NodeJS.ErrnoException).code ?? String(e));
  }
  if (magic.toString('latin1') !== 'PK') throw new InputError({ file }, 'an .xlsx workbook (a zip file)', 'a file that is not a zip archive');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({ file }, 'a readable .xlsx workbook', code ?? String((e as Error).message ?? e).split('\n')[0]);
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new InputError({ file, line: 1 }, 'a worksheet with a header row', 'an empty workbook');
  const grid: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = xlsxCell(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    if (cells.some((c) => String(c).trim() !== '')) grid.push({ line: rowNumber, cells });
  });
  // a title row or two above the table is common in spreadsheets: the header is the first
  // of the first ten rows that looks like one (series/year/value columns or year columns)
  const found = grid.slice(0, 10).findIndex((r) => detectLayout(r.cells.map((c) => String(c).trim())) !== undefined);
  const headIdx = Math.max(0, found);
  const head = grid[headIdx];
  if (!head) throw new InputError({ file, line: 1 }, "a worksheet with a header row", "only empty cells");
  const header = head.cells.map((c) => String(c).trim());
  while (header.length && header[header.length - 1] === '') header.pop();
  const rows = grid.slice(headIdx + 1).map((r) => ({ line: r.line, cells: header.map((_, i) => r.cells[i] ?? '') }));
  const problems: InputError[] = [];
  for (const r of grid.slice(headIdx + 1)) {
    const extra = r.cells.slice(header.length).findIndex((c) => String(c).trim() !== '');
    if (extra >= 0) {
      const col = header.length + extra + 1;
      problems.push(new InputError({ file, line: r.line, column: columnLetter(col) }, 'no value outside the header columns', String(r.cells[col - 1])));
    }
  }
  return {
    file,
    format: 'xlsx',
    header,
    headerLine: head.line,
    rows,
    columnLabels: header.map((h, i) => `${columnLetter(i + 1)} (${h || 'blank'})`),
    problems,
  };
}

function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
  if (o.richText) return o.richText.map((t) => t.text).join('');
  if (o.result !== undefined) return xlsxCell(o.result);
  if (o.error) return String(o.error);
  if (o.text !== undefined) return String(o.text);
  return String(v);
}

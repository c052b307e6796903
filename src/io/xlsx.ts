/**
 * Reading the cells of an XLSX workbook with bounded resources: the zip directory is
 * checked before anything is inflated (`io/zip.ts`), XML is scanned without a DTD
 * (a `<!DOCTYPE>` is refused, so no entity can expand or reach outside), and the rows of
 * a sheet are produced one at a time from the inflated sheet, so 10⁶ rows never become
 * 10⁶ row objects at once. Only what a data table needs is read: cell values (numbers,
 * shared and inline strings, booleans, errors, dates by their number format), whether a
 * cell holds a formula (and whether it has a saved result or points into another
 * workbook), and the visibility of each sheet.
 */
import { InputError } from '../errors.js';
import type { Msg } from '../text/messages.js';
import { LIMITS } from './limits.js';
import { readInputBytes } from './read.js';
import { openZip } from './zip.js';

/** A sheet of a workbook, in workbook order. */
export interface XlsxSheet {
  name: string;
  /** `hidden` and `veryHidden` sheets are never taken as the data sheet. */
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Path of the sheet part inside the zip. */
  part: string;
}

/**
 * Spreadsheet column letters of a 1-based column number.
 *
 * @example
 * columnLetter(28) // 'AB'
 */
export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** One non-empty cell. */
export interface XlsxCell {
  /** 1-based column. */
  col: number;
  /** The value (a date as `YYYY-MM-DD`); a formula's saved result. */
  value: string | number;
  /** Why the value cannot be used (a formula without a saved result, or into another workbook). */
  problem?: { expected: Msg; found: string };
}

/** One row with at least one cell. */
export interface XlsxRow {
  /** 1-based row number. */
  row: number;
  cells: XlsxCell[];
}

/** An opened workbook. */
export interface XlsxWorkbook {
  file: string;
  sheets: XlsxSheet[];
  /** Inflate a sheet (one at a time is kept) and return its rows (re-iterable; each pass scans it again). */
  rows(sheet: XlsxSheet): Promise<Iterable<XlsxRow>>;
}

/**
 * Open an XLSX file: a regular file of at most `LIMITS.xlsxFileBytes`, a zip of at most
 * `LIMITS.xlsxEntries` entries and `LIMITS.xlsxUncompressedBytes` uncompressed.
 * Anything else is an `InputError` naming the file.
 *
 * @example
 * const wb = await openXlsx('test/fixtures/good/viso-wide.xlsx');
 * wb.sheets[0].name // 'Data'
 */
export async function openXlsx(path: string, display: string = path): Promise<XlsxWorkbook> {
  const file = display;
  const buf = readInputBytes(path, { maxBytes: LIMITS.xlsxFileBytes, display });
  if (buf.length < 4 || buf.toString('latin1', 0, 2) !== 'PK')
    throw new InputError({ file }, { code: 'xlsx.zipFile' }, { code: 'xlsx.notZip' });
  const zip = openZip(buf, file, { maxEntries: LIMITS.xlsxEntries, maxTotalBytes: LIMITS.xlsxUncompressedBytes });
  const xml = async (part: string): Promise<string | undefined> => {
    if (!zip.entries.has(part)) return undefined;
    const text = (await zip.read(part)).toString('utf8');
    checkNoDtd(text, file, part);
    return text;
  };
  const workbook = await xml('xl/workbook.xml');
  if (workbook === undefined)
    throw new InputError({ file }, { code: 'xlsx.workbookXml' }, { code: 'xlsx.notWorkbook' });
  const rels = relationships((await xml('xl/_rels/workbook.xml.rels')) ?? '', 'xl/');
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  const sheets: XlsxSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    const target = rels.byId.get(a['r:id'] ?? '') ?? '';
    const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
    if (target) sheets.push({ name: decodeXml(a.name ?? ''), state, part: target });
  }
  const sharedPart = rels.byType('sharedStrings') ?? 'xl/sharedStrings.xml';
  const stylesPart = rels.byType('styles') ?? 'xl/styles.xml';
  let strings: string[] | undefined;
  let dateStyles: Set<number> | undefined;
  const sheetXml = new Map<string, Buffer>();
  return {
    file,
    sheets,
    async rows(sheet) {
      strings ??= sharedStrings((await xml(sharedPart)) ?? '');
      dateStyles ??= dateStyleIndexes((await xml(stylesPart)) ?? '');
      let data = sheetXml.get(sheet.part);
      if (!data) {
        if (!zip.entries.has(sheet.part))
          throw new InputError(
            { file },
            { code: 'xlsx.sheet', params: { name: sheet.name, part: sheet.part } },
            { code: 'xlsx.damaged' },
          );
        sheetXml.clear();
        data = await zip.read(sheet.part);
        checkNoDtd(data.toString('utf8', 0, Math.min(data.length, 4096)), file, sheet.part);
        sheetXml.set(sheet.part, data);
      }
      const d = data;
      const ss = strings;
      const ds = dateStyles;
      return { [Symbol.iterator]: () => sheetRows(d, ss, ds, date1904) };
    },
  };
}

function checkNoDtd(text: string, file: string, part: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new InputError({ file }, { code: 'xlsx.noDoctype', params: { part } }, '<!DOCTYPE');
}

/** Relationship targets of a part, resolved against `base`. */
function relationships(
  text: string,
  base: string,
): { byId: Map<string, string>; byType(suffix: string): string | undefined } {
  const byId = new Map<string, string>();
  const types: [string, string][] = [];
  for (const m of text.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    if (!a.Id || !a.Target || a.TargetMode === 'External') continue;
    const target = a.Target.startsWith('/') ? a.Target.slice(1) : normalise(base + a.Target);
    byId.set(a.Id, target);
    types.push([a.Type ?? '', target]);
  }
  return { byId, byType: (suffix) => types.find(([t]) => t.endsWith('/' + suffix))?.[1] };
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Attributes of a tag's attribute text (`a="1" b='x'`), values XML-decoded. */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the five XML entities and numeric character references (nothing else expands). */
function decodeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e];
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of every `<t>` in an XML fragment, except phonetic runs (`<rPh>`). */
function textOf(fragment: string): string {
  const noPhonetic = fragment.includes('<rPh') ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : fragment;
  let out = '';
  for (const m of noPhonetic.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += m[1] ?? '';
  return decodeXml(out);
}

function sharedStrings(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) out.push(textOf(m[1] ?? ''));
  return out;
}

/** Built-in number formats that show dates or times. */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Indexes into `cellXfs` whose number format shows a date. */
function dateStyleIndexes(text: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of text.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const isDate = (id: number) => {
    const code = custom.get(id);
    if (code === undefined) return DATE_FORMAT_IDS.has(id);
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
  };
  const out = new Set<number>();
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text)?.[1] ?? '';
  let k = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(\/>|>)/g)) {
    if (isDate(Number(attributes(m[1]).numFmtId ?? 0))) out.add(k);
    k++;
  }
  return out;
}

/** Column number of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** A formula that reads another workbook: `[1]Sheet1!A1`, `'[Book.xlsx]Sheet'!A1`, `'C:\x\[B.xlsx]S'!A1`. */
const EXTERNAL_REF = /\[[^\]]+\][^!]*!|\[\d+\]/;

const ROW_OPEN = Buffer.from('<row');
const ROW_CLOSE = Buffer.from('</row>');
const SHEET_DATA = Buffer.from('<sheetData');

function* sheetRows(data: Buffer, strings: string[], dateStyles: Set<number>, date1904: boolean): Generator<XlsxRow> {
  const shared = new Map<string, string>();
  let pos = data.indexOf(SHEET_DATA);
  if (pos < 0) return;
  let nextRow = 1;
  for (;;) {
    const start = data.indexOf(ROW_OPEN, pos);
    if (start < 0) return;
    const after = data[start + 4];
    if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x09 && after !== 0x0a && after !== 0x0d) {
      pos = start + 4;
      continue;
    }
    const tagEnd = data.indexOf(0x3e, start);
    if (tagEnd < 0) return;
    const selfClosing = data[tagEnd - 1] === 0x2f;
    const end = selfClosing ? tagEnd + 1 : data.indexOf(ROW_CLOSE, tagEnd);
    if (end < 0) return;
    pos = selfClosing ? end : end + ROW_CLOSE.length;
    const rowText = data.toString('utf8', start, selfClosing ? tagEnd + 1 : end);
    const r = /^<row\b[^>]*?\br="(\d+)"/.exec(rowText);
    const rowNo = r ? Number(r[1]) : nextRow;
    nextRow = rowNo + 1;
    if (selfClosing) continue;
    const cells = rowCells(rowText, strings, dateStyles, date1904, shared);
    if (cells.length) yield { row: rowNo, cells };
  }
}

/** The value of attribute `name` in a tag's attribute text, or undefined (no entity decoding). */
function attr(attrs: string, name: string): string | undefined {
  const key = name + '="';
  for (let i = attrs.indexOf(key); i >= 0; i = attrs.indexOf(key, i + 1)) {
    const before = attrs.charCodeAt(i - 1);
    if (i === 0 || before === 32 || before === 9 || before === 10 || before === 13) {
      const end = attrs.indexOf('"', i + key.length);
      return end < 0 ? undefined : attrs.slice(i + key.length, end);
    }
  }
  return undefined;
}

/** The element `<tag …>text</tag>` (or `<tag/>`) inside `body`: its attribute text and inner text. */
function element(body: string, tag: string): { attrs: string; inner?: string } | undefined {
  const open = '<' + tag;
  for (let i = body.indexOf(open); i >= 0; i = body.indexOf(open, i + 1)) {
    const c = body.charCodeAt(i + open.length);
    if (c !== 32 && c !== 62 && c !== 47 && c !== 9 && c !== 10 && c !== 13) continue;
    const tagEnd = body.indexOf('>', i);
    if (tagEnd < 0) return undefined;
    if (body.charCodeAt(tagEnd - 1) === 47) return { attrs: body.slice(i + open.length, tagEnd - 1) };
    const close = body.indexOf('</' + tag + '>', tagEnd);
    return {
      attrs: body.slice(i + open.length, tagEnd),
      inner: close < 0 ? body.slice(tagEnd + 1) : body.slice(tagEnd + 1, close),
    };
  }
  return undefined;
}

function rowCells(
  rowText: string,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
  shared: Map<string, string>,
): XlsxCell[] {
  const out: XlsxCell[] = [];
  let nextCol = 1;
  let p = rowText.indexOf('<c');
  while (p >= 0) {
    const ch = rowText.charCodeAt(p + 2);
    if (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13) {
      p = rowText.indexOf('<c', p + 2);
      continue;
    }
    const tagEnd = rowText.indexOf('>', p);
    if (tagEnd < 0) break;
    const selfClosing = rowText.charCodeAt(tagEnd - 1) === 47;
    const attrs = rowText.slice(p + 2, selfClosing ? tagEnd - 1 : tagEnd);
    const ref = attr(attrs, 'r');
    const col = ref ? columnOf(ref) : nextCol;
    nextCol = col + 1;
    if (selfClosing) {
      p = rowText.indexOf('<c', tagEnd);
      continue;
    }
    const close = rowText.indexOf('</c>', tagEnd);
    const body = rowText.slice(tagEnd + 1, close < 0 ? rowText.length : close);
    p = close < 0 ? -1 : rowText.indexOf('<c', close + 4);
    if (body === '') continue;
    const cell = cellValue(
      col,
      body,
      attr(attrs, 't') ?? 'n',
      Number(attr(attrs, 's') ?? 0),
      strings,
      dateStyles,
      date1904,
      shared,
    );
    if (cell) out.push(cell);
  }
  return out;
}

function cellValue(
  col: number,
  body: string,
  type: string,
  style: number,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
  shared: Map<string, string>,
): XlsxCell | undefined {
  // the common case first: a value and nothing else
  let v: string | undefined;
  let f: { attrs: string; inner?: string } | undefined;
  if (body.startsWith('<v>') && body.endsWith('</v>') && body.indexOf('<', 3) === body.length - 4)
    v = body.slice(3, -4);
  else {
    v = element(body, 'v')?.inner;
    f = element(body, 'f');
  }
  let formula: string | undefined;
  if (f) {
    const si = attr(f.attrs, 'si');
    formula = f.inner !== undefined ? decodeXml(f.inner) : undefined;
    if (si !== undefined && attr(f.attrs, 't') === 'shared') {
      if (formula !== undefined) shared.set(si, formula);
      else formula = shared.get(si) ?? '';
    }
    formula ??= '';
  }
  let value: string | number;
  if (type === 'inlineStr') value = textOf(element(body, 'is')?.inner ?? '');
  else if (v === undefined) value = '';
  else if (type === 's') value = strings[Number(v)] ?? '';
  else if (type === 'str' || type === 'e') value = decodeXml(v);
  else if (type === 'b') value = v === '1' ? 'true' : 'false';
  else if (type === 'd') value = decodeXml(v).slice(0, 10);
  else {
    const x = Number(v);
    value =
      dateStyles.has(style) && Number.isFinite(x) ? excelDate(x, date1904) : Number.isFinite(x) ? x : decodeXml(v);
  }
  const cell: XlsxCell = { col, value };
  if (formula !== undefined) {
    if (EXTERNAL_REF.test(formula))
      cell.problem = {
        expected: { code: 'xlsx.externalFormula' },
        found: `=${formula}`,
      };
    else if (v === undefined && type !== 'inlineStr')
      cell.problem = {
        expected: { code: 'xlsx.unsavedFormula' },
        found: `=${formula}`,
      };
  }
  if (value === '' && !cell.problem) return undefined;
  return cell;
}

/** An Excel serial day number as `YYYY-MM-DD` (exceljs' convention, 1900 or 1904 system). */
function excelDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - (date1904 ? -1462 : 25569)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

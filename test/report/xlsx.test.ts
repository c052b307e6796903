/**
 * The workbook holds ranges as numbers: a cell that reads as a numeric range (`27,9 %–81,9 %`,
 * `[-9,3 %; -2,7 %]`, `3/6 (12 %–88 %)`) is written as two number cells, lower and upper, headed in the
 * report's language, so finance staff can compute with them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { collectReport } from '../../src/report/collect.js';
import { renderXlsx, sheetColumns } from '../../src/report/xlsx.js';
import { rangeCell, txt, num, withLead } from '../../src/report/tables.js';
import type { Lang } from '../../src/text/number.js';

type Cell = { value: unknown; numFmt?: string };
type Sheet = {
  name: string;
  eachRow: (f: (row: { eachCell: (g: (c: Cell) => void) => void }, r: number) => void) => void;
  getRow: (r: number) => { values: unknown[] };
};

// a whole cell that is a numeric range, bracketed or not, or ends with one in parentheses
const NUM = String.raw`[-−]?\d[\d.,]*\s*%?`;
const RANGE = new RegExp(
  String.raw`(^\s*[\[(]?\s*${NUM}\s*(–|—|;| til | to )\s*${NUM}\s*[\])]?\s*$)|(\(\s*${NUM}\s*[–—]\s*${NUM}\s*\)\s*$)`,
);

const books: Partial<Record<Lang, Sheet[]>> = {};

beforeAll(async () => {
  const ExcelJS = (await import('exceljs')).default;
  for (const lang of ['da', 'en'] as const) {
    const m = await collectReport({ runs: 4_000, gridRuns: 1_000, grid: [0, 0.05, 0.1], seed: 5, lang });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(m)) as never);
    books[lang] = wb.worksheets as unknown as Sheet[];
  }
}, 240_000);

/** The header row of the table whose header row holds `header`, and the rows under it. */
function tableUnder(ws: Sheet, header: string): { head: unknown[]; rows: unknown[][] } {
  let at = -1;
  ws.eachRow((row, r) => {
    if (at < 0 && (ws.getRow(r).values as unknown[]).includes(header)) at = r;
  });
  expect(at, header).toBeGreaterThan(0);
  const rows: unknown[][] = [];
  // the table's rows (a note under it fills only the first column)
  for (let r = at + 1; ws.getRow(r).values.length > 2; r++) rows.push(ws.getRow(r).values);
  return { head: ws.getRow(at).values, rows };
}

describe('XLSX ranges', () => {
  it('the range pattern finds the ranges the report writes as text (the check can fail)', () => {
    for (const s of [
      '27,9 %–81,9 %',
      '[-9,3 %; -2,7 %]',
      '3/6 (12 %–88 %)',
      '153,0–158,7',
      '-5,9–-0,3',
      '-5,9 til -0,3',
      '-16.4 to 16.7',
      '[0,0366; 0,0686]',
    ])
      expect(RANGE.test(s), s).toBe(true);
    for (const s of [
      '2021-09-20',
      '±0,16 pct.-point',
      'Førperioden er for kort (4 år, 2014–2017); tallene er kun vejledende.',
    ])
      expect(RANGE.test(s), s).toBe(false);
  });

  it.each(['da', 'en'] as const)('no string cell of the workbook is a numeric range (%s)', (lang) => {
    const found: string[] = [];
    for (const ws of books[lang]!)
      ws.eachRow((row, r) =>
        row.eachCell(
          (c) => void (typeof c.value === 'string' && RANGE.test(c.value) && found.push(`${ws.name}!${r}: ${c.value}`)),
        ),
      );
    expect(found).toEqual([]);
  });

  it('a range column becomes »…, nedre« and »…, øvre« number cells with the range’s format; a mixed column keeps its header for single values', () => {
    const ws = books.da!.find((s) => s.name === 'Tiltag')!;
    const { head, rows } = tableUnder(ws, '80 % interval, nedre');
    const lo = head.indexOf('80 % interval, nedre');
    expect(head[lo + 1]).toBe('80 % interval, øvre');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(typeof r[lo]).toBe('number');
      expect(typeof r[lo + 1]).toBe('number');
      expect(r[lo] as number).toBeLessThan(r[lo + 1] as number);
    }
    const sum = books.da!.find((s) => s.name === 'Oversigt')!;
    const t = tableUnder(sum, 'P(merforbrug), øvre');
    const p = t.head.indexOf('P(merforbrug)');
    expect(t.head[p + 1]).toBe('P(merforbrug), øvre');
    const spread = t.rows.find((r) => r.includes('Parameterusikkerhed (80 %)'))!;
    expect(typeof spread[p]).toBe('number');
    expect(typeof spread[p + 1]).toBe('number');
    expect(spread[p] as number).toBeLessThan(spread[p + 1] as number);
    const one = t.rows.find((r) => r.includes('Kalibreret driver (én prognose)'))!;
    expect(typeof one[p]).toBe('number');
    expect(one[p + 1]).toBeUndefined();
  });

  it('headers in English with lang en', () => {
    const ws = books.en!.find((s) => s.name === 'Measures')!;
    const { head } = tableUnder(ws, '80% interval, lower');
    expect(head).toContain('80% interval, upper');
  });

  it('sheetColumns splits only the columns that hold ranges', () => {
    const tb = {
      columns: ['a', 'b', 'c'],
      numeric: [false, true, true],
      rows: [
        [txt('x'), rangeCell('1–2', 1, 2, '0'), num(3, 0, 'da')],
        [txt('y'), txt('–'), num(4, 0, 'da')],
      ],
    };
    expect(sheetColumns(tb, 'da').map((c) => c.header)).toEqual(['a', 'b, nedre', 'b, øvre', 'c']);
    expect(sheetColumns(tb, 'en').map((c) => c.header)).toEqual(['a', 'b, lower', 'b, upper', 'c']);
  });

  it('a range cell’s lead numbers (hits and n) come first, each its own numeric column, then the bounds', () => {
    const lead = (h: number, n: number) => [
      { header: 'træf', value: h, numFmt: '#,##0' },
      { header: 'af n', value: n, numFmt: '#,##0' },
    ];
    const tb = {
      columns: ['a', 'b'],
      numeric: [false, false],
      rows: [
        [txt('x'), withLead(rangeCell('4/7 (18 %–90 %)', 0.18, 0.9, '0%'), lead(4, 7))],
        [txt('y'), withLead(rangeCell('7/7 (59 %–100 %)', 0.59, 1, '0%'), lead(7, 7))],
      ],
    };
    expect(sheetColumns(tb, 'da').map((c) => [c.header, c.numeric])).toEqual([
      ['a', false],
      ['træf', true],
      ['af n', true],
      ['b, nedre', true],
      ['b, øvre', true],
    ]);
  });

  it.each([
    ['da', 'Træfsikkerhed scenarie', '80 %: træf', '80 %: af n', '80 %: træf (95 %-interval), nedre'],
    ['en', 'Scenario track record', '80%: hits', '80%: of n', '80%: hits (95% interval), lower'],
  ] as const)(
    'the track-record table keeps the coverage as hits of n, numbers beside the binomial interval (%s)',
    (lang, sheet, hitsHead, nHead, loHead) => {
      const ws = books[lang]!.find((s) => s.name === sheet)!;
      const { head, rows } = tableUnder(ws, hitsHead);
      const h = head.indexOf(hitsHead);
      expect([head[h + 1], head[h + 2]]).toEqual([nHead, loHead]);
      const n = head.indexOf('n');
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect([typeof r[h], typeof r[h + 1]]).toEqual(['number', 'number']);
        expect(r[h + 1]).toBe(r[n]);
        expect(r[h] as number).toBeLessThanOrEqual(r[h + 1] as number);
        // the hits share lies inside its binomial interval
        const share = (r[h] as number) / (r[h + 1] as number);
        expect(share).toBeGreaterThanOrEqual(r[h + 2] as number);
        expect(share).toBeLessThanOrEqual(r[h + 3] as number);
      }
    },
  );
});

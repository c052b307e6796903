import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { csvTable } from '../../src/data/rawtable.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COUNT_YEAR_FACTOR,
  interpretActuals,
  isActualsHeader,
  readMonthlyActuals,
} from '../../src/followup/actuals.js';

const ref = loadBundled();
// as readMonthlyActuals reads a file: the header is the first row that looks like a follow-up table's
const read = (text: string, opts = {}) =>
  interpretActuals(csvTable(text, 'a.csv', isActualsHeader), { reference: ref, ...opts });
const fails =
  (text: string, opts = {}) =>
  () =>
    read(text, opts);

const SIX =
  'måned;forbrug;henvendelser;startede forløb\n2025-01;11,2;420;205\n2025-02;12,1;431;210\n2025-03;12,6;455;221\n2025-04;12,0;440;215\n2025-05;12,9;462;224\n2025-06;12,4;450;219\n';

describe('reading monthly actuals', () => {
  it('reads the wide layout: one row per month, Danish numbers, units in mio. kr. and counts', () => {
    const a = read('# Opgjort pr. 30.06.2025\n' + SIX);
    expect(a.granularity).toBe('month');
    expect(a.years.map((y) => y.year)).toEqual([2025]);
    const y = a.years[0];
    expect(y.values.forbrug.slice(0, 6)).toEqual([11.2, 12.1, 12.6, 12, 12.9, 12.4]);
    expect(Number.isNaN(y.values.forbrug[6])).toBe(true);
    expect(y.values.forloeb[0]).toBe(205);
    expect(y.lastWith).toMatchObject({ forbrug: 6, henvendelser: 6, forloeb: 6, aftaler: 0, budget: 0 });
    expect(y.lines.slice(0, 2)).toEqual([3, 4]);
    expect(a.statedDate).toEqual({ date: { year: 2025, month: 6, day: 30 }, line: 1 });
    expect(a.measures).toEqual(['forbrug', 'henvendelser', 'forloeb']);
    expect(a.illustrative).toBe(false);
    expect(a.locale).toBe('da');
  });
  it('reads month names, units in the header and leaves unknown columns out (listed)', () => {
    const a = read(
      'Måned,Forbrug (kr.),Indgåede aftaler (1.000 kr.),Note\njanuar 2025,"11.200.000","13.400",x\nfebruar 2025,"12.100.000","12.900",\nmarts 2025,"12.600.000","14.000",\n',
    );
    expect(a.years[0].values.forbrug.slice(0, 3)).toEqual([11.2, 12.1, 12.6]);
    expect(a.years[0].values.aftaler.slice(0, 3)).toEqual([13.4, 12.9, 14]);
    expect(a.ignoredColumns).toEqual(['Note']);
  });
  it('an amount in 1.000 kr. or a count such as 12.490 is a whole number either way: no --locale needed (as data files)', () => {
    const tkr =
      'måned;forbrug (1.000 kr.);henvendelser;startede forløb\n2025-01;12.490;1.449;223\n2025-02;12.930;550;237\n';
    const a = read(tkr);
    expect(a.years[0].values.forbrug.slice(0, 2)).toEqual([12.49, 12.93]);
    expect(a.years[0].values.henvendelser[0]).toBe(1449);
    expect(read(tkr, { locale: 'da' }).years[0].values.forbrug.slice(0, 2)).toEqual([12.49, 12.93]);
    // in mio. kr. 12.490 has two readings, and the file is refused without --locale
    expect(fails(tkr.replace('(1.000 kr.)', '(mio. kr.)'))).toThrow(/a\.csv:2: column forbrug \(mio\. kr\.\)/);
  });
  it("skips a spreadsheet export's empty rows (;;;) and a sum row at the end (I alt), not a month in the middle", () => {
    // as the command reads a file (readMonthlyActuals): the header found by isActualsHeader
    const file = (text: string) => interpretActuals(csvTable(text, 'a.csv', isActualsHeader), { reference: ref });
    const a = file(SIX.replace('2025-02;', ';;;\n2025-02;') + 'I alt;73,2;2658;1294\n;;;\n');
    expect(a.years[0].values.forbrug.slice(0, 6)).toEqual([11.2, 12.1, 12.6, 12, 12.9, 12.4]);
    expect(() => file(SIX.replace('2025-02;', 'I alt;1;1;1\n2025-02;'))).toThrow(/a\.csv:3: column måned/);
  });
  it('reads the long layout (serie, måned, værdi, enhed)', () => {
    const a = read(
      'serie;måned;værdi;enhed\nforbrug;2025M01;11,2;mio. kr.\nforbrug;2025M02;12,1;mio. kr.\nforløb;2025M01;205;antal\nforløb;2025M02;210;antal\nbudget;2025M01;13,0;mio. kr.\nbudget;2025M02;13,0;mio. kr.\nbudget;2025M03;13,0;mio. kr.\n',
    );
    expect(a.years[0].values.forbrug.slice(0, 2)).toEqual([11.2, 12.1]);
    expect(a.years[0].values.forloeb.slice(0, 2)).toEqual([205, 210]);
    expect(a.years[0].lastWith).toMatchObject({ forbrug: 2, forloeb: 2, budget: 3 });
  });
  it('spreads quarters evenly over their months', () => {
    const a = read('kvartal;forbrug;forløb\n2025K1;36,3;630\n2025K2;37,5;660\n');
    expect(a.granularity).toBe('quarter');
    expect(a.years[0].values.forbrug.slice(0, 6).map((x) => +x.toFixed(6))).toEqual([
      12.1, 12.1, 12.1, 12.5, 12.5, 12.5,
    ]);
    expect(a.years[0].values.forloeb[0]).toBe(210);
    expect(a.years[0].lastWith.forbrug).toBe(6);
  });
  it('allows whole missing years and a partial first year (history), and budget rows after the last actual', () => {
    const a = read('måned;forbrug;budget\n2023-11;12;\n2023-12;13;\n2025-01;11;13\n2025-02;12;13\n2025-03;;13\n');
    expect(a.years.map((y) => [y.year, y.firstMonth, y.lastMonth])).toEqual([
      [2023, 11, 12],
      [2025, 1, 3],
    ]);
    expect(a.years[1].lastWith).toMatchObject({ forbrug: 2, budget: 3 });
  });
  it('marks files whose title or comments say they are illustrative', () => {
    expect(read('# ILLUSTRATIVE DATA, generated\n' + SIX).illustrative).toBe(true);
    expect(read('# Illustrative månedstal\n' + SIX).illustrative).toBe(true);
  });
  it('recognises a follow-up header', () => {
    expect(isActualsHeader(['Måned', 'Forbrug (mio. kr.)'])).toBe(true);
    expect(isActualsHeader(['serie', 'periode', 'værdi'])).toBe(true);
    expect(isActualsHeader(['serie', 'år', 'værdi'])).toBe(false);
  });
});

describe('bad input: one line with file, line and column (pinned messages)', () => {
  it("in a workbook, a header's problem names its sheet and cell: a count unit on forbrug, no forbrug column", async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = async (name: string, rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Måneder');
      for (const r of rows) ws.addRow(r);
      const f = join(mkdtempSync(join(tmpdir(), 'viso-actuals-')), name);
      await wb.xlsx.writeFile(f);
      return f;
    };
    const unit = await book('unit.xlsx', [
      ['Forbrug 2025'],
      ['måned', 'forbrug (antal)', 'startede forløb'],
      ['2025-01', 12, 200],
    ]);
    await expect(readMonthlyActuals(unit, { reference: ref })).rejects.toThrow(
      `${unit}: Måneder!B2: column B (forbrug (antal)): expected an amount in kroner for forbrug (mio. kr., 1.000 kr. or kr.), found "forbrug (antal)"`,
    );
    const none = await book('none.xlsx', [
      ['måned', 'henvendelser'],
      ['2025-01', 300],
    ]);
    await expect(readMonthlyActuals(none, { reference: ref })).rejects.toThrow(
      `${none}: Måneder!A1: expected a spending column`,
    );
  });
  it('duplicate months', () => {
    expect(fails(SIX.replace('2025-03;', '2025-02;'))).toThrow(
      'a.csv:4: column måned: expected one row per month (2025-02 is already on line 3), found "2025-02"',
    );
  });
  it('a missing month inside the range', () => {
    expect(fails(SIX.replace('2025-04;12,0;440;215\n', ''))).toThrow(
      'a.csv:5: column måned: expected every month from 2025-01 on (2025-04 is missing between line 4 and this line), found "2025-05"',
    );
  });
  it('months out of order', () => {
    const swapped = SIX.replace(
      '2025-03;12,6;455;221\n2025-04;12,0;440;215\n',
      '2025-04;12,0;440;215\n2025-03;12,6;455;221\n',
    );
    expect(fails(swapped)).toThrow(
      'a.csv:5: column måned: expected months in chronological order (this month comes before 2025-04 on line 4), found "2025-03"',
    );
  });
  it('a running total where monthly values are expected', () => {
    const running =
      'måned;forbrug\n2025-01;11,2\n2025-02;23,3\n2025-03;35,9\n2025-04;47,9\n2025-05;60,8\n2025-06;73,2\n';
    expect(fails(running)).toThrow(
      'a.csv:7: column forbrug: expected monthly values, not a running total: forbrug rises in every month of 2025 and reads as 146.4 a year as a year-to-date total but 504.6 as monthly values (viso.raadgivning.forbrug 2024: 143.5); give each month\'s own value, found "73,2"',
    );
    // monthly values that happen to rise are fine
    expect(() => read('måned;forbrug\n2025-01;11,2\n2025-02;11,9\n2025-03;12,4\n2025-04;12,9\n')).not.toThrow();
    // started forløb as a running total, against the annual forløb
    expect(fails('måned;forbrug;forløb\n2025-01;11;210\n2025-02;12;425\n2025-03;12;640\n')).toThrow(
      /^a\.csv:4: column forløb: expected monthly values, not a running total: forloeb rises/,
    );
  });
  it("a month after the file's stated date", () => {
    expect(fails('# Opgjort pr. 31.05.2025\n' + SIX)).toThrow(
      'a.csv:8: column måned: expected no month after the file\'s stated date 2025-05-31 (line 1), found "2025-06"',
    );
  });
  it('a value missing between months that have one', () => {
    expect(fails(SIX.replace('2025-03;12,6;455;221', '2025-03;;455;221'))).toThrow(
      'a.csv:4: column forbrug: expected a forbrug value for 2025-03 (2025 has forbrug up to 2025-06), found ""',
    );
  });
  it('cells that are not months or numbers (every one listed)', () => {
    expect(fails(SIX.replace('2025-02;12,1', '2025-13;12,1'))).toThrow(
      'a.csv:3: column måned: expected a month such as 2025-01, jan 2025 or 2025M01 (or a quarter such as 2025K1), found "2025-13"',
    );
    expect(fails(SIX.replace('12,1;431;210', '12,1;-4;21,5'))).toThrow(
      'a.csv:3: column henvendelser: expected a count of 0 or more (requests), found "-4"\na.csv:3: column startede forløb: expected a whole number (cases started is a count), found "21,5"',
    );
    expect(fails('måned;forbrug\n2025-01;12\n2025K2;13\n')).toThrow(
      'a.csv:3: column måned: expected months throughout (line 2 has a month), found "2025K2"',
    );
  });
  it("headers without a month or forbrug column (shown with the file's own delimiter), bad units", () => {
    expect(fails('år;forbrug\n2025;12\n')).toThrow(
      'a.csv:1: expected a header with a month column (måned, month, periode, kvartal) and columns such as spending, requests, cases started (or forbrug, henvendelser, forløb; or serie, måned, værdi), found "år;forbrug"',
    );
    expect(fails('måned;forløb\n2025-01;12\n')).toThrow(
      'a.csv:1: expected a spending column (forbrug or spending: monthly spending, mio. kr.), found "måned;forløb"',
    );
    expect(fails('måned;forbrug (euro)\n2025-01;12\n')).toThrow(
      'a.csv:1: column forbrug (euro): expected a unit such as (mio. kr.), (1.000 kr.), (kr.) or (antal), found "forbrug (euro)"',
    );
    expect(fails('måned;forbrug;udgifter\n2025-01;12;12\n')).toThrow(
      'a.csv:1: column udgifter: expected one column per measure (forbrug is also column forbrug), found "udgifter"',
    );
  });
  it('ambiguous numbers ask for --locale', () => {
    expect(fails('måned;forbrug\n2025-01;12.100\n2025-02;12.300\n')).toThrow(
      /^a\.csv:2: column forbrug: expected an unambiguous number format: "12\.100" reads as 12100 \(Danish\) or 12\.1 \(international\); give --locale da or --locale en/,
    );
    expect(read('måned;forbrug\n2025-01;12.100\n2025-02;12.300\n', { locale: 'en' }).years[0].values.forbrug[0]).toBe(
      12.1,
    );
  });
});

describe('amounts on the wrong scale (offByThousands against 1/12 of the annual level)', () => {
  const kr = SIX.replace(
    /2025-0(\d);(\d+),(\d)/g,
    (_m, mo: string, a: string, b: string) => `2025-0${mo};${a}${b}00000`,
  );
  it('a column in mio. kr. holding kroner is refused at its first cell, with the intended value and how many more', () => {
    const e = (() => {
      try {
        read(kr);
      } catch (x) {
        return x as Error;
      }
      throw new Error('not refused');
    })();
    expect(e.message).toMatch(/^a\.csv:2: column forbrug: expected a month's forbrug amount/);
    const last = ref.get('viso.raadgivning.forbrug').points.at(-1)!;
    const typical = String(Number((last.value / 12).toPrecision(4)));
    expect(e.message).toContain(`a typical month is DKK ${typical}m, 1/12 of viso.raadgivning.forbrug ${last.year}`);
    expect(e.message).toMatch(/did you mean 11\.2\?; 5 more cells are as far off, found "11200000"$/);
  });
  it('one cell 10⁶ too large is refused alone; the reference is the file’s other years without reference data', () => {
    const one = SIX.replace('2025-03;12,6', '2025-03;12600000');
    expect(() => read(one)).toThrow(/a\.csv:4: column forbrug: .*did you mean 12\.6\?, found "12600000"$/);
    const full =
      'måned;forbrug\n' +
      Array.from({ length: 12 }, (_, j) => `2024-${String(j + 1).padStart(2, '0')};12,5`).join('\n') +
      '\n2025-01;12,4\n2025-02;12400\n';
    expect(() => read(full, { reference: false })).toThrow(/a\.csv:15: .*the file's 2024 mean: DKK 150m.*12\.4\?/);
  });
  it('the unit of the column counts: kroner in a (kr.) column pass, 1.000 times that is refused in kroner', () => {
    const ok = 'måned;forbrug (kr.)\n2025-01;12490000\n2025-02;12930000\n';
    expect(read(ok).years[0].values.forbrug.slice(0, 2)).toEqual([12.49, 12.93]);
    expect(() => read(ok.replace('12930000', '12930000000'))).toThrow(/did you mean 12930000\?/);
    // 10× or 100× off is not this rule's (see the outlier warning)
    expect(read(SIX.replace('2025-03;12,6', '2025-03;126')).years[0].values.forbrug[2]).toBe(126);
  });
  it("a forbrug month 1.000 times below the typical month (mio. kr. typed in a kr. column) is refused too, with the amount in the column's unit", () => {
    const ok = 'måned;forbrug (kr.)\n2025-01;12490000\n2025-02;12930000\n2025-03;12,6\n';
    expect(() => read(ok)).toThrow(
      /^a\.csv:4: column forbrug \(kr\.\): expected a month's forbrug amount .*; the amount is 1,000 times too small or more \(an amount in a larger unit than the column's, e\.g\. DKK million in a column in kroner\?\); did you mean 12600000\?, found "12,6"$/,
    );
    expect(() => read(SIX.replace('2025-03;12,6', '2025-03;0,0126'))).toThrow(
      /a\.csv:4: column forbrug: .*too small.*did you mean 12\.6\?, found "0,0126"$/,
    );
    // 10× or 100× below is not (the outlier warning says it); a month of 0 is no scale at all
    expect(read(SIX.replace('2025-03;12,6', '2025-03;0,126')).years[0].values.forbrug[2]).toBe(0.126);
    expect(read(SIX.replace('2025-03;12,6', '2025-03;0')).years[0].values.forbrug[2]).toBe(0);
  });
});

describe('periods far from their year (OUTLIER_FACTOR × the median period): a warning, the value used as it stands', () => {
  it('a misplaced decimal (10×) is flagged at its cell with the median and the range of the other months', () => {
    const a = read(SIX.replace('2025-03;12,6', '2025-03;126'));
    expect(a.years[0].values.forbrug[2]).toBe(126);
    expect(a.warnings).toHaveLength(1);
    const w = a.warnings[0];
    const others = [11.2, 12.1, 12, 12.9, 12.4];
    expect(w).toMatchObject({
      code: 'outlier',
      label: '2025-03',
      year: 2025,
      basisYear: 2025,
      side: 'high',
      text: '126',
    });
    expect(w.location).toEqual({ file: 'a.csv', line: 4, column: 'forbrug' });
    expect(w.median).toBeCloseTo((12.1 + 12.4) / 2, 12);
    expect([w.lo, w.hi]).toEqual([Math.min(...others), Math.max(...others)]);
    expect(read(SIX.replace('2025-03;12,6', '2025-03;1,26')).warnings[0]).toMatchObject({ side: 'low', value: 1.26 });
  });
  it('never fires on the bundled monthly file, nor on a December at 3× the ordinary month', async () => {
    const { readMonthlyActuals } = await import('../../src/followup/actuals.js');
    expect((await readMonthlyActuals('data/viso-monthly-illustrative.csv')).warnings).toEqual([]);
    const months = Array.from(
      { length: 12 },
      (_, j) => `2024-${String(j + 1).padStart(2, '0')};${j === 11 ? '36' : '12'}`,
    );
    expect(read(`måned;forbrug\n${months.join('\n')}\n`).warnings).toEqual([]);
    const over = months.map((l, j) => (j === 11 ? l.replace(';36', ';49') : l));
    expect(read(`måned;forbrug\n${over.join('\n')}\n`).warnings.map((w) => w.label)).toEqual(['2024-12']);
  });
  it('a year with fewer than 3 periods is judged by the year before in the file; without one, not at all', () => {
    const months = Array.from({ length: 12 }, (_, j) => `2024-${String(j + 1).padStart(2, '0')};12`);
    const a = read(`måned;forbrug\n${months.join('\n')}\n2025-01;12,5\n2025-02;125\n`);
    expect(a.warnings.map((w) => [w.label, w.basisYear])).toEqual([['2025-02', 2024]]);
    expect(read('måned;forbrug\n2025-01;12,5\n2025-02;125\n').warnings).toEqual([]);
  });
});

describe('count columns (henvendelser, started forløb): cells refused like amounts, far months a warning', () => {
  it('a negative, non-integer or non-number count is refused at its cell, every one listed', () => {
    const e = (() => {
      try {
        read(SIX.replace('12,1;431;210', '12,1;-4;21,5').replace('12,9;462;224', '12,9;mange;224'));
      } catch (x) {
        return x as Error;
      }
      throw new Error('not refused');
    })();
    expect(e.message.split('\n')).toEqual([
      'a.csv:3: column henvendelser: expected a count of 0 or more (requests), found "-4"',
      'a.csv:3: column startede forløb: expected a whole number (cases started is a count), found "21,5"',
      'a.csv:6: column henvendelser: expected a number like 1.234,5, found "mange"',
    ]);
  });
  it('a count column holding amounts is refused: mio. kr. as non-integer counts, kroner as 1.000 times the data', () => {
    const mio = SIX.replace(/;(\d+)\n/g, (_, n: string) => `;${(Number(n) / 17.3).toFixed(2).replace('.', ',')}\n`);
    expect(fails(mio)).toThrow(
      /^a\.csv:2: column startede forløb: expected a whole number \(cases started is a count\), found "11,85"/,
    );
    // forbrug in 1.000 kr. (11,2 mio. kr. = 11.200) where startede forløb stand: about 45 times a typical month
    const thousand = SIX.replace(
      /^(\d{4}-\d\d);([\d,]+);(\d+);\d+$/gm,
      (_, mo: string, f: string, h: string) => `${mo};${f};${h};${Math.round(Number(f.replace(',', '.')) * 1000)}`,
    );
    expect(fails(thousand)).toThrow(
      /^a\.csv:2: column startede forløb: expected a month's forloeb count .*; the count is \d\d times a typical month, over 1\.5 times the whole year's level \(an amount in DKK 1,000 in a count column\?\); 5 more cells are as far off, found "11200"$/,
    );
    const kr = SIX.replace(/;(\d+)\n/g, (_, n: string) => `;${Number(n) * 61000}\n`);
    const last = ref.get('viso.raadgivning.forloeb.i_alt').points.at(-1)!;
    expect(fails(kr)).toThrow(
      `a.csv:2: column startede forløb: expected a month's forloeb count on the data's scale (a typical month is ${Math.round(last.value / 12)}, 1/12 of viso.raadgivning.forloeb.i_alt ${last.year}: ${last.value.toLocaleString('en')}); the count is 1,000 times too large or more (an amount in a count column?); 5 more cells are as far off, found "12505000"`,
    );
  });
  it('one month 1.000 times the typical month is refused alone; 100 times is over a whole year’s level and refused by that rule; 10 times is only a warning; without reference data the file’s other years are the level', () => {
    expect(fails(SIX.replace('12,6;455;221', '12,6;455000;221'))).toThrow(
      /^a\.csv:4: column henvendelser: expected a month's henvendelser count on the data's scale \(a typical month is \d+, 1\/12 of viso\.raadgivning\.henvendelser\.i_alt \d{4}: [\d,]+\); the count is 1,000 times too large or more \(an amount in a count column\?\), found "455000"$/,
    );
    // 45.500 henvendelser in a month: about 100 times a typical month, over 1,5 times the year (COUNT_YEAR_FACTOR)
    const henv = ref.get('viso.raadgivning.henvendelser.i_alt').points.at(-1)!;
    expect(45500).toBeGreaterThan(COUNT_YEAR_FACTOR * henv.value);
    expect(fails(SIX.replace('12,6;455;221', '12,6;45500;221'))).toThrow(
      `a.csv:4: column henvendelser: expected a month's henvendelser count on the data's scale (a typical month is ${Math.round(henv.value / 12)}, 1/12 of viso.raadgivning.henvendelser.i_alt ${henv.year}: ${henv.value.toLocaleString('en')}); the count is ${Math.round(45500 / (henv.value / 12))} times a typical month, over 1.5 times the whole year's level (an amount in DKK 1,000 in a count column?), found "45500"`,
    );
    const ten = read(SIX.replace('12,6;455;221', '12,6;4550;221'));
    expect(ten.years[0].values.henvendelser[2]).toBe(4550);
    expect(ten.warnings.map((w) => w.code)).toEqual(['outlier']);
    const year = Array.from({ length: 12 }, (_, j) => `2024-${String(j + 1).padStart(2, '0')};12,5;200`).join('\n');
    expect(
      fails(`måned;forbrug;forløb\n${year}\n2025-01;12,4;210\n2025-02;12,6;2100000\n`, { reference: false }),
    ).toThrow(/^a\.csv:15: column forløb: .*a typical month is 200, 1\/12 of the file's 2024 mean: 2,400\)/);
  });
  it('a count month more than 4 times (or under 1/4 of) its year’s median month is a warning naming the measure, the cell and the range', () => {
    const a = read(SIX.replace('12,6;455;221', '12,6;455;905'));
    expect(a.years[0].values.forloeb[2]).toBe(905);
    expect(a.warnings).toHaveLength(1);
    expect(a.warnings[0]).toMatchObject({
      code: 'outlier',
      measure: 'forloeb',
      label: '2025-03',
      side: 'high',
      text: '905',
      median: (215 + 219) / 2,
      lo: 205,
      hi: 224,
      location: { file: 'a.csv', line: 4, column: 'startede forløb' },
    });
    const low = read(SIX.replace('12,1;431;210', '12,1;43;210'));
    expect(low.warnings.map((w) => [w.measure, w.label, w.side, w.value])).toEqual([
      ['henvendelser', '2025-02', 'low', 43],
    ]);
    // several in one file: in file order, forbrug before the counts of the same row
    const both = read(SIX.replace('12,6;455;221', '126;4550;221').replace('11,2;420;205', '11,2;420;20'));
    expect(both.warnings.map((w) => [w.label, w.measure])).toEqual([
      ['2025-01', 'forloeb'],
      ['2025-03', 'forbrug'],
      ['2025-03', 'henvendelser'],
    ]);
  });
  it('a small count’s ordinary spread is no outlier: the month must also lie more than COUNT_NOISE_SDS × √median from the median', () => {
    const small = 'måned;forbrug;forløb\n2025-01;1,1;3\n2025-02;1,2;0\n2025-03;1,0;4\n2025-04;1,1;3\n2025-05;1,2;13\n';
    // median 3: 0 is under 1/4 and 13 over 4 times it, but only 13 lies beyond 3 + 3·√3 = 8,2
    expect(read(small).warnings.map((w) => [w.label, w.side])).toEqual([['2025-05', 'high']]);
    expect(read(small.replace(';13\n', ';8\n')).warnings).toEqual([]);
  });
});

describe('months without a year (januar): --year, else the one year of the title rows, else one error asking for --year', () => {
  const body = 'Måned;Forbrug (kr.)\njanuar;12.490.000\nfebruar;12.930.000\nmarts;13.080.000\nI alt;38.500.000\n';
  const file = (text: string, opts = {}) =>
    interpretActuals(csvTable(text, 'a.csv', isActualsHeader), { reference: ref, ...opts });
  it('takes the one year the title names, and says so', () => {
    const a = file('Forbrug 2025 - status pr. marts\n\n' + body);
    expect(a.years.map((y) => y.year)).toEqual([2025]);
    expect(a.years[0].values.forbrug.slice(0, 3)).toEqual([12.49, 12.93, 13.08]);
    expect(a.yearFromTitle).toEqual({ year: 2025, line: 1, text: 'Forbrug 2025 - status pr. marts' });
  });
  it('--year wins over the title, and then nothing is taken from it', () => {
    const a = file('Forbrug 2025 - status pr. marts\n\n' + body, { year: 2024 });
    expect(a.years.map((y) => y.year)).toEqual([2024]);
    expect(a.yearFromTitle).toBeUndefined();
    const iso = body.replace('januar', '2025-01').replace('februar', '2025-02').replace('marts', '2025-03');
    expect(file('Forbrug 2025\n' + iso).yearFromTitle).toBeUndefined();
  });
  it('no year, or several, in the title: one error for all the rows, suggesting --year', () => {
    expect(() => file(body)).toThrow(
      /^a\.csv:2: column Måned: expected a month with a year: 3 rows have a month without a year; give the year with --year YYYY \(e\.g\. --year 2025\), found "januar"$/,
    );
    expect(() => file('Budget 2025 mod regnskab 2024\n' + body)).toThrow(
      /the title names several years \(2024, 2025\); give the year with --year 2024 or --year 2025, found "januar"$/,
    );
  });
});

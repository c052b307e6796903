import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { loadDataFile, loadDataset, readObservations, validateFile } from '../../src/data/load.js';
import { formatMerge } from '../../src/report/dataText.js';
import { valueAt } from '../../src/data/series.js';
import { ODD_XLSX_ROWS } from '../fixtures/odd-xlsx-rows.js';
import { InputError, InputErrors, UsageError, userMessage } from '../../src/errors.js';

const GOOD = 'test/fixtures/good';
const key = (o: { series: string; year: number; value: number; unit: string }) => `${o.series}|${o.year}|${o.value}|${o.unit}`;
const tmp = mkdtempSync(join(tmpdir(), 'viso-load-'));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('good fixtures: a Danish semicolon export and a wide XLSX of the bundled numbers', () => {
  it('both validate', async () => {
    const csv = await validateFile(`${GOOD}/viso-da.csv`);
    expect(csv).toMatchObject({ ok: true, format: 'csv', layout: 'long', locale: 'da', problems: [] });
    const xlsx = await validateFile(`${GOOD}/viso-wide.xlsx`);
    expect(xlsx).toMatchObject({ ok: true, format: 'xlsx', layout: 'wide', problems: [] });
  });
  it('both load to the same observations as the bundled data', async () => {
    const bundled = loadBundled().observations().map(key).sort();
    const csv = (await readObservations(`${GOOD}/viso-da.csv`)).observations;
    const xlsx = (await readObservations(`${GOOD}/viso-wide.xlsx`)).observations;
    expect(csv.map(key).sort()).toEqual(bundled);
    expect(xlsx.map(key).sort()).toEqual(bundled);
  });
  it("gives each user value where it stands: file:line in a text file, the cell of its sheet in a workbook", async () => {
    const csv = write('at.csv', 'serie;år;værdi;enhed\nviso.raadgivning.bevilling;2025;161,2;mio. kr.\nviso.raadgivning.forbrug;2025;152,4;mio. kr.\n');
    const mine = await loadDataFile(csv);
    expect(mine.get('viso.raadgivning.forbrug').points[0].at).toBe(`${csv}:3`);
    const wide = await loadDataFile(`${GOOD}/viso-wide.xlsx`);
    // the wide layout: 2011 in column C, one row per series
    expect(wide.get('viso.raadgivning.bevilling').points[0].at).toMatch(/^test\/fixtures\/good\/viso-wide\.xlsx: data!C\d+$/);
  });

  it('marks user data user_supplied with the file as source and keeps bundled metadata', async () => {
    const ds = await loadDataFile(`${GOOD}/viso-da.csv`);
    const s = ds.get('viso.raadgivning.henvendelser.voksne');
    expect(s).toMatchObject({ area: 'raadgivning', measure: 'henvendelser', category: 'voksne', unit: 'count' });
    // `at`: the line the value stands on (line 149 of the file), as a scenario cites a known value
    // (made when asked, and written in the point's JSON)
    expect(JSON.parse(JSON.stringify(s.points[0]))).toEqual({ year: 2014, value: 1941, flags: ['user_supplied'], sources: [`${GOOD}/viso-da.csv`], at: `${GOOD}/viso-da.csv:149` });
    expect(s.points[0].at).toBe(`${GOOD}/viso-da.csv:149`);
    expect(valueAt(ds.get('viso.raadgivning.bevilling'), 2011)).toBe(147.7);
    expect(valueAt(ds.get('viso.raadgivning.bevilling'), 2021)).toBeUndefined();
    expect(ds.events.length).toBeGreaterThan(0);
  });
});

describe('locale detection and override', () => {
  const ambiguous = write('amb.csv', 'series;year;value;unit\nx.f;2019;1.941;mio. kr.\nx.f;2020;2.012;mio. kr.\n');
  const counts = write('counts.csv', 'series;year;value;unit\nx.henv;2019;1.941;count\nx.henv;2020;2.012;count\n');
  it('refuses an ambiguous file of amounts and asks for --locale', async () => {
    const r = await validateFile(ambiguous);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message)).toEqual([
      `${ambiguous}:2: column value: expected an unambiguous number format: "1.941" reads as 1941 (Danish) or 1.941 (international); give --locale da or --locale en, found "1.941"`,
    ]);
    expect(r.problems.map((p) => p.msg?.code)).toEqual(['data.ambiguous']);
    expect(userMessage(r.problems[0], 'da')).toMatch(/forventede et entydigt talformat: "1\.941" læses som 1941 \(dansk\)/);
    expect((await readObservations(ambiguous, { locale: 'da' })).observations.map((o) => o.value)).toEqual([1941, 2012]);
  });
  it('reads a count such as 1.941 as 1941 without --locale (a count is a whole number); with --locale en it is not whole', async () => {
    const r = await readObservations(counts);
    expect(r.report.problems).toEqual([]);
    expect(r.observations.map((o) => o.value)).toEqual([1941, 2012]);
    const en = await validateFile(counts, { locale: 'en' });
    expect(en.problems.map((p) => p.expected)).toEqual(['a whole number (unit count)', 'a whole number (unit count)']);
    // in Danish the unit is named as everywhere else in Danish (viso data list: antal), not by its code
    expect(userMessage(en.problems[0], 'da')).toBe(
      `${counts}:2: kolonne value: forventede et helt tal (enhed antal), fandt "1.941"`,
    );
    expect(userMessage(en.problems[0], 'en')).toBe(
      `${counts}:2: column value: expected a whole number (unit count), found "1.941"`,
    );
  });
  it('reads international CSV with comma and tab delimiters', async () => {
    const c = await readObservations(write('en.csv', 'series,year,value,unit\nx.f,2019,"1,136.5",mio. kr.\nx.f,2020,143.9,mio. kr.\n'));
    expect(c.report).toMatchObject({ ok: true, locale: 'en' });
    expect(c.observations.map((o) => o.value)).toEqual([1136.5, 143.9]);
    const t = await readObservations(write('t.tsv', 'series\tyear\tvalue\tunit\nx.f\t2019\t136,5\tmio. kr.\n'));
    expect(t.report).toMatchObject({ ok: true, locale: 'da' });
    expect(t.observations[0].value).toBe(136.5);
  });
  it('treats - and empty as missing (a gap, not a zero)', async () => {
    const r = await readObservations(write('gap.csv', 'series;unit;2019;2020;2021;2022\nx.f;mio. kr.;136,5;-;;112,3\n'));
    expect(r.report.ok).toBe(true);
    expect(r.observations.map((o) => o.year)).toEqual([2019, 2022]);
  });
  it('reads JSON records with native numbers, flags as arrays', async () => {
    const r = await readObservations(write('a.json', JSON.stringify({ observations: [{ series: 'x.f', year: 2020, value: 1.5, unit: 'mio. kr.', flags: ['estimated'] }] })));
    expect(r.observations[0]).toMatchObject({ value: 1.5, flags: ['estimated', 'user_supplied'], area: 'f', category: 'i_alt' });
  });
});

describe('XLSX', () => {
  it('skips title rows above the header and reads Danish text numbers in cells', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tabel 7');
    ws.addRow(['VISOs bevilling og forbrug, 2011-2020 (mio. kr.)']);
    ws.addRow([]);
    ws.addRow(['series', 'unit', '2019', '2020']);
    ws.addRow(['viso.raadgivning.forbrug', 'mio. kr.', '136,5', 143.9]);
    const f = join(tmp, 'titled.xlsx');
    await wb.xlsx.writeFile(f);
    const r = await readObservations(f);
    expect(r.report).toMatchObject({ ok: true, layout: 'wide', locale: 'da' });
    expect(r.observations.map((o) => [o.year, o.value])).toEqual([
      [2019, 136.5],
      [2020, 143.9],
    ]);
    ws.addRow(['viso.raadgivning.bevilling', 'mio. kr.', 'n/a', 140.2]);
    await wb.xlsx.writeFile(f);
    expect((await validateFile(f)).problems.map((p) => p.message)).toEqual([`${f}: 'Tabel 7'!C5: column C (2019): expected a number like 1.234,5, found "n/a"`]);
  });
  it('a sum row (I alt) below a wide sheet is skipped as in a CSV file: the sheet loads as without it', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const sheet = async (name: string, total: boolean): Promise<string> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Data');
      ws.addRow(['serie', 'enhed', 2024, 2025]);
      ws.addRow(['viso.raadgivning.forbrug', 'mio. kr.', 143.5, 152.4]);
      ws.addRow(['viso.raadgivning.bevilling', 'mio. kr.', 140.2, 145]);
      if (total) ws.addRow(['I alt', 'mio. kr.', 283.7, 297.4]);
      const f = join(tmp, name);
      await wb.xlsx.writeFile(f);
      return f;
    };
    const without = await readObservations(await sheet('wide-plain.xlsx', false));
    const r = await readObservations(await sheet('wide-total.xlsx', true));
    expect(r.report).toMatchObject({ ok: true, layout: 'wide', problems: [] });
    expect(r.observations.map(key)).toEqual(without.observations.map(key));
    expect(r.observations).toHaveLength(4);
    expect(r.report.sumRows).toEqual([{ file: join(tmp, 'wide-total.xlsx'), cell: 'Data!A4' }]);
    expect(without.report.sumRows).toBeUndefined();
  });
});

describe('XLSX amounts in 1.000 kr.: 5.480 is 5.480.000 kr., never a guess', () => {
  const book = async (name: string, rows: (string | number)[][]): Promise<string> => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    for (const r of rows) ws.addRow(r);
    const f = join(tmp, name);
    await wb.xlsx.writeFile(f);
    return f;
  };
  const F = 'viso.raadgivning.forbrug (1.000 kr.)';
  const values = (r: Awaited<ReturnType<typeof readObservations>>) => r.observations.map((o) => [o.series, o.year, o.value, o.unit]);
  it('a text 5.480 or a number 5480 in a 1.000 kr. column is 5,48 mio. kr.; a number 5.48 stays 5,48 t.kr.', async () => {
    const text = await readObservations(await book('t-text.xlsx', [['År', F], [2023, '5.480'], [2024, '6.120']]));
    expect(values(text)).toEqual([
      ['viso.raadgivning.forbrug', 2023, 5.48, 'mio. kr.'],
      ['viso.raadgivning.forbrug', 2024, 6.12, 'mio. kr.'],
    ]);
    const num = await readObservations(await book('t-num.xlsx', [['År', F], [2023, 5480], [2024, 6120]]));
    expect(values(num)).toEqual(values(text));
    // (in a series the bundled data lacks: 0,00548 mio. kr. is far below the bundled forbrug's scale, and refused there)
    const frac = await readObservations(await book('t-frac.xlsx', [['År', 'viso.ny.udgift (1.000 kr.)'], [2023, 5.48]]));
    expect(frac.observations[0].value).toBeCloseTo(0.00548, 12);
    // a Danish file (5,5 mio. kr. beside it) reads 5.480 the same way
    const da = await readObservations(await book('t-da.xlsx', [['År', F, 'viso.raadgivning.bevilling (mio. kr.)'], [2023, '5.480', '5,5']]));
    expect(da.report.locale).toBe('da');
    expect(values(da)).toEqual([
      ['viso.raadgivning.forbrug', 2023, 5.48, 'mio. kr.'],
      ['viso.raadgivning.bevilling', 2023, 5.5, 'mio. kr.'],
    ]);
  });
  it('in a file whose other numbers are international (5.5), a text 5.480 in 1.000 kr. is refused naming the cell, not read as 5,48 t.kr.', async () => {
    const f = await book('t-en.xlsx', [['År', F, 'viso.raadgivning.bevilling (mio. kr.)'], [2023, '5.480', '5.5'], [2024, '6120', '6.2']]);
    const r = await validateFile(f);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => userMessage(p, 'en'))).toEqual([
      `${f}: Ark1!B2: column B (${F}): expected an unambiguous number in 1.000 kr.: "5.480" is 5,480 as a whole number but 5.48 in the file's international number format (as "5.5" on Ark1!C2); give --locale da or --locale en, found "5.480"`,
    ]);
    expect(userMessage(r.problems[0], 'da')).toBe(
      `${f}: Ark1!B2: kolonne B (${F}): forventede et entydigt tal i 1.000 kr.: "5.480" er 5.480 som helt tal, men 5,48 i filens internationale talformat (som "5.5" på Ark1!C2); angiv --locale da eller --locale en, fandt "5.480"`,
    );
    // likewise 5,480 in a Danish file; a whole number that reads the same either way is fine
    const daFile = await book('t-da2.xlsx', [['År', F, 'viso.raadgivning.bevilling (mio. kr.)'], [2023, '5,480', '5,5'], [2024, '6.120', '6,2']]);
    expect((await validateFile(daFile)).problems.map((p) => [p.location.cell, p.location.column])).toEqual([['Ark1!B2', `B (${F})`]]);
    // --locale settles it: the user's convention is read as written (5,48 t.kr., then off the bundled forbrug's scale)
    const en = await validateFile(f, { locale: 'en' });
    expect(en.problems.map((p) => userMessage(p, 'en'))).toEqual([
      `${f}: Ark1!B2: column B (${F}): expected an amount in DKK million on the bundled data's scale (viso.raadgivning.forbrug 2024: DKK 143.5m), but in 1.000 kr. it is DKK 0.00548m; did you mean 5.48?, found "5.480"`,
    ]);
    const da = await readObservations(f, { locale: 'da' });
    expect(values(da)).toEqual([
      ['viso.raadgivning.forbrug', 2023, 5.48, 'mio. kr.'],
      ['viso.raadgivning.forbrug', 2024, 6.12, 'mio. kr.'],
    ]);
    expect(da.report.problems.map((p) => p.location.column)).toEqual(['C (viso.raadgivning.bevilling (mio. kr.))', 'C (viso.raadgivning.bevilling (mio. kr.))']);
  });
});

describe('validateFile collects every problem', () => {
  it('reports all problems in line order', async () => {
    const f = write('many.csv', 'series,year,value,unit\nx.a,2019,1,count\nx.a,2019,2,count\nx.b,1800,3,count\nx.c,2020,-1,count\nx.d,2020,abc,count\nx.e,2020,5,stk\n');
    const r = await validateFile(f);
    expect(r.problems.map((p) => [p.location.line, p.location.column])).toEqual([
      [3, 'year'],
      [4, 'year'],
      [5, 'value'],
      [6, 'value'],
      [7, 'unit'],
    ]);
    await expect(loadDataFile(f)).rejects.toThrow(InputErrors);
  });
  it('throws a single InputError for a single problem', async () => {
    await expect(loadDataFile(join(tmp, 'nope.csv'))).rejects.toThrow(InputError);
    await expect(loadDataFile(join(tmp, 'nope.csv'))).rejects.toThrow(/nope\.csv: expected a readable file, found "no such file"/);
  });
});

describe('loadDataset', () => {
  it('merges user series into the bundled ones per (series, year), or uses only the files', async () => {
    const f = write('mine.csv', 'series;year;value;unit\nviso.raadgivning.forbrug;2025;150,5;mio. kr.\nviso.mine.x;2025;3;count\n');
    const ds = await loadDataset({ files: [f] });
    // the bundled 2011–2024 are kept, the file's 2025 is added
    expect(ds.get('viso.raadgivning.forbrug').points.map((p) => p.year)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024, 2025]);
    expect(ds.merge.overrides).toEqual([]);
    expect(ds.merge.additions).toEqual([
      { series: 'viso.mine.x', years: [2025], values: [3], file: f, newSeries: true },
      { series: 'viso.raadgivning.forbrug', years: [2025], values: [150.5], file: f, newSeries: false },
    ]);
    expect(ds.has('viso.kas.forbrug')).toBe(true);
    expect(ds.has('viso.mine.x')).toBe(true);
    const only = await loadDataset({ files: [f], bundled: false });
    expect(only.ids()).toEqual(['viso.mine.x', 'viso.raadgivning.forbrug']);
    expect(only.events.length).toBeGreaterThan(0);
    await expect(loadDataset({ bundled: false })).rejects.toThrow(UsageError);
    expect(await loadDataset()).toBe(loadBundled());
  });

  it("a user's value wins over the bundled one, and each change is recorded once; a later file wins over an earlier one", async () => {
    const a = write('a.csv', 'series;year;value;unit\nviso.raadgivning.forbrug;2024;145,3;mio. kr.\nviso.raadgivning.forbrug;2023;130,1;mio. kr.\n');
    const b = write('b.csv', 'series;year;value;unit\nviso.raadgivning.forbrug;2024;146,0;mio. kr.\n');
    const ds = await loadDataset({ files: [a, b] });
    const p = ds.get('viso.raadgivning.forbrug').points;
    expect(p.find((x) => x.year === 2024)).toMatchObject({ value: 146, sources: [b] });
    // an equal value keeps the bundled point and its source
    expect(p.find((x) => x.year === 2023)?.sources).toEqual(['faktaark2024#oekonomi']);
    expect(p.length).toBe(13);
    expect(ds.merge.files).toEqual([a, b]);
    expect(ds.merge.overrides).toEqual([
      { series: 'viso.raadgivning.forbrug', year: 2024, from: 143.5, to: 145.3, file: a },
      { series: 'viso.raadgivning.forbrug', year: 2024, from: 145.3, to: 146, file: b },
    ]);
    expect(formatMerge(ds.merge, 'da')).toEqual([`viso.raadgivning.forbrug 2024: 143,5 → 145,3 (fra ${a})`, `viso.raadgivning.forbrug 2024: 145,3 → 146,0 (fra ${b})`]);
    expect(formatMerge(ds.merge, 'en')[1]).toBe(`viso.raadgivning.forbrug 2024: 145.3 → 146.0 (from ${b})`);
  });
});

describe('a value off its plausible scale is refused, naming file, line, column, value and the likely intended value', () => {
  const head = 'serie;år;værdi;enhed\nviso.raadgivning.bevilling;2025;161,2;mio. kr.\n';
  it('an amount in kroner in a mio. kr. column of a bundled series: against its latest bundled value', async () => {
    const f = write('kr.csv', head + 'viso.raadgivning.forbrug;2025;152.400.000;mio. kr.\n');
    const last = loadBundled().get('viso.raadgivning.forbrug').points.at(-1)!;
    const r = await validateFile(f);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => userMessage(p, 'da'))).toEqual([
      `${f}:3: kolonne værdi: forventede et beløb i mio. kr. på de indbyggede datas niveau (viso.raadgivning.forbrug ${last.year}: ${String(last.value).replace('.', ',')} mio. kr.); mente du 152,4?, fandt "152.400.000"`,
    ]);
    await expect(loadDataset({ files: [f] })).rejects.toThrow(InputError);
    // 1.000 kr. likewise; 10² off (a plausible if odd value) is not refused
    expect((await validateFile(write('tkr.csv', head + 'viso.raadgivning.forbrug;2025;152.400;mio. kr.\n'))).problems[0].expected).toMatch(/did you mean 152.4\?/);
    expect((await validateFile(write('x100.csv', head + 'viso.raadgivning.forbrug;2025;15.240;mio. kr.\n'))).ok).toBe(true);
  });
  it('a series the bundled data lacks: an amount in mio. kr. of 100.000 or more, and any number beyond 10¹²', async () => {
    const r = await validateFile(write('new.csv', head + 'viso.ny.udgift;2025;161.200;mio. kr.\nviso.ny.udgift;2024;99.999;mio. kr.\n'));
    expect(r.problems.map((p) => [p.location.line, p.location.column, p.found])).toEqual([[3, 'værdi', '161.200']]);
    expect(userMessage(r.problems[0], 'da')).toContain('forventede et beløb i mio. kr. under 100.000');
    expect(userMessage(r.problems[0], 'da')).toContain('mente du 161,2?');
    const big = await validateFile(write('big.csv', head + 'viso.ny.antal;2025;1.000.000.000.001;antal\nviso.raadgivning.forbrug;2025;999.999.999.999.999.999.999.999,0;mio. kr.\n'));
    expect(big.problems.map((p) => [p.location.line, userMessage(p, 'en').split(': ').slice(-1)[0]])).toEqual([
      [3, 'expected a number of at most 1,000,000,000,000 in absolute value, found "1.000.000.000.001"'],
      [4, 'expected a number of at most 1,000,000,000,000 in absolute value, found "999.999.999.999.999.999.999.999,0"'],
    ]);
  });
  it('an amount converted from a stated unit is checked as mio. kr.: 152.400.000 in kr. is 152,4', async () => {
    expect((await validateFile(write('conv.csv', head + 'viso.raadgivning.forbrug;2025;152.400.000;kr.\n'))).ok).toBe(true);
  });
  it('an amount three orders of magnitude below a bundled series (mia. kr. where mio. kr. are meant) is refused likewise', async () => {
    const f = write('mia.csv', head + 'viso.raadgivning.forbrug;2025;0,1524;mio. kr.\n');
    const r = await validateFile(f);
    expect(r.problems.map((p) => userMessage(p, 'da'))).toEqual([
      `${f}:3: kolonne værdi: forventede et beløb i mio. kr. på de indbyggede datas niveau (viso.raadgivning.forbrug 2024: 143,5 mio. kr.); mente du 152,4?, fandt "0,1524"`,
    ]);
    // 10² below (a plausible if odd value) is not refused
    expect((await validateFile(write('x100below.csv', head + 'viso.raadgivning.forbrug;2025;1,524;mio. kr.\n'))).ok).toBe(true);
  });
  it('an amount off the scale after converting the unit the file states says what the unit made of it', async () => {
    const f = write('unit-mia.csv', head + 'viso.raadgivning.forbrug;2025;152,4;mia. kr.\n');
    const [p] = (await validateFile(f)).problems;
    expect(userMessage(p, 'da')).toBe(
      `${f}:3: kolonne værdi: forventede et beløb i mio. kr. på de indbyggede datas niveau (viso.raadgivning.forbrug 2024: 143,5 mio. kr.), men i mia. kr. er det 152.400 mio. kr.; mente du 152,4?, fandt "152,4"`,
    );
    expect(p.message).toBe(
      `${f}:3: column værdi: expected an amount in DKK million on the bundled data's scale (viso.raadgivning.forbrug 2024: DKK 143.5m), but in mia. kr. it is DKK 152,400m; did you mean 152.4?, found "152,4"`,
    );
  });
  it('a negative amount in a bundled series that is never negative (forbrug, bevilling) is refused; a new series may be negative', async () => {
    const f = write('neg.csv', 'serie;år;værdi;enhed\nviso.raadgivning.forbrug;2025;-152,4;mio. kr.\nviso.raadgivning.bevilling;2025;161,2;mio. kr.\nviso.ny.resultat;2025;-3,7;mio. kr.\n');
    const r = await validateFile(f);
    expect(r.problems.map((p) => userMessage(p, 'da'))).toEqual([
      `${f}:2: kolonne værdi: forventede et beløb på 0 eller mere (viso.raadgivning.forbrug er aldrig negativ i de indbyggede data; 2024: 143,5 mio. kr.), fandt "-152,4"`,
    ]);
    expect(r.problems[0].message).toBe(
      `${f}:2: column værdi: expected an amount of 0 or more (viso.raadgivning.forbrug is never negative in the bundled data; 2024: DKK 143.5m), found "-152,4"`,
    );
    await expect(loadDataset({ files: [f] })).rejects.toThrow(InputError);
  });
});

describe('a series id within two edits of a known one is refused as misspelt; one far from every known id is a new series', () => {
  it('the bundled viso.csv with one row misspelt: one problem at its line, column series, with the known id', async () => {
    const text = readFileSync('data/viso.csv', 'utf8').split('\n');
    const i = text.findIndex((l) => l.startsWith('viso.raadgivning.forbrug,raadgivning,forbrug,i_alt,2020,'));
    text[i] = text[i].replace('viso.raadgivning.forbrug,', 'viso.raadgivning.forbrg,');
    const f = write('typo.csv', text.join('\n'));
    const r = await validateFile(f);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => userMessage(p, 'da'))).toEqual([
      `${f}:${i + 1}: kolonne series: forventede et kendt serie-id (ukendt serie "viso.raadgivning.forbrg"; mente du "viso.raadgivning.forbrug"?), fandt "viso.raadgivning.forbrg"`,
    ]);
    expect(r.problems[0].message).toBe(
      `${f}:${i + 1}: column series: expected a known series id (unknown series "viso.raadgivning.forbrg"; did you mean "viso.raadgivning.forbrug"?), found "viso.raadgivning.forbrg"`,
    );
    await expect(loadDataFile(f)).rejects.toThrow(r.problems[0].message);
    await expect(loadDataset({ files: [f] })).rejects.toThrow(r.problems[0].message);
  });
  it('a misspelt id is reported once, at its first row; a total without .i_alt is the total misspelt', async () => {
    const f = write('typos.csv', 'series,year,value,unit\nviso.raadgivning.forloeb,2025,2400,count\nviso.raadgivning.forloeb,2026,2500,count\nviso.raadgivnign.bevilling,2025,161.2,mio. kr.\n');
    const r = await validateFile(f);
    expect(r.problems.map((p) => [p.location.line, p.location.column, p.msg?.params])).toEqual([
      [2, 'series', { id: 'viso.raadgivning.forloeb', near: 'viso.raadgivning.forloeb.i_alt' }],
      [4, 'series', { id: 'viso.raadgivnign.bevilling', near: 'viso.raadgivning.bevilling' }],
    ]);
  });
  it('columns layout: the misspelt id is reported at its header cell', async () => {
    const f = write('cols.csv', 'år;viso.raadgivning.forbrg\n2025;152,4\n2026;160\n');
    const r = await validateFile(f);
    expect(r.problems.map((p) => p.message)).toEqual([
      `${f}:1: column viso.raadgivning.forbrg: expected a known series id (unknown series "viso.raadgivning.forbrg"; did you mean "viso.raadgivning.forbrug"?), found "viso.raadgivning.forbrg"`,
    ]);
  });
  it('an id far from every known one is read as a new series (accepted; --data lists it as a new series)', async () => {
    const f = write('new.csv', 'series,year,value,unit\nviso.mine.henvendelser,2025,3,count\n');
    expect(await validateFile(f)).toMatchObject({ ok: true, series: 1 });
    const ds = await loadDataset({ files: [f] });
    expect(ds.merge.additions).toMatchObject([{ series: 'viso.mine.henvendelser', newSeries: true }]);
  });
});

describe('XLSX: every problem of a value names the sheet and cell and the column with its header, in validate and in --data alike', () => {
  const book = async (name: string, sheets: Record<string, (string | number)[][]>): Promise<string> => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    for (const [sheet, rows] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(sheet);
      for (const r of rows) ws.addRow(r);
    }
    const f = join(tmp, name);
    await wb.xlsx.writeFile(f);
    return f;
  };
  const HEAD = ['series', 'year', 'value', 'unit'];
  it('bad number, bad year, unknown unit, misspelt series, duplicate row, kr. in a mio. kr. column, negative count', async () => {
    const f = await book('cells.xlsx', {
      Data: [
        HEAD,
        ...ODD_XLSX_ROWS,
        ['viso.raadgivning.forloeb.i_alt', 2026, -3, 'count'],
      ],
    });
    const want = [
      `${f}: Data!C2: kolonne C (value): forventede et tal, fandt "abc"`,
      `${f}: Data!B3: kolonne B (year): forventede et årstal som 2020, fandt "20x5"`,
      `${f}: Data!D4: kolonne D (unit): forventede en enhed: mio. kr., count, pct (eller antal, %, mio.kr.), fandt "furlongs"`,
      `${f}: Data!A5: kolonne A (series): forventede et kendt serie-id (ukendt serie "viso.raadgivning.forbrg"; mente du "viso.raadgivning.forbrug"?), fandt "viso.raadgivning.forbrg"`,
      `${f}: Data!B7: kolonne B (year): forventede én værdi pr. serie og år (viso.raadgivning.bevilling 2025 står allerede på Data!C6), fandt "2025"`,
      `${f}: Data!C8: kolonne C (value): forventede et beløb i mio. kr. på de indbyggede datas niveau (viso.raadgivning.bevilling 2024: 158 mio. kr.); mente du 161,2?, fandt "161200000"`,
      `${f}: Data!C9: kolonne C (value): forventede et antal på 0 eller mere, fandt "-3"`,
    ];
    expect((await validateFile(f)).problems.map((p) => userMessage(p, 'da'))).toEqual(want);
    const thrown = await loadDataset({ files: [f] }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputErrors);
    expect(userMessage(thrown as InputErrors, 'da')).toBe(want.join('\n'));
  });
  it('a workbook of two sheets: the cell names its sheet, the column only its letter and header; a duplicate across sheets names the first cell', async () => {
    const f = await book('two.xlsx', {
      Økonomi: [HEAD, ['viso.raadgivning.bevilling', 2025, 161.2, 'mio. kr.']],
      'Ark 2': [HEAD, ['viso.raadgivning.bevilling', 2025, 161.3, 'mio. kr.'], ['viso.raadgivning.forbrug', 2025, 'x', 'mio. kr.']],
    });
    expect((await validateFile(f)).problems.map((p) => p.message)).toEqual([
      `${f}: 'Ark 2'!B2: column B (year): expected one value per series and year (viso.raadgivning.bevilling 2025 is already on Økonomi!C2), found "2025"`,
      `${f}: 'Ark 2'!C3: column C (value): expected a number, found "x"`,
    ]);
  });
  it("a problem of a sheet's whole header row (a missing column, no table at all) names the sheet and the row's first cell, not a bare line", async () => {
    const f = await book('header.xlsx', {
      Økonomi: [HEAD, ['viso.raadgivning.bevilling', 2025, 161.2, 'mio. kr.']],
      Noter: [['Noter'], ['serie', 'dato', 'værdi'], ['viso.raadgivning.forbrug', 2025, 152.4]],
    });
    expect((await validateFile(f)).problems.map((p) => userMessage(p, 'da'))).toEqual([
      `${f}: Noter!A2: forventede kolonnerne år, enhed (eller year, unit; lang form), fandt "serie,dato,værdi"`,
    ]);
    expect((await validateFile(f)).problems[0].message).toBe(`${f}: Noter!A2: expected columns year, unit (long layout), found "serie,dato,værdi"`);
    const title = await book('title.xlsx', { Forside: [['VISO regnskab 2025']] });
    expect((await validateFile(title)).problems.map((p) => p.location)).toEqual([{ file: title, cell: 'Forside!A1' }]);
  });
  it('the explanation names the other cell too, not its line: mixed units, mixed metadata, mixed number formats (a CSV says line N)', async () => {
    const f = await book('mixed.xlsx', {
      Data: [
        [...HEAD, 'area'],
        ['viso.raadgivning.forbrug', 2024, 150, 'mio. kr.', 'raadgivning'],
        ['viso.raadgivning.forbrug', 2025, 151, 'count', 'raadgivning'],
        ['viso.mine.bevilling', 2024, 160, 'mio. kr.', 'raadgivning'],
        ['viso.mine.bevilling', 2025, 161, 'mio. kr.', 'udredning'],
      ],
    });
    expect((await validateFile(f)).problems.map((p) => userMessage(p, 'da'))).toEqual([
      `${f}: Data!D3: kolonne D (unit): forventede samme enhed i alle rækker af viso.raadgivning.forbrug (Data!D2 har mio. kr.), fandt "count"`,
      `${f}: Data!E5: kolonne E (area): forventede samme area i alle rækker af viso.mine.bevilling (Data!E4 har "raadgivning"), fandt "udredning"`,
    ]);
    const g = await book('formats.xlsx', { Tal: [HEAD, ['viso.raadgivning.forbrug', 2024, '136,5', 'mio. kr.'], ['viso.raadgivning.forbrug', 2025, '143.9', 'mio. kr.']] });
    expect((await validateFile(g)).problems.map((p) => userMessage(p, 'da'))).toEqual([
      `${g}: Tal!C3: kolonne C (value): forventede tal i ét format: Tal!C2 bruger dansk "136,5", denne celle internationalt; angiv --locale da eller --locale en, fandt "143.9"`,
    ]);
    const csv = write('mixed.csv', 'series,year,value,unit\nviso.raadgivning.forbrug,2024,150,mio. kr.\nviso.raadgivning.forbrug,2025,151,count\n');
    expect((await validateFile(csv)).problems.map((p) => userMessage(p, 'da'))).toEqual([
      `${csv}:3: kolonne unit: forventede samme enhed i alle rækker af viso.raadgivning.forbrug (linje 2 har mio. kr.), fandt "count"`,
    ]);
  });
  it('header cells: a year column out of range, a column name given twice; an ambiguous text number; a stray cell outside the header', async () => {
    const f = await book('head.xlsx', { Ark1: [['series', 'unit', '1850', '2020', '2020'], ['viso.raadgivning.forbrug', 'mio. kr.', 1, 2, 3]] });
    expect((await validateFile(f)).problems.map((p) => p.message)).toEqual([
      `${f}: Ark1!E1: column E (2020): expected unique column names ("2020" is also column 4), found "2020"`,
      `${f}: Ark1!C1: column C (1850): expected a year between 1990 and 2100, found "1850"`,
      `${f}: Ark1!E2: column E (2020): expected one value per series and year (viso.raadgivning.forbrug 2020 is already on Ark1!D2), found "3"`,
    ]);
    const g = await book('amb.xlsx', { Ark1: [HEAD, ['viso.raadgivning.forbrug', 2025, '1.436', 'mio. kr.'], ['viso.raadgivning.bevilling', 2025, 161, 'mio. kr.', 'x']] });
    expect((await validateFile(g)).problems.map((p) => p.message)).toEqual([
      `${g}: Ark1!E3: column E: expected no value outside the header columns, found "x"`,
      `${g}: Ark1!C2: column C (value): expected an unambiguous number format: "1.436" reads as 1436 (Danish) or 1.436 (international); give --locale da or --locale en, found "1.436"`,
    ]);
  });
});

/**
 * `viso follow-up` end to end: the compiled CLI on the illustrative file, on quarterly and
 * budget-column files and a spreadsheet; every bad-input case is one line naming file, line
 * and column, exit code 2, nothing on stdout and no file written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';

const EXAMPLE = 'data/viso-monthly-illustrative.csv';
const F = (name: string) => `test/fixtures/followup/${name}`;
const dir = mkdtempSync(join(tmpdir(), 'viso-followup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('viso follow-up on the illustrative file', () => {
  it('prints the forventet regnskab with intervals and P(merforbrug), in Danish, saying the data are illustrative', () => {
    const r = viso('follow-up', '--actuals', EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(
      /^Opfølgning 2025: forventet regnskab\n\nForventet regnskab 2025 \(opgjort pr\. 30\.06\.2025\): \d{3},\d mio\. kr\. \[80 %: \d{3},\d–\d{3},\d\] mod en anslået bevilling på \d{3},\d mio\. kr\. \(random walk på bevillingen i scenariet baseline, se antagelserne; P\(merforbrug\) regner med dens usikkerhed \(80 %: \d{3},\d–\d{3},\d\); angiv --bevilling for finansloven\); P\(merforbrug\) = \d+,\d %, P\(merforbrug ud over brugbar opsparing på 200,9 mio\. kr\.\) = \d+,\d %\.\n\nILLUSTRATIVE DATA: /,
    );
    expect(r.out).toMatch(
      /^Bevilling 2025\s+\d{3},\d {2}anslået: random walk på bevillingen i scenariet baseline, se antagelserne; P\(merforbrug\) regner med dens usikkerhed \(80 %: \d{3},\d–\d{3},\d\); angiv --bevilling for finansloven$/m,
    );
    // the assumptions' bevilling row continues the sentence: the scenario's label in lower case after »scenariets«
    expect(r.out).toMatch(/^Bevilling 2025\s+\d{3},\d mio\. kr\. – scenariets estimat: bevillingens udvikling /m);
    // the projection's basis, recomputable from the printed numbers
    const basis =
      /^Fremskrivningen af årets måneder: F = C_6 \/ \(P_6 · e\^ε\)\. C_6 = (\d+,\d) mio\. kr\. er forbruget til og med juni; P_6 = (0,\d{3}) er .*placering 10·ē\/\(1 \+ 10\) = (-?\d,\d{4}) .*Ved medianerne: \1 \/ \(\2 · e\^\3\) = (\d{3},\d) mio\. kr\. \(P50 ovenfor: (\d{3},\d);/m.exec(
        r.out,
      );
    expect(basis).not.toBeNull();
    const d = (x: string) => Number(x.replace(',', '.'));
    const [, c, share, loc, central, p50] = basis!;
    expect(d(c) / (d(share) * Math.exp(d(loc)))).toBeCloseTo(d(central), 0);
    expect(Math.abs(d(central) - d(p50))).toBeLessThan(1);
    expect(r.out).toMatch(new RegExp(`^Fremskrivning af årets måneder alene\\s+\\d{3},\\d\\s+${p50}\\s`, 'm'));
    const given = viso('follow-up', '--actuals', EXAMPLE, '--no-backtest', '--bevilling', '161.2');
    expect(given.out).toContain(
      'mod den angivne bevilling på 161,2 mio. kr. (angivet med --bevilling); P(merforbrug) = ',
    );
    expect(given.out).toMatch(/^Bevilling 2025\s+161,2 {2}angivet med --bevilling$/m);
    expect(r.out).toMatch(/^Forventet regnskab \(samlet skøn\)\s+\d{3},\d\s+\d{3},\d\s+\d{3},\d\s+\d{3},\d–\d{3},\d/m);
    expect(r.out).toMatch(/^heraf volumen \(antal forløb\)\s+-?\d+,\d/m);
    expect(r.out).toMatch(/^heraf pris \(pr\. forløb\)\s+-?\d+,\d/m);
    expect(r.out).toMatch(/^heraf timing\s+-?\d+,\d/m);
    expect(r.out).toMatch(/^december\s+\d{3},\d\s+\d{3},\d\s+\d{3},\d\s+\d{3},\d/m);
    expect(r.out).toContain(
      'Backtesten over 10 år er kørt på illustrative data: dækningen viser kun, at beregningen virker, og er ikke evidens for præcision.',
    );
    // the opsparing at the end of 2024 under the budget rules (models/budget.yaml): 140,7 − 3,7 + 63,9
    expect(r.out).toMatch(
      /^Brugbar opsparing\s+200,9 mio\. kr\.: saldoen ultimo 2024 beregnet af bevilling og forbrug i data efter budgetreglerne i models\/budget\.yaml; angiv --opsparing for et andet beløb\s+models\/budget\.yaml:\d+$/m,
    );
    expect(r.out).toMatch(
      /^Forløbenes varighed\s+gennemsnit 7,0 måneder; 80 % varer 6–8 måneder\s+models\/timing\.yaml:\d+ \(aarsrapport2020#afsnit1\.1\)$/m,
    );
  });
  it('in English with --lang en, and the same numbers as --json', () => {
    const en = viso('follow-up', '--actuals', EXAMPLE, '--lang', 'en', '--no-backtest');
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^Expected outturn 2025 \(as of 2025-06-30\): DKK \d{3}\.\dm \[80%: /m);
    expect(en.out).toContain('ILLUSTRATIVE DATA: the file says');
    expect(en.out).not.toMatch(/forventet|mio\. kr\./);
    const j = JSON.parse(viso('follow-up', '--actuals', EXAMPLE, '--json', '--no-backtest').out);
    expect(j).toMatchObject({
      year: 2025,
      asOf: 6,
      illustrative: true,
      statedDate: '2025-06-30',
      bevilling: expect.any(Number),
    });
    expect(en.out).toContain(
      `DKK ${j.yearEnd.p50.toFixed(1)}m [80%: ${j.yearEnd.p10.toFixed(1)}–${j.yearEnd.p90.toFixed(1)}]`,
    );
    expect(j.months).toHaveLength(12);
    expect(j.pMerforbrug).toBeGreaterThan(0);
    expect(j.pMerforbrug).toBeLessThan(1);
  });
  it('writes the tables as XLSX and the chart as SVG or Vega-Lite JSON, identically for the same seed', async () => {
    const x1 = join(dir, 'a.xlsx');
    const x2 = join(dir, 'b.xlsx');
    const svg = join(dir, 'fan.svg');
    const vl = join(dir, 'fan.vl.json');
    expect(viso('follow-up', '--actuals', EXAMPLE, '--no-backtest', '--out', x1, '--chart', svg).code).toBe(0);
    expect(viso('follow-up', '--actuals', EXAMPLE, '--no-backtest', '--out', x2, '--chart', vl).code).toBe(0);
    expect(readFileSync(x1).equals(readFileSync(x2))).toBe(true);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    const spec = JSON.parse(readFileSync(vl, 'utf8'));
    expect(spec.title.text).toBe('Forbrug 2025 akkumuleret mod budgetprofilen');
    expect(spec.title.subtitle).toMatch(/ILLUSTRATIVE DATA$/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x1);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Opfølgning');
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('Forventet regnskab (samlet skøn)');
    expect(cells.some((c) => typeof c === 'string' && c.startsWith('ILLUSTRATIVE DATA'))).toBe(true);
    expect(cells.filter((c) => typeof c === 'number').length).toBeGreaterThan(50);
  });
  it('--year picks an earlier year of the file (a complete year is its own outturn)', () => {
    const j = JSON.parse(
      viso('follow-up', '--actuals', EXAMPLE, '--year', '2024', '--json', '--no-backtest', '--scenario', 'none').out,
    );
    expect(j.year).toBe(2024);
    expect(j.asOf).toBe(12);
    expect(j.yearEnd.p50).toBeCloseTo(143.5, 6);
    expect(j.bevilling).toBe(158);
  });
});

describe('viso follow-up on other files', () => {
  it('reads quarters (2024K1 …) and a budget column with amounts in kroner', () => {
    const q = viso('follow-up', '--actuals', F('quarterly.csv'), '--json', '--no-backtest');
    expect(q.code).toBe(0);
    const j = JSON.parse(q.out);
    expect(j).toMatchObject({ granularity: 'quarter', asOf: 6, year: 2025 });
    expect(j.toDate.forbrug).toBeCloseTo(80.1, 9);
    const b = JSON.parse(viso('follow-up', '--actuals', F('with-budget.csv'), '--json').out);
    expect(b.bevilling).toBeCloseTo(156, 9);
    expect(b.budgetProfile.source).toBe('file');
    expect(b.toDate.budget).toBeCloseTo(65, 9);
    expect(b.deviation.priceFrom).toBe('commitments');
    expect(b.assumptions.find((a: { code: string }) => a.code === 'bevilling.file')).toBeDefined();
  });
  it('reads a spreadsheet with a title row stating its date and months as Excel dates', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addRow(['Budgetopfølgning VISO – status pr. 31. marts 2025']);
    ws.addRow([]);
    ws.addRow(['Måned', 'Forbrug', 'Henvendelser', 'Startede forløb']);
    const vals = [
      [12.49, 449, 223],
      [12.93, 550, 237],
      [13.08, 547, 244],
    ];
    vals.forEach((v, i) => ws.addRow([new Date(Date.UTC(2025, i, 1)), ...v]));
    const file = join(dir, 'maaned.xlsx');
    await wb.xlsx.writeFile(file);
    const j = JSON.parse(viso('follow-up', '--actuals', file, '--json', '--no-backtest').out);
    expect(j).toMatchObject({ year: 2025, asOf: 3, statedDate: '2025-03-31', granularity: 'month' });
    expect(j.toDate.forbrug).toBeCloseTo(38.5, 9);
    const late = new ExcelJS.Workbook();
    const w2 = late.addWorksheet('Ark1');
    w2.addRow(['Status pr. 28.02.2025']);
    w2.addRow(['Måned', 'Forbrug']);
    w2.addRow([new Date(Date.UTC(2025, 0, 1)), 12.49]);
    w2.addRow([new Date(Date.UTC(2025, 1, 1)), 12.93]);
    w2.addRow([new Date(Date.UTC(2025, 2, 1)), 13.08]);
    const f2 = join(dir, 'late.xlsx');
    await late.xlsx.writeFile(f2);
    const r = viso('follow-up', '--actuals', f2, '--bevilling', '160', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(viso('follow-up', '--actuals', f2, '--bevilling', '160').err).toBe(
      `${f2}:5: kolonne A (Måned): forventede ingen måned efter filens angivne dato 2025-02-28 (linje 1), fandt "2025-03-01"\n`,
    );
    expect(r.err).toBe(
      `${f2}:5: column A (Måned): expected no month after the file's stated date 2025-02-28 (line 1), found "2025-03-01"\n`,
    );
  });
});

describe('viso follow-up: a month far from the others', () => {
  it('a misplaced decimal (10×) is a warning on stderr and in the notes, naming the cell, the value and the range', () => {
    const file = join(dir, 'ten.csv');
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace(/^2025-03;13,08;/m, '2025-03;130,8;'));
    const r = viso('follow-up', '--actuals', file, '--no-backtest');
    expect(r.code).toBe(0);
    const da = `Advarsel: ${file}:129, kolonne forbrug (mio. kr.): forbrug 2025-03 er 130,8 mio. kr. ("130,8"), over 4 gange årets mediane måned`;
    expect(r.err).toMatch(
      new RegExp(
        `^${da.replace(/[().*+?]/g, '\\$&')} \\(\\d+,\\d mio\\. kr\\.; de øvrige måneder i 2025: \\d+,\\d–\\d+,\\d\\)\\. Tjek for en tastefejl; tallet er brugt, som det står\\.\n$`,
      ),
    );
    expect(r.out).toContain(`- ${r.err.trim()}\n`);
    const en = viso('follow-up', '--actuals', file, '--no-backtest', '--lang', 'en', '--json');
    expect(en.err).toMatch(
      /^Warning: .*ten\.csv:129, column forbrug \(mio\. kr\.\): spending 2025-03 is DKK 130\.8m \("130,8"\), more than 4 times the median month of the year/,
    );
    expect(JSON.parse(en.out).notes.filter((n: { code: string }) => n.code === 'outlier')).toHaveLength(1);
    expect(viso('follow-up', '--actuals', EXAMPLE, '--no-backtest').err).toBe('');
  });
});

describe('viso follow-up: count columns (henvendelser, startede forløb)', () => {
  const edit = (name: string, row: string) => {
    const file = join(dir, name);
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace(/^2025-03;.*$/m, row));
    return file;
  };
  it('a negative, non-integer, non-number or 1.000-times count is refused at its cell: one line each, exit 2, nothing written', () => {
    const bad = edit('counts-bad.csv', '2025-03;13,08;-5;12,5;10,66');
    const out = join(dir, 'counts-bad.xlsx');
    const r = viso('follow-up', '--actuals', bad, '--no-backtest', '--out', out);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(r.err).toBe(
      `${bad}:129: kolonne henvendelser: forventede et antal på 0 eller mere (henvendelser), fandt "-5"\n` +
        `${bad}:129: kolonne startede forløb: forventede et helt tal (startede forløb er et antal), fandt "12,5"\n`,
    );
    const word = edit('counts-word.csv', '2025-03;13,08;547;mange;10,66');
    expect(viso('follow-up', '--actuals', word, '--no-backtest', '--lang', 'en').err).toBe(
      `${word}:129: column startede forløb: expected a number like 1.234,5, found "mange"\n`,
    );
    const big = edit('counts-big.csv', '2025-03;13,08;547;244000;10,66');
    const b = viso('follow-up', '--actuals', big, '--no-backtest');
    expect(b.code).toBe(2);
    expect(b.out).toBe('');
    expect(b.err).toBe(
      `${big}:129: kolonne startede forløb: forventede et forloeb-antal for en måned på datas niveau (en typisk måned er 212, 1/12 af viso.raadgivning.forloeb.i_alt 2024: 2.543); antallet er 1.000 gange for stort eller mere (et beløb i en kolonne med antal?), fandt "244000"\n`,
    );
  });
  it('a count month 10 times the others is a warning on stderr and in the notes, naming the cell and the range', () => {
    const file = edit('counts-ten.csv', '2025-03;13,08;547;2440;10,66');
    const r = viso('follow-up', '--actuals', file, '--no-backtest');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `Advarsel: ${file}:129, kolonne startede forløb: startede forløb 2025-03 er 2.440 ("2440"), over 4 gange årets mediane måned (240; de øvrige måneder i 2025: 223–280). Tjek for en tastefejl; tallet er brugt, som det står.\n`,
    );
    expect(r.out).toContain(`- ${r.err.trim()}\n`);
    const en = viso('follow-up', '--actuals', file, '--no-backtest', '--lang', 'en', '--json');
    expect(en.err).toMatch(
      /^Warning: .*counts-ten\.csv:129, column startede forløb: cases started 2025-03 is 2,440 \("2440"\)/,
    );
    const notes = JSON.parse(en.out).notes.filter((n: { code: string }) => n.code === 'outlier');
    expect(notes.map((n: { params: { measure: string } }) => n.params.measure)).toEqual(['forloeb']);
  });
});

describe('viso follow-up: months without a year', () => {
  it('takes the year from a title naming one year and says so; --year wins; without either, one line asking for --year', () => {
    const r = viso('follow-up', '--actuals', F('no-year.csv'), '--no-backtest');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Opfølgning 2025: forventet regnskab\n/);
    expect(r.out).toContain(
      '- Månederne står uden år: året 2025 er taget fra titlen (linje 1: "Forbrug 2025 - status pr. juni"); angiv --year for et andet.\n',
    );
    const y = viso('follow-up', '--actuals', F('no-year.csv'), '--no-backtest', '--year', '2024', '--json');
    expect(JSON.parse(y.out)).toMatchObject({ year: 2024 });
    expect(JSON.parse(y.out).notes.map((n: { code: string }) => n.code)).not.toContain('yearFromTitle');
    const untitled = join(dir, 'untitled.csv');
    writeFileSync(untitled, readFileSync(F('no-year.csv'), 'utf8').split('\n').slice(1).join('\n'));
    const e = viso('follow-up', '--actuals', untitled);
    expect([e.code, e.out]).toEqual([2, '']);
    expect(e.err).toBe(
      `${untitled}:3: kolonne Måned: forventede en måned med år: 6 rækker har en måned uden år; angiv året med --year ÅÅÅÅ (fx --year 2025), fandt "januar"\n`,
    );
  });
});

describe('viso follow-up: bad input is one line with file:line:column, exit 2, nothing written', () => {
  // the file, its message in English (--lang en) and in Danish (the default)
  const cases: [string, string, string][] = [
    [
      'duplicate-month.csv',
      'test/fixtures/followup/duplicate-month.csv:5: column måned: expected one row per month (2025-02 is already on line 4), found "2025-02"',
      'test/fixtures/followup/duplicate-month.csv:5: kolonne måned: forventede én række pr. måned (2025-02 står allerede på linje 4), fandt "2025-02"',
    ],
    [
      'missing-month.csv',
      'test/fixtures/followup/missing-month.csv:6: column måned: expected every month from 2025-01 on (2025-04 is missing between line 5 and this line), found "2025-05"',
      'test/fixtures/followup/missing-month.csv:6: kolonne måned: forventede hver måned fra 2025-01 og frem (2025-04 mangler mellem linje 5 og denne linje), fandt "2025-05"',
    ],
    [
      'out-of-order.csv',
      'test/fixtures/followup/out-of-order.csv:6: column måned: expected months in chronological order (this month comes before 2025-04 on line 5), found "2025-03"',
      'test/fixtures/followup/out-of-order.csv:6: kolonne måned: forventede måneder i tidsorden (denne måned kommer før 2025-04 på linje 5), fandt "2025-03"',
    ],
    [
      'running-total.csv',
      'test/fixtures/followup/running-total.csv:8: column forbrug (mio. kr.): expected monthly values, not a running total: forbrug rises in every month of 2025 and reads as 160.1 a year as a year-to-date total but 547.9 as monthly values (viso.raadgivning.forbrug 2024: 143.5); give each month\'s own value, found "80,06"',
      'test/fixtures/followup/running-total.csv:8: kolonne forbrug (mio. kr.): forventede månedsværdier, ikke en løbende sum: forbrug stiger i hver måned af 2025 og svarer til 160,1 om året som en løbende sum, men 547,9 som månedsværdier (viso.raadgivning.forbrug 2024: 143,5); angiv hver måneds egen værdi, fandt "80,06"',
    ],
    [
      'after-stated-date.csv',
      'test/fixtures/followup/after-stated-date.csv:8: column måned: expected no month after the file\'s stated date 2025-05-31 (line 1), found "2025-06"',
      'test/fixtures/followup/after-stated-date.csv:8: kolonne måned: forventede ingen måned efter filens angivne dato 2025-05-31 (linje 1), fandt "2025-06"',
    ],
  ];
  for (const [file, message, da] of cases) {
    it(file, () => {
      const out = join(dir, `${file}.xlsx`);
      const chart = join(dir, `${file}.svg`);
      expect(viso('follow-up', '--actuals', F(file), '--out', out, '--chart', chart).err).toBe(da + '\n');
      const r = viso('follow-up', '--actuals', F(file), '--out', out, '--chart', chart, '--lang', 'en');
      expect(r.code).toBe(2);
      expect(r.err).toBe(message + '\n');
      expect(r.out).toBe('');
      expect(existsSync(out)).toBe(false);
      expect(existsSync(chart)).toBe(false);
    });
  }
  it('amounts in kroner in a mio. kr. column (CSV: file:line, column; XLSX: Ark!cell): refused with the intended value', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const kr = join(dir, 'kr.csv');
    writeFileSync(kr, text.replace(/^(2025-0\d);(\d+),(\d\d);/gm, '$1;$2$30000;'));
    const out = join(dir, 'kr.xlsx');
    const r = viso('follow-up', '--actuals', kr, '--out', out);
    expect([r.code, r.out, existsSync(out)]).toEqual([2, '', false]);
    expect(r.err).toMatch(
      new RegExp(
        `^${kr}:127: kolonne forbrug \\(mio\\. kr\\.\\): forventede et forbrug-beløb for en måned .*; mente du 12,49\\?; 5 celler mere er lige så langt fra, fandt "12490000"\n$`,
      ),
    );
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, text.replace(/^2025-03;13,08;/m, '2025-03;13080000;'));
    expect(viso('follow-up', '--actuals', huge, '--lang', 'en').err).toMatch(
      new RegExp(`^${huge}:129: column forbrug \\(mio\\. kr\\.\\): .*did you mean 13\\.08\\?, found "13080000"\n$`),
    );
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Opfølgning');
    ws.addRow(['Måned', 'Forbrug (kr.)']);
    [12.49e6, 12.93e6, 13.08e9].forEach((v, i) => ws.addRow([`2025-0${i + 1}`, v]));
    const x = join(dir, 'huge.xlsx');
    await wb.xlsx.writeFile(x);
    expect(viso('follow-up', '--actuals', x).err).toMatch(
      new RegExp(
        `^${x}: Opfølgning!B4: kolonne B \\(Forbrug \\(kr\\.\\)\\): .*mente du 13080000\\?, fandt "13080000000"\n$`,
      ),
    );
  });
  it('bad options and a missing file', () => {
    expect(viso('follow-up', '--actuals', EXAMPLE, '--out', 'x.csv').err).toBe('--out skal ende på .xlsx, fik x.csv\n');
    expect(viso('follow-up', '--actuals', EXAMPLE, '--out', 'x.csv', '--lang', 'en').err).toBe(
      '--out must end in .xlsx, got x.csv\n',
    );
    expect(viso('follow-up', '--actuals', EXAMPLE, '--bevilling', '-3').err).toBe(
      '--bevilling skal være et positivt beløb i mio. kr., fik -3\n',
    );
    // an amount in kroner or 1.000 kr. (three orders of magnitude off the data's bevilling, 158,0) with the likely one
    const kr = viso('follow-up', '--actuals', EXAMPLE, '--bevilling', '161200000');
    expect([kr.code, kr.out, kr.err]).toEqual([
      2,
      '',
      '--bevilling skal være i mio. kr. på dataets niveau (bevilling 158 mio. kr.); mente du 161,2? fik 161200000\n',
    ]);
    // a bevilling in mia. kr. likewise (0,2 mio. kr. gave P(merforbrug) = 100 %)
    expect(viso('follow-up', '--actuals', EXAMPLE, '--bevilling', '0.1612', '--no-backtest').err).toBe(
      '--bevilling skal være i mio. kr. på dataets niveau (bevilling 158 mio. kr.); mente du 161,2? fik 0.1612\n',
    );
    expect(viso('follow-up', '--actuals', EXAMPLE, '--opsparing', '200900', '--lang', 'en').err).toBe(
      "--opsparing must be in DKK million on the data's scale (appropriation DKK 158m); did you mean 200.9? got 200900\n",
    );
    expect(viso('follow-up', '--actuals', EXAMPLE, '--year', '2030').err).toBe(
      '--year 2030: data/viso-monthly-illustrative.csv har forbrug for 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024, 2025\n',
    );
    expect(viso('follow-up', '--actuals', EXAMPLE, '--year', '2030', '--lang', 'en').err).toBe(
      '--year 2030: data/viso-monthly-illustrative.csv has spending for 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024, 2025\n',
    );
    // whole numbers as typed: a thousands separator is refused (not read as 2.000 or 1,42), in the follow-up's run range
    for (const [opt, val, err] of [
      ['--runs', '100.000', '--runs skal skrives uden tusindtalsseparator, fx 100000, fik 100.000\n'],
      ['--runs', '2000.000', '--runs skal være et helt tal fra 1.000 til 10.000.000, fik 2000.000\n'],
      ['--runs', '500', '--runs skal være et helt tal fra 1.000 til 10.000.000, fik 500\n'],
      ['--seed', '1.000', '--seed skal skrives uden tusindtalsseparator, fx 1000, fik 1.000\n'],
      ['--budget-forloeb', '1.420', '--budget-forloeb skal skrives uden tusindtalsseparator, fx 1420, fik 1.420\n'],
      ['--budget-forloeb', '2,5', '--budget-forloeb skal være et helt tal fra 1 til 10.000.000, fik 2,5\n'],
    ]) {
      const r = viso('follow-up', '--actuals', EXAMPLE, '--no-backtest', opt, val);
      expect([r.code, r.out, r.err]).toEqual([2, '', err]);
    }
    const missing = viso('follow-up', '--actuals', 'nope.csv');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('nope.csv: forventede en læsbar fil, fandt "filen findes ikke"\n');
    expect(viso('follow-up', '--actuals', 'nope.csv', '--lang', 'en').err).toBe(
      'nope.csv: expected a readable file, found "no such file"\n',
    );
  });
});

describe('viso report --actuals', () => {
  it('a bad actuals file stops the report: one line, exit 2, no report folder', () => {
    const out = join(dir, 'report-bad');
    const r = viso('report', '--actuals', F('missing-month.csv'), '--out', out, '--runs', '2000', '--no-png');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'test/fixtures/followup/missing-month.csv:6: kolonne måned: forventede hver måned fra 2025-01 og frem (2025-04 mangler mellem linje 5 og denne linje), fandt "2025-05"\n',
    );
    expect(existsSync(out)).toBe(false);
    const en = viso(
      'report',
      '--actuals',
      F('missing-month.csv'),
      '--out',
      out,
      '--runs',
      '2000',
      '--no-png',
      '--lang',
      'en',
    );
    expect(en.err).toBe(
      'test/fixtures/followup/missing-month.csv:6: column måned: expected every month from 2025-01 on (2025-04 is missing between line 5 and this line), found "2025-05"\n',
    );
    expect(existsSync(out)).toBe(false);
  });
});

/**
 * The summary's caveat on the one forecast's spread factor k: said (with the replays' horizons and the focus year's
 * distance from the data, both from the model) when the focus year lies further ahead than any backtest replay k
 * was fitted on, in every format and both languages; absent for the default focus year.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildReportOptions, type BuiltReport } from '../../src/report/build.js';
import {
  asKnownSentence,
  kExtrapolation,
  kExtrapolationSentence,
  latestAccountsYear,
  opsparingSentence,
  summaryParagraphs,
  summarySentences,
  trackRecordSentences,
} from '../../src/report/summary.js';
import { headlineTable } from '../../src/report/tables.js';
import type { ReportModel } from '../../src/report/model.js';
import type { ScenarioBacktest } from '../../src/scenario/backtest.js';
import { formatMio, formatNumber } from '../../src/text/number.js';

const FAST = {
  runs: 4_000,
  seed: 5,
  png: false,
  parts: ['scenarios', 'backtest'],
} satisfies BuildReportOptions;

/** The texts of every string cell of the workbook's summary sheet. */
async function summarySheet(r: BuiltReport, name: string): Promise<string[]> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.files['report.xlsx'] as Uint8Array) as never);
  const texts: string[] = [];
  wb.getWorksheet(name)!.eachRow((row) =>
    row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))),
  );
  return texts;
}

/** The model with the backtest's horizons replaced (everything else as built). */
function withHorizons(m: ReportModel, horizons: number[]): ReportModel {
  const tr = m.trackRecord!;
  return { ...m, trackRecord: { ...tr, calibration: { ...tr.calibration, horizons } } };
}

describe('the caveat on k beyond the replayed horizons', () => {
  let def: BuiltReport;
  let da: BuiltReport;
  let en: BuiltReport;
  beforeAll(async () => {
    def = await buildReport(FAST);
    da = await buildReport({ ...FAST, year: 2030 });
    en = await buildReport({ ...FAST, year: 2030, lang: 'en' });
  });

  it('the backtest fitted k on replays 1 and 2 years ahead; 2030 is 6 years after the base year 2024', () => {
    const tr = da.model.trackRecord!;
    const hs = [...new Set(tr.points.filter((p) => p.mode === 'withDecisions').map((p) => p.h))].sort();
    expect(tr.calibration.horizons).toEqual(hs);
    expect(hs).toEqual([1, 2]);
    expect(kExtrapolation(da.model)).toEqual({ k: da.model.oneForecast!.k, hMin: 1, hMax: 2, year: 2030, ahead: 6 });
  });

  it("the README's example names the same horizons", () => {
    const x = kExtrapolation(da.model)!;
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(
      `(\`--year ${x.year}\`: ${x.ahead} years after the last accounts year ${x.year - x.ahead}, the replays ${x.hMin}–${x.hMax} years ahead)`,
    );
  });

  it('Danish: one sentence in the summary of HTML, Markdown and XLSX, and the headline table says so', async () => {
    const k = formatNumber(da.model.oneForecast!.k, 1, 'da');
    const s = `Faktoren ${k} er målt på genkørsler 1–2 år frem; 2030 ligger 6 år frem, så faktoren er ekstrapoleret, og usikkerheden kan være større end vist.`;
    const sentences = summarySentences(da.model);
    expect(sentences.filter((x) => x === s)).toHaveLength(1);
    // right after the headline sentence that names the factor
    expect(sentences.indexOf(s)).toBe(1);
    expect(sentences[0]).toContain(`(faktor ${k})`);
    const md = da.files['report.md'] as string;
    const summary = md.slice(md.indexOf('## Sammenfatning'), md.indexOf('\n## ', md.indexOf('## Sammenfatning') + 3));
    expect(summary).toContain(s);
    expect(summary).toContain('| Kalibreret driver (én prognose) | ');
    expect(summary).toMatch(/\| Kalibreret driver \(én prognose\) \| [\d,]+ % \| overskriften; k ekstrapoleret \|/);
    const html = da.files['report.html'] as string;
    expect(html).toContain(s);
    expect(html).toContain('<td>overskriften; k ekstrapoleret</td>');
    // the workbook: a paragraph a row
    expect((await summarySheet(da, 'Oversigt')).some((x) => x.includes(s))).toBe(true);
  });

  it('English with lang en', async () => {
    const k = formatNumber(en.model.oneForecast!.k, 1, 'en');
    const s = `The factor ${k} was measured on replays 1–2 years ahead; 2030 is 6 years ahead, so the factor is extrapolated and the uncertainty may be larger than shown.`;
    expect(summarySentences(en.model)).toContain(s);
    expect(en.files['report.md'] as string).toContain(s);
    expect(en.files['report.html'] as string).toContain(s);
    expect(en.files['report.md'] as string).toMatch(/\| the headline; k extrapolated \|/);
    expect((await summarySheet(en, 'Summary')).some((x) => x.includes(s))).toBe(true);
  });

  it('absent for the default focus year (2026, within the replays) in every format', async () => {
    expect(def.model.focusYear).toBe(2026);
    expect(kExtrapolation(def.model)).toBeUndefined();
    expect(kExtrapolationSentence(def.model)).toBeUndefined();
    for (const f of ['report.md', 'report.html'] as const) {
      expect(def.files[f] as string, f).not.toContain('ekstrapoleret');
      expect(def.files[f] as string, f).toContain('overskriften');
    }
    expect((await summarySheet(def, 'Oversigt')).join('\n')).not.toContain('ekstrapoleret');
  });

  it('the numbers come from the model: the replays’ horizons and k decide, not constants', () => {
    // replays up to 6 years ahead would cover 2030: no caveat, and the table's note is plain again
    const covered = withHorizons(da.model, [1, 2, 3, 4, 5, 6]);
    expect(kExtrapolationSentence(covered)).toBeUndefined();
    expect(headlineTable(covered)!.rows[0][2].text).toBe('overskriften');
    expect(headlineTable(da.model)!.rows[0][2].text).toBe('overskriften; k ekstrapoleret');
    // replays up to 3 years ahead, another k
    const three = withHorizons({ ...da.model, oneForecast: { ...da.model.oneForecast!, k: 2.4 } }, [2, 3]);
    expect(kExtrapolationSentence(three)).toBe(
      'Faktoren 2,4 er målt på genkørsler 2–3 år frem; 2030 ligger 6 år frem, så faktoren er ekstrapoleret, og usikkerheden kan være større end vist.',
    );
    // one horizon only: no range, and English says "year"
    expect(kExtrapolationSentence(withHorizons(en.model, [1]))).toMatch(
      /^The factor [\d.]+ was measured on replays 1 year ahead; 2030 is 6 years ahead,/,
    );
    // no scored replays (k not fitted): nothing to compare with
    expect(kExtrapolation(withHorizons(da.model, []))).toBeUndefined();
  });
});

type Row = ScenarioBacktest['calibration']['byMode'][number];

describe('asKnownSentence: the one forecast against the best of the compared forecasts without the later measures', () => {
  // the leave-one-out CRPS of the shipped report (Én prognose: gennemsnitlig CRPS, leave-one-out)
  const shipped: Row[] = [
    {
      mode: 'asKnown',
      n: 11,
      driver: 12.56,
      calibrated: 11.9,
      pool: 11.35,
      equalPool: 12.13,
      timeSeries: 12.06,
      naive: 11.53,
    },
    {
      mode: 'withDecisions',
      n: 11,
      driver: 10.11,
      calibrated: 9.8,
      pool: 10.36,
      equalPool: 10.96,
      timeSeries: 12.06,
      naive: 11.53,
    },
  ];
  const withAk = (ak: Partial<Row>): Row[] => [{ ...shipped[0], ...ak }, shipped[1]];

  it('names the truly best row (the pool, 11,35), not naive (11,53), and the one forecast against it', () => {
    const da = asKnownSentence(shipped, 'da')!;
    expect(da).toContain(
      'Uden kendskab til de senere tiltag er puljen af driver-model og tidsserieprognose (vægte og k) bedst (gennemsnitlig CRPS, leave-one-out: 11,35 mod 11,90 for den ene prognose)',
    );
    expect(da).not.toContain('naiv');
    // the conclusion follows from what is printed: with the later measures the one forecast is best
    expect(da).toContain(
      'med de senere tiltag er den ene prognose bedst (9,80 mod 10,11 for driver-modellen uden kalibrering)',
    );
    expect(da).toContain('Scenariernes tal er derfor betingede');
    const en = asKnownSentence(shipped, 'en')!;
    expect(en).toContain(
      'Without knowing the later measures the pool of driver model and time-series forecast (weights and k) is best',
    );
    expect(en).toContain('11.35 against 11.90 for the one forecast');
  });

  it('names naive when naive is best', () => {
    const da = asKnownSentence(withAk({ pool: 12.0, naive: 11.2 }), 'da')!;
    expect(da).toMatch(
      /^Uden kendskab til de senere tiltag er naiv prognose \(»som sidste år«\) bedst \(gennemsnitlig CRPS, leave-one-out: 11,20 mod 11,90/,
    );
    expect(asKnownSentence(withAk({ pool: 12.0, naive: 11.2 }), 'en')).toMatch(
      /^Without knowing the later measures the naive forecast \(“as last year”\) is best/,
    );
  });

  it('says nothing when the one forecast is best (or tied with the best) without the later measures', () => {
    expect(asKnownSentence(withAk({ calibrated: 11.0 }), 'da')).toBeUndefined();
    expect(asKnownSentence(withAk({ calibrated: 11.35 }), 'da')).toBeUndefined();
  });

  it('does not blame the measures when another forecast beats the one forecast with the later measures too', () => {
    const rows: Row[] = [shipped[0], { ...shipped[1], pool: 9.5 }];
    const da = asKnownSentence(rows, 'da')!;
    expect(da).toContain(
      'og også med de senere tiltag slår puljen af driver-model og tidsserieprognose (vægte og k) den ene prognose (9,50 mod 9,80)',
    );
    expect(da).toContain('forskellen skyldes ikke kun tiltagene');
    expect(da).not.toContain('derfor');
  });
});

describe('the track record at the headline year’s distance from the latest accounts: counted from the data', () => {
  let def: BuiltReport;
  beforeAll(async () => {
    def = await buildReport(FAST);
  });
  /** The model as if a --data file gave `year`'s forbrug (the primary scenario's input `known.forbrug.<year>`). */
  function withKnownForbrug(m: ReportModel, year: number, focusYear = m.focusYear): ReportModel {
    const scenarios = m.scenarios.map((s) =>
      s.result.id !== 'baseline'
        ? s
        : {
            ...s,
            result: {
              ...s.result,
              inputs: [
                ...s.result.inputs,
                {
                  input: `known.forbrug.${year}`,
                  value: { dist: 'fixed' as const, value: 152.4 },
                  source: { kind: 'data' as const, text: { da: '', en: '' }, at: 'mine.csv:3' },
                },
              ],
            },
          },
    ) as ReportModel['scenarios'];
    return { ...m, scenarios, focusYear };
  }
  const h = (m: ReportModel, n: number) =>
    m.trackRecord!.summary.find((x) => x.mode === 'withDecisions' && x.model === 'calibrated' && x.h === n)!.scores;

  it('bundled data: 2026 lies two years from the accounts 2024, and the record two years ahead is stated', () => {
    expect(latestAccountsYear(def.model)).toBe(2024);
    const s = trackRecordSentences(def.model).join(' ');
    expect(s).toContain(
      `To år frem, som 2026 ligger fra det seneste regnskabsår, dækkede de ${h(def.model, 2).hits80} af`,
    );
  });

  it('states the 80 % hits over all replays of the one forecast and of the cross-checks, and calls theirs too narrow only when the binomial interval says so', () => {
    const all = (m: ReportModel, model: string) =>
      m.trackRecord!.summary.find((x) => x.mode === 'withDecisions' && x.model === model && x.h === 'all')!.scores;
    const [one, ts, nv] = ['calibrated', 'timeSeries', 'naive'].map((x) => all(def.model, x));
    const s = trackRecordSentences(def.model).join(' ');
    expect(s).toContain(
      `over alle genkørsler dækkede den ene prognoses 80 %-intervaller ${one.hits80} af ${one.n} udfald, tidsserieprognosens ${ts.hits80} og den naive prognoses ${nv.hits80}`,
    );
    // the bundled record: 3 and 4 of 11, both binomial intervals below 80 %
    expect(ts.coverage80Interval[1] < 0.8 && nv.coverage80Interval[1] < 0.8).toBe(true);
    expect(s).toContain('hviler på for snævre intervaller');
    // a record whose naive intervals may well hold 80 % is not called too narrow
    const wide = structuredClone(def.model);
    const n = wide.trackRecord!.summary.find(
      (x) => x.mode === 'withDecisions' && x.model === 'naive' && x.h === 'all',
    )!;
    n.scores.coverage80Interval = [0.5, 0.95];
    expect(trackRecordSentences(wide).join(' ')).not.toContain('for snævre');
    expect(trackRecordSentences({ ...def.model, lang: 'en' }).join(' ')).toContain('rests on intervals too narrow');
  });

  it('with 2025’s forbrug known 2026 is one year from the accounts: no two-years sentence, the one-year record applies', () => {
    const m = withKnownForbrug(def.model, 2025);
    expect(latestAccountsYear(m)).toBe(2025);
    const s = trackRecordSentences(m).join(' ');
    expect(s).not.toContain('To år frem');
    expect(s).toContain(
      '2026 ligger ét år fra det seneste regnskabsår 2025 (forbruget 2025 er kendt fra data), så det er dækningen ét år frem, der gælder for 2026.',
    );
    const en = trackRecordSentences({ ...m, lang: 'en' }).join(' ');
    expect(en).toContain('2026 lies one year from the latest accounts year 2025');
    expect(en).not.toContain('Two years ahead');
  });

  it('with 2025’s forbrug known and the headline year 2027: two years from the accounts, not three from the base year', () => {
    const m = withKnownForbrug(def.model, 2025, 2027);
    expect(trackRecordSentences(m).join(' ')).toContain('To år frem, som 2027 ligger fra det seneste regnskabsår');
    // 2027 without the known forbrug lies three years from 2024: the replays go two years ahead, so nothing is said
    const three = trackRecordSentences({ ...def.model, focusYear: 2027 }).join(' ');
    expect(three).not.toMatch(/år frem, som 2027/);
  });
});

describe('the summary in paragraphs', () => {
  let r: BuiltReport;
  beforeAll(async () => {
    r = await buildReport({ ...FAST, parts: ['scenarios', 'backtest', 'whatif'] });
  });
  it('headline, opsparing, latest accounts with the scenarios, goal seek: each its own paragraph; read in one run they are summarySentences', () => {
    const ps = summaryParagraphs(r.model);
    expect(ps.flat()).toEqual(summarySentences(r.model));
    expect(ps[0][0]).toMatch(/^P\(merforbrug 2026\) = \d+,\d % i scenariet/);
    expect(ps.find((p) => p[0].startsWith('Opsparingen ved udgangen af'))).toHaveLength(1);
    expect(ps.find((p) => p[0].startsWith('Seneste regnskabsår 2024'))![1]).toMatch(/^På tværs af 3 scenarier/);
    expect(ps.at(-1)![0]).toMatch(/^For at bringe P\(merforbrug 2026\)/);
    expect(ps.every((p) => p.length > 0)).toBe(true);
    // the writers: a blank line between the paragraphs in Markdown, a <p> each in HTML
    const md = r.files['report.md'] as string;
    for (const p of ps) expect(md).toContain(`\n\n${p.join(' ').replace(/>/g, '&gt;').slice(0, 40)}`);
    const html = r.files['report.html'] as string;
    for (const p of ps) expect(html).toContain(`<p class="lead">${p[0].replace(/>/g, '&gt;').slice(0, 40)}`);
  });
  it('the workbook: a paragraph a row from row 3, merged across the tables’ width, wrapped, as high as its lines; printed landscape on one page width', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.files['report.xlsx'] as Uint8Array) as never);
    const ws = wb.getWorksheet('Oversigt')!;
    const ps = summaryParagraphs(r.model);
    ps.forEach((p, i) => {
      const c = ws.getCell(3 + i, 1);
      expect(c.value).toBe(p.join(' '));
      expect(c.isMerged).toBe(true);
      expect(c.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
      // a longer paragraph is never given fewer lines
      if (i > 0 && p.join(' ').length > ps[i - 1].join(' ').length)
        expect(ws.getRow(3 + i).height).toBeGreaterThanOrEqual(ws.getRow(2 + i).height);
    });
    expect(Math.max(...ps.map((_, i) => ws.getRow(3 + i).height))).toBeGreaterThan(15);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });
});

describe('the opening balance that covers the merforbrug in 95 % of the one forecast’s runs, under every budget rule', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'viso-need-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  /** models/budget.yaml with some rules replaced (`cap: 0.5` etc.), written to a file of its own. */
  const budget = (name: string, rules: Record<string, string>): string => {
    let text = readFileSync('models/budget.yaml', 'utf8');
    for (const [k, v] of Object.entries(rules)) text = text.replace(new RegExp(`^  ${k}: .*$`, 'm'), `  ${k}: ${v}`);
    const file = join(tmp, `${name}.yaml`);
    writeFileSync(file, text);
    return file;
  };
  const need = (r: BuiltReport) => r.model.oneForecast!.years.find((y) => y.year === 2026)!.opsparing.need95;

  it('a ceiling (cap 0,5): the balance (Danish)', async () => {
    const r = await buildReport({ ...FAST, budget: budget('cap', { cap: '0.5' }) });
    const n = need(r)!;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(Infinity);
    expect(opsparingSentence(r.model)).toContain(
      ` Opsparingen skal være mindst ${formatMio(n, 'da')} ved udgangen af 2024, for at merforbruget til og med 2026 er dækket med 95 % sandsynlighed i den ene prognose (samme regler).`,
    );
  });
  it('a yearly limit below the merforbrug of more than 5 % of the runs (max_use 0,05): no balance, the limit named (Danish and English)', async () => {
    const file = budget('max-use', { max_use: '0.05' });
    const da = await buildReport({ ...FAST, budget: file });
    expect(need(da)).toBe(Infinity);
    expect(opsparingSentence(da.model)).toMatch(
      / Under disse regler dækker ingen opsparing ved udgangen af 2024, hvor stor den end er, merforbruget til og med 2026 med 95 % sandsynlighed i den ene prognose: i mere end 5 % af kørslerne står merforbrug udækket på grund af grænsen for, hvor meget opsparing et år må bruge\.$/,
    );
    const en = await buildReport({ ...FAST, lang: 'en', budget: file });
    expect(opsparingSentence(en.model)).toMatch(
      / Under these rules no savings at the end of 2024, however large, cover the overspend up to and including 2026 with 95% probability in the one forecast: in more than 5% of the runs overspend is left uncovered because of the limit on how much of the savings a year may use\.$/,
    );
  });
  it('a ceiling with expiry: not defined, and said so (English)', async () => {
    const en = await buildReport({
      ...FAST,
      lang: 'en',
      budget: budget('cap-expiry', { cap: '0.5', expiry_years: '2' }),
    });
    expect(need(en)).toBeUndefined();
    expect(opsparingSentence(en.model)).toMatch(
      / How large the savings at the end of 2024 must be to cover the overspend up to and including 2026 with 95% probability is not defined under a ceiling together with expiry: the ceiling cuts the newest savings first, so larger savings can cover less\.$/,
    );
  });
});

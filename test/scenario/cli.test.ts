import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { viso } from '../helpers/cli.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/load.js';
import { CALIBRATION_DF } from '../../src/forecast/calibration.js';
import { scenarioDir, TOY } from './helpers.js';
import { formatNumber, formatPct } from '../../src/text/number.js';

describe('viso scenario (CLI)', () => {
  it('runs the bundled scenarios with Danish numbers', () => {
    for (const id of ['baseline', 'tightening-2021', 'high-demand']) {
      const r = viso('scenario', 'run', id, '--runs', '5000', '--threshold', '160');
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/5\.000 kørsler/);
      expect(r.out).toMatch(/^2026 +\d{3},\d/m);
      expect(r.out).toMatch(/P\(forbrug>160\)/);
      expect(r.out).toMatch(
        /Estimat: bevillingens udvikling som random walk med drift på log-skala \(viso\.raadgivning\.bevilling, 12 trin 2011–2024\)/,
      );
      expect(r.out).toMatch(
        /^ {2}Årlig støj på henvendelsernes vækst \(spredning\) \(demand\.noiseSd, estimat\): 5,2 % — Estimat: henvendelsernes vækst/m,
      );
    }
    expect(viso('scenario', 'run', 'high-demand', '--runs', '2000').out).toMatch(
      /^ {2}Henvendelsernes årlige vækst \(demand\.growth, antagelse\): 14,7 % \(sd 2,5 pct\.-point\) — Antagelse sat i scenariefilen \[models\/scenarios\/high-demand\.yaml:20:11\]$/m,
    );
    // the opsparing's start is named in words like every other input
    expect(viso('scenario', 'run', 'baseline', '--runs', '500').out).toMatch(
      /^ {2}Opsparing ved basisårets udgang, mio\. kr\. \(opsparing\.start, data\): 200,9 — Beregnet:/m,
    );
    expect(viso('scenario', 'run', 'baseline', '--runs', '500', '--lang', 'en').out).toMatch(
      /^ {2}Savings at the end of the base year, DKK m \(opsparing\.start, data\): 200\.9 — Computed:/m,
    );
  });
  it('names the bevilling line under the table by what it is (its projection), not a bare sentence', () => {
    expect(viso('scenario', 'run', 'baseline', '--runs', '500').out).toMatch(
      /^Bevillingens fremskrivning: Estimat: bevillingens udvikling som random walk/m,
    );
    expect(viso('scenario', 'run', 'baseline', '--runs', '500', '--lang', 'en').out).toMatch(
      /^Projection of the appropriation: Estimate: change of the appropriation as a random walk/m,
    );
  });
  it('gives byte-identical JSON for any number of threads', () => {
    const one = viso('scenario', 'run', 'high-demand', '--runs', '40000', '--json', '--threads', '1');
    const two = viso('scenario', 'run', 'high-demand', '--runs', '40000', '--json', '--threads', '2');
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    const r = JSON.parse(one.out);
    expect(r.years[0].year).toBe(2025);
    expect(r.runs).toBe(40000);
  });
  it('compares, goal-seeks and runs sensitivity', () => {
    const c = viso('scenario', 'compare', 'baseline', 'high-demand', '--runs', '5000', '--lang', 'en');
    expect(c.code, c.err).toBe(0);
    expect(c.out).toMatch(
      /baseline P\(overspend>0\).*high-demand P\(overspend>0\).*high-demand difference P \(percentage points\) {2}high-demand difference overspend/,
    );
    // the difference columns are the differences of the shown columns (common random numbers: the same seed)
    const lines = c.out.split('\n');
    const head = lines.find((l) => l.startsWith('Year'))!.split(/\s{2,}/);
    const row = lines.find((l) => l.startsWith('2027'))!.split(/\s{2,}/);
    const col = (name: string) => row[head.indexOf(name)];
    const pct = (s: string) => Number(s.replace('%', ''));
    expect(Number(col('high-demand difference P (percentage points)'))).toBeCloseTo(
      pct(col('high-demand P(overspend>0)')) - pct(col('baseline P(overspend>0)')),
      0,
    );
    expect(Number(col('high-demand difference overspend'))).toBeCloseTo(
      Number(col('high-demand Exp. overspend')) - Number(col('baseline Exp. overspend')),
      0,
    );
    expect(c.out).toMatch(/^Differences against baseline with the same seed/m);
    expect(c.out).toMatch(/^baseline: Baseline – no new measures \(/m); // name_en in English
    expect(c.out).toMatch(/^high-demand: High demand growth \(/m);
    const g = viso(
      'scenario',
      'goal-seek',
      'baseline',
      '--lever',
      'bevilling',
      '--target',
      'P(merforbrug>0, 2026) <= 0.2',
      '--runs',
      '5000',
    );
    expect(g.code, g.err).toBe(0);
    expect(g.out).toMatch(/Mindste ændring af bevillingen|allerede opfyldt/);
    const s = viso('scenario', 'sensitivity', 'baseline', '--runs', '2000');
    expect(s.code, s.err).toBe(0);
    expect(s.out).toMatch(/Rangkorrelation/);
  });
  it('goal-seek --spread-k: the one forecast (forbrug widened by k), as goalSeek with spreadK; k must be positive', async () => {
    const { goalSeek } = await import('../../src/scenario/goal-seek.js');
    const args = ['scenario', 'goal-seek', 'baseline', '--lever', 'demand', '--target', 'P(merforbrug>0, 2026) <= 0.2'];
    const r = viso(...args, '--runs', '5000', '--spread-k', '1.6', '--json');
    expect(r.code, r.err).toBe(0);
    const api = goalSeek(loadScenario('baseline'), {
      lever: 'demand',
      target: 'P(merforbrug>0, 2026) <= 0.2',
      runs: 5000,
      spreadK: 1.6,
    });
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(api)));
    expect(JSON.parse(r.out).spreadK).toBe(1.6);
    const da = viso(...args, '--runs', '5000', '--spread-k', '1.6');
    expect(da.out).toMatch(/^Den ene prognose: forbruget spredt om medianen med faktor 1,60\.$/m);
    const en = viso(...args, '--runs', '5000', '--spread-k', '1.6', '--lang', 'en');
    expect(en.out).toMatch(/^The one forecast: spending spread around the median by the factor 1\.60\.$/m);
    expect(viso(...args, '--runs', '5000', '--spread-k', '1,6', '--json').out).toBe(r.out);
    for (const got of ['0', '-1', 'abc', '1.6x', '']) {
      const bad = viso(...args, '--runs', '5000', '--spread-k', got);
      expect(bad.code, got).toBe(2);
      expect(bad.err.trim()).toBe(`--spread-k skal være backtest eller et positivt tal (fx 1.6), fik ${got || '""'}`);
    }
  });
  it("goal-seek --spread-k backtest: k from the scenario's own backtest with the report's rule (headlineBacktest), said where it comes from; a target year beyond its replays gets the caveat", async () => {
    const { goalSeek } = await import('../../src/scenario/goal-seek.js');
    const { headlineBacktest } = await import('../../src/scenario/headline.js');
    const args = ['scenario', 'goal-seek', 'baseline', '--lever', 'demand', '--runs', '5000', '--spread-k', 'backtest'];
    const bt = headlineBacktest(loadScenario('baseline'), { runs: 5000 });
    expect(bt.runs).toBe(2000); // a fifth of the runs, at least 2.000
    const r = viso(...args, '--target', 'P(merforbrug>0, 2026) <= 0.2', '--json');
    expect(r.code, r.err).toBe(0);
    const api = goalSeek(loadScenario('baseline'), {
      lever: 'demand',
      target: 'P(merforbrug>0, 2026) <= 0.2',
      runs: 5000,
      spreadK: bt.calibration.k,
      spreadKSe: bt.calibration.kSe,
    });
    expect(api.solved && api.kError!.se).toBe(bt.calibration.kSe);
    const json = JSON.parse(r.out);
    expect(json).toEqual({
      ...JSON.parse(JSON.stringify(api)),
      spreadKFrom: { backtest: 'baseline', runsPerReplay: 2000, horizons: [1, 2], extrapolated: false },
    });
    const k2 = bt.calibration.k.toFixed(2).replace('.', ',');
    const da = viso(...args, '--target', 'P(merforbrug>0, 2026) <= 0.2');
    expect(da.out).toContain(
      `k = ${k2} fra backtesten af baseline (2.000 kørsler pr. genkørsel, genkørsler 1–2 år frem), efter rapportens regel for overskriftens k.`,
    );
    expect(da.out).not.toContain('ekstrapoleret');
    // k is estimated by simulation too: its own Monte Carlo error is part of the stated interval
    expect(da.out).toMatch(/Medregnet heri: Monte Carlo-fejlen på k selv \(standardfejl 0,\d{3}\)/);
    // and how much k depends on one year of history (the report's sentence), carried along the answer's slope in k
    const kw = bt.calibration.kWithoutVantage!;
    const lo = kw.reduce((a, b) => (b.k < a.k ? b : a));
    const hi = kw.reduce((a, b) => (b.k > a.k ? b : a));
    if (!api.solved) throw new Error('no solution');
    const at = (k: number) => formatPct(api.change + api.kError!.changePerK * (k - bt.calibration.k), 'da', 1);
    const [cLo, cHi] = [lo, hi].map((e) => api.change + api.kError!.changePerK * (e.k - bt.calibration.k));
    const ends = cLo < cHi ? [at(lo.k), at(hi.k)] : [at(hi.k), at(lo.k)];
    expect(da.out).toContain(
      `k er selv fittet på ${bt.calibration.kPoints} genkørsler fra ${kw.length} udsigtsår: udelades ét år ad gangen, ligger k mellem ${formatNumber(lo.k, 2, 'da')} (uden ${lo.vantage}) og ${formatNumber(hi.k, 2, 'da')} (uden ${hi.vantage}), og ændringen er så ca. ${ends[0]} til ${ends[1]} (langs ændringens hældning i k). Den usikkerhed er ikke med i Monte Carlo-intervallet.`,
    );
    const far = viso(...args, '--target', 'P(merforbrug>0, 2029) <= 0.2', '--lang', 'en');
    expect(far.code, far.err).toBe(0);
    expect(far.out).toContain(
      `The factor ${bt.calibration.k.toFixed(2)} was measured on replays 1–2 years ahead; 2029 is 5 years ahead, so the factor is extrapolated`,
    );
    expect(
      JSON.parse(viso(...args, '--target', 'P(merforbrug>0, 2029) <= 0.2', '--json').out).spreadKFrom.extrapolated,
    ).toBe(true);
  });
  it('goal-seek: a target the lever cannot reach is an answer (exit 0, solved false in --json), not an error', () => {
    const file = join(scenarioDir({ 's.yaml': TOY.replace('bevilling: 30', 'bevilling: 5') }), 's.yaml');
    const da = viso(
      'scenario',
      'goal-seek',
      file,
      '--lever',
      'unitCost',
      '--target',
      'P(merforbrug>0, 2025) <= 0.2',
      '--runs',
      '1000',
    );
    expect(da.code, da.err).toBe(0);
    expect(da.out).toMatch(
      /Målet kan ikke nås ved at ændre prisen pr\. forløb alene: selv ved -99 % i hvert simuleret år er sandsynligheden 100,0 %\./,
    );
    const en = viso(
      'scenario',
      'goal-seek',
      file,
      '--lever',
      'unitCost',
      '--target',
      'P(merforbrug>0, 2025) <= 0.2',
      '--runs',
      '1000',
      '--lang',
      'en',
    );
    expect(en.out).toMatch(/The target cannot be met by changing the cost per case alone/);
    const json = JSON.parse(
      viso(
        'scenario',
        'goal-seek',
        file,
        '--lever',
        'unitCost',
        '--target',
        'P(merforbrug>0, 2025) <= 0.2',
        '--runs',
        '1000',
        '--json',
      ).out,
    );
    expect(json).toMatchObject({ solved: false, lever: 'unitCost', p0: 1, limit: -0.99, pAtLimit: 1, runs: 1000 });
  });
  it('states ν of Student-t demand paths from a forecast (text and --json)', () => {
    const yaml = TOY.replace(
      'demand: { model: growth, growth: 0.1, noiseSd: 0 }',
      'demand: { model: forecast, series: viso.raadgivning.henvendelser.i_alt, method: drift }',
    ).replace(
      'actual: { bevilling: 30, forbrug: 20, forloeb: 500, henvendelser: 1000 }',
      'actual: { bevilling: 158, forbrug: 143.5, forloeb: 2543, henvendelser: 5122 }',
    );
    const file = join(scenarioDir({ 'fc.yaml': yaml }), 'fc.yaml');
    const nu = compileScenario(loadScenario(file)).pathDf;
    expect(nu).toBe(CALIBRATION_DF.drift); // finite: Student-t paths
    const nuText = Number.isInteger(nu) ? String(nu) : String(nu).replace('.', ',');
    const da = viso('scenario', 'run', file, '--runs', '3000');
    expect(da.code, da.err).toBe(0);
    expect(da.out).toContain(
      `Efterspørgsel fra prognosen (drift): stier fra en Student t-fordeling med ν = ${nuText} frihedsgrader.`,
    );
    const en = viso('scenario', 'run', file, '--runs', '3000', '--lang', 'en');
    expect(en.out).toMatch(/paths from a Student t distribution with ν = [\d.]+ degrees of freedom/);
    const base = viso('scenario', 'run', 'baseline', '--runs', '3000', '--lang', 'en').out;
    expect(base).toContain('Estimate: change of the appropriation as a random walk with drift on the log scale');
    expect(base).not.toMatch(/Antagelse|Antaget|Estimat:/);
    // with bevilling indexed by PL, its index (models/pl.yaml: the general PL index) is shown with where it is written
    const pl = viso(
      'scenario',
      'run',
      join(scenarioDir({ 'pl.yaml': 'extends: baseline\nbevilling: { pl: true }\n' }), 'pl.yaml'),
      '--runs',
      '2000',
      '--lang',
      'en',
    ).out;
    expect(pl).toMatch(
      /PL rate of the appropriation, other years \(pl\.bevilling, assumption\): 2\.0% — General price and wage index \(PL\) \(models\/pl\.yaml\): 2025 3\.0% \(Danish Ministry of Finance assumptions for 2025\); other years 2\.0% \(Assumption: 2\.0% a year, not an official rate\) \[models\/pl\.yaml:\d+:\d+\]/,
    );
    const js = JSON.parse(viso('scenario', 'run', file, '--runs', '3000', '--json').out);
    expect(js.assumptions.demand).toMatchObject({
      model: 'forecast',
      method: 'drift',
      pathDistribution: 'student-t',
      df: nu,
    });
    // growth-model scenarios have no forecast paths: no such line
    expect(viso('scenario', 'run', 'baseline', '--runs', '3000').out).not.toMatch(/Efterspørgsel fra prognosen/);
  });
  it('backtest --json: the notes and the calibration rule in both languages, where they stood', () => {
    const r = viso('scenario', 'backtest', 'baseline', '--runs', '200', '--seed', '3', '--json');
    expect(r.code, r.err).toBe(0);
    const b = JSON.parse(r.out);
    expect(Object.keys(b).at(-1)).toBe('notes');
    expect(b.notes[0].da).toMatch(/^Input i hver genkørsel estimeres fra data til og med udsigtsåret/);
    expect(b.notes[1].en).toMatch(/^Spending 2020 is scored as published/);
    expect(Object.keys(b.calibration)[0]).toBe('rule');
    expect(b.calibration.rule.en).toMatch(
      /^spending = median \+ k · \(driver − median\): k \(searched in 0\.5–4\) minimises the mean CRPS/,
    );
    expect(b.replays).toBeUndefined();
  });
  it("backtest: k is stated with its own Monte Carlo standard error (the calibration's kSe, three decimals)", async () => {
    const { backtestScenario } = await import('../../src/scenario/backtest.js');
    const bt = backtestScenario(loadScenario('baseline'), { runs: 2000 });
    const se = bt.calibration.kSe!.toFixed(3);
    const da = viso('scenario', 'backtest', 'baseline', '--runs', '2000');
    expect(da.code, da.err).toBe(0);
    expect(da.out).toContain(
      `Én prognose for forbruget: driver-modellen kalibreret med spredningsfaktor k = ${bt.calibration.k.toFixed(1).replace('.', ',')}, Monte Carlo-standardfejl ${se.replace('.', ',')} (`,
    );
    const en = viso('scenario', 'backtest', 'baseline', '--runs', '2000', '--lang', 'en');
    expect(en.out).toContain(`spread factor k = ${bt.calibration.k.toFixed(1)}, Monte Carlo standard error ${se} (`);
  });
  it('backtest from one vantage year: too few points to calibrate is said in words, not an empty table', () => {
    const args = ['scenario', 'backtest', 'baseline', '--vantage', '2020', '--mode', 'withDecisions', '--runs', '500'];
    const da = viso(...args);
    expect(da.code, da.err).toBe(0);
    expect(da.out).toMatch(/^Backtest af scenariet baseline: hele kæden genkørt fra udsigtsåret 2020 med data/);
    expect(da.out).toContain(
      '\nÉn prognose for forbruget: ingen kalibrering, for få scorede punkter til leave-one-out (k = 1,0: driver-modellen, som den er).\n',
    );
    expect(da.out).not.toMatch(/^Tilstand +n +Driver/m);
    // the later measures' stage in words, not the file's key (forloeb, visitation)
    expect(da.out).toMatch(/^ {2}2020: initiatives-2021-05 \(forløb, 2021-05-01\) — evidens: /m);
    expect(da.out).toMatch(/^ {2}2020: tightening-2021-09 \(visitationsraten, 2021-09-20\) — /m);
    const en = viso(...args, '--lang', 'en');
    expect(en.out).toMatch(/^ {2}2020: initiatives-2021-05 \(cases, 2021-05-01\) — evidence: /m);
    expect(en.out).toContain(
      '\nOne forecast of spending: no calibration, too few scored points for leave-one-out (k = 1.0: the driver model as it is).\n',
    );
    expect(en.out).not.toMatch(/^Mode +n +Driver/m);
  });
});

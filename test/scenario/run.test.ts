import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario, probForbrugAbove, prepareScenario } from '../../src/scenario/scenario.js';
import { blockBuffers, drawBlock, simulateBlock } from '../../src/scenario/engine.js';
import { fitCostModel } from '../../src/cost/model.js';
import { loadBundled } from '../../src/data/bundled.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { runCompiled, yearSample } from '../../src/scenario/run.js';
import { Rng } from '../../src/stats/rng.js';
import { quantileSorted } from '../../src/stats/distributions.js';
import { qt } from '../../src/stats/t.js';
import { CALIBRATION_DF } from '../../src/forecast/calibration.js';
import { scenarioDir, TOY } from './helpers.js';

const toy = (patch: (s: string) => string = (s) => s) =>
  loadScenario(join(scenarioDir({ 's.yaml': patch(TOY) }), 's.yaml'));

describe('runScenario', () => {
  it('bundled scenarios share the baseline seed: common random numbers, so before the tightening acts (2026) it changes nothing', () => {
    const base = runScenario(loadScenario('baseline'), { runs: 20_000 });
    const tight = runScenario(loadScenario('tightening-2021'), { runs: 20_000 });
    expect(tight.seed).toBe(base.seed);
    expect(tight.years[0].year).toBe(2025);
    expect(tight.years[0].forbrug).toEqual(base.years[0].forbrug);
    expect(tight.years[0].pMerforbrug).toBe(base.years[0].pMerforbrug);
    expect(tight.years[1].forbrug.p50).toBeLessThan(base.years[1].forbrug.p50);
  });
  it('computes the hand-worked toy scenario exactly', () => {
    const r = runScenario(toy(), { runs: 10 });
    const [y1, y2] = r.years;
    // 2025: 1100 henvendelser, 550 forløb, forbrug 10 + 0.020·550 = 21, merforbrug 21 − 30 = −9
    expect(y1.year).toBe(2025);
    expect(y1.henvendelser.p50).toBeCloseTo(1100, 9);
    expect(y1.forloeb.mean).toBeCloseTo(550, 9);
    expect(y1.forbrug.p5).toBeCloseTo(21, 9);
    expect(y1.merforbrug.p95).toBeCloseTo(-9, 9);
    expect(y1.unitCost.p50).toBeCloseTo((21 / 550) * 1000, 9);
    expect(y1.pMerforbrug).toBe(0);
    expect(y1.pMerforbrugSe).toBe(0);
    // 2026: 1210, 605 forløb, forbrug 22.1
    expect(y2.forbrug.mean).toBeCloseTo(22.1, 9);
    expect(y2.bevilling.mean).toBeCloseTo(30, 9);
  });
  it('a fixed bevilling growth with yearly noise still varies across runs (histogram summaries): its quantiles are simulated, not the first run repeated', () => {
    const r = runScenario(
      toy((s) =>
        s
          .replace(
            'bevilling: { pl: false, growth: 0, noiseSd: 0 }',
            'bevilling: { pl: false, growth: 0, noiseSd: 0.05 }',
          )
          .replace('horizon: 2026', 'horizon: 2030')
          .replace('runs: 1000', 'runs: 300000'),
      ),
    );
    expect(r.quantileMethod).toBe('histogram');
    const b = r.years[1].bevilling;
    // a random walk on the log scale from 30 with σ = 0,05 per year: after 2 years the 5–95 % range is about 30 · 0,05 · √2 · 3,29 ≈ 7
    expect(b.p95 - b.p5).toBeGreaterThan(5);
    expect(b.p5).toBeLessThan(b.p50);
    expect(b.p50).toBeLessThan(b.p95);
    expect(b.mean).toBeCloseTo(30, 0);
  });
  it('applies PL to forbrug and to the derived bevilling, explicit amounts win', () => {
    const r = runScenario(
      toy((s) =>
        s
          .replace('pl: { default: 0, label: no PL }', 'pl: { default: 0.02, rates: { "2026": 0.05 }, label: PL }')
          .replace('bevilling: { pl: false, growth: 0, noiseSd: 0 }', 'bevilling: { pl: true }'),
      ),
      { runs: 10 },
    );
    expect(r.years[0].bevilling.mean).toBeCloseTo(30.6, 9);
    expect(r.years[1].bevilling.mean).toBeCloseTo(30 * 1.02 * 1.05, 9);
    expect(r.years[1].forbrug.mean).toBeCloseTo(22.1 * 1.02 * 1.05, 9);
    // no growth or noise beyond PL: assumptions of `pl: true` (where it is written), not estimates or
    // values set in the file; also when the file extends one that estimates them (baseline)
    const ext = runScenario(
      loadScenario(join(scenarioDir({ 'p.yaml': 'extends: baseline\nbevilling: { pl: true }\n' }), 'p.yaml')),
      { runs: 10 },
    );
    // a scenario's own PL section keeps its label; the PL table's index is named once, with its file and rates
    expect(r.inputs.find((x) => x.input === 'bevilling.pl')!.source).toMatchObject({
      text: {
        da: 'Antagelse: bevillingen fremskrives med PL (PL)',
        en: 'Assumption: the appropriation is indexed with PL (PL)',
      },
    });
    expect(ext.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(ext.inputs.find((x) => x.input === 'bevilling.pl')!.source).toMatchObject({
      text: {
        da: 'Antagelse: bevillingen fremskrives med Generelt pris- og lønindeks (PL), models/pl.yaml: 3,0 % i 2025 og 2,0 % om året 2026–2030',
        en: 'Assumption: the appropriation is indexed with the General price and wage index (PL), models/pl.yaml: 3.0% in 2025 and 2.0% a year 2026–2030',
      },
    });
    for (const run of [r, ext]) {
      const pl = run.inputs.find((x) => x.input === 'bevilling.pl')!.source;
      expect(pl).toMatchObject({ kind: 'assumption' });
      for (const k of ['bevilling.growth', 'bevilling.noiseSd'])
        expect(run.inputs.find((x) => x.input === k)?.source).toEqual(pl);
    }
    expect(ext.inputs.find((x) => x.input === 'bevilling.growth')?.source).toMatchObject({
      file: expect.stringMatching(/p\.yaml$/),
      line: 2,
    });
    const r2 = runScenario(
      toy((s) =>
        s.replace(
          'bevilling: { pl: false, growth: 0, noiseSd: 0 }',
          'bevilling: { pl: false, growth: 0, noiseSd: 0, amounts: { "2026": 20 } }',
        ),
      ),
      { runs: 10 },
    );
    expect(r2.years[1].bevilling.mean).toBe(20);
    expect(r2.years[1].pMerforbrug).toBe(1);
  });
  it('uses block 0 = new Rng(seed, 0), one uniform per uncertain input, R type-7 quantiles', () => {
    const def = toy((s) => s.replace('growth: 0.1,', 'growth: { dist: uniform, min: 0, max: 0.2 },'));
    const r = runScenario(def, { runs: 1000 });
    const rng = new Rng(7, 0);
    const h1 = Float64Array.from({ length: 1000 }, () => 1000 * (1 + 0.2 * rng.uniform())).sort();
    expect(r.quantileMethod).toBe('exact');
    expect(r.years[0].henvendelser.p5).toBeCloseTo(quantileSorted(h1, 0.05), 9);
    expect(r.years[0].henvendelser.p50).toBeCloseTo(quantileSorted(h1, 0.5), 9);
    expect(r.years[0].henvendelser.p95).toBeCloseTo(quantileSorted(h1, 0.95), 9);
  });
  it('is reproducible for a seed and differs for another seed', () => {
    const def = loadScenario('baseline');
    const a = runScenario(def, { runs: 20_000 });
    const b = runScenario(def, { runs: 20_000 });
    const c = runScenario(def, { runs: 20_000, seed: 99 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.years[1].forbrug.p50).not.toBe(a.years[1].forbrug.p50);
  });
  it('gives P(merforbrug>0) with its standard error and exact exceedance counts', () => {
    const r = runScenario(loadScenario('baseline'), { runs: 40_000, thresholds: [150, 160] });
    const y = r.years.find((v) => v.year === 2026)!;
    expect(y.pMerforbrug).toBeGreaterThan(0.3);
    expect(y.pMerforbrug).toBeLessThan(0.8);
    expect(y.pMerforbrugSe).toBeCloseTo(Math.sqrt((y.pMerforbrug * (1 - y.pMerforbrug)) / 40_000), 15);
    expect(y.expectedMerforbrug).toBeCloseTo(y.forbrug.mean - y.bevilling.mean, 9);
    expect(y.forbrugAbove.map((e) => e.threshold)).toEqual([150, 160]);
    // with an uncertain bevilling, P(merforbrug > 0) is not P(forbrug > mean bevilling); with a known one it is
    const known = runScenario(
      loadScenario(
        join(scenarioDir({ 'k.yaml': 'extends: baseline\nbevilling: { amounts: { 2026: 160 } }\n' }), 'k.yaml'),
      ),
      { runs: 40_000 },
    );
    const yk = known.years.find((v) => v.year === 2026)!;
    expect(yk.bevilling.p10).toBe(160);
    expect(Math.abs(probForbrugAbove(known, 2026, 160) - yk.pMerforbrug)).toBeLessThan(0.01);
    expect(known.inputs.find((x) => x.input === 'bevilling.amounts.2026')?.source).toMatchObject({
      kind: 'assumption',
      line: 2,
    });
    expect(probForbrugAbove(r, 2026, 150)).toBe(y.forbrugAbove[0].p);
    expect(y.forbrugAbove[0].p).toBeGreaterThan(y.forbrugAbove[1].p);
  });
  it('histogram quantiles (fixed memory) agree with exact ones', () => {
    const def = toy((s) =>
      s
        .replace('horizon: 2026', 'horizon: 2025')
        .replace('growth: 0.1,', 'growth: { dist: normal, mean: 0.05, sd: 0.05 },'),
    );
    const m = compileScenario(def);
    const exact = runCompiled(m, { runs: 800_000, thresholds: [[]] });
    expect(exact.quantileMethod).toBe('histogram');
    // analytic: henvendelser = 1000 (1 + N(0.05, 0.05))
    const q = exact.years[0].vars[3];
    expect(q.p50).toBeCloseTo(1050, 0);
    expect(q.p5).toBeCloseTo(1050 - 1.6448536 * 50, 0);
    expect(q.p95).toBeCloseTo(1050 + 1.6448536 * 50, 0);
  });
  it('every input of the baseline is an estimate or data, with its series; a hand-set one is an assumption with file and line', () => {
    const r = runScenario(loadScenario('baseline'), { runs: 2000 });
    expect(r.inputs.map((x) => x.input)).toEqual([
      'actual.bevilling',
      'actual.forbrug',
      'actual.forloeb',
      'actual.henvendelser',
      'demand.growth',
      'demand.noiseSd',
      'visitation.rate',
      'visitation.drift',
      'visitation.noiseSd',
      'costs.fixed',
      'costs.unit',
      'costs.noiseSd',
      'costs.priceGrowth',
      'bevilling.growth',
      'bevilling.noiseSd',
      'opsparing.start',
    ]);
    expect(r.inputs.every((x) => x.source.kind !== 'assumption')).toBe(true);
    expect(r.inputs.find((x) => x.input === 'demand.growth')?.source.text.en).toMatch(
      /viso\.raadgivning\.henvendelser\.i_alt, 6 steps 2014–2024; level shifts left out: 2017→2018, 2020→2023/,
    );
    const hd = runScenario(loadScenario('high-demand'), { runs: 2000 });
    expect(hd.inputs.find((x) => x.input === 'demand.growth')?.source).toMatchObject({
      kind: 'assumption',
      file: 'models/scenarios/high-demand.yaml',
      line: 20,
      column: 11,
    });
  });
  it("fixed and unit cost are drawn jointly with the cost model's correlation", () => {
    const m = prepareScenario(loadScenario('baseline'));
    expect(m.costRho).toBeCloseTo(fitCostModel(loadBundled()).corr, 12);
    const buf = blockBuffers(m);
    drawBlock(m, 0, 8192, buf.u);
    simulateBlock(m, 8192, buf);
    const h = m.years.length;
    // forbrug in the first year, given forløb, varies far less than with independent draws (corr −0,99)
    const f = buf.vals.subarray(h * 8192, h * 8192 + 8192);
    const n = buf.vals.subarray(4 * h * 8192, 4 * h * 8192 + 8192);
    const resid = Array.from(f, (x, i) => x - 0.0526 * n[i]);
    const sd = Math.sqrt(resid.reduce((a, b) => a + (b - 9.7) ** 2, 0) / resid.length);
    expect(sd).toBeLessThan(6); // independent fixed (sd 16,8) and unit would give ≈ 24
  });
  it('applies a measure through measureFactor (tightening scenario lowers forløb from 2026)', () => {
    const base = runScenario(loadScenario('baseline'), { runs: 20_000 });
    const tight = runScenario(loadScenario('tightening-2021'), { runs: 20_000, seed: base.seed });
    expect(tight.years[0].forloeb.mean).toBeCloseTo(base.years[0].forloeb.mean, 6); // 2025: not started
    expect(tight.years[2].forloeb.mean).toBeLessThan(base.years[2].forloeb.mean);
    expect(tight.years[2].pMerforbrug).toBeLessThan(base.years[2].pMerforbrug);
  });
});

describe('demand from the forecasting engine', () => {
  it('samples the path distribution of the henvendelser forecast', () => {
    const def = toy((s) =>
      s
        .replace(
          'demand: { model: growth, growth: 0.1, noiseSd: 0 }',
          'demand: { model: forecast, series: viso.raadgivning.henvendelser.i_alt, method: drift }',
        )
        .replace(
          'actual: { bevilling: 30, forbrug: 20, forloeb: 500, henvendelser: 1000 }',
          'actual: { bevilling: 158, forbrug: 143.5, forloeb: 2543, henvendelser: 5122 }',
        ),
    );
    const m = compileScenario(def);
    expect(m.demandKind).toBe(1);
    expect(m.pathMean.length).toBe(2); // 2025, 2026 after the last data year 2024
    const r = runScenario(def, { runs: 20_000 });
    // median of the simulated henvendelser = the path mean (exp of it on the log scale)
    const med = (t: number) => (m.pathLog ? Math.exp(m.pathMean[t]) : m.pathMean[t]);
    expect(r.years[0].henvendelser.p50 / med(0)).toBeCloseTo(1, 2);
    expect(r.years[1].henvendelser.p50 / med(1)).toBeCloseTo(1, 2);
    // spread: the paths are Student t with the forecast's ν (one mixing uniform per run, last column):
    // P95 = mean + qt(0.95, ν)·(row norm of L), exp() on the log scale — exactly the forecast's marginal
    expect(m.pathDf).toBe(CALIBRATION_DF.drift);
    expect(m.mixCol).toBe(m.nCols - 1);
    for (const t of [0, 1]) {
      let s2 = 0;
      for (let k = 0; k <= t; k++) s2 += m.pathChol[t * 2 + k] ** 2;
      const v95 = m.pathMean[t] + qt(0.95, m.pathDf) * Math.sqrt(s2);
      const v5 = m.pathMean[t] - qt(0.95, m.pathDf) * Math.sqrt(s2);
      // Monte Carlo error of a 5 % quantile of 20,000 heavy-tailed draws ≈ 0.3 %; Gaussian paths would miss by 7–9 %
      expect(Math.abs(r.years[t].henvendelser.p95 / (m.pathLog ? Math.exp(v95) : v95) - 1)).toBeLessThan(0.015);
      expect(Math.abs(r.years[t].henvendelser.p5 / (m.pathLog ? Math.exp(v5) : v5) - 1)).toBeLessThan(0.015);
    }
    // same seed → identical results
    expect(runScenario(def, { runs: 5_000 })).toEqual(runScenario(def, { runs: 5_000 }));
  });
  it('growth-model scenarios have Gaussian shocks and no mixing column', () => {
    const m = compileScenario(toy());
    expect(m.mixCol).toBe(-1);
    expect(m.pathMix).toBeNull();
  });
});

describe('runCompiled: every run’s rows (rows: true)', () => {
  const m = prepareScenario(loadScenario('baseline'), { seed: 5 });
  const o = { runs: 12_345, thresholds: m.years.map(() => [150]) };
  it('changes no summary, and gives forbrug and bevilling of every run in run order (the runs yearSample simulates)', () => {
    const plain = runCompiled(m, o);
    const withRows = runCompiled(m, { ...o, rows: true });
    expect(plain.rows).toBeUndefined();
    const { rows, ...summaries } = withRows;
    expect(summaries).toEqual(plain);
    expect(rows!.forbrug).toHaveLength(m.years.length);
    for (const t of [0, 2, m.years.length - 1]) {
      const s = yearSample(m, o.runs, t);
      expect(rows!.forbrug[t]).toEqual(s.forbrug);
      expect(rows!.bevilling[t]).toEqual(s.bevilling);
    }
    // run order, not sorted (the summaries sorted their own arrays)
    const f = rows!.forbrug[1];
    expect(f.some((x, i) => i > 0 && x < f[i - 1])).toBe(true);
  });
  it('is refused when the run summarises into histograms (the values are not kept)', () => {
    expect(() => runCompiled(m, { runs: 700_000, thresholds: m.years.map(() => []), rows: true })).toThrow(
      /exact mode/,
    );
  });
});

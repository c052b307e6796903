import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import {
  argminConvex,
  backtestScenario,
  decidedMeasures,
  K_SE_GROUPS,
  K_SE_MIN_GROUP_RUNS,
  sampleYears,
  spreadKStandardError,
  widen,
} from '../../src/scenario/backtest.js';
import { Rng } from '../../src/stats/rng.js';
import { invNorm } from '../../src/stats/normal.js';
import { ONE_FORECAST_MAX_RUNS, oneForecast, parameterSpread } from '../../src/scenario/headline.js';
import { DEFAULT_RUNS } from '../../src/defaults.js';
import { prepareWithInputs, runScenario } from '../../src/scenario/scenario.js';
import { widenedExceedance } from '../../src/scenario/widen.js';
import { loadBundled } from '../../src/data/bundled.js';
import { datasetUntil } from '../../src/scenario/estimate.js';
import { evaluateMeasure, effectFromEvaluation } from '../../src/measures/evaluate.js';
import { findMeasure } from '../../src/measures/load.js';

describe('backtestScenario (the whole pipeline from every vantage year)', () => {
  const bt = backtestScenario(loadScenario('baseline'), { runs: 4000 });
  it('replays from every vantage year the data allows; 2021 has no actual and is skipped, never interpolated', () => {
    expect(bt.vantages).toEqual([2016, 2017, 2018, 2019, 2020, 2022, 2023]);
    expect(bt.skipped).toEqual([
      {
        vantage: 2019,
        target: 2021,
        reason: 'no actual spending or appropriation 2021 in the data (not interpolated)',
      },
      {
        vantage: 2020,
        target: 2021,
        reason: 'no actual spending or appropriation 2021 in the data (not interpolated)',
      },
    ]);
    expect(bt.points.every((p) => p.target !== 2021)).toBe(true);
    const targets = bt.points.filter((p) => p.mode === 'asKnown').map((p) => `${p.vantage}→${p.target}`);
    expect(targets).toEqual([
      '2016→2017',
      '2016→2018',
      '2017→2018',
      '2017→2019',
      '2018→2019',
      '2018→2020',
      '2019→2020',
      '2020→2022',
      '2022→2023',
      '2022→2024',
      '2023→2024',
    ]);
    expect(bt.points.find((p) => p.target === 2022)?.actual).toBe(112.3);
  });
  it('withDecisions from 2020: the May and September 2021 measures with effects from the 2018 evaluation on the data up to 2020; 112,3 inside the 95 % interval', () => {
    const p = bt.points.find((x) => x.mode === 'withDecisions' && x.vantage === 2020 && x.target === 2022)!;
    const later = p.measures.filter((m) => m.effect.kind !== 'known');
    expect(later.map((m) => m.id)).toEqual(['initiatives-2021-05', 'tightening-2021-09']);
    for (const m of later) expect(m.effect).toMatchObject({ kind: 'evidence', from: 'measures-2018' });
    expect(p.driver.quantiles.p2_5).toBeLessThan(112.3);
    expect(p.driver.quantiles.p97_5).toBeGreaterThan(112.3);
    expect(p.driver.inside['95']).toBe(true);
    // the evidence is the 2018 evaluation computed on the data up to 2020 only: the same with or without the later data
    const ev = evaluateMeasure(findMeasure('measures-2018'), datasetUntil(loadBundled(), 2020), {
      runs: 2000,
      seed: 1,
      until: 2020,
    });
    const e = effectFromEvaluation(ev, 'visitation.i_alt') as { values: number[] };
    const tight = later.find((m) => m.id === 'tightening-2021-09')!;
    expect((tight.effect as { median: number }).median).toBe(e.values[Math.floor(e.values.length / 2)]);
    // reported beside it: the asKnown replay (no 2021 measures) misses 2022 below its interval
    const k = bt.points.find((x) => x.mode === 'asKnown' && x.vantage === 2020 && x.target === 2022)!;
    expect(k.measures.filter((m) => m.effect.kind !== 'known')).toEqual([]);
    expect(k.driver.quantiles.p50).toBeGreaterThan(p.driver.quantiles.p50);
  });
  it("before any measure could be evaluated, a later measure keeps the measure file's prior (an assumption)", () => {
    const p = bt.points.find((x) => x.mode === 'withDecisions' && x.vantage === 2017)!;
    expect(p.measures.find((m) => m.id === 'measures-2018')?.effect).toMatchObject({
      kind: 'prior',
      file: 'models/measures/measures-2018.yaml',
      median: -0.06,
    });
  });
  it('scores every point for the driver, the time series and naive; summaries per mode, model and horizon with the 80 % binomial interval', () => {
    for (const p of bt.points) {
      for (const f of [p.driver, p.timeSeries, p.naive, p.calibrated!]) {
        expect(f.crps).toBeGreaterThanOrEqual(0);
        expect(f.pit).toBeGreaterThanOrEqual(0);
        expect(f.pit).toBeLessThanOrEqual(1);
        expect(f.quantiles.p2_5).toBeLessThanOrEqual(f.quantiles.p50);
      }
    }
    const s = bt.summary.find((x) => x.mode === 'withDecisions' && x.model === 'driver' && x.h === 1)!.scores;
    expect(s.n).toBe(6);
    expect(s.coverage80Interval[0]).toBeLessThan(s.coverage['80'] + 1e-12);
    expect(bt.summary.some((x) => x.model === 'calibrated' && x.h === 'all')).toBe(true);
    expect(bt.calibration.byMode.map((m) => m.mode)).toEqual(['asKnown', 'withDecisions']);
    expect(bt.calibration.k).toBeGreaterThanOrEqual(bt.calibration.range[0]);
    expect(bt.calibration.k).toBeLessThanOrEqual(bt.calibration.range[1]);
  });
  it('calibration.horizons: the h of the points k was fitted on (withDecisions), empty when k could not be fitted', () => {
    expect(bt.calibration.horizons).toEqual([1, 2]);
    const one = backtestScenario(loadScenario('baseline'), {
      runs: 2000,
      vantages: [2016, 2017, 2018],
      horizons: [1],
      modes: ['asKnown'],
    });
    expect(one.points.map((p) => p.h)).toEqual([1, 1, 1]);
    expect(one.calibration.horizons).toEqual([1]);
    const none = backtestScenario(loadScenario('baseline'), { runs: 2000, vantages: [2017], horizons: [1] });
    expect(none.points.filter((p) => p.mode === 'withDecisions')).toHaveLength(1);
    expect(none.calibration.k).toBe(1);
    expect(none.calibration.horizons).toEqual([]);
  });
  it('k is the CRPS minimum itself, not a grid point: the seed moves it by Monte Carlo error only (a 0,2-step grid flipped 1,4 ↔ 1,6)', () => {
    const ks = [1, 2, 3].map(
      (seed) => backtestScenario(loadScenario('baseline'), { runs: 10_000, seed }).calibration.k,
    );
    expect(Math.max(...ks) - Math.min(...ks)).toBeLessThan(0.05);
    expect(ks.every((k) => k > 1.3 && k < 1.7)).toBe(true);
    // not on the old grid's steps
    expect(ks.some((k) => Math.abs(k * 5 - Math.round(k * 5)) > 1e-9)).toBe(true);
  });
  it('is reproducible for a seed', () => {
    const again = backtestScenario(loadScenario('baseline'), {
      runs: 4000,
      vantages: [2020],
      modes: ['withDecisions'],
    });
    const p = bt.points.find((x) => x.mode === 'withDecisions' && x.vantage === 2020)!;
    expect(again.points[0].driver).toEqual(p.driver);
  });
  it('the decided measures are the bundled measures dated by an event', () => {
    expect(decidedMeasures(loadBundled()).map((m) => m.id)).toEqual([
      'measures-2018',
      'initiatives-2021-05',
      'tightening-2021-09',
    ]);
    expect(Array.from(widen(Float64Array.from([1, 2, 3]), 2))).toEqual([0, 2, 4]);
  });
});

describe('argminConvex (golden-section search, the minimiser of the spread calibration)', () => {
  it('finds an interior minimum to 3 decimals, and the end of the range when the minimum lies beyond it', () => {
    expect(argminConvex((x) => (x - 1.234) ** 2, 0.5, 4)).toBe(1.234);
    expect(argminConvex((x) => Math.abs(x - 2.5) + 0.1 * x, 0.5, 4)).toBe(2.5);
    expect(argminConvex((x) => x, 0.5, 4)).toBe(0.5);
    expect(argminConvex((x) => -x, 0.5, 4)).toBe(4);
  });
});

describe('spreadKStandardError (batch means over interleaved run groups)', () => {
  // forecasts N(0, 1) for actuals drawn from N(0, 1.5²): the CRPS-optimal k is about 1.5
  const actuals = Array.from({ length: 6 }, (_, i) => 1.5 * [-1.2, 0.4, 1.6, -0.3, 0.9, -1.8][i]);
  const fit = (seed: number, runs: number) => {
    const rng = new Rng(seed, 1);
    const samples = actuals.map(() => Float64Array.from({ length: runs }, () => invNorm(rng.uniform())));
    const sorted = samples.map((x) => Float64Array.from(x).sort());
    // k from all runs, the same rule as the calibration (mean CRPS of the widened samples, minimised)
    const crps = (x: Float64Array, y: number, k: number) => {
      const m = x[x.length >> 1];
      let a = 0;
      for (const v of x) a += Math.abs(m + k * (v - m) - y);
      let b = 0;
      for (let i = 0; i < x.length; i++) b += (2 * (i + 1) - x.length - 1) * x[i];
      return a / x.length - (k * b) / (x.length * x.length);
    };
    const k = argminConvex((kk) => sorted.reduce((s, x, i) => s + crps(x, actuals[i], kk), 0), 0.5, 4);
    return { k, se: spreadKStandardError(samples, actuals)! };
  };
  it('the stated se(k) matches the standard deviation of k over independent seeds (within its own sampling error)', () => {
    const fits = Array.from({ length: 30 }, (_, i) => fit(i + 1, 2000));
    const ks = fits.map((f) => f.k);
    const mean = ks.reduce((a, b) => a + b, 0) / ks.length;
    const sd = Math.sqrt(ks.reduce((a, b) => a + (b - mean) ** 2, 0) / (ks.length - 1));
    const se = fits.reduce((a, f) => a + f.se, 0) / fits.length;
    expect(se / sd).toBeGreaterThan(0.7);
    expect(se / sd).toBeLessThan(1.4);
  });
  it('halves with four times the runs (Monte Carlo error ∝ 1/√runs)', () => {
    const a = Array.from({ length: 8 }, (_, i) => fit(100 + i, 2000).se);
    const b = Array.from({ length: 8 }, (_, i) => fit(200 + i, 8000).se);
    const ratio = b.reduce((x, y) => x + y, 0) / a.reduce((x, y) => x + y, 0);
    expect(ratio).toBeGreaterThan(0.35);
    expect(ratio).toBeLessThan(0.7);
  });
  it(`is undefined when a group would have fewer than ${K_SE_MIN_GROUP_RUNS} runs (${K_SE_GROUPS} groups)`, () => {
    const x = Float64Array.from({ length: K_SE_GROUPS * K_SE_MIN_GROUP_RUNS - 1 }, (_, i) => i);
    expect(spreadKStandardError([x], [10])).toBeUndefined();
    expect(spreadKStandardError([], [])).toBeUndefined();
    const rng = new Rng(7, 1);
    const y = Float64Array.from({ length: K_SE_GROUPS * K_SE_MIN_GROUP_RUNS }, () => invNorm(rng.uniform()));
    // an actual 2.5 sd out: k is inside SPREAD_RANGE, and each group's fit differs a little
    expect(spreadKStandardError([y], [2.5])).toBeGreaterThan(0);
  });
  it('kWithoutVantage: k refitted without one vantage year is the k of the backtest run without that year (same runs and seed)', () => {
    const def = loadScenario('baseline');
    const bt = backtestScenario(def, { runs: 4000 });
    const kw = bt.calibration.kWithoutVantage!;
    expect(kw.map((x) => x.vantage)).toEqual([2016, 2017, 2018, 2019, 2020, 2022, 2023]);
    expect(bt.calibration.kPoints).toBe(11);
    for (const v of [2016, 2020]) {
      const without = backtestScenario(def, { runs: 4000, vantages: kw.map((x) => x.vantage).filter((w) => w !== v) });
      expect(kw.find((x) => x.vantage === v)!.k).toBe(without.calibration.k);
    }
    // too few years to leave one out: absent
    const two = backtestScenario(def, { runs: 2000, vantages: [2019, 2020] });
    expect(two.calibration.kWithoutVantage).toBeUndefined();
  });
  it('the headline backtest states it next to k', () => {
    const bt = backtestScenario(loadScenario('baseline'), { runs: 4000 });
    expect(bt.calibration.kSe).toBeGreaterThan(0);
    expect(bt.calibration.kSe).toBeLessThan(0.1);
  });
});

describe('the one forecast and the headline uncertainty', () => {
  const def = loadScenario('baseline');
  it('k = 1 is the driver model itself; k > 1 widens around the median', () => {
    const a = oneForecast(def, { k: 1, years: 2, runs: 20_000 });
    const r = runScenario(def, { runs: 20_000 });
    expect(a.years[1].p.forecast).toBe(a.years[1].p.driver);
    expect(a.years[1].p.driver).toBe(r.years[1].pMerforbrug); // the same runs
    const b = oneForecast(def, { k: 1.5, years: 2, runs: 20_000 });
    expect(b.years[1].forecast.p50).toBeCloseTo(a.years[1].forecast.p50, 2); // widened around the sample's middle value
    expect(b.years[1].forecast.p90 - b.years[1].forecast.p50).toBeCloseTo(
      1.5 * (a.years[1].forecast.p90 - a.years[1].forecast.p50),
      2,
    );
    expect(b.years[1].timeSeries.p50).toBeGreaterThan(0);
  });
  it("runs by default the scenario's runs up to ONE_FORECAST_MAX_RUNS, as the report's headline (not a default of its own)", () => {
    const few = { ...def, runs: 3000 };
    const a = oneForecast(few, { k: 1.5, years: 2 });
    expect(a.runs).toBe(3000);
    expect(a.years[1].p.forecast).toBe(oneForecast(few, { k: 1.5, years: 2, runs: 3000 }).years[1].p.forecast);
    expect(ONE_FORECAST_MAX_RUNS).toBe(100_000);
    expect(def.runs).toBe(DEFAULT_RUNS);
  });
  it('its opsparing: k = 1 is the engine balance; with k the first year uses the widened forbrug against bevilling + the opening balance', () => {
    const small = { ...def, budget: { ...def.budget, start: 5 } }; // a small opening balance, so P(beyond) is not 0
    const a = oneForecast(small, { k: 1, years: 3, runs: 20_000 });
    const r = runScenario(small, { runs: 20_000 });
    for (let t = 0; t < 3; t++) {
      expect(a.years[t].opsparing.pBeyond).toBe(r.years[t].pBeyondOpsparing); // the same runs, the same rules
      expect(a.years[t].opsparing.mean).toBeCloseTo(r.years[t].opsparing.mean, 6);
    }
    expect(a.years[2].opsparing.pBeyond).toBeGreaterThan(0.05);
    const b = oneForecast(small, { k: 1.6, years: 3, runs: 20_000 });
    const { model } = prepareWithInputs(small, {});
    const y0 = sampleYears(model, 20_000, [0]);
    expect(b.years[0].opsparing.pBeyond).toBe(
      widenedExceedance({ forbrug: y0.forbrug[0], bevilling: y0.bevilling[0] }, 1.6, 'merforbrug', 5),
    );
    expect(b.years[1].opsparing.p90 - b.years[1].opsparing.p10).toBeGreaterThan(
      a.years[1].opsparing.p90 - a.years[1].opsparing.p10,
    ); // a wider forecast, a wider balance
  });
  it('the parameter spread: P given the parameters varies around the unconditional P', () => {
    const s = parameterSpread(def, { year: 2026, draws: 100, runsPerDraw: 1024 });
    const p = runScenario(def, { runs: 50_000 }).years[1].pMerforbrug;
    expect(s.p10).toBeLessThan(p);
    expect(s.p90).toBeGreaterThan(p);
    expect(Math.abs(s.mean - p)).toBeLessThan(0.05);
  });
  it('the parameter spread by default: 800 draws × 512 runs, whose ends the seed moves by under 4 pct.-point (200 × 2.048 moved p10 by 5)', () => {
    const rs = [1, 2, 3].map((seed) => parameterSpread(def, { year: 2026, seed }));
    expect(rs.map((r) => [r.draws, r.runsPerDraw])).toEqual([
      [800, 512],
      [800, 512],
      [800, 512],
    ]);
    for (const key of ['p10', 'p90'] as const) {
      const xs = rs.map((r) => r[key]);
      expect(Math.max(...xs) - Math.min(...xs), key).toBeLessThan(0.04);
    }
  });
});

describe('backtestScenario: bad arguments', () => {
  it('a seed that is no integer 0–4294967295, runs outside 100–10.000.000 and what is no scenario are UsageErrors before any replay', () => {
    const def = loadScenario('baseline');
    expect(() => backtestScenario(def, { runs: 200, seed: NaN })).toThrow(
      'seed must be an integer from 0 to 4294967295, got NaN',
    );
    expect(() => backtestScenario(def, { runs: 1e12 })).toThrow(
      'runs must be an integer from 100 to 10,000,000, got 1000000000000',
    );
    expect(() => backtestScenario(undefined as never)).toThrow(UsageError);
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError, userMessage } from '../../src/errors.js';
import { loadBundled } from '../../src/data/bundled.js';
import { datasetUntil, estimateScenarioInputs, growthDist, logDrift } from '../../src/scenario/estimate.js';
import { fitCostModel } from '../../src/cost/model.js';

describe('logDrift (random walk with drift on the log scale)', () => {
  it('uses a gap as one k-year step: μ = ΣΔ/Σk, σ² = Σ(Δ − kμ)²/k / (m − 1), se = σ/√Σk', () => {
    const d = logDrift([
      { year: 2014, value: 100 },
      { year: 2015, value: 100 * Math.exp(0.1) },
      { year: 2017, value: 100 * Math.exp(0.24) },
    ])!;
    expect(d.mu).toBeCloseTo(0.08, 12);
    expect(d.sd).toBeCloseTo(Math.sqrt(0.0006), 12);
    expect(d.se).toBeCloseTo(Math.sqrt(0.0006) / Math.sqrt(3), 12);
    expect(d.steps.map((s) => [s.from, s.to])).toEqual([
      [2014, 2015],
      [2015, 2017],
    ]);
  });
  it('leaves out a step spanning a level shift (a measure) or ending in a registration break', () => {
    const pts = [
      { year: 2014, value: 100 },
      { year: 2015, value: 110 },
      { year: 2016, value: 121 },
      { year: 2018, value: 90 },
      { year: 2019, value: 99 },
      { year: 2020, value: 500, flags: ['registration_break' as const] },
    ];
    const d = logDrift(pts, { shiftYears: [2017] })!;
    expect(d.mu).toBeCloseTo(Math.log(1.1), 12);
    expect(d.sd).toBeCloseTo(0, 12);
    expect(d.excluded.map((x) => `${x.from}→${x.to}: ${x.reason}`)).toEqual([
      '2016→2018: level shift 2017',
      '2019→2020: registration break 2020',
    ]);
    expect(
      logDrift([
        { year: 2014, value: 1 },
        { year: 2015, value: 2 },
      ]),
    ).toBeNull(); // one step: no noise estimate
  });
  it('growthDist: the growth g of x_t = x_{t−1}(1 + g)exp(σz − σ²/2) with the same median path, and its SE', () => {
    expect(growthDist({ mu: 0.05, se: 0.02, sd: 0.04 })).toEqual({
      dist: 'normal',
      mean: Math.exp(0.05 + 0.0008) - 1,
      sd: 0.02 * Math.exp(0.0508),
    });
  });
});

describe('estimateScenarioInputs', () => {
  const ds = loadBundled();
  it('reads only the data up to the vantage year (datasetUntil)', () => {
    const v = datasetUntil(ds, 2020);
    expect(v.get('viso.raadgivning.forbrug').points.at(-1)?.year).toBe(2020);
    expect(v.events?.every((e) => e.year <= 2020)).toBe(true);
    expect(v.has('viso.raadgivning.temaforloeb.i_alt')).toBe(false); // only 2024
    expect(estimateScenarioInputs(ds, 2020)).toEqual(estimateScenarioInputs(v, 2020));
  });
  it('at 2024: demand growth from 2014–2024 with the measure periods as level shifts, the 2024 visitation rate, the cost model of the data', () => {
    const e = estimateScenarioInputs(ds, 2024);
    expect(e.demand.drift.excluded.map((x) => `${x.from}→${x.to}`)).toEqual(['2017→2018', '2020→2023']);
    // the six comparable steps: 2014→15, 15→16, 16→17, 18→19, 19→20, 23→24
    const h = [3836, 4119, 4664, 4801, 4714, 5545, 5870, 4466, 5122];
    const steps = [
      [0, 1],
      [1, 2],
      [2, 3],
      [4, 5],
      [5, 6],
      [7, 8],
    ].map(([a, b]) => Math.log(h[b] / h[a]));
    expect(e.demand.drift.mu).toBeCloseTo(steps.reduce((a, b) => a + b, 0) / 6, 12);
    expect(e.actual).toMatchObject({ year: 2024, bevilling: 158, forbrug: 143.5, forloeb: 2543, henvendelser: 5122 });
    expect(e.actual.visitationRate).toBeCloseTo(2543 / 5122, 12);
    expect(e.visitation.est.excluded.map((x) => x.reason)).toEqual([
      'measure 2018',
      'measure 2021',
      'registration break 2024',
    ]);
    const cm = fitCostModel(ds);
    expect(e.costs.model.unit).toEqual(cm.unit);
    expect(e.costs.model.corr).toBeCloseTo(cm.corr, 12);
    expect(e.bevilling.est.steps).toHaveLength(12); // 2011–2020 yearly and 2020→2022 as one 2-year step, 2023, 2024
    expect(e.bevilling.est.mu).toBeCloseTo(Math.log(158 / 147.7) / 13, 12);
  });
  it('at 2020: forbrug without the 1,2 mio. kr. COVID-19 costs as the level to continue from', () => {
    const e = estimateScenarioInputs(ds, 2020);
    expect(e.actual.forbrug).toBe(143.9);
    expect(e.actual.forbrugModel).toBeCloseTo(142.7, 10);
    expect(e.costs.model.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020]);
  });
  it('at 2022 (no activity data): forløb and henvendelser are a nowcast, the visitation rate the last observed (2020)', () => {
    const e = estimateScenarioInputs(ds, 2022);
    expect(Number.isNaN(e.actual.forloeb)).toBe(true);
    expect(e.actual.visitationYear).toBe(2020);
    expect(e.actual.text.forloeb.en).toMatch(/^Nowcast/);
  });
  it('shares of hovedområder from the latest five years with a split (voksne 54 % of forløb)', () => {
    const e = estimateScenarioInputs(ds, 2024);
    const v = e.shares.forloeb.voksne;
    expect(v.years).toEqual([2016, 2017, 2018, 2019, 2020]);
    const s = [1158 / 2063, 1067 / 1955, 927 / 1827, 1129 / 2065, 1164 / 2164];
    expect(v.dist).toMatchObject({ dist: 'normal', min: 0, max: 1 });
    expect((v.dist as { mean: number }).mean).toBeCloseTo(s.reduce((a, b) => a + b, 0) / 5, 12);
  });
  it('refuses a vantage whose data cannot support the estimates', () => {
    expect(() => estimateScenarioInputs(ds, 2015)).toThrow(/fewer than two comparable yearly steps/);
    // the refusal carries a code: worded in the user's language by the command line
    let err: unknown;
    try {
      estimateScenarioInputs(ds, 2015);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect(userMessage(err as UsageError, 'da')).toMatch(/færre end to sammenlignelige årlige trin/);
  });
});

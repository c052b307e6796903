import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { linearRegression } from 'simple-statistics';
import { loadBundled } from '../../src/data/bundled.js';
import {
  bootstrapCostModel,
  costModelSensitivity,
  drawCostParams,
  fitCostModel,
  influenceLimits,
  predictCost,
} from '../../src/cost/model.js';
import { defaultCostAssumptions } from '../../src/cost/assumptions.js';

const ds = loadBundled();

describe('fitCostModel', () => {
  it('without a break equals simple linear regression on 2014–2019', () => {
    const m = fitCostModel(ds, { breakYear: null, excludeYears: [2020, 2023, 2024] });
    const pts: [number, number][] = [
      [1733, 121.6],
      [1920, 129.4],
      [2063, 139.6],
      [1955, 131.9],
      [1827, 120.9],
      [2065, 136.5],
    ];
    const lr = linearRegression(pts);
    expect(m.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019]);
    expect(m.unit.mean).toBeCloseTo(lr.m, 12);
    expect(m.fixed.mean).toBeCloseTo(lr.b, 9);
    expect(m.breakShift).toBeUndefined();
    expect(m.df).toBe(4);
  });

  it('uses 2014–2020 and 2023–2024 with a break indicator and COVID costs removed', () => {
    const m = fitCostModel(ds, { breakYear: 2023 });
    expect(m.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2023, 2024]);
    expect(m.breakShift?.fromYear).toBe(2023);
    const r2020 = m.diagnostics.rows.find((r) => r.year === 2020)!;
    expect(r2020.forbrug).toBeCloseTo(143.9 - 1.2, 10);
    // current-regime fixed = intercept + shift
    expect(m.fixed.mean).toBeCloseTo(m.preBreakFixed.mean + m.breakShift!.mean, 10);
    expect(m.unit.mean).toBeGreaterThan(0);
    expect(m.unit.sd).toBeGreaterThan(0);
    expect(m.corr).toBeLessThan(0); // intercept and slope trade off
    expect(m.corr).toBeGreaterThanOrEqual(-1);
    const sumLev = m.diagnostics.rows.reduce((s, r) => s + r.leverage, 0);
    expect(sumLev).toBeCloseTo(3, 10); // trace of the hat matrix = number of coefficients
    expect(m.diagnostics.notes[0]).toEqual({ code: 'cost.note.tinySample', params: { n: 9, df: 6 } });
    expect(m.diagnostics.dropOne).toHaveLength(9);
  });

  it('by default treats 2024 alone as the new registration regime, so it does not inform the marginal cost', () => {
    const m = fitCostModel(ds);
    expect(m.breakShift?.fromYear).toBe(2024);
    const r2024 = m.diagnostics.rows.find((r) => r.year === 2024)!;
    expect(r2024.residual).toBeCloseTo(0, 8);
    expect(r2024.leverage).toBeCloseTo(1, 8);
    // same marginal cost as fitting without 2024 and without a break
    const without = fitCostModel(ds, { breakYear: null, excludeYears: [2024] });
    expect(m.unit.mean).toBeCloseTo(without.unit.mean, 12);
    // the current-regime fixed cost reproduces 2024
    expect(m.fixed.mean + m.unit.mean * 2543).toBeCloseTo(143.5, 8);
    const sens = costModelSensitivity(ds);
    expect(sens).toHaveLength(6);
    expect(sens[0].unitKr).toBeCloseTo(m.unit.mean * 1e6, 6);
    // the cohort timing fits forbrug on the forløb started in t and t − 1: only years with both (2015–2020, 2024)
    const timed = sens[5];
    expect(timed.label).toEqual({ code: 'cost.spec.cohortTiming', params: { share: timed.cohortShare } });
    expect(timed.n).toBe(7);
    const share = timed.cohortShare!;
    const direct = fitCostModel(ds, { cohortShare: share });
    expect(direct.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2024]);
    const row = direct.diagnostics.rows.find((r) => r.year === 2016)!;
    expect(row.forloeb).toBeCloseTo(share * 2063 + (1 - share) * 1920, 9);
    expect(timed.unitKr).toBeCloseTo(direct.unit.mean * 1e6, 6);
  });

  it('fixed prices deflate with the PL index', () => {
    const cur = fitCostModel(ds, { breakYear: null, excludeYears: [2020, 2023, 2024] });
    const fix = fitCostModel(ds, {
      breakYear: null,
      excludeYears: [2020, 2023, 2024],
      prices: 'fixed',
      assumptions: { ...defaultCostAssumptions(), pl: { defaultRate: 0, defaultLabel: '0', overrides: {} } },
    });
    expect(fix.unit.mean).toBeCloseTo(cur.unit.mean, 12);
    const fix2 = fitCostModel(ds, { prices: 'fixed' });
    expect(fix2.prices).toBe('fixed');
    expect(fix2.diagnostics.rows[0].forbrug).toBeCloseTo(121.6 * 1.02 ** 10, 8);
  });

  it("flags a year as high-leverage above 2p/n and influential above Cook's D 4/n, the limits influenceLimits gives", () => {
    expect(influenceLimits(3, 9)).toEqual({ leverage: 6 / 9, cooksD: 4 / 9 });
    const m = fitCostModel(ds, { breakYear: null });
    const lim = influenceLimits(m.diagnostics.coefficients.length, m.diagnostics.n);
    const noted = (code: string) =>
      m.diagnostics.notes.filter((x) => x.code === code).map((x) => (x.params as { year: number }).year);
    const rows = m.diagnostics.rows;
    expect(noted('cost.note.leverage')).toEqual(rows.filter((r) => r.leverage > lim.leverage).map((r) => r.year));
    expect(noted('cost.note.influential')).toEqual(rows.filter((r) => r.cooksD > lim.cooksD).map((r) => r.year));
    expect(noted('cost.note.influential').length).toBeGreaterThan(0);
  });

  it('draws parameters with the fitted correlation and predicts with uncertainty', () => {
    const m = fitCostModel(ds);
    const mid = drawCostParams(m, 0.5, 0.5);
    expect(mid.fixed).toBeCloseTo(m.fixed.mean, 12);
    expect(mid.unit).toBeCloseTo(m.unit.mean, 12);
    const p = predictCost(m, 2543);
    expect(p.mean).toBeCloseTo(m.fixed.mean + m.unit.mean * 2543, 10);
    expect(p.sdYear).toBeGreaterThan(p.sdMean);
  });

  it('bootstraps residuals reproducibly, agreeing with the OLS standard error', () => {
    const m = fitCostModel(ds);
    const b = bootstrapCostModel(m, { runs: 1000, seed: 5 });
    expect(b.runs).toBe(1000);
    expect(b.unit.lower95).toBeLessThan(m.unit.mean);
    expect(b.unit.upper95).toBeGreaterThan(m.unit.mean);
    expect(b.unit.sd / m.unit.sd).toBeGreaterThan(0.5);
    expect(b.unit.sd / m.unit.sd).toBeLessThan(2);
    expect(b.corr).toBeLessThan(0);
    expect(bootstrapCostModel(m, { runs: 1000, seed: 5 })).toEqual(b);
  });
});

describe('bootstrapCostModel: bad runs and seed', () => {
  it('runs outside 1–1.000.000 and a seed that is no integer are refused first (0 runs gave NaN intervals, 1e12 a failed allocation)', () => {
    const m = fitCostModel(loadBundled());
    expect(() => bootstrapCostModel(m, { runs: 0 })).toThrow('runs must be an integer from 1 to 1,000,000, got 0');
    expect(() => bootstrapCostModel(m, { runs: 1e12 })).toThrow(UsageError);
    expect(() => bootstrapCostModel(m, { runs: 100, seed: 1.5 })).toThrow(
      'seed must be an integer from 0 to 4,294,967,295, got 1.5',
    );
  });
});

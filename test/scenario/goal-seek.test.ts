import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { goalSeek, goalSeekModels } from '../../src/scenario/goal-seek.js';
import { parseTarget, readTarget } from '../../src/scenario/target.js';
import { prepareScenario } from '../../src/scenario/scenario.js';
import { exceedance } from '../../src/scenario/run.js';
import { UsageError } from '../../src/errors.js';
import { scenarioDir, solved, TOY } from './helpers.js';

// Only the visitation rate is uncertain: uniform(0.4, 0.6). 2025: forbrug = 10 + 0.02·1100·v = 10 + 22 v,
// bevilling 30 → merforbrug > 0 ⇔ v > 20/22 · … : use bevilling 21 so merforbrug > 0 ⇔ v > 0.5 (P = 0.5).
const def = () =>
  loadScenario(
    join(
      scenarioDir({
        's.yaml': TOY.replace(
          'visitation: { rate: 0.5, drift: 0, noiseSd: 0 }',
          'visitation: { rate: { dist: uniform, min: 0.4, max: 0.6 }, drift: 0, noiseSd: 0 }',
        )
          .replace('bevilling: 30', 'bevilling: 21')
          .replace('runs: 1000', 'runs: 100000'),
      }),
      's.yaml',
    ),
  );

describe('parseTarget', () => {
  it('parses probability targets', () => {
    expect(parseTarget('P(merforbrug>0, 2026) <= 0.2')).toEqual({
      variable: 'merforbrug',
      threshold: 0,
      year: 2026,
      op: '<=',
      value: 0.2,
      text: 'P(merforbrug>0, 2026) <= 0.2',
    });
    expect(parseTarget('P(forbrug > 150,5; 2027) >= 10%')).toMatchObject({
      variable: 'forbrug',
      threshold: 150.5,
      year: 2027,
      op: '>=',
      value: 0.1,
    });
  });
  it.each(['P(merforbrug>0) <= 0.2', 'E(merforbrug, 2026) <= 0', 'P(merforbrug>0, 2026) <= 2'])('rejects %s', (t) => {
    expect(() => parseTarget(t)).toThrow(UsageError);
  });
});

describe('readTarget: a target given to the API as text or as an object', () => {
  const ok = { variable: 'merforbrug', threshold: 0, year: 2026, op: '<=', value: 0.2, text: 't' } as const;
  it('parses a text and takes a whole GoalTarget object as it is', () => {
    expect(readTarget('P(merforbrug>0, 2026) <= 0.2')).toEqual(parseTarget('P(merforbrug>0, 2026) <= 0.2'));
    expect(readTarget(ok)).toEqual(ok);
  });
  it('refuses a missing target and an object with a field missing or wrong, naming the field (a partial object ran the search on NaN)', () => {
    expect(() => readTarget(undefined)).toThrow(
      'target must be a text such as "P(merforbrug>0, 2026) <= 0.2" or a GoalTarget object, got undefined',
    );
    expect(() => readTarget({ year: 2026 })).toThrow(
      'target.variable must be one of merforbrug, forbrug, beyondOpsparing, got undefined',
    );
    expect(() => readTarget({ ...ok, threshold: NaN })).toThrow(
      'target.threshold must be a finite number (mio. kr.), got NaN',
    );
    expect(() => readTarget({ ...ok, year: '2026' })).toThrow('target.year must be a year (an integer), got "2026"');
    expect(() => readTarget({ ...ok, op: '<' })).toThrow('target.op must be "<=" or ">=", got "<"');
    expect(() => readTarget({ ...ok, value: 20 })).toThrow('target.value must be a probability from 0 to 1, got 20');
    expect(() => readTarget({ ...ok, value: 20 })).toThrow(UsageError);
  });
});

describe('goalSeek', () => {
  it('finds the analytic visitation change with common random numbers', () => {
    // need P(v·(1+x) > 0.5) = 0.2 ⇒ (1+x)·0.56 = 0.5 (v's 80th percentile is 0.56) ⇒ x = −0.10714
    const g = solved(goalSeek(def(), { lever: 'visitation', target: 'P(merforbrug>0, 2025) <= 0.2' }));
    expect(g.p0).toBeCloseTo(0.5, 2);
    expect(g.change).toBeCloseTo(0.5 / 0.56 - 1, 2);
    expect(g.p).toBeLessThanOrEqual(0.2);
    expect(g.se).toBeCloseTo(Math.sqrt((g.p * (1 - g.p)) / 100000), 12);
    expect(g.changeInterval[0]).toBeLessThan(g.change);
    expect(g.changeInterval[1]).toBeGreaterThan(g.change);
    // smallest: a slightly smaller change misses the target (same uniforms)
    const m = prepareScenario(def(), { levers: { visitationMult: 1 + g.change * 0.99 } });
    expect(exceedance(m, 100000, 0, 'merforbrug', 0)).toBeGreaterThan(0.2);
  });
  it('a missing options object or scenario is a UsageError saying what goes there (not a TypeError reading target)', () => {
    expect(() => goalSeek(def(), undefined as never)).toThrow(
      /^goalSeek\(def, options\): options must be an object such as \{ lever: "visitation", target: .*, got undefined$/,
    );
    expect(() => goalSeek(undefined as never, { lever: 'visitation', target: 'P(merforbrug>0, 2025) <= 0.1' })).toThrow(
      /^the scenario must be a definition from loadScenario/,
    );
    expect(() => goalSeek(def(), { lever: 'visitation', target: 'P(merforbrug>0, 2025) <= 0.1', seed: 1.5 })).toThrow(
      'seed must be an integer from 0 to 4294967295, got 1.5',
    );
  });
  it('a coarser tolerance takes fewer evaluations and stays within it; a non-positive one is refused', () => {
    const fine = solved(goalSeek(def(), { lever: 'visitation', target: 'P(merforbrug>0, 2025) <= 0.2' }));
    const coarse = solved(
      goalSeek(def(), { lever: 'visitation', target: 'P(merforbrug>0, 2025) <= 0.2', tolerance: 1e-3 }),
    );
    expect(coarse.evaluations).toBeLessThan(fine.evaluations);
    expect(Math.abs(coarse.change - fine.change)).toBeLessThan(1e-3);
    expect(coarse.p).toBeLessThanOrEqual(0.2); // still on the side that meets the target
    expect(() =>
      goalSeek(def(), { lever: 'visitation', target: 'P(merforbrug>0, 2025) <= 0.2', tolerance: 0 }),
    ).toThrow(/tolerance must be positive/);
  });
  it('the answer is the same number whatever the starting bracket (only the evaluations differ)', () => {
    const target = 'P(merforbrug>0, 2025) <= 0.2';
    const plain = solved(goalSeek(def(), { lever: 'visitation', target, tolerance: 1e-4 }));
    for (const bracket of [
      [0.1, 0.11],
      [0.05, 0.2],
      [0.107, 0.108],
      [0.2, 0.3],
    ] as [number, number][]) {
      const g = solved(goalSeek(def(), { lever: 'visitation', target, tolerance: 1e-4, bracket }));
      expect(g.change).toBe(plain.change);
      expect(g.changeInterval).toEqual(plain.changeInterval);
    }
  });
  it('finds the bevilling increase: forbrug 80th percentile − bevilling', () => {
    // forbrug = 10 + 22 v, v's 80th percentile 0.56 → 22.32; bevilling 21 → +1.32 mio. kr.
    const g = solved(goalSeek(def(), { lever: 'bevilling', target: 'P(merforbrug>0, 2025) <= 0.2' }));
    expect(g.change).toBeCloseTo(1.32, 1);
    expect(g.p).toBeLessThanOrEqual(0.2);
  });
  it('reports zero change when the target is already met and refuses impossible targets', () => {
    expect(solved(goalSeek(def(), { lever: 'demand', target: 'P(merforbrug>0, 2025) <= 0.9' })).change).toBe(0);
    expect(() => goalSeek(def(), { lever: 'bevilling', target: 'P(forbrug>20, 2025) <= 0.1' })).toThrow(
      /does not change spending/,
    );
    expect(() => goalSeek(def(), { lever: 'demand', target: 'P(merforbrug>0, 2031) <= 0.1' })).toThrow(
      /outside the simulated years/,
    );
  });
  it('returns "no solution" as a value when the lever cannot reach the target, with P at its limit', () => {
    // forbrug = 10 + 22 v ≥ 18.8 > bevilling 10 whatever the visitation rate: merforbrug > 0 always
    const tight = loadScenario(
      join(
        scenarioDir({
          's.yaml': TOY.replace(
            'visitation: { rate: 0.5, drift: 0, noiseSd: 0 }',
            'visitation: { rate: { dist: uniform, min: 0.4, max: 0.6 }, drift: 0, noiseSd: 0 }',
          )
            .replace('bevilling: 30', 'bevilling: 5')
            .replace('runs: 1000', 'runs: 2000'),
        }),
        's.yaml',
      ),
    );
    const g = goalSeek(tight, { lever: 'unitCost', target: 'P(merforbrug>0, 2025) <= 0.2' });
    expect(g.solved).toBe(false);
    if (g.solved) return;
    expect(g.p0).toBe(1);
    expect(g.limit).toBe(-0.99);
    expect(g.pAtLimit).toBe(1);
    expect(g.evaluations).toBeGreaterThan(1);
  });
  it('spreadK widens forbrug around its median (the one forecast): the analytic change, the driver model at k = 1', () => {
    // widened forbrug m + k(f − m) > 21 with f = 10 + 22·v·(1+x), m = 10 + 11·(1+x) ⇔ v > 0.5 − x/(2k(1+x));
    // P = 0.2 at v's 80th percentile 0.56 ⇒ x = −0.12k/(1 + 0.12k): −0.10714 at k = 1, −0.19355 at k = 2
    const target = 'P(merforbrug>0, 2025) <= 0.2';
    const plain = solved(goalSeek(def(), { lever: 'visitation', target }));
    const one = solved(goalSeek(def(), { lever: 'visitation', target, spreadK: 1 }));
    expect({ ...one, spreadK: undefined }).toEqual(plain);
    expect(one.spreadK).toBe(1);
    const two = solved(goalSeek(def(), { lever: 'visitation', target, spreadK: 2 }));
    expect(two.change).toBeCloseTo(-0.24 / 1.24, 2);
    expect(two.p).toBeLessThanOrEqual(0.2);
    expect(two.p0).toBeCloseTo(0.5, 2); // the median is the centre: P(merforbrug > 0) = 0,5 whatever k
  });
  it("spreadKSe carries k's own Monte Carlo error into the interval: d change / d k is the analytic −0.12/(1 + 0.12k)², each side widened in quadrature", () => {
    // x(k) = −0.12k/(1 + 0.12k) (above) ⇒ dx/dk = −0.12/(1 + 0.12k)² = −0.07804 at k = 2
    const target = 'P(merforbrug>0, 2025) <= 0.2';
    const givenK = solved(goalSeek(def(), { lever: 'visitation', target, spreadK: 2 }));
    const g = solved(goalSeek(def(), { lever: 'visitation', target, spreadK: 2, spreadKSe: 0.05 }));
    expect(g.change).toBe(givenK.change);
    expect(g.kError!.se).toBe(0.05);
    expect(g.kError!.changePerK).toBeCloseTo(-0.12 / 1.24 ** 2, 2);
    expect(g.kError!.changeSe).toBeCloseTo(0.05 * Math.abs(g.kError!.changePerK), 12);
    const e = 1.96 * g.kError!.changeSe;
    expect(g.changeInterval[0]).toBeCloseTo(g.change - Math.hypot(g.change - givenK.changeInterval[0], e), 12);
    expect(g.changeInterval[1]).toBeCloseTo(g.change + Math.hypot(givenK.changeInterval[1] - g.change, e), 12);
    // a k known exactly (se 0) leaves the interval as it was; no spreadKSe: no kError
    const exact = solved(goalSeek(def(), { lever: 'visitation', target, spreadK: 2, spreadKSe: 0 }));
    expect(exact.changeInterval).toEqual(givenK.changeInterval);
    expect(givenK.kError).toBeUndefined();
    // on bevilling (mio. kr.): the extra bevilling rises with k
    const bev = solved(goalSeek(def(), { lever: 'bevilling', target, spreadK: 2, spreadKSe: 0.05 }));
    expect(bev.kError!.changePerK).toBeGreaterThan(0);
  });
  it('spreadKSe must be 0 or positive and needs spreadK', () => {
    const target = 'P(merforbrug>0, 2025) <= 0.2';
    for (const o of [{ spreadK: 2, spreadKSe: -0.1 }, { spreadKSe: 0.01 }, { spreadK: 2, spreadKSe: NaN }]) {
      let code = 'no error';
      try {
        goalSeek(def(), { lever: 'visitation', target, ...o });
      } catch (e) {
        code = e instanceof UsageError ? String(e.msg?.code) : String(e);
      }
      expect(code, JSON.stringify(o)).toBe('scenario.spreadKSe');
    }
  });
  it('spreadK must be positive', () => {
    let code = 'no error';
    try {
      goalSeek(def(), { lever: 'visitation', target: 'P(merforbrug>0, 2025) <= 0.2', spreadK: 0 });
    } catch (e) {
      code = e instanceof UsageError ? String(e.msg?.code) : String(e);
    }
    expect(code).toBe('scenario.spreadK');
  });
  it('spreadK on P(merforbrug>opsparing) carries the opsparing along the widened forbrug: the driver model at k = 1, the analytic change with no opening balance', () => {
    // with no opsparing at the start, beyond = widened merforbrug in the first year: the analytic answer above
    const d = def();
    const none = { ...d, budget: { ...d.budget, start: 0 } };
    const target = 'P(merforbrug>opsparing, 2025) <= 0.2';
    const plain = solved(goalSeek(none, { lever: 'visitation', target }));
    expect(plain.change).toBeCloseTo(0.5 / 0.56 - 1, 2);
    const one = solved(goalSeek(none, { lever: 'visitation', target, spreadK: 1 }));
    expect({ ...one, spreadK: undefined }).toEqual(plain);
    const two = solved(goalSeek(none, { lever: 'visitation', target, spreadK: 2 }));
    expect(two.change).toBeCloseTo(-0.24 / 1.24, 2);
    expect(two.p).toBeLessThanOrEqual(0.2);
  });
  it('answers the 2026 question for the bundled baseline', () => {
    const g = solved(
      goalSeek(loadScenario('baseline'), { lever: 'bevilling', target: 'P(merforbrug>0, 2026) <= 0.2', runs: 20000 }),
    );
    expect(g.p0).toBeGreaterThan(0.15);
    expect(g.p).toBeLessThanOrEqual(0.2);
    expect(g.change).toBeGreaterThanOrEqual(0);
  });
});

describe('goalSeekModels', () => {
  it('the one forecast is goalSeek with spreadK and spreadKSe; the driver model the same goal seek without them, on the same runs and seed', () => {
    const target = 'P(merforbrug>0, 2025) <= 0.2';
    const o = { lever: 'visitation', target, runs: 20000, spreadK: 2, spreadKSe: 0.05 } as const;
    const m = goalSeekModels(def(), o);
    expect(m.oneForecast).toEqual(goalSeek(def(), o));
    expect(m.driver).toEqual(goalSeek(def(), { lever: 'visitation', target, runs: 20000 }));
    const one = solved(m.oneForecast);
    const driver = solved(m.driver);
    expect(one.spreadK).toBe(2);
    expect(one.kError?.se).toBe(0.05);
    expect(driver.spreadK).toBeUndefined();
    expect(driver.kError).toBeUndefined();
    // the wider spread of the one forecast needs the larger cut (analytic: −0.107 in the driver model, −0.194 at k = 2)
    expect(one.change).toBeLessThan(driver.change);
    expect(driver.runs).toBe(one.runs);
    expect(driver.seed).toBe(one.seed);
  });
});

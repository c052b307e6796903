/** What-if grid and tightening goal seek (src/scenario/whatif.ts): a tightening is a positive share, 0.1 = the lever 10 % lower. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/scenario.js';
import { goalSeek } from '../../src/scenario/goal-seek.js';
import { tighteningGoalSeek, tighteningGrid } from '../../src/scenario/whatif.js';
import { UsageError } from '../../src/errors.js';
import { scenarioDir, solved, TOY } from './helpers.js';

const base = loadScenario('baseline');

describe('tighteningGrid', () => {
  it('bad options are UsageErrors naming them, before any run: tightenings no array or not finite, runs 0 or 1e12, no options', () => {
    const o = { tightenings: [0, 0.1], year: 2026, runs: 1000 };
    expect(() => tighteningGrid(base, { ...o, tightenings: 0.1 as never })).toThrow(
      'tightenings must be an array of finite shares (e.g. [0, 0.05, 0.1]), got 0.1',
    );
    expect(() => tighteningGrid(base, { ...o, tightenings: [0, NaN] })).toThrow(/^tightenings must be .*, got NaN$/);
    expect(() => tighteningGrid(base, { ...o, runs: 1e12 })).toThrow(UsageError);
    expect(() => tighteningGrid(base, { ...o, runs: 0 })).toThrow(/^runs must be an integer/);
    expect(() => tighteningGrid(base, undefined as never)).toThrow(
      'tighteningGrid(def, { tightenings, year, runs }): the options must be an object, got undefined',
    );
  });
  it('the first point is the scenario itself; common random numbers make P fall with the tightening', () => {
    const r = runScenario(base, { runs: 4000 });
    const g = tighteningGrid(base, { tightenings: [0, 0.05, 0.1], year: 2026, runs: 4000 });
    expect(g[0].pMerforbrug).toBe(r.years.find((v) => v.year === 2026)!.pMerforbrug);
    expect(g[1].pMerforbrug).toBeLessThan(g[0].pMerforbrug);
    expect(g[2].pMerforbrug).toBeLessThan(g[1].pMerforbrug);
    expect(g[2].expectedForbrug).toBeLessThan(g[0].expectedForbrug);
    // a year not simulated is a UsageError before any run (it was a RangeError after the first point's run)
    expect(() => tighteningGrid(base, { tightenings: [0], year: 2040, runs: 1000 })).toThrow(
      'year 2040 is outside the simulated years 2025–2030',
    );
    // spreadK: the one forecast's points; at k = 1 the driver's own (same runs, same numbers)
    const o = { tightenings: [0, 0.05, 0.1], year: 2026, runs: 4000, lever: 'demand' as const };
    const one = tighteningGrid(base, { ...o, spreadK: 1 });
    expect(one).toEqual(tighteningGrid(base, o));
    const wide = tighteningGrid(base, { ...o, spreadK: 1.6 });
    // P(merforbrug) above ½ moves towards ½ when the spread widens, and the curve still falls
    expect(one[0].pMerforbrug).toBeGreaterThan(0.5);
    expect(wide[0].pMerforbrug).toBeLessThan(one[0].pMerforbrug);
    expect(wide[0].pMerforbrug).toBeGreaterThan(0.5);
    expect(wide[2].pMerforbrug).toBeLessThan(wide[1].pMerforbrug);
    expect(() => tighteningGrid(base, { ...o, year: 2040, spreadK: 1.6 })).toThrow(
      /^year 2040 is outside the simulated years/,
    );
  });
});

describe('tighteningGoalSeek', () => {
  it('is goalSeek on the visitation lever, as a positive share with its MC interval', () => {
    const t = tighteningGoalSeek(base, { year: 2026, target: 0.1, runs: 4000 });
    const g = solved(goalSeek(base, { lever: 'visitation', target: 'P(merforbrug>0, 2026) <= 0.1', runs: 4000 }));
    expect(t.solved).toBe(true);
    if (!t.solved) return;
    expect(t.tightening).toBe(-g.change);
    expect(t.lower).toBeLessThanOrEqual(t.tightening);
    expect(t.upper).toBeGreaterThanOrEqual(t.tightening);
    expect(t.p).toBeLessThanOrEqual(0.1);
    expect(tighteningGoalSeek(base, { year: 2026, target: 0.95, runs: 4000 })).toMatchObject({
      solved: true,
      tightening: 0,
    }); // already met
  });
  it('the henvendelser lever: a reduction of henvendelser in every simulated year', () => {
    const d = tighteningGoalSeek(base, { year: 2026, target: 0.1, runs: 4000, lever: 'demand' });
    expect(d).toMatchObject({
      solved: true,
      tightening: -solved(goalSeek(base, { lever: 'demand', target: 'P(merforbrug>0, 2026) <= 0.1', runs: 4000 }))
        .change,
    });
    const grid = tighteningGrid(base, { tightenings: [0, 0.1], year: 2026, runs: 4000, lever: 'demand' });
    expect(grid[1].pMerforbrug).toBeLessThan(grid[0].pMerforbrug);
  });
  it('"no solution" is a value: solved false, P without change and at the largest reduction tried', () => {
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
    expect(tighteningGoalSeek(tight, { year: 2025, target: 0.2, runs: 2000, lever: 'unitCost' })).toEqual({
      solved: false,
      p0: 1,
      limit: 0.99,
      pAtLimit: 1,
      runs: 2000,
    });
  });
});

/** The one forecast's widening of one year's runs (src/scenario/widen.ts): forbrug spread around its median by k. */
import { describe, expect, it } from 'vitest';
import { widenCentre, widenedExceedance, widenedYear } from '../../src/scenario/widen.js';
import { widen } from '../../src/scenario/backtest.js';

const runs = (f: number[], b: number[]) => ({ forbrug: Float64Array.from(f), bevilling: Float64Array.from(b) });

describe('widenCentre', () => {
  it('is the middle of the sorted runs, the upper middle of an even number (as oneForecast), and leaves its input', () => {
    const f = Float64Array.from([5, 1, 4, 2, 3]);
    expect(widenCentre(f)).toBe(3);
    expect(Array.from(f)).toEqual([5, 1, 4, 2, 3]);
    expect(widenCentre(Float64Array.from([3, 1, 2, 4]))).toBe(3);
    expect(widenCentre(Float64Array.from([7]))).toBe(7);
    // the same value as the sorted sample's middle on many random samples with ties
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let t = 0; t < 200; t++) {
      const a = Float64Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 8));
      expect(widenCentre(a)).toBe(Float64Array.from(a).sort()[a.length >> 1]);
    }
  });
});

describe('widenedExceedance and widenedYear', () => {
  const s = runs([90, 100, 110], [105, 105, 105]);
  it('k = 1 is the runs themselves; k = 2 doubles each distance from the median', () => {
    expect(widenedExceedance(s, 1, 'merforbrug', 0)).toBeCloseTo(1 / 3, 12); // only 110 > 105
    expect(widenedExceedance(s, 1, 'forbrug', 95)).toBeCloseTo(2 / 3, 12);
    // widened: 80, 100, 120 against 105, and against the forbrug threshold 95
    expect(widenedExceedance(s, 2, 'merforbrug', 0)).toBeCloseTo(1 / 3, 12);
    expect(widenedExceedance(s, 2, 'merforbrug', 20)).toBe(0); // 120 − 105 = 15
    expect(widenedExceedance(s, 2, 'forbrug', 95)).toBeCloseTo(2 / 3, 12);
    expect(widenedExceedance(s, 2, 'forbrug', 110)).toBeCloseTo(1 / 3, 12);
  });
  it('widenedYear: P(merforbrug > 0), mean forbrug and mean merforbrug (signed) of the widened runs, as widen() gives them', () => {
    const w = widenedYear(runs([90, 100, 130], [105, 100, 105]), 2);
    // widened around the median 100: 80, 100, 160 against 105, 100, 105
    expect(w.pMerforbrug).toBeCloseTo(1 / 3, 12);
    expect(w.expectedForbrug).toBeCloseTo((80 + 100 + 160) / 3, 12);
    expect(w.expectedMerforbrug).toBeCloseTo((-25 + 0 + 55) / 3, 12);
    const sorted = Float64Array.from([90, 100, 130]);
    expect(Array.from(widen(sorted, 2))).toEqual([80, 100, 160]);
  });
});

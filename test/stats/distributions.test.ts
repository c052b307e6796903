import { describe, expect, it } from 'vitest';
import {
  checkDistMsg,
  distMean,
  distQuantile,
  distQuantileUnchecked,
  percentAsShare,
  quantileSorted,
  quantileSortedUnchecked,
} from '../../src/stats/distributions.js';
import { sayMsg } from '../../src/text/messages.js';

/** Why a distribution is impossible, in English (null if it is fine). */
const checkDist = (d: Parameters<typeof checkDistMsg>[0]) => {
  const m = checkDistMsg(d);
  return m ? sayMsg(m, 'en') : null;
};

describe('distributions by quantile', () => {
  it('normal, truncated normal, lognormal', () => {
    expect(distQuantile({ dist: 'normal', mean: 1, sd: 2 }, 0.975)).toBeCloseTo(1 + 2 * 1.959963984540054, 12);
    const t = { dist: 'normal' as const, mean: 0, sd: 1, min: 0 };
    expect(distQuantile(t, 0.5)).toBeCloseTo(0.6744897501960817, 10); // median of half-normal
    expect(distMean(t)).toBeCloseTo(Math.sqrt(2 / Math.PI), 12);
    expect(distQuantile({ dist: 'lognormal', median: 3, sdlog: 0.2 }, 0.5)).toBeCloseTo(3, 12);
  });
  it('triangular and uniform', () => {
    expect(distQuantile({ dist: 'triangular', min: 0, mode: 0, max: 1 }, 0.75)).toBeCloseTo(0.5, 12);
    expect(distQuantile({ dist: 'triangular', min: 0, mode: 1, max: 2 }, 0.5)).toBeCloseTo(1, 12);
    expect(distMean({ dist: 'triangular', min: 0, mode: 3, max: 6 })).toBe(3);
    expect(distQuantile({ dist: 'uniform', min: 2, max: 4 }, 0.25)).toBe(2.5);
  });
  it('pins the type-7 quantile convention (R default, d3.quantile)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([10], 0.9)).toBe(10);
    expect(distQuantile({ dist: 'empirical', values: [4, 1, 3, 2] }, 0.75)).toBe(3.25);
  });
  it('rejects impossible parameters with a reason', () => {
    expect(checkDist({ dist: 'uniform', min: 2, max: 1 })).toMatch(/min < max/);
    expect(checkDist({ dist: 'normal', mean: 0, sd: -1 })).toMatch(/sd >= 0/);
    expect(checkDist({ dist: 'triangular', min: 0, mode: 5, max: 1 })).toMatch(/min <= mode <= max/);
    expect(checkDist({ dist: 'lognormal', median: 0, sdlog: 1 })).toMatch(/median > 0/);
    expect(checkDist({ dist: 'normal', mean: 0, sd: 1 })).toBeNull();
  });
});

describe('bad arguments: a RangeError (TypeError for what is no object) naming the function, the argument, what it must be and what was found', () => {
  it('distQuantile and distMean refuse an unknown or impossible distribution (was undefined, or a quantile of sd -1)', () => {
    expect(() => distQuantile({ dist: 'foo' } as never, 0.5)).toThrow(
      new RangeError('distQuantile: d must be a possible distribution (dist.unknown), got {"dist":"foo"}'),
    );
    expect(() => distQuantile({ dist: 'normal', mean: 0, sd: -1 }, 0.5)).toThrow(/\(dist\.normalSd\), got .*"sd":-1/);
    expect(() => distMean({ dist: 'uniform', min: 2, max: 1 })).toThrow(/^distMean: d must be a possible distribution/);
    expect(() => distQuantile(undefined as never, 0.5)).toThrow(TypeError);
    expect(() => distQuantile(undefined as never, 0.5)).toThrow(/\(got undefined\)$/);
  });
  it('distQuantile refuses a u outside 0–1 or no number (u = 2 gave NaN or a value past max)', () => {
    const d = { dist: 'uniform' as const, min: 0, max: 10 };
    expect(() => distQuantile(d, 2)).toThrow(
      new RangeError('distQuantile: u must be a probability from 0 to 1 (got 2)'),
    );
    expect(() => distQuantile(d, NaN)).toThrow(/\(got NaN\)$/);
    expect(distQuantile(d, 0)).toBe(0);
    expect(distQuantile(d, 1)).toBe(10);
  });
  it('quantileSorted refuses an empty array (was NaN) and a p outside 0–1', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(
      new RangeError('quantileSorted: sorted must be a non-empty array of numbers (got [])'),
    );
    expect(() => quantileSorted([1, 2], NaN)).toThrow(/p must be a probability from 0 to 1 \(got NaN\)$/);
  });
  it("the engines' unchecked entries keep their behaviour (an empty run gives NaN, the dash of a summary)", () => {
    expect(quantileSortedUnchecked([], 0.5)).toBeNaN();
    expect(distQuantileUnchecked({ dist: 'empirical', values: [4, 1, 3, 2] }, 0.75)).toBe(3.25);
  });
});

describe('percentAsShare', () => {
  it('is the distribution / 100 only when its median is beyond the bound and the share is accepted', () => {
    expect(percentAsShare({ dist: 'fixed', value: -10 }, 1, () => true)).toEqual({ dist: 'fixed', value: -0.1 });
    expect(percentAsShare({ dist: 'normal', mean: 5, sd: 0.02 }, 0.5, () => true)).toEqual({
      dist: 'normal',
      mean: 0.05,
      sd: 0.0002,
    });
    expect(percentAsShare({ dist: 'fixed', value: -0.5 }, 1, () => true)).toBeUndefined();
    expect(percentAsShare({ dist: 'fixed', value: -10 }, 1, () => false)).toBeUndefined();
  });
});

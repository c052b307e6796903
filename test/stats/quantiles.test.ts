import { describe, expect, it } from 'vitest';
import { QUANTILE_PROBS, quantilesWith, summarizeSorted } from '../../src/stats/quantiles.js';

describe('Quantiles helpers', () => {
  it('summarizeSorted gives the mean and R type 7 quantiles', () => {
    const q = summarizeSorted(Float64Array.from([1, 2, 3, 4]));
    expect(q.mean).toBe(2.5);
    expect(q.p5).toBeCloseTo(1.15, 14);
    expect(q.p25).toBeCloseTo(1.75, 14);
    expect(q.p50).toBe(2.5);
    expect(q.p95).toBeCloseTo(3.85, 14);
  });
  it('keeps a given mean', () => {
    expect(summarizeSorted([0, 10], 7).mean).toBe(7);
  });
  it('quantilesWith fills p5 … p95 in QUANTILE_PROBS order', () => {
    expect(quantilesWith(1, (p) => p)).toEqual({
      mean: 1,
      p5: 0.05,
      p10: 0.1,
      p25: 0.25,
      p50: 0.5,
      p75: 0.75,
      p90: 0.9,
      p95: 0.95,
    });
    expect(QUANTILE_PROBS).toHaveLength(7);
  });
});

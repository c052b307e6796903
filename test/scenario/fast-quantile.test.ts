import { describe, expect, it } from 'vitest';
import { STANDARD_NORMAL, lognormalShockTable, tableQuantile } from '../../src/scenario/fast-quantile.js';
import { invNorm } from '../../src/stats/normal.js';
import { Rng } from '../../src/stats/rng.js';

describe('tabulated quantiles', () => {
  it('match invNorm to 1e-9 everywhere, exactly in the tails', () => {
    const r = new Rng(11);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const u = r.uniform();
      worst = Math.max(worst, Math.abs(tableQuantile(STANDARD_NORMAL, u) - invNorm(u)));
    }
    for (let k = 1; k < 1000; k++)
      worst = Math.max(worst, Math.abs(tableQuantile(STANDARD_NORMAL, k / 1000) - invNorm(k / 1000)));
    expect(worst).toBeLessThan(1e-9);
    // the tail tables, [1/4096, 1/64) and [63/64, 4095/4096), densely (step 1e-7 near the ends)
    let worstTail = 0;
    for (let k = 0; k < 150_000; k++) {
      const u = 1 / 4096 + k * 1e-7;
      worstTail = Math.max(
        worstTail,
        Math.abs(tableQuantile(STANDARD_NORMAL, u) - invNorm(u)),
        Math.abs(tableQuantile(STANDARD_NORMAL, 1 - u) - invNorm(1 - u)),
      );
    }
    expect(worstTail).toBeLessThan(1e-9);
    // beyond them: exact
    expect(tableQuantile(STANDARD_NORMAL, 1e-6)).toBe(invNorm(1e-6));
    expect(tableQuantile(STANDARD_NORMAL, 1 - 1e-5)).toBe(invNorm(1 - 1e-5));
    expect(tableQuantile(STANDARD_NORMAL, 0.5)).toBeCloseTo(0, 14);
  });
  it('tabulates the log-normal demand shock', () => {
    const tab = lognormalShockTable(0.05);
    for (const u of [0.001, 0.1, 0.3, 0.5, 0.77, 0.99, 0.9999]) {
      expect(tableQuantile(tab, u)).toBeCloseTo(Math.exp(0.05 * invNorm(u) - 0.00125), 10);
    }
  });
});

describe('selectQuantile', () => {
  it('equals quantileSorted (R type 7) on arrays with and without ties', async () => {
    const { selectQuantile } = await import('../../src/scenario/summary.js');
    const { quantileSorted } = await import('../../src/stats/distributions.js');
    const r = new Rng(5);
    for (const n of [1, 2, 3, 10, 101, 8192]) {
      for (const ties of [false, true]) {
        const a = Float64Array.from({ length: n }, () => (ties ? Math.floor(r.uniform() * 7) : r.uniform() * 100 - 50));
        const sorted = a.slice().sort();
        for (const p of [0, 0.01, 0.25, 0.5, 0.99, 1])
          expect(selectQuantile(a.slice(), p)).toBe(quantileSorted(sorted, p));
      }
    }
  });
});

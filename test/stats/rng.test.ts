import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/stats/rng.js';

describe('Rng (xoshiro128**)', () => {
  it('is reproducible for a seed and stream', () => {
    const a = new Rng(42, 3),
      b = new Rng(42, 3);
    for (let i = 0; i < 100; i++) expect(a.uniform()).toBe(b.uniform());
  });
  it('differs between seeds and between streams', () => {
    expect(new Rng(1).uniform()).not.toBe(new Rng(2).uniform());
    expect(new Rng(1, 0).uniform()).not.toBe(new Rng(1, 1).uniform());
  });
  it('a seed that is no integer is a RangeError naming it (1.5 was truncated to seed 1, NaN and "x" to 0); any integer is taken, its low 32 bits used', () => {
    expect(() => new Rng(1.5)).toThrow(RangeError);
    expect(() => new Rng(1.5)).toThrow('Rng: seed must be an integer (got 1.5)');
    expect(() => new Rng(NaN)).toThrow('Rng: seed must be an integer (got NaN)');
    expect(() => new Rng('7' as never)).toThrow('Rng: seed must be an integer (got "7")');
    expect(new Rng(2 ** 32 + 1).uniform()).toBe(new Rng(1).uniform());
    expect(new Rng(-1).uniform()).toBe(new Rng(2 ** 32 - 1).uniform());
  });
  it('produces uniforms in (0,1) with mean 1/2 and variance 1/12', () => {
    const r = new Rng(7);
    let s = 0,
      s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u > 0 && u < 1).toBe(true);
      s += u;
      s2 += u * u;
    }
    const m = s / n;
    expect(m).toBeCloseTo(0.5, 2);
    expect(s2 / n - m * m).toBeCloseTo(1 / 12, 3);
  });
});

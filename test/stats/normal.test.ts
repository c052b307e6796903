import { describe, expect, it } from 'vitest';
import { invNorm, normCdf } from '../../src/stats/normal.js';

// Reference values from R: qnorm(p), pnorm(x) printed with 17 digits.
describe('invNorm (AS 241)', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.9, 1.2815515655446004],
    [0.5, 0],
    [0.025, -1.959963984540054],
    [1e-10, -6.361340902404056],
    [0.999, 3.090232306167813],
  ])('invNorm(%f) = %f', (p, z) => {
    expect(invNorm(p)).toBeCloseTo(z, 12);
  });
  it('is not simple-statistics probit (which gives 1.9572 at 0.975)', () => {
    expect(Math.abs(invNorm(0.975) - 1.9572)).toBeGreaterThan(0.002);
  });
  it('gives ±Infinity at the ends; a p outside 0–1 or NaN is a RangeError naming it (was NaN)', () => {
    expect(invNorm(0)).toBe(-Infinity);
    expect(invNorm(1)).toBe(Infinity);
    expect(() => invNorm(1.5)).toThrow(new RangeError('invNorm: p must be a probability from 0 to 1 (got 1.5)'));
    expect(() => invNorm(NaN)).toThrow(/\(got NaN\)$/);
  });
});

describe('normCdf', () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-1, 0.15865525393145705],
    [3, 0.9986501019683699],
    [-6, 9.865876450377e-10],
    [0.3, 0.6179114221889527],
  ])('normCdf(%f) = %f', (x, p) => {
    expect(normCdf(x)).toBeCloseTo(p, 13);
    if (p < 1e-6) expect(normCdf(x) / p).toBeCloseTo(1, 9);
  });
  it('round-trips with invNorm', () => {
    for (const p of [0.001, 0.05, 0.3, 0.7, 0.95, 0.999]) expect(normCdf(invNorm(p))).toBeCloseTo(p, 14);
  });
});

describe('erfc', () => {
  it('matches R 2*pnorm(-x*sqrt(2))', async () => {
    const { erfc } = await import('../../src/stats/normal.js');
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 15);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 10);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 15);
  });
});

import { describe, expect, it } from 'vitest';
import { backtest, coverage, mase, msis, smape } from '../../src/forecast/index.js';

describe('metrics', () => {
  it('M3/M4 definitions', () => {
    expect(smape([100], [110])).toBeCloseTo(200 * 10 / 210, 12);
    expect(mase([10, 12], [11, 11], [1, 3, 2])).toBeCloseTo(1 / 1.5, 12);
    expect(msis([5], [4], [6], [1, 2, 3], 95)).toBe(2);
    expect(msis([8], [4], [6], [1, 2, 3], 95)).toBeCloseTo(2 + 40 * 2, 10);
    expect(coverage([1, 5], [0, 0], [2, 2])).toBe(0.5);
  });
});

describe('rolling-origin backtest', () => {
  it('drift is exact on a straight line; counts per horizon', () => {
    const y = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20];
    const r = backtest(y, { method: 'drift', horizon: 3, minTrain: 5 });
    expect(r.origins).toBe(5);
    expect(r.byHorizon.map((b) => b.count)).toEqual([5, 4, 3]);
    expect(r.overall.smape).toBeCloseTo(0, 10);
    expect(r.overall.mase).toBeCloseTo(0, 10);
    expect(r.details[0]).toMatchObject({ origin: 5, h: 1, actual: 12 });
  });
  it('needs more points than minTrain', () => {
    expect(() => backtest([1, 2, 3, 4], { method: 'naive', horizon: 1, minTrain: 4 })).toThrow(/more than minTrain/);
  });
});

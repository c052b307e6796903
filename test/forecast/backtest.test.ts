import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { backtest, coverage, mape, mase, msis, smape } from '../../src/forecast/index.js';
import { seriesTrackRecord } from '../../src/forecast/backtest.js';
import type { Series } from '../../src/data/types.js';

describe('metrics', () => {
  it('M3/M4 definitions', () => {
    expect(smape([100], [110])).toBeCloseTo((200 * 10) / 210, 12);
    expect(mase([10, 12], [11, 11], [1, 3, 2])).toBeCloseTo(1 / 1.5, 12);
    expect(msis([5], [4], [6], [1, 2, 3], 95)).toBe(2);
    expect(msis([8], [4], [6], [1, 2, 3], 95)).toBeCloseTo(2 + 40 * 2, 10);
    expect(coverage([1, 5], [0, 0], [2, 2])).toBe(0.5);
  });
  it('MAPE in percent, like sMAPE: mean of 100·|y − f|/|y| (R: mean(abs(c(100,200) - c(110,190)) / c(100,200)) * 100 = 7.5)', () => {
    expect(mape([100, 200], [110, 190])).toBeCloseTo(7.5, 12);
    expect(mape([0], [1])).toBe(Infinity);
  });
  it('the backtest scores with these functions: its overall sMAPE and MAPE are theirs over every scored forecast', () => {
    const y = [410, 432, 455, 470, 498, 520, 533, 560, 571, 590];
    const r = backtest(y, { method: 'naive', horizon: 2, minTrain: 5 });
    const a = r.details.map((d) => d.actual);
    const p = r.details.map((d) => d.point);
    expect(r.overall.mape).toBeCloseTo(mape(a, p), 10);
    expect(r.overall.smape).toBeCloseTo(smape(a, p), 10);
  });
});

describe('rolling-origin backtest', () => {
  it('bad options are refused once, before any fit: a horizon of 1e9 is a UsageError at once, not a loop over a billion empty horizons', () => {
    const y = [10, 12, 13, 15, 16, 18, 19];
    const t0 = Date.now();
    expect(() => backtest(y, { method: 'naive', horizon: 1e9 })).toThrow(
      /^horizon must be a whole number from 1 to 100 \(got 1000000000\)$/,
    );
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(() => backtest(y, undefined as never)).toThrow(UsageError);
    // observed must pair up with y: a shorter array read its missing entries as observed without a word
    expect(() => backtest(y, { method: 'naive', horizon: 1, observed: [true, true] })).toThrow(
      new RegExp(
        `^observed must be an array of true/false, one per value \\(${y.length}\\) \\(got \\[true,true\\]\\)$`,
      ),
    );
    expect(() => backtest(y, { method: 'foo' as never, horizon: 1 })).toThrow(/^unknown method "foo"/);
    expect(() => backtest(y, { method: 'naive', horizon: 1, levels: [150] })).toThrow(/levels.*\(got 150\)/);
    // an actual that is not a number would be scored as NaN: the series is checked whole, not only its training part
    expect(() => backtest([1, 2, 3, 4, 5, 6, NaN], { method: 'naive', horizon: 1 })).toThrow(/index 6 \(NaN\)/);
  });
  it('drift is exact on a straight line; counts per horizon', () => {
    const y = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20];
    const r = backtest(y, { method: 'drift', horizon: 3, minTrain: 5 });
    expect(r.origins).toBe(5);
    expect(r.byHorizon.map((b) => b.count)).toEqual([5, 4, 3]);
    expect(r.overall.smape).toBeCloseTo(0, 10);
    expect(r.overall.mase).toBeCloseTo(0, 10);
    expect(r.details[0]).toMatchObject({ origin: 5, h: 1, actual: 12 });
  });
  it('a value filled in for fitting (observed: false, e.g. the interpolated 2021) is never scored and never a forecast origin', () => {
    const y = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20];
    const observed = y.map((_, i) => i !== 6);
    const r = backtest(y, { method: 'naive', horizon: 2, minTrain: 5, observed });
    expect(r.details.some((d) => d.actual === 14)).toBe(false);
    expect(r.details.some((d) => d.origin === 7)).toBe(false); // its last training value would be the filled-in one
    expect(r.details.map((d) => `${d.origin}:${d.h}`)).toEqual(['5:1', '6:2', '8:1', '8:2', '9:1']);
  });
  it('viso backtest of forbrug never scores against, or starts from, the interpolated 2021', async () => {
    const { viso } = await import('../helpers/cli.js');
    const r = viso('backtest', 'viso.raadgivning.forbrug', '--method', 'naive', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { years: number[]; results: { details: { origin: number; actual: number }[] }[] };
    const i2021 = j.years.indexOf(2021);
    for (const d of j.results[0].details) {
      expect(d.actual).not.toBeCloseTo(128.1, 1);
      expect(d.origin - 1).not.toBe(i2021);
    }
  });
  it('needs more points than minTrain', () => {
    expect(() => backtest([1, 2, 3, 4], { method: 'naive', horizon: 1, minTrain: 4 })).toThrow(/more than minTrain/);
  });
});

describe('seriesTrackRecord: how often a method’s intervals held the series’ own later values', () => {
  const series = (values: (number | null)[], from = 2011): Series => ({
    id: 'x',
    area: 'raadgivning',
    measure: 'forbrug',
    category: 'i_alt',
    unit: 'count',
    points: values.map((v, i) => ({ year: from + i, value: v ?? NaN, flags: [], sources: [] })),
  });
  it('counts the hits of the backtest of the same fit window, 1–2 years ahead, from half the window on', () => {
    const y = [100, 104, 103, 110, 112, 118, 117, 125, 131, 128, 140, 139];
    const rec = seriesTrackRecord(series(y), { method: 'naive', level: 80 })!;
    const r = backtest(y, { method: 'naive', horizon: 2, minTrain: 6, levels: [80] });
    expect(rec).toEqual({
      level: 80,
      n: r.details.length,
      hits: r.details.filter((d) => d.actual >= d.lower[0] && d.actual <= d.upper[0]).length,
      horizon: 2,
      minTrain: 6,
      firstYear: 2017,
    });
    expect(rec.n).toBe(11); // origins 6 … 11: two forecasts each, one from the last
  });
  it('never scores a gap year filled in for fitting', () => {
    const y: (number | null)[] = [100, 104, 103, 110, 112, 118, 117, null, 131, 128, 140, 139];
    const rec = seriesTrackRecord(series(y), { method: 'naive', level: 80 })!;
    const full = seriesTrackRecord(series(y.map((v) => v ?? 125)), { method: 'naive', level: 80 })!;
    // 2018 is neither a truth (two forecasts of it) nor an origin (its two forecasts)
    expect(rec.n).toBe(full.n - 4);
  });
  it('is undefined for a window too short for a backtest', () => {
    expect(seriesTrackRecord(series([100, 104, 103]), { method: 'naive', level: 80 })).toBeUndefined();
  });
});

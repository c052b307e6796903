import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { adjustForEvents, backtestMase, chooseAuto, eventCovariance, fit, forecast } from '../../src/forecast/index.js';
import { sayMsg, type Msg } from '../../src/text/messages.js';

/** The engine's notes (codes) in English, joined. */
const en = (notes: Msg[] | undefined, sep = '; '): string => (notes ?? []).map((m) => sayMsg(m, 'en')).join(sep);

const finite = (f: ReturnType<typeof forecast>) =>
  [...f.point, ...f.intervals.flatMap((iv) => [...iv.lower, ...iv.upper])].every(Number.isFinite);

describe('input checks and fallbacks', () => {
  it('too short, non-finite, bad options → UsageError', () => {
    expect(() => forecast([1, 2], { horizon: 2 })).toThrow(UsageError);
    expect(() => forecast([1, NaN, 3, 4], { horizon: 2 })).toThrow(/index 1/);
    expect(() => forecast([1, Infinity, 3, 4], { horizon: 2 })).toThrow(UsageError);
    expect(() => forecast([1, 2, 3, 4], { horizon: 0 })).toThrow(/horizon/);
    expect(() => forecast([1, 2, 3, 4], { horizon: 2, levels: [100] })).toThrow(/levels/);
    expect(() => forecast([1, 2, 3, 4], { horizon: 2, method: 'foo' as never })).toThrow(/unknown method/);
  });
  it('bad arguments as a script passes them are a one-line UsageError naming the argument, what it must be and what was found', () => {
    const y = [10, 12, 13, 15, 16, 18, 19];
    const refused = (f: () => unknown, re: RegExp) => {
      expect(f).toThrow(UsageError);
      expect(f).toThrow(re);
    };
    refused(
      () => forecast(y, undefined as never),
      /^the options must be an object such as \{ horizon: 2 \} \(got undefined\)$/,
    );
    refused(() => forecast(y, { horizon: '2' as never }), /^horizon must be a whole number from 1 to 100 \(got "2"\)$/);
    refused(() => forecast(y, { horizon: 1e9 }), /^horizon must be a whole number from 1 to 100 \(got 1000000000\)$/);
    refused(
      () => forecast(y, { horizon: 2, levels: 80 as never }),
      /^levels must be an array of percentages such as \[80, 95\] \(got 80\)$/,
    );
    refused(
      () => forecast(y, { horizon: 2, levels: ['80' as never] }),
      /levels must be between 0 and 100 exclusive \(got "80"\)$/,
    );
    refused(() => forecast(y, { horizon: 2, events: 5 as never }), /^events must be an array \(got 5\)$/);
    refused(() => forecast('1234' as never, { horizon: 2 }), /^the series must be an array of numbers \(got "1234"\)$/);
    refused(() => forecast(['1', '2', '3'] as never, { horizon: 2 }), /non-finite value at index 0 \("1"\)/);
    // fit takes the same method names: an unknown one is refused, not fitted as drift
    refused(() => fit(y, { method: 'foo' as never }), /^unknown method "foo" \(expected one of auto, naive/);
    refused(() => fit(y, { events: {} as never }), /^events must be an array \(got \{\}\)$/);
  });
  it('constant series → naive with a note; the interval width comes from the calibration prior (never zero)', () => {
    const f = forecast([5, 5, 5, 5, 5, 5, 5, 5], { horizon: 3, method: 'comb' });
    expect(f.method).toBe('naive');
    expect(en(f.model.notes, ' ')).toMatch(/constant series/);
    expect(f.point).toEqual([5, 5, 5]);
    for (const iv of f.intervals)
      for (let i = 0; i < 3; i++) {
        expect(iv.lower[i]).toBeLessThan(5);
        expect(iv.upper[i]).toBeGreaterThan(5);
      }
  });
  it('zeros and short series never give NaN', () => {
    for (const y of [
      [0, 0, 0, 1],
      [0, 3, 0, 4, 0, 5, 0, 6],
      [1, 2, 3],
      [1e-9, 2e-9, 1.5e-9, 3e-9, 2.5e-9, 4e-9, 3.5e-9],
    ]) {
      for (const method of ['auto', 'ets', 'arima', 'theta', 'dotm', 'comb', 'damped', 'holt'] as const) {
        const f = forecast(y, { horizon: 4, method });
        expect(finite(f), `${method} on ${y}`).toBe(true);
      }
    }
  });
  it('extreme magnitudes are rescaled internally, never NaN', () => {
    for (const k of [1e300, 1e-300]) {
      const y = [1, 2, 1.5, 3, 2, 4, 5].map((v) => v * k);
      const f = forecast(y, { horizon: 3, method: 'comb' });
      expect(finite(f)).toBe(true);
      expect(f.point[0] / k).toBeGreaterThan(1);
      expect(f.point[0] / k).toBeLessThan(10);
      expect(en(f.model.notes, ' ')).toMatch(/divided by/);
    }
  });
  it('auto: the ensemble for a strictly positive series at any length', () => {
    for (const n of [3, 4, 7, 12, 30])
      expect(
        chooseAuto(
          Array.from({ length: n }, (_, i) => 10 + i + (i % 3)),
          3,
        ).method,
      ).toBe('ensemble');
    expect(forecast([3, 4, 6, 7, 9, 10, 12], { horizon: 2 }).method).toBe('ensemble');
  });
  it('auto on a series with zeros or negative values: comb from 12 points, backtest selection for 5–11, naive below', () => {
    expect(
      chooseAuto(
        Array.from({ length: 12 }, (_, i) => -3 + i + (i % 3)),
        3,
      ).method,
    ).toBe('comb');
    expect(chooseAuto([0, 4, 5, 6], 2).method).toBe('naive');
    // a straight line: drift has zero backtest error and wins
    const line = [-2, 0, 2, 4, 6, 8, 10];
    expect(backtestMase(line, 'drift', 2, 3)).toBeCloseTo(0, 12);
    const c = chooseAuto(line, 2);
    expect(c.method).toBe('drift');
    expect(en([c.note])).toMatch(
      /^auto chose random walk with drift by rolling-origin backtest \(MASE naive 1\.\d\d, drift 0\.00/,
    );
    const f = forecast(line, { horizon: 2 });
    expect(f.method).toBe('drift');
    expect(en(f.model.notes, ' ')).toMatch(/auto chose random walk with drift by/);
  });
  it('too-short methods fall back with a note', () => {
    const f = forecast([3, 4, 6, 7], { horizon: 2, method: 'damped' });
    expect(f.method).toBe('drift');
    expect(en(f.model.notes, ' ')).toMatch(
      /damped trend needs at least 7 observations \(got 4\): random walk with drift used instead/,
    );
  });
  it('fit explains itself', () => {
    const m = fit([3, 4, 6, 7, 9, 10, 12, 13], { method: 'comb' });
    expect(m.description).toMatch(/^Median of ETS/);
    expect(m.members).toHaveLength(3);
  });
});

describe('event regressors', () => {
  it('a level shift on a drifting series is recovered exactly', () => {
    const a = adjustForEvents([10, 11, 12, 20, 21, 22], [{ kind: 'level', start: 3 }]);
    expect(a.beta[0]).toBeCloseTo(7, 12);
    expect(a.adjusted).toEqual([10, 11, 12, 13, 14, 15]);
  });
  it('a ramp changes the slope and keeps growing in the forecast', () => {
    const y = [10, 11, 12, 13, 15, 17, 19, 21];
    const f = forecast(y, { horizon: 2, method: 'drift', events: [{ kind: 'ramp', start: 4 }], scale: 'linear' });
    expect(f.model.params.event1).toBeCloseTo(1, 10);
    expect(f.point[0]).toBeCloseTo(23, 8);
    expect(f.point[1]).toBeCloseTo(25, 8);
  });
  it('estimation error of a ramp slope widens the forecast; a level shift adds none', () => {
    const y = [10, 11.5, 12, 13.5, 16, 17.5, 20, 21.5, 24];
    const ramp = adjustForEvents(y, [{ kind: 'ramp', start: 4 }]);
    const c = eventCovariance(ramp, y.length, 2);
    expect(c[0]).toBeGreaterThan(0);
    expect(c[1] / c[0]).toBeCloseTo(2, 10);
    expect(c[3] / c[0]).toBeCloseTo(4, 10);
    const level = adjustForEvents(y, [{ kind: 'level', start: 4 }]);
    expect(Array.from(eventCovariance(level, y.length, 2))).toEqual([0, 0, 0, 0]);
  });
  it('bad events → UsageError', () => {
    expect(() => forecast([1, 2, 3, 4, 5], { horizon: 1, events: [{ kind: 'level', start: 0 }] })).toThrow(UsageError);
    expect(() =>
      forecast([1, 2, 3, 4, 5, 6], {
        horizon: 1,
        events: [
          { kind: 'level', start: 2 },
          { kind: 'level', start: 2 },
        ],
      }),
    ).toThrow(/collinear/);
  });
});

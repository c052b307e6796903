import { describe, expect, it } from 'vitest';
import { buildForecast, CV_MAX_LOG } from '../../src/forecast/intervals.js';
import { naiveFit } from '../../src/forecast/naive.js';
import { simulate } from '../../src/forecast/simulate.js';
import { Rng } from '../../src/stats/rng.js';
import { sayMsg, type Msg } from '../../src/text/messages.js';

/** The engine's notes (codes) in English, joined. */
const en = (notes: Msg[] | undefined, sep = '; '): string => (notes ?? []).map((m) => sayMsg(m, 'en')).join(sep);

describe('buildForecast: interval scale', () => {
  it("'auto' uses the log scale while the forecast sd stays below half the point forecast", () => {
    const y = [100, 104, 101, 106, 103, 108];
    const fit = naiveFit(y);
    const sd = Math.sqrt(fit.predict(3).cov[8]);
    expect(sd / 108).toBeLessThan(CV_MAX_LOG);
    const f = buildForecast(fit, { horizon: 3, levels: [95], scale: 'auto', y });
    expect(f.dist!.log).toBe(true);
    expect(f.dist!.min).toBeUndefined();
  });
  it("'auto' switches to the linear scale floored at 0 when the sd exceeds half the point forecast", () => {
    const y = [10, 30, 5, 40, 8, 12];
    const fit = naiveFit(y);
    const v = fit.predict(3).cov;
    expect(Math.sqrt(v[8]) / 12).toBeGreaterThan(CV_MAX_LOG);
    const f = buildForecast(fit, { horizon: 3, levels: [80, 95], scale: 'auto', y });
    expect(f.dist!.log).toBe(false);
    expect(f.dist!.min).toBe(0);
    expect(en(f.model.notes)).toMatch(/floored at 0/);
    // 95 %: 12 ± 1.959964·sd, the lower bound floored at 0
    expect(f.intervals[1].lower[2]).toBe(0);
    expect(f.intervals[1].upper[2]).toBeCloseTo(12 + 1.959963984540054 * Math.sqrt(v[8]), 10);
    const paths = simulate(f, 2000, new Rng(3));
    expect(Math.min(...paths)).toBe(0);
    // the explicit scales are honoured: 'log' stays log, 'linear' is the textbook interval (not floored)
    expect(buildForecast(fit, { horizon: 3, levels: [95], scale: 'log', y }).dist!.log).toBe(true);
    const lin = buildForecast(fit, { horizon: 3, levels: [95], scale: 'linear', y });
    expect(lin.intervals[0].lower[2]).toBeLessThan(0);
    expect(lin.dist!.min).toBeUndefined();
  });
});

/** The headline's API (src/scenario/headline.ts): bad options are refused before any run. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { headlineBacktest, oneForecast, parameterSpread } from '../../src/scenario/headline.js';

const base = loadScenario('baseline');

describe('headline API: bad options', () => {
  it('no options object is a UsageError naming the call (not a TypeError reading k or runs)', () => {
    expect(() => oneForecast(base, undefined as never)).toThrow(
      'oneForecast(def, { k }): the options must be an object, got undefined',
    );
    expect(() => headlineBacktest(base, undefined as never)).toThrow(
      'headlineBacktest(def, { runs }): the options must be an object, got undefined',
    );
    expect(() => parameterSpread(base, undefined as never)).toThrow(UsageError);
  });
  it("the one forecast's runs and years, and the spread's draws and runs per draw, are checked, not allocated or ignored", () => {
    const t0 = Date.now();
    expect(() => oneForecast(base, { k: 1, runs: 1e12 })).toThrow(
      'runs must be an integer from 1 to 1,000,000, got 1000000000000',
    );
    expect(() => oneForecast(base, { k: 1, runs: 0 })).toThrow(UsageError);
    expect(() => oneForecast(base, { k: 1, years: 1e9, runs: 100 })).toThrow(
      'years must be an integer from 1 to 100, got 1000000000',
    );
    expect(() => parameterSpread(base, { year: 2026, draws: 0 })).toThrow(
      'draws must be an integer from 1 to 100,000, got 0',
    );
    expect(() => parameterSpread(base, { year: 2026, draws: 1e12 })).toThrow(UsageError);
    expect(() => parameterSpread(base, { year: 2026, runsPerDraw: 1e12 })).toThrow(/^runsPerDraw must be an integer/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
  it("headlineBacktest's runs (the scenario's, from which the replays' 2.000–20.000 are derived) must be a valid run count: 0 and 1e12 were clamped without a word", () => {
    expect(() => headlineBacktest(base, { runs: 0 })).toThrow('runs must be an integer from 1 to 100,000,000, got 0');
    expect(() => headlineBacktest(base, { runs: 1e12 })).toThrow(UsageError);
  });
});

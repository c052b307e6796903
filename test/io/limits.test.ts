import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { API_LIMITS, checkIntegerArg } from '../../src/io/limits.js';
import { RUN_LIMITS, RUN_LIMITS_BY_COMMAND } from '../../src/cli/options.js';

describe('checkIntegerArg: an integer argument of an API function', () => {
  it('takes an integer in range and refuses anything else with a UsageError naming it, its range and what was found', () => {
    expect(() => checkIntegerArg('runs', 1, 1, 10)).not.toThrow();
    expect(() => checkIntegerArg('runs', 10, 1, 10)).not.toThrow();
    for (const [v, shown] of [
      [0, '0'],
      [11, '11'],
      [1.5, '1.5'],
      [NaN, 'NaN'],
      ['5', '"5"'],
      [undefined, 'undefined'],
    ] as const) {
      expect(() => checkIntegerArg('runs', v, 1, 10)).toThrow(UsageError);
      expect(() => checkIntegerArg('runs', v, 1, 10)).toThrow(`runs must be an integer from 1 to 10, got ${shown}`);
    }
  });
  it("the API's seed and measure-path limits are the command line's (kept apart so `viso --help` loads no io module)", () => {
    expect(API_LIMITS.seedMax).toBe(2 ** 32 - 1);
    expect(API_LIMITS.seedMax).toBe(RUN_LIMITS.seed.max);
    expect(API_LIMITS.measurePaths).toBe(RUN_LIMITS.measurePaths);
    expect(API_LIMITS.followUpRuns).toEqual(RUN_LIMITS_BY_COMMAND['follow-up'].runs);
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { coverage, mape, mase, msis, smape } from '../../src/forecast/index.js';

describe('accuracy measures: arrays that do not pair up', () => {
  it('unequal lengths, an empty array or no array is a UsageError naming the measure and the arrays (was NaN without a word)', () => {
    expect(() => smape([1, 2], [1])).toThrow(
      'smape: actual has 2 values but point has 1; they must pair up one to one',
    );
    expect(() => mape([], [])).toThrow('mape: actual is empty; the measure needs at least one value');
    expect(() => coverage([1, 2], [0], [2, 2])).toThrow(
      'coverage: actual has 2 values but lower has 1; they must pair up one to one',
    );
    expect(() => msis([1], [0], [2], [1])).toThrow(/^train must be an array of at least 2 numbers/);
    expect(() => mase([1], [1], [1])).toThrow(UsageError);
    expect(() => smape(5 as never, [1])).toThrow('smape: actual must be an array of numbers (got 5)');
  });
  it('typed arrays are taken as arrays are (the benchmarks pass Float64Arrays)', () => {
    expect(smape(Float64Array.from([100]) as never, [110])).toBeCloseTo(smape([100], [110]), 12);
    expect(mase([10, 12], [11, 11], Float64Array.from([1, 3, 2]) as never)).toBeCloseTo(1 / 1.5, 12);
  });
});

/**
 * Forecast accuracy measures (M3/M4 definitions), the one place they are defined: the
 * backtest, the benchmarks and the report all score with these.
 */
import { UsageError, shownArg } from '../errors.js';

/**
 * Refuse arrays a measure cannot pair up: each an array, all of one length, at least one value
 * (unequal lengths were scored against undefined, so the measure came out NaN without a word).
 */
function paired(measure: string, arrays: Record<string, unknown>): void {
  let n: number | undefined;
  let first = '';
  for (const [name, v] of Object.entries(arrays)) {
    // an array or a typed array (the benchmarks pass Float64Arrays)
    if (!Array.isArray(v) && !ArrayBuffer.isView(v))
      throw new UsageError({ code: 'forecast.err.metricArray', params: { measure, name, got: shownArg(v) } });
    const a = v as ArrayLike<number>;
    if (n === undefined) {
      n = a.length;
      first = name;
      if (n === 0) throw new UsageError({ code: 'forecast.err.metricEmpty', params: { measure, name } });
    } else if (a.length !== n)
      throw new UsageError({
        code: 'forecast.err.metricLengths',
        params: { measure, a: first, n, b: name, m: a.length },
      });
  }
}

/**
 * MAPE in percent: mean of 100·|y − f|/|y| (Infinity when an actual is 0 and its forecast is not).
 *
 * @example
 * mape([100, 200], [110, 190]) // 7.5
 */
export function mape(actual: number[], point: number[]): number {
  paired('mape', { actual, point });
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += (100 * Math.abs(actual[i] - point[i])) / Math.abs(actual[i]);
  return s / actual.length;
}

/**
 * Symmetric MAPE in percent: mean of 200·|y − f|/(|y| + |f|) (M3 definition; 0 when both are 0).
 *
 * @example
 * smape([100], [110]) // 9.5238…
 */
export function smape(actual: number[], point: number[]): number {
  paired('smape', { actual, point });
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i]) + Math.abs(point[i]);
    s += d === 0 ? 0 : (200 * Math.abs(actual[i] - point[i])) / d;
  }
  return s / actual.length;
}

/**
 * Scale of MASE/MSIS for non-seasonal data: mean absolute first difference of
 * the training series (in-sample naive MAE).
 *
 * @example
 * naiveScale([1, 3, 2]) // 1.5
 */
export function naiveScale(train: number[]): number {
  let s = 0;
  for (let i = 1; i < train.length; i++) s += Math.abs(train[i] - train[i - 1]);
  return s / (train.length - 1);
}

/**
 * Mean absolute scaled error.
 *
 * @example
 * mase([10, 12], [11, 11], [1, 3, 2]) // 1 / 1.5
 */
export function mase(actual: number[], point: number[], train: number[]): number {
  paired('mase', { actual, point });
  if ((!Array.isArray(train) && !ArrayBuffer.isView(train)) || train.length < 2)
    throw new UsageError({ code: 'forecast.err.maseTrain', params: { got: shownArg(train) } });
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i] - point[i]);
  return s / actual.length / naiveScale(train);
}

/**
 * Mean scaled interval score (M4) for a (1 − a) interval, e.g. level 95 → a = 0.05.
 *
 * @example
 * msis([5], [4], [6], [1, 2, 3], 95) // width 2 / scale 1 = 2
 */
export function msis(actual: number[], lower: number[], upper: number[], train: number[], level = 95): number {
  paired('msis', { actual, lower, upper });
  if ((!Array.isArray(train) && !ArrayBuffer.isView(train)) || train.length < 2)
    throw new UsageError({ code: 'forecast.err.maseTrain', params: { got: shownArg(train) } });
  const a = 1 - level / 100;
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    s +=
      upper[i] -
      lower[i] +
      (y < lower[i] ? (2 / a) * (lower[i] - y) : 0) +
      (y > upper[i] ? (2 / a) * (y - upper[i]) : 0);
  }
  return s / actual.length / naiveScale(train);
}

/**
 * Share of actual values inside [lower, upper].
 *
 * @example
 * coverage([1, 5], [0, 0], [2, 2]) // 0.5
 */
export function coverage(actual: number[], lower: number[], upper: number[]): number {
  paired('coverage', { actual, lower, upper });
  let c = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) c++;
  return c / actual.length;
}

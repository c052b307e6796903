/**
 * Benchmarks with closed-form intervals: the naive (random walk) forecast and
 * the random walk with drift (as R's `rwf`).
 */
import type { ModelFit } from './model.js';
import { covFromPsi, sumSq } from './model.js';
import { note } from './notes.js';

/**
 * Naive forecast: ŷ(n+h) = y(n), σ² = mean of squared first differences,
 * forecast variance h·σ².
 *
 * @example
 * const m = naiveFit([1, 2, 4]);
 * m.predict(2).point // [4, 4]
 */
export function naiveFit(y: number[]): ModelFit {
  const n = y.length;
  const fitted = y.map((_, i) => (i === 0 ? NaN : y[i - 1]));
  const d = y.slice(1).map((v, i) => v - y[i]);
  const sigma2 = d.length ? sumSq(d) / d.length : 0;
  const residuals = y.map((v, i) => (i === 0 ? 0 : v - y[i - 1]));
  fitted[0] = y[0];
  return {
    model: {
      method: 'naive',
      description: 'Naive (random walk): forecast = last value',
      descriptionMsg: note('forecast.desc.naive'),
      params: {},
      n,
      fitted,
      residuals,
      sigma: Math.sqrt(sigma2),
    },
    predict(h) {
      return { point: new Array(h).fill(y[n - 1]), cov: covFromPsi(new Array(h).fill(1), sigma2, h) };
    },
  };
}

/**
 * Random walk with drift: slope b = (y(n) − y(1))/(n − 1); σ² from the
 * regression of first differences on a constant (df n − 2); forecast variance
 * σ²·(h + h²/(n − 1)) including the drift's estimation error.
 *
 * @example
 * driftFit([1, 2, 3, 5]).predict(2).point // [6.333…, 7.666…]
 */
export function driftFit(y: number[]): ModelFit {
  const n = y.length;
  const b = (y[n - 1] - y[0]) / (n - 1);
  const d = y.slice(1).map((v, i) => v - y[i] - b);
  const sigma2 = n > 2 ? sumSq(d) / (n - 2) : 0;
  const fitted = y.map((v, i) => (i === 0 ? v : y[i - 1] + b));
  return {
    model: {
      method: 'drift',
      description: `Random walk with drift ${fmt(b)} per period`,
      descriptionMsg: note('forecast.desc.drift', { b: fmt(b) }),
      params: { drift: b, driftSe: Math.sqrt(sigma2 / (n - 1)) },
      n,
      fitted,
      residuals: y.map((v, i) => v - fitted[i]),
      sigma: Math.sqrt(sigma2),
    },
    predict(h) {
      const point = Array.from({ length: h }, (_, i) => y[n - 1] + (i + 1) * b);
      const seB = Math.sqrt(sigma2 / (n - 1));
      const g = Array.from({ length: h }, (_, i) => (i + 1) * seB);
      return { point, cov: covFromPsi(new Array(h).fill(1), sigma2, h, undefined, g) };
    },
  };
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

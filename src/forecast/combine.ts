/**
 * Forecast combinations: the mean (or median) of several models' point
 * forecasts. The engine's `comb` is the median of automatic ETS, automatic
 * ARIMA and the dynamic optimised Theta model: on the M3 yearly dev half it
 * was the best of five documented variants (mean/median of ETS+ARIMA+Theta,
 * ETS+ARIMA+DOTM, ETS+ARIMA+Theta+DOTM, …; see bench/RESULTS.md), and like the
 * classic mean of ETS, ARIMA and Theta it beats every single member. The combination's error covariance is the average of the members'
 * covariances (before calibration).
 */
import type { ModelFit } from './model.js';
import { mean } from './model.js';
import { describedAs, itemsMsg, note } from './notes.js';

/**
 * Combine fitted models.
 *
 * @example
 * const c = combineFits([etsAuto(y), arimaAuto(y), thetaFit(y)], 'mean');
 * c.model.description // 'Mean of ETS(…), ARIMA(…), Theta (…)'
 */
export function combineFits(fits: ModelFit[], how: 'mean' | 'median' = 'mean'): ModelFit {
  const n = fits[0].model.n;
  const agg = how === 'mean' ? mean : median;
  const fitted = Array.from({ length: n }, (_, t) => agg(fits.map((f) => f.model.fitted[t])));
  const y = fits[0].model.fitted.map((f, t) => f + fits[0].model.residuals[t]);
  const residuals = y.map((v, t) => v - fitted[t]);
  const k = Math.min(n - 1, 3);
  const sigma = Math.sqrt(residuals.slice(k).reduce((s, e) => s + e * e, 0) / Math.max(1, n - k));
  const params: Record<string, number> = {};
  fits.forEach((f, i) => (params[`weight${i + 1}`] = how === 'mean' ? 1 / fits.length : NaN));
  if (how === 'median') for (const key of Object.keys(params)) delete params[key];
  return {
    model: {
      method: 'comb',
      description: `${how === 'mean' ? 'Mean' : 'Median'} of ${fits.map((f) => f.model.description).join(', ')}`,
      descriptionMsg: note(how === 'mean' ? 'forecast.desc.mean' : 'forecast.desc.median', {
        items: itemsMsg(fits.map((f) => describedAs(f.model))),
      }),
      params,
      n,
      fitted,
      residuals,
      sigma,
      members: fits.map((f) => f.model),
    },
    predict(h) {
      const preds = fits.map((f) => f.predict(h));
      const point = Array.from({ length: h }, (_, i) => agg(preds.map((p) => p.point[i])));
      const cov = new Float64Array(h * h);
      for (const p of preds) for (let i = 0; i < h * h; i++) cov[i] += p.cov[i] / preds.length;
      return { point, cov };
    },
  };
}

/**
 * Median of numbers.
 *
 * @example
 * median([3, 1, 2, 10]) // 2.5
 */
export function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

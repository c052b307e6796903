/**
 * Interrupted time series by segmented regression: a pre-trend plus a level
 * change and a slope change from the measure's start. The second estimate of
 * a measure's effect, for comparison with the counterfactual forecast.
 */
import { coefInterval, ols } from '../stats/ols.js';
import type { Msg } from '../text/messages.js';

/** A coefficient with its uncertainty. */
export interface SegCoef {
  coef: number;
  se: number;
  lower95: number;
  upper95: number;
  p: number;
}

/** Result of `segmentedRegression`. */
export interface SegmentedResult {
  /** `level+slope` with two or more post-period points, else `level` only. */
  model: 'level+slope' | 'level';
  n: number;
  df: number;
  r2: number;
  /** Pre-trend: value at the start year and yearly change. */
  intercept: SegCoef;
  trend: SegCoef;
  /** Level change at full phase-in. */
  level: SegCoef;
  /** Change of the yearly slope after the start (absent for `level`). */
  slope?: SegCoef;
  /** Estimated effect (level × phase + slope × years since start) per post year, with 95 % interval. */
  effects: { year: number; effect: number; lower95: number; upper95: number; relative: number }[];
  /** caveats of the fit, as codes (worded in src/report/measuresText.ts) */
  notes: Msg[];
}

/**
 * Fit y = a + b·(t − t0) + c·phase(t) + d·max(0, t − t0) on the given years
 * (gaps allowed). Returns `null` when there are too few points (fewer than
 * one post-period point or no residual degree of freedom).
 *
 * @example
 * segmentedRegression([2014, 2015, 2016, 2017, 2018, 2019], [10, 11, 12, 13, 9, 10], 2018, (t) => (t >= 2018 ? 1 : 0))
 * // level ≈ −5, slope ≈ 0
 */
export function segmentedRegression(
  years: number[],
  values: number[],
  startYear: number,
  phase: (year: number) => number,
): SegmentedResult | null {
  const post = years.filter((t) => t >= startYear).length;
  const pre = years.length - post;
  if (post < 1 || pre < 2) return null;
  const withSlope = post >= 2 && years.length - 4 >= 1;
  const k = withSlope ? 4 : 3;
  if (years.length - k < 1) return null;
  const X = years.map((t) => {
    const row = [1, t - startYear, phase(t)];
    if (withSlope) row.push(Math.max(0, t - startYear));
    return row;
  });
  let fit;
  try {
    fit = ols(X, values, withSlope ? ['intercept', 'trend', 'level', 'slope'] : ['intercept', 'trend', 'level']);
  } catch {
    return null;
  }
  const coef = (i: number): SegCoef => {
    const [lo, hi] = coefInterval(fit, i, 0.95);
    return { coef: fit.coef[i], se: fit.se[i], lower95: lo, upper95: hi, p: fit.p[i] };
  };
  const q = coefInterval(fit, 2, 0.95)[1] - fit.coef[2];
  const tq = fit.se[2] > 0 ? q / fit.se[2] : NaN;
  const effects = years
    .filter((t) => t >= startYear)
    .map((t) => {
      const ph = phase(t);
      const s = Math.max(0, t - startYear);
      const effect = fit.coef[2] * ph + (withSlope ? fit.coef[3] * s : 0);
      let v = ph * ph * fit.cov[2][2];
      if (withSlope) v += s * s * fit.cov[3][3] + 2 * ph * s * fit.cov[2][3];
      const se = Math.sqrt(v);
      const base = fit.coef[0] + fit.coef[1] * (t - startYear);
      return { year: t, effect, lower95: effect - tq * se, upper95: effect + tq * se, relative: effect / base };
    });
  const notes: Msg[] = [];
  if (!withSlope) notes.push({ code: 'measures.seg.levelOnly', params: { post } });
  if (fit.df <= 2) notes.push({ code: 'measures.seg.fewDf', params: { df: fit.df } });
  return {
    model: withSlope ? 'level+slope' : 'level',
    n: fit.n,
    df: fit.df,
    r2: fit.r2,
    intercept: coef(0),
    trend: coef(1),
    level: coef(2),
    slope: withSlope ? coef(3) : undefined,
    effects,
    notes,
  };
}

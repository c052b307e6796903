/**
 * The ensemble (`auto`'s method for strictly positive series): half the
 * cross-learned global network, half local models fitted to the series
 * itself — 0.5 × global + 0.25 × automatic ETS + 0.25 × DOTM (from 5
 * points; 3–4 points: 0.5 × global + 0.5 × naive). Each member's points are
 * floored for a positive series before combining (`POSITIVE_FLOOR`).
 *
 * Why these weights (bench/RESULTS.md, "Accuracy"): weights fitted on M4
 * (cross-fitted by halves) put 0.7 on the network, which is best on M4 but
 * worse on M3 (out of the network's corpus) than the even split; the even
 * split between cross-learned and local is near the best on both corpora,
 * and ARIMA adds nothing to it (dropping it also saves 40 % of the time).
 */
import type { ModelFit } from './model.js';
import { etsAuto } from './ets.js';
import { dotmFit } from './theta.js';
import { naiveFit } from './naive.js';
import { globalFit } from './global.js';
import type { GlobalNet } from './global.js';
import { GLOBAL_WEIGHTS } from './global-weights.js';
import { floorPositive } from './intervals.js';
import { describedAs, note, termsMsg } from './notes.js';

/** Weights of the ensemble members (global, ETS, DOTM), and the short-series form (global, naive). */
export const ENSEMBLE_WEIGHTS = { global: 0.5, ets: 0.25, dotm: 0.25 } as const;

/** Shortest series for the full ensemble (DOTM needs 5 points). */
export const ENSEMBLE_MIN_FULL = 5;

/**
 * Fit the ensemble to a strictly positive series (≥ 3 points); `net` is the
 * global network (default: the shipped weights; benchmarks pass networks
 * trained on one half of M4 to score the other half).
 *
 * @example
 * ensembleFit([100, 104, 110, 113, 120, 126, 131, 135]).model.description // 'Ensemble: 0.5 × Global network (…) + 0.25 × ETS(…) + 0.25 × Dynamic optimised Theta (…)'
 */
export function ensembleFit(y: number[], net: GlobalNet = GLOBAL_WEIGHTS): ModelFit {
  const n = y.length;
  const members: [number, ModelFit][] =
    n >= ENSEMBLE_MIN_FULL
      ? [
          [ENSEMBLE_WEIGHTS.global, globalFit(y, net)],
          [ENSEMBLE_WEIGHTS.ets, etsAuto(y)],
          [ENSEMBLE_WEIGHTS.dotm, dotmFit(y)],
        ]
      : [
          [0.5, globalFit(y, net)],
          [0.5, naiveFit(y)],
        ];
  const fitted = Array.from({ length: n }, (_, t) => members.reduce((s, [w, f]) => s + w * f.model.fitted[t], 0));
  const residuals = y.map((v, t) => v - fitted[t]);
  const k = Math.min(n - 1, 3);
  const sigma = Math.sqrt(residuals.slice(k).reduce((s, e) => s + e * e, 0) / Math.max(1, n - k));
  const params: Record<string, number> = {};
  members.forEach(([w], i) => (params[`weight${i + 1}`] = w));
  return {
    model: {
      method: 'ensemble',
      description: `Ensemble: ${members.map(([w, f]) => `${w} × ${f.model.description}`).join(' + ')}`,
      descriptionMsg: note('forecast.desc.ensemble', {
        terms: termsMsg(members.map(([w, f]) => [String(w), describedAs(f.model)])),
      }),
      params,
      n,
      fitted,
      residuals,
      sigma,
      members: members.map(([, f]) => f.model),
    },
    predict(h) {
      const preds = members.map(([w, f]) => ({ w, p: f.predict(h) }));
      const point = Array.from({ length: h }, () => 0);
      const cov = new Float64Array(h * h);
      for (const { w, p } of preds) {
        const pt = floorPositive(p.point, y);
        for (let i = 0; i < h; i++) point[i] += w * pt[i];
        for (let i = 0; i < h * h; i++) cov[i] += w * (Number.isFinite(p.cov[i]) ? p.cov[i] : 0);
      }
      return { point, cov };
    },
  };
}

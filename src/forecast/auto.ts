/**
 * The `auto` method: which model to use for a series. A strictly positive
 * series (every VISO series, every M3/M4 series) gets the ensemble of the
 * cross-learned global network with ETS and DOTM, at every length from 3
 * points: on M3 and M4 series truncated to their last 5–14 values it beats
 * the length rule below at every length (bench/RESULTS.md). Other series
 * (zeros or negative values, where the network does not apply) follow the
 * length rule:
 *
 * Evidence (bench/RESULTS.md): on M3 yearly series truncated to their last n
 * values, the combination (`comb`) is best from about 12 points, while for
 * 5–11 points choosing among naive, drift and Theta by each series' own
 * rolling-origin MASE beats both `comb` and any fixed single method; with 3–4
 * points there are too few origins and naive is the most reliable. From 12
 * points, selecting by the series' own backtest (with `comb` among the
 * candidates) is worse than always `comb`, so `auto` does not second-guess the
 * combination even where a short backtest favours a simpler method.
 */
import type { ConcreteMethod } from './methods.js';
import { fitConcrete } from './methods.js';
import type { Msg } from '../text/messages.js';
import { note } from './notes.js';

/** Series length from which `auto` uses the combination. */
export const AUTO_MIN_COMB = 12;
/** Series length from which `auto` selects by backtest (below: naive). */
export const AUTO_MIN_SELECT = 5;
/** Candidates of the backtest selection, simplest first (ties go to the simpler). */
export const AUTO_CANDIDATES: readonly ConcreteMethod[] = ['naive', 'drift', 'theta'];

/**
 * Rolling-origin MASE of a method's point forecasts on y (expanding window,
 * origins from `minTrain`, horizons 1..h).
 *
 * @example
 * backtestMase([1, 2, 3, 4, 5, 6], 'drift', 2, 3) // 0 (a straight line)
 */
export function backtestMase(y: number[], method: ConcreteMethod, h: number, minTrain: number): number {
  let s = 0;
  let k = 0;
  for (let o = minTrain; o < y.length; o++) {
    const train = y.slice(0, o);
    let scale = 0;
    for (let i = 1; i < o; i++) scale += Math.abs(train[i] - train[i - 1]);
    scale = scale / (o - 1) || 1;
    const hh = Math.min(h, y.length - o);
    let point: number[];
    try {
      point = fitConcrete(train, method).predict(hh).point;
    } catch {
      return Infinity;
    }
    for (let i = 0; i < hh; i++) {
      s += Math.abs(y[o + i] - point[i]) / scale;
      k++;
    }
  }
  return k ? s / k : Infinity;
}

/**
 * The concrete method `auto` uses for y, with the reason.
 *
 * @example
 * chooseAuto([3, 4, 6, 7, 9, 10, 12, 13, 15, 16, 18, 19], 3).method // 'ensemble'
 * chooseAuto([-3, 4, 6, 7, 9, 10, 12, 13, 15, 16, 18, 19], 3).method // 'comb'
 * chooseAuto([5, -7, 6, 8, 7, 9, 8], 2).note // a Msg: 'auto chose … by rolling-origin backtest (MASE naive …, drift …, theta …)' in English
 */
export function chooseAuto(y: number[], horizon: number): { method: ConcreteMethod; note: Msg } {
  const n = y.length;
  if (y.every((v) => v > 0)) return { method: 'ensemble', note: note('forecast.note.autoEnsemble', { n }) };
  if (n >= AUTO_MIN_COMB) return { method: 'comb', note: note('forecast.note.autoComb', { n, min: AUTO_MIN_COMB }) };
  if (n < AUTO_MIN_SELECT) return { method: 'naive', note: note('forecast.note.autoNaive', { n }) };
  const h = Math.min(horizon, 3);
  const minTrain = Math.max(3, n - 6);
  const scores = AUTO_CANDIDATES.map((m) => backtestMase(y, m, h, minTrain));
  let best = 0;
  scores.forEach((v, i) => {
    if (v < scores[best] - 1e-12) best = i;
  });
  const table = AUTO_CANDIDATES.map((m, i) => `${m} ${Number.isFinite(scores[i]) ? scores[i].toFixed(2) : '–'}`).join(
    ', ',
  );
  return {
    method: AUTO_CANDIDATES[best],
    note: note('forecast.note.autoBacktest', {
      method: AUTO_CANDIDATES[best],
      table,
      origins: `${minTrain}–${n - 1}`,
      h,
    }),
  };
}

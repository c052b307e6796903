/**
 * The one forecast's spread calibration applied to the runs of one simulated year: each run's forbrug
 * widened around the year's median by the backtest's spread factor k (`oneForecast` in headline.ts, `widen`
 * in backtest.ts), then compared with the run's own bevilling. With k = 1 it is the driver model itself.
 * No Node imports: the live what-if's Web Worker bundles it (`src/report/live/compute.ts`).
 */
import { select } from './summary.js';

/** Forbrug and bevilling of every run in one year (`yearSample`). */
export interface YearRuns {
  forbrug: Float64Array;
  bevilling: Float64Array;
}

/**
 * The median the widening centres on: the middle element of the sorted forbrug (the upper one of an even
 * number of runs), as `oneForecast` uses.
 *
 * @example
 * widenCentre(Float64Array.from([3, 1, 2, 4])) // 3
 */
export function widenCentre(forbrug: Float64Array): number {
  return select(Float64Array.from(forbrug), forbrug.length >> 1, 0, forbrug.length - 1);
}

/**
 * P(widened forbrug − bevilling > c) (`variable: 'merforbrug'`) or P(widened forbrug > c) (`'forbrug'`) over
 * the runs, the forbrug widened around its median by k.
 *
 * @example
 * widenedExceedance({ forbrug: Float64Array.from([90, 100, 110]), bevilling: Float64Array.from([105, 105, 105]) }, 2, 'merforbrug', 0) // 1/3
 */
export function widenedExceedance(s: YearRuns, k: number, variable: 'merforbrug' | 'forbrug', c: number): number {
  const f = s.forbrug,
    b = s.bevilling,
    n = f.length;
  const m = k === 1 ? 0 : widenCentre(f);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const x = k === 1 ? f[i] : m + k * (f[i] - m); // k = 1: the driver's own values, bit for bit
    if ((variable === 'merforbrug' ? x - b[i] : x) > c) hits++;
  }
  return hits / n;
}

/**
 * P(merforbrug > 0), expected forbrug and expected merforbrug (the mean of forbrug − bevilling, negative
 * for a mindreforbrug, as in the scenario results) of the runs with forbrug widened around its median by k.
 *
 * @example
 * widenedYear({ forbrug: Float64Array.from([90, 100, 110]), bevilling: Float64Array.from([105, 105, 105]) }, 2).pMerforbrug // 1/3
 */
export function widenedYear(
  s: YearRuns,
  k: number,
): { pMerforbrug: number; expectedForbrug: number; expectedMerforbrug: number } {
  const f = s.forbrug,
    b = s.bevilling,
    n = f.length;
  const m = k === 1 ? 0 : widenCentre(f);
  let hits = 0,
    sum = 0,
    sumMer = 0;
  for (let i = 0; i < n; i++) {
    const x = k === 1 ? f[i] : m + k * (f[i] - m);
    const d = x - b[i];
    sum += x;
    sumMer += d;
    if (d > 0) hits++;
  }
  return { pMerforbrug: hits / n, expectedForbrug: sum / n, expectedMerforbrug: sumMer / n };
}

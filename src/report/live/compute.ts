/**
 * One live recomputation: the Monte Carlo engine on a compiled model (the same blocks, streams and
 * summaries as `viso scenario run`), reduced to what the page shows per year, and from the same runs the
 * headline's one forecast (every run's forbrug widened around the year's median by the spread factor k,
 * `widenedYear`). No Node imports: it runs in the report's Web Worker, and in Node for the tests and the
 * benchmark.
 */
import type { CompiledModel } from '../../scenario/model.js';
import { runCompiled } from '../../scenario/run.js';
import { widenCentre, widenedYear } from '../../scenario/widen.js';
import type { Quantiles } from '../../stats/quantiles.js';

/**
 * One year of the one forecast from the live runs: each run's forbrug widened around the year's median by k
 * (`widenCentre`: the middle of the sorted runs), against the run's own bevilling, as `oneForecast` does.
 * Money in mio. kr.
 */
export interface LiveOneYear {
  /** P(widened forbrug > bevilling) and its Monte Carlo standard error √(p(1 − p)/runs). */
  p: number;
  pSe: number;
  /** Mean of the widened forbrug, and its 10th and 90th percentile (the driver's widened: k > 0 keeps the order). */
  forbrugMean: number;
  forbrugP10: number;
  forbrugP90: number;
  /** E[widened forbrug − bevilling] (negative: an expected mindreforbrug). */
  expectedMerforbrug: number;
}

/** One simulated year of a live run. Money in mio. kr. */
export interface LiveYear {
  year: number;
  /** P(merforbrug > 0) and its Monte Carlo standard error √(p(1 − p)/runs). */
  p: number;
  pSe: number;
  forbrug: Quantiles;
  bevilling: Quantiles;
  /** E[merforbrug] (negative: an expected mindreforbrug). */
  expectedMerforbrug: number;
  /** E[max(merforbrug, 0)]: the expected overrun. */
  expectedOverspend: number;
  /** Percentiles 1..99 of merforbrug (histogram and exceedance curve). */
  merforbrugPercentiles: number[];
  /** The one forecast of the year (only with a spread factor k). */
  one?: LiveOneYear;
}

/** The result of one live recomputation. */
export interface LiveResult {
  runs: number;
  seed: number;
  years: LiveYear[];
  /** How the quantiles were computed ('exact': every value sorted, as `viso scenario run` below 4 million values). */
  quantileMethod: 'exact' | 'histogram';
  /** The spread factor of the one forecast (`LiveYear.one`), when one was given. */
  k?: number;
}

/** The one forecast of year t from that year's runs (forbrug and bevilling in run order) and the driver's forbrug quantiles. */
function oneYear(forbrug: Float64Array, bevilling: Float64Array, driver: Quantiles, k: number): LiveOneYear {
  const w = widenedYear({ forbrug, bevilling }, k);
  const c = k === 1 ? 0 : widenCentre(forbrug);
  const p = w.pMerforbrug;
  return {
    p,
    pSe: Math.sqrt((p * (1 - p)) / forbrug.length),
    forbrugMean: w.expectedForbrug,
    forbrugP10: k === 1 ? driver.p10 : c + k * (driver.p10 - c),
    forbrugP90: k === 1 ? driver.p90 : c + k * (driver.p90 - c),
    expectedMerforbrug: w.expectedMerforbrug,
  };
}

/**
 * Run a compiled model with `runs` runs and summarise it for the page; with a spread factor `k` (the
 * report's backtest calibration) also the one forecast of every year from the same runs (`LiveYear.one`).
 *
 * @example
 * liveRun(prepareScenario(loadScenario('baseline')), 20_000).years[1].p // P(merforbrug 2026), as `viso scenario run baseline --runs 20000`
 * liveRun(model, 100_000, 1.505).years[1].one!.p // the headline's P(merforbrug 2026) (oneForecast with k = 1,505 at 100.000 runs)
 */
export function liveRun(m: CompiledModel, runs: number, k?: number): LiveResult {
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 1_000_000))
    throw new Error(`live runs must be a whole number from 1 to 1,000,000, got ${runs}`);
  if (k !== undefined && !(k > 0 && Number.isFinite(k)))
    throw new Error(`the spread factor k must be a positive number, got ${k}`);
  const one = k !== undefined;
  const core = runCompiled(m, { runs, thresholds: m.years.map(() => []), ...(one ? { rows: true } : {}) });
  return {
    runs,
    seed: m.seed,
    quantileMethod: core.quantileMethod,
    ...(one ? { k } : {}),
    years: core.years.map((y, t) => ({
      year: y.year,
      p: y.pMerforbrug,
      pSe: y.pMerforbrugSe,
      forbrug: y.vars[1],
      bevilling: y.vars[0],
      expectedMerforbrug: y.vars[2].mean,
      expectedOverspend: y.expectedOverspend,
      merforbrugPercentiles: y.merforbrugPercentiles,
      ...(one ? { one: oneYear(core.rows!.forbrug[t], core.rows!.bevilling[t], y.vars[1], k) } : {}),
    })),
  };
}

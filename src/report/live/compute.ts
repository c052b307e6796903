/**
 * One live recomputation: the Monte Carlo engine on a compiled model (the same blocks, streams and
 * summaries as `viso scenario run`), reduced to what the page shows per year. No Node imports: it
 * runs in the report's Web Worker, and in Node for the tests and the benchmark.
 */
import type { CompiledModel } from '../../scenario/model.js';
import { runCompiled } from '../../scenario/run.js';
import type { Quantiles } from '../../stats/quantiles.js';

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
}

/** The result of one live recomputation. */
export interface LiveResult {
  runs: number;
  seed: number;
  years: LiveYear[];
  /** How the quantiles were computed ('exact': every value sorted, as `viso scenario run` below 4 million values). */
  quantileMethod: 'exact' | 'histogram';
}

/**
 * Run a compiled model with `runs` runs and summarise it for the page.
 *
 * @example
 * liveRun(prepareScenario(loadScenario('baseline')), 20_000).years[1].p // P(merforbrug 2026), as `viso scenario run baseline --runs 20000`
 */
export function liveRun(m: CompiledModel, runs: number): LiveResult {
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 1_000_000))
    throw new Error(`live runs must be a whole number from 1 to 1.000.000, got ${runs}`);
  const core = runCompiled(m, { runs, thresholds: m.years.map(() => []) });
  return {
    runs,
    seed: m.seed,
    quantileMethod: core.quantileMethod,
    years: core.years.map((y) => ({
      year: y.year,
      p: y.pMerforbrug,
      pSe: y.pMerforbrugSe,
      forbrug: y.vars[1],
      bevilling: y.vars[0],
      expectedMerforbrug: y.vars[2].mean,
      expectedOverspend: y.expectedOverspend,
      merforbrugPercentiles: y.merforbrugPercentiles,
    })),
  };
}

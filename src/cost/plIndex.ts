/**
 * The price/wage (PL) index: converts current prices to fixed prices of a base year.
 */
import type { CostAssumptions } from './assumptions.js';
import { UsageError, shownArg } from '../errors.js';

/** Most years between a year and the base year that `plIndex` compounds over (it loops year by year). */
const PL_MAX_SPAN = 500;

/**
 * PL rate from `year − 1` to `year` (override if given, else the labelled default).
 *
 * @example
 * plRate(defaultCostAssumptions(), 2020) // 0.02
 */
export function plRate(a: Pick<CostAssumptions, 'pl'>, year: number): number {
  return a.pl.overrides[year] ?? a.pl.defaultRate;
}

/**
 * PL index of `year` relative to `baseYear` (= 1 in the base year):
 * the product of (1 + rate) over the years between them.
 *
 * @example
 * plIndex(defaultCostAssumptions(), 2023, 2024) // 1 / 1.02
 * plIndex(defaultCostAssumptions(), 2024, 2022) // 1.02 * 1.02
 */
export function plIndex(a: Pick<CostAssumptions, 'pl'>, year: number, baseYear: number): number {
  // NaN gave an index of 1 and 1e9 a loop of seconds ending at Infinity
  if (!Number.isInteger(year) || !Number.isInteger(baseYear) || Math.abs(year - baseYear) > PL_MAX_SPAN)
    throw new UsageError({
      code: 'cost.err.plYears',
      params: { year: shownArg(year), baseYear: shownArg(baseYear), max: PL_MAX_SPAN },
    });
  let idx = 1;
  if (year > baseYear) for (let t = baseYear + 1; t <= year; t++) idx *= 1 + plRate(a, t);
  else for (let t = year + 1; t <= baseYear; t++) idx /= 1 + plRate(a, t);
  return idx;
}

/**
 * Convert an amount in current prices of `year` to fixed prices of `baseYear`.
 *
 * @example
 * toFixedPrices(defaultCostAssumptions(), 100, 2023, 2024) // 102
 */
export function toFixedPrices(a: Pick<CostAssumptions, 'pl'>, amount: number, year: number, baseYear: number): number {
  return amount / plIndex(a, year, baseYear);
}

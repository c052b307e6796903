/**
 * A measure's savings across years under the cohort timing of a forløb's cost (models/timing.yaml):
 * a forløb's cost spreads over its duration, so cutting the starts from a date saves cost in the
 * start year and the following one. The starts a measure affects in its start year are those from
 * its start date (the start month counted by the part of it left); in later years a whole year's
 * starts. `costPhase` turns a measure's phase of starts per year into its phase of cost.
 */
import { costShareByYear, cohortYearSplit, type DurationDist } from '../cost/timing.js';
import type { MeasureDef } from './types.js';
import { startYear } from './phase.js';

/** The split by year of the cost of the starts a measure affects in its start year, and of a whole year's starts. */
export interface MeasureCostSplit {
  /** Share of the cost of the affected start-year starts in the start year, the next year, … (sums to 1). */
  startYear: number[];
  /** The same for a whole year's starts (the cohort split). */
  fullYear: number[];
}

/**
 * The cost split of a measure starting on `start` (YYYY-MM-DD): its start-year starts are those from
 * the start date, spread over the months by `profile`, each costing over its duration by `dist`.
 *
 * @example
 * measureCostSplit('2021-09-01', FLAT_START_PROFILE, durationDist({ 7: 1 })).startYear // [10/28, 18/28]: mostly the next year
 */
export function measureCostSplit(
  start: string,
  profile: readonly number[],
  dist: DurationDist,
  distNext: DurationDist = dist,
): MeasureCostSplit {
  const d = new Date(`${start}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const left = (days - d.getUTCDate() + 1) / days; // the part of the start month on or after the start date
  const out: number[] = [];
  let total = 0;
  for (let s = m; s <= 12; s++) {
    const w = profile[s - 1] * (s === m ? left : 1);
    if (!(w > 0)) continue;
    total += w;
    costShareByYear(s, dist).forEach((x, k) => (out[k] = (out[k] ?? 0) + w * x));
  }
  const startSplit = total > 0 ? Array.from(out, (x) => (x ?? 0) / total) : [1];
  return { startYear: startSplit, fullYear: cohortYearSplit(profile, distNext) };
}

/**
 * A measure's phase of cost per simulated year: Σ_s φ_s · split_s[t − s] over the simulated years s
 * of starts (φ_s the phase of starts beyond the base year's, `phase`), split_s the start year's own
 * split in the measure's start year and the whole-year split otherwise. It reaches the phase of
 * starts once the phase stops changing; a measure starting late in a year acts on cost mostly the
 * next year.
 *
 * @example
 * costPhase(def, [2026, 2027, 2028], [0.33, 1, 1], measureCostSplit(def.start, profile, dist)) // ≈ [0.12, 0.96, 1]
 */
export function costPhase(
  def: Pick<MeasureDef, 'start'>,
  years: readonly number[],
  phase: ArrayLike<number>,
  split: MeasureCostSplit,
): Float64Array {
  const y0 = startYear(def);
  const out = new Float64Array(years.length);
  for (let t = 0; t < years.length; t++) {
    let c = 0;
    for (let s = 0; s <= t; s++) {
      const w = years[s] === y0 ? split.startYear : split.fullYear;
      const k = t - s;
      if (k < w.length) c += phase[s] * w[k];
    }
    out[t] = c;
  }
  return out;
}

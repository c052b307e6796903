/**
 * The structural spending profile of a year from its cohorts of forløb: the cost running in
 * each month is the started forløb (or their contracted amounts) of this and earlier years
 * spread over their durations (src/cost/timing.ts); a fixed share of spending is spread
 * evenly. For the running year the months not yet seen get starts at the year's pace, so the
 * profile is linear in that pace (`known + pace · unit`), which lets every Monte Carlo draw
 * of the pace have its own profile in O(1).
 */
import { cohortSpend, lagWeights, steadyStateProfile } from '../cost/timing.js';

/** Cohort sizes by year: 12 monthly values (NaN = not known). */
export type SizesByYear = ReadonlyMap<number, readonly number[]>;

/** What the structural profile of one year needs. */
export interface CohortContext {
  sizes: SizesByYear;
  /** Start-month profile (12 shares). */
  profile: readonly number[];
  /** Duration distribution of the forløb started in a year. */
  durationFor: (year: number) => readonly number[];
  /** Share of spending that does not follow the forløb. */
  fixedShare: number;
}

/**
 * A year's variable cost by month as `known + pace · unit`: `known` from the cohorts with known
 * sizes (and earlier years at their own or an assumed pace), `unit` from the months of the year
 * not yet seen, per unit of the year's annual pace.
 */
export interface YearExposure {
  year: number;
  /** Months (1–12) of the year with known sizes, from January. */
  knownMonths: number;
  /** The year's annual pace from its known months (sizes ÷ share of the start profile). */
  pace: number;
  known: number[];
  unit: number[];
  /** Earlier years whose sizes were not in the file (assumed at this year's pace). */
  assumedYears: number[];
}

/**
 * The annual pace of a year from its first `months` months: their sizes divided by the start
 * profile's share of those months.
 *
 * @example
 * paceFrom([100, 100, 100], 3, new Array(12).fill(1 / 12)) // 1200
 */
export function paceFrom(sizes: readonly number[], months: number, profile: readonly number[]): number {
  let s = 0;
  let p = 0;
  for (let j = 0; j < months; j++) {
    s += sizes[j];
    p += profile[j];
  }
  return p > 0 ? s / p : NaN;
}

/** Known months from January (sizes that are numbers). */
function knownFromJanuary(sizes: readonly number[] | undefined): number {
  if (!sizes) return 0;
  let n = 0;
  while (n < 12 && Number.isFinite(sizes[n])) n++;
  return n;
}

/**
 * The cost running in each month of `year` (in size units) from the cohorts of this and earlier
 * years; months of `year` after `asOf` are the `unit` part. An earlier year missing from `sizes`
 * (or with missing months) is taken at this year's pace (steady state) and listed.
 *
 * @example
 * const e = yearExposure(2025, 6, ctx); // known: cohorts up to June 2025; unit: July–December at pace 1
 */
export function yearExposure(year: number, asOf: number, ctx: CohortContext): YearExposure {
  const own = ctx.sizes.get(year);
  const knownMonths = Math.min(asOf, knownFromJanuary(own));
  const pace = own && knownMonths > 0 ? paceFrom(own, knownMonths, ctx.profile) : NaN;
  const known = new Array<number>(12).fill(0);
  const unit = new Array<number>(12).fill(0);
  const assumedYears: number[] = [];
  const maxLen = Math.max(...[0, 1, 2, 3, 4, 5].map((k) => ctx.durationFor(year - k).length));
  const lookback = Math.ceil(maxLen / 12);
  for (let back = lookback; back >= 0; back--) {
    const y = year - back;
    const w = lagWeights(ctx.durationFor(y));
    const offset = back * 12;
    if (offset >= 12 + w.length - 1) continue;
    let sizes: number[];
    if (back === 0) {
      sizes = new Array<number>(12).fill(0);
      for (let j = 0; j < knownMonths; j++) sizes[j] = own![j];
      const futureUnit = ctx.profile.map((p, j) => (j >= knownMonths ? p : 0));
      const u = cohortSpend(futureUnit, w);
      for (let j = 0; j < 12; j++) unit[j] += u[j] ?? 0;
    } else {
      const s = ctx.sizes.get(y);
      const filled = s ? fillYear(s, ctx.profile, pace) : undefined;
      if (!filled || filled.assumed) assumedYears.push(y);
      sizes = filled ? filled.sizes : ctx.profile.map((p) => p * pace);
    }
    const spend = cohortSpend(sizes, w);
    for (let j = 0; j < 12; j++) known[j] += spend[offset + j] ?? 0;
  }
  return { year, knownMonths, pace, known, unit, assumedYears };
}

/** An earlier year's 12 sizes: as given, months missing filled at the pace of the given ones (or `fallbackPace`). */
function fillYear(
  s: readonly number[],
  profile: readonly number[],
  fallbackPace: number,
): { sizes: number[]; assumed: boolean } {
  let sum = 0;
  let share = 0;
  let missing = 0;
  for (let j = 0; j < 12; j++) {
    if (Number.isFinite(s[j])) {
      sum += s[j];
      share += profile[j];
    } else missing++;
  }
  if (missing === 0) return { sizes: [...s], assumed: false };
  const pace = share > 0 ? sum / share : fallbackPace;
  return { sizes: s.map((x, j) => (Number.isFinite(x) ? x : profile[j] * pace)), assumed: share === 0 };
}

/**
 * Cumulative structural share of the year's spending at the end of month `month` (1–12), with
 * the unseen months' starts at annual pace `pace`: (κ/(1 − κ)·(T/12)·month + c_month) / (T/(1 − κ)),
 * T the year's variable cost and c its running sum.
 *
 * @example
 * cumulativeShare(e, 12, e.pace, 0.28) // 1
 */
export function cumulativeShare(e: YearExposure, month: number, pace: number, fixedShare: number): number {
  let total = 0;
  let upTo = 0;
  for (let j = 0; j < 12; j++) {
    const v = e.known[j] + pace * e.unit[j];
    total += v;
    if (j < month) upTo += v;
  }
  if (!(total > 0)) return month / 12;
  const f = fixedShare / (1 - fixedShare);
  return ((f * total * month) / 12 + upTo) / ((1 + f) * total);
}

/**
 * The 12 cumulative structural shares of a year (see {@link cumulativeShare}); a year without
 * any known sizes gets the steady-state profile of the start profile and durations.
 *
 * @example
 * structuralProfile(2024, 12, ctx).at(-1) // 1
 */
export function structuralProfile(year: number, asOf: number, ctx: CohortContext, pace?: number): number[] {
  const e = yearExposure(year, asOf, ctx);
  if (e.knownMonths === 0) {
    const ss = steadyStateProfile(ctx.profile, ctx.durationFor(year), ctx.fixedShare);
    let c = 0;
    return ss.map((x) => (c += x));
  }
  const p = pace ?? e.pace;
  return Array.from({ length: 12 }, (_, j) => cumulativeShare(e, j + 1, p, ctx.fixedShare));
}

/**
 * The start-month profile estimated from complete years of starts, shrunk towards `prior` with
 * the weight of one year: (Σ_k s_k,j + π⁰_j·N̄) / (Σ_k N_k + N̄), N̄ the mean annual starts.
 * Without such years, `prior` itself.
 *
 * @example
 * estimateStartProfile([[...twelve monthly starts...]], flat) // shares summing to 1
 */
export function estimateStartProfile(years: readonly (readonly number[])[], prior: readonly number[]): number[] {
  const full = years.filter(
    (s) => s.length === 12 && s.every((x) => Number.isFinite(x) && x >= 0) && s.some((x) => x > 0),
  );
  if (full.length === 0) return [...prior];
  const totals = full.map((s) => s.reduce((a, x) => a + x, 0));
  const mean = totals.reduce((a, x) => a + x, 0) / totals.length;
  const all = totals.reduce((a, x) => a + x, 0);
  return prior.map((p, j) => (full.reduce((a, s) => a + s[j], 0) + p * mean) / (all + mean));
}

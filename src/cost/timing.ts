/**
 * Cohort timing: how a rådgivningsforløb's cost spreads over the months (and years) after
 * it starts. A forløb that starts in month s and lasts D months costs the same in each of
 * the months s, s+1, …, s+D−1 (its cost spread evenly over its duration; the start month
 * counts as a whole month). D is uncertain: a duration distribution gives P(D = d) for
 * d = 1, 2, … months, so the expected share of a forløb's cost falling k months after its
 * start is the lag weight w(k) = Σ_{d>k} P(D = d)/d, and Σ_k w(k) = 1.
 *
 * Conventions: months of a year are numbered 1 (January) … 12 (December) in arguments;
 * arrays are 0-based (index 0 = January of the start year, or the first month given).
 * A duration distribution is an array `dist` with `dist[d − 1] = P(D = d)`; a start-month
 * profile is 12 shares of a year's starts summing to 1. Everything here is pure.
 */

/** P(D = d) at index d − 1 (d months), summing to 1. */
export type DurationDist = readonly number[];

/** Longest duration accepted, in months. */
export const MAX_DURATION_MONTHS = 60;

function checkMonth(m: number, what = 'start month'): void {
  if (!Number.isInteger(m) || m < 1 || m > 12) throw new RangeError(`${what} must be 1–12, got ${m}`);
}

/**
 * A duration distribution from weights by number of months (`{6: 1, 7: 1, 8: 1}`) or an
 * array with the weight of d months at index d − 1; weights are normalised to sum to 1.
 *
 * @example
 * durationDist({ 6: 1, 7: 2, 8: 1 }) // [0, 0, 0, 0, 0, 0.25, 0.5, 0.25]
 * durationDist([0, 1, 1])            // [0, 0.5, 0.5]
 */
export function durationDist(weights: Readonly<Record<number, number>> | readonly number[]): number[] {
  const entries: [number, number][] = Array.isArray(weights)
    ? (weights as readonly number[]).map((w, i) => [i + 1, w])
    : Object.entries(weights).map(([k, w]) => [Number(k), w as number]);
  let max = 0;
  let total = 0;
  for (const [d, w] of entries) {
    if (!Number.isInteger(d) || d < 1 || d > MAX_DURATION_MONTHS)
      throw new RangeError(`a duration must be a whole number of months 1–${MAX_DURATION_MONTHS}, got ${d}`);
    if (!(Number.isFinite(w) && w >= 0))
      throw new RangeError(`the weight of ${d} months must be a number ≥ 0, got ${w}`);
    if (w > 0) max = Math.max(max, d);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('a duration distribution needs a positive weight');
  const out = new Array<number>(max).fill(0);
  for (const [d, w] of entries) if (d <= max) out[d - 1] += w / total;
  return out;
}

/**
 * Mean duration in months.
 *
 * @example
 * meanDuration(durationDist({ 6: 1, 8: 1 })) // 7
 */
export function meanDuration(dist: DurationDist): number {
  return dist.reduce((s, p, i) => s + p * (i + 1), 0);
}

/**
 * The distribution shifted by whole months (+1: every forløb one month longer); shares that
 * would fall below 1 month are put at 1 month.
 *
 * @example
 * shiftDuration(durationDist({ 6: 1, 7: 1 }), 1) // [0, 0, 0, 0, 0, 0, 0.5, 0.5]
 */
export function shiftDuration(dist: DurationDist, months: number): number[] {
  if (!Number.isInteger(months)) throw new RangeError(`a duration shift must be whole months, got ${months}`);
  const len = Math.min(MAX_DURATION_MONTHS, Math.max(1, dist.length + months));
  const out = new Array<number>(len).fill(0);
  dist.forEach((p, i) => {
    const d = Math.min(len, Math.max(1, i + 1 + months));
    out[d - 1] += p;
  });
  return out;
}

/**
 * Lag weights w(k) = Σ_{d>k} P(D = d)/d: the expected share of a forløb's cost that falls
 * k = 0, 1, … months after its start month. They sum to 1.
 *
 * @example
 * lagWeights(durationDist({ 2: 1, 4: 1 })) // [0.375, 0.375, 0.125, 0.125]
 */
export function lagWeights(dist: DurationDist): number[] {
  const w = new Array<number>(dist.length).fill(0);
  let tail = 0;
  for (let d = dist.length; d >= 1; d--) {
    tail += dist[d - 1] / d;
    w[d - 1] = tail;
  }
  return w;
}

/**
 * The share of one forløb's cost in each calendar month, counting from January of its start
 * year (index 0), for a forløb starting in `startMonth` (1–12); as long as needed to cover its
 * longest duration, padded to whole years.
 *
 * @example
 * costShareByMonth(11, durationDist({ 3: 1 })) // 24 months: 1/3 in Nov, Dec and the next January
 */
export function costShareByMonth(startMonth: number, dist: DurationDist): number[] {
  checkMonth(startMonth);
  const w = lagWeights(dist);
  const months = Math.ceil((startMonth - 1 + w.length) / 12) * 12;
  const out = new Array<number>(months).fill(0);
  w.forEach((x, k) => (out[startMonth - 1 + k] += x));
  return out;
}

/**
 * The share of one forløb's cost falling in its start year, the next year, and so on.
 *
 * @example
 * costShareByYear(9, durationDist({ 7: 1 })) // [4/7, 3/7]: September–December, then January–March
 * costShareByYear(1, durationDist({ 7: 1 })) // [1]
 */
export function costShareByYear(startMonth: number, dist: DurationDist): number[] {
  const m = costShareByMonth(startMonth, dist);
  const out: number[] = [];
  for (let i = 0; i < m.length; i += 12) out.push(m.slice(i, i + 12).reduce((s, x) => s + x, 0));
  return out;
}

/**
 * A start-month profile: 12 non-negative weights (January … December) normalised to shares.
 *
 * @example
 * startProfile([1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1, 0.5]) // 1/11 in ten months, 1/22 in July and December
 */
export function startProfile(weights: readonly number[]): number[] {
  if (weights.length !== 12)
    throw new RangeError(`a start-month profile needs 12 weights (January–December), got ${weights.length}`);
  let total = 0;
  for (const w of weights) {
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`start-month weights must be numbers ≥ 0, got ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('a start-month profile needs a positive weight');
  return weights.map((w) => w / total);
}

/** The flat start-month profile: 1/12 in every month. */
export const FLAT_START_PROFILE: readonly number[] = Object.freeze(new Array<number>(12).fill(1 / 12));

/**
 * Spending by month of cohorts of forløb: starts (or their contracted amounts) by month,
 * convolved with the lag weights and multiplied by the cost per forløb. The result has
 * `starts.length + weights.length − 1` months: index i is the i-th month after the first
 * month of `starts`.
 *
 * @example
 * cohortSpend([10, 20], lagWeights(durationDist({ 2: 1 })), 3) // [15, 45, 30]
 */
export function cohortSpend(starts: ArrayLike<number>, weights: readonly number[], costPerForloeb = 1): number[] {
  const n = starts.length;
  if (n === 0) return [];
  const out = new Array<number>(n + weights.length - 1).fill(0);
  for (let s = 0; s < n; s++) {
    const x = starts[s] * costPerForloeb;
    if (x === 0) continue;
    for (let k = 0; k < weights.length; k++) out[s + k] += x * weights[k];
  }
  return out;
}

/**
 * The cost (in forløb, times `costPerForloeb`) of the cohorts started in months 0 … `asOf`
 * of `starts` that falls after month `asOf` and up to month `until` (default: all of it).
 *
 * @example
 * remainingCost([12, 12, 12], 2, lagWeights(durationDist({ 3: 1 }))) // 12·(2/3) + 12·(1/3) = 12
 */
export function remainingCost(
  starts: ArrayLike<number>,
  asOf: number,
  weights: readonly number[],
  until = Infinity,
  costPerForloeb = 1,
): number {
  let total = 0;
  for (let s = 0; s <= asOf && s < starts.length; s++) {
    for (let k = asOf - s + 1; k < weights.length && s + k <= until; k++) total += starts[s] * weights[k];
  }
  return total * costPerForloeb;
}

/**
 * The share of a year's cohort cost (starts spread over the year by `profile`) falling in its
 * start year, the next year, and so on: what links forbrug_t to the forløb started in t and
 * t − 1 in an annual model.
 *
 * @example
 * cohortYearSplit(FLAT_START_PROFILE, durationDist({ 7: 1 })) // [0.75, 0.25]
 */
export function cohortYearSplit(profile: readonly number[], dist: DurationDist): number[] {
  return partialCohortYearSplit(1, profile, dist);
}

/**
 * Like {@link cohortYearSplit} for the starts of months `fromMonth` … December only (as a share
 * of a whole year's cohort): a measure that cuts starts from September saves this cost, by year.
 *
 * @example
 * partialCohortYearSplit(9, FLAT_START_PROFILE, durationDist({ 7: 1 })) // [10/84, 18/84]: September–December starts cost more in the next year
 */
export function partialCohortYearSplit(fromMonth: number, profile: readonly number[], dist: DurationDist): number[] {
  checkMonth(fromMonth, 'first month');
  if (profile.length !== 12) throw new RangeError(`a start-month profile needs 12 shares, got ${profile.length}`);
  const out: number[] = [];
  for (let s = fromMonth; s <= 12; s++) {
    const byYear = costShareByYear(s, dist);
    byYear.forEach((x, y) => (out[y] = (out[y] ?? 0) + profile[s - 1] * x));
  }
  return out;
}

/**
 * Monthly shares of a year's spending in a steady state (the same cohorts every year, by
 * `profile`; the cost of December's starts running into next year is matched by last year's
 * running into this one), with a share `fixedShare` of spending that does not follow the
 * forløb spread evenly over the months. Sums to 1.
 *
 * @example
 * steadyStateProfile(FLAT_START_PROFILE, durationDist({ 7: 1 })) // 12 × 1/12
 */
export function steadyStateProfile(profile: readonly number[], dist: DurationDist, fixedShare = 0): number[] {
  if (profile.length !== 12) throw new RangeError(`a start-month profile needs 12 shares, got ${profile.length}`);
  if (!(fixedShare >= 0 && fixedShare <= 1)) throw new RangeError(`fixedShare must be 0–1, got ${fixedShare}`);
  const w = lagWeights(dist);
  const out = new Array<number>(12).fill(0);
  for (let s = 0; s < 12; s++) for (let k = 0; k < w.length; k++) out[(s + k) % 12] += profile[s] * w[k];
  return out.map((x) => (1 - fixedShare) * x + fixedShare / 12);
}

/**
 * Running sums: out[i] = xs[0] + … + xs[i].
 *
 * @example
 * cumulativeSum([1, 2, 3]) // [1, 3, 6]
 */
export function cumulativeSum(xs: ArrayLike<number>): number[] {
  const out = new Array<number>(xs.length);
  let s = 0;
  for (let i = 0; i < xs.length; i++) out[i] = s += xs[i];
  return out;
}

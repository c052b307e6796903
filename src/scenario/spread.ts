/**
 * The opsparing under the one forecast: each run's balance carried through its forbrug of every year, each
 * year's forbrug widened around that year's median by the backtest's spread factor k (`widen.ts`), under the
 * model's budget rules.
 */
import { stepOpsparing, type BudgetRules } from './budget-rules.js';
import type { CompiledModel } from './model.js';
import { widenCentre } from './widen.js';
import { quantileSortedUnchecked } from '../stats/distributions.js';

/** One year of the opsparing carried along widened forbrug (`widenedOpsparing`). */
export interface WidenedOpsparingYear {
  /** P(widened forbrug − bevilling − usable opsparing > c): the merforbrug the opsparing does not cover. */
  pBeyond: number;
  /** The balance at the end of the year: mean and 80 % interval over the runs. */
  mean: number;
  p10: number;
  p90: number;
  /**
   * The opening balance (end of the base year) that covers the widened merforbrug of every year up to this one
   * in 95 % of the runs: the 95 % quantile over the runs of the smallest such balance, all of it saved in the
   * base year (as `start: <number>` in models/budget.yaml sets it). Under rules without a ceiling, a yearly
   * limit or expiry that smallest balance has a closed form (`openingNeeded`); under the others it is found by
   * bisection (`openingNeededSearch`, from above to 0,05 mio. kr.). `Infinity` when no opening balance covers
   * it in 95 % of the runs (a yearly limit below the merforbrug, savings capped or lapsed before they are
   * needed). Undefined under a ceiling together with expiry, where a larger opening balance can cover less
   * (`needDefined`), and when not asked for (`widenedOpsparing(…, { need: false })`).
   */
  need95?: number;
}

/** The rules that change the arithmetic of the balance (`stepOpsparing`). */
export type OpsparingRules = Pick<BudgetRules, 'carryOver' | 'cap' | 'maxUse' | 'expiryYears'>;

/** The budget rules a compiled model carries (the engine's form of models/budget.yaml). */
function modelRules(m: CompiledModel): OpsparingRules {
  return {
    carryOver: m.savingsCarry === 1,
    cap: m.savingsCap < 0 ? null : m.savingsCap,
    maxUse: m.savingsMaxUse < 0 ? null : m.savingsMaxUse,
    expiryYears: m.savingsExpire === 1 ? m.savingsStart.length : null,
  };
}

/**
 * The smallest opening balance that covers the merforbrug of every year so far, given the running sum of
 * bevilling − forbrug (`cum`, with carry-over: every mindreforbrug is saved) or of the merforbrug alone (`mer`,
 * without carry-over), under rules without a ceiling, a yearly limit or expiry: with carry-over the deepest
 * point the running sum has reached, without it the merforbrug summed.
 *
 * @example
 * openingNeeded(true, -12.5, -3)  // 12.5 (the running sum of bevilling − forbrug went down to −12,5)
 * openingNeeded(false, 0, 7)      // 7
 */
export function openingNeeded(carryOver: boolean, minCum: number, merSum: number): number {
  return carryOver ? (minCum < 0 ? -minCum : 0) : merSum;
}

/** How close to the smallest covering opening balance the bisection comes (mio. kr.; the summary rounds to 0,1). */
export const NEED_TOLERANCE = 0.05;
/** Most bisection steps per run and year: enough for the tolerance over any range below 0,05 · 2^40 mio. kr. */
const NEED_MAX_STEPS = 40;

/**
 * Whether the opening balance that covers the merforbrug is defined under the rules: a larger opening balance
 * never leaves more uncovered in any year, so the balances that cover are all those from the smallest one up.
 * That holds for a ceiling, a yearly limit and expiry each, and for a ceiling with a yearly limit: each step of
 * the balance (`stepOpsparing`) keeps a larger balance larger, savings by savings, and uses no more of it than
 * the smaller one would when the smaller one is not used up. It fails for a ceiling together with expiry: the
 * ceiling cuts the newest savings first, so a larger opening balance (the oldest savings) can leave less of the
 * newer savings that outlive it. E.g. cap 0,1, expiry 2 years, bevilling 100, forbrug 97, 100, 103: an opening
 * balance of 7 covers year 3's merforbrug of 3, one of 9 leaves 2 of it uncovered.
 *
 * @example
 * needDefined({ carryOver: true, cap: 0.1, maxUse: 0.05, expiryYears: null }) // true
 * needDefined({ carryOver: true, cap: 0.1, maxUse: null, expiryYears: 2 })    // false
 */
export function needDefined(r: OpsparingRules): boolean {
  return r.cap === null || r.expiryYears === null;
}

/**
 * Whether an opening balance `b`, all of it saved in the base year (the newest savings, slot 0), covers the
 * merforbrug of the years 0…t of one run: forbrug − bevilling − usable opsparing ≤ 0 in every one of them.
 * `slots` is scratch space with one place per vintage (`opsparingSlots`).
 */
function covers(
  b: number,
  bevilling: ArrayLike<number>,
  forbrug: ArrayLike<number>,
  t: number,
  r: OpsparingRules,
  slots: number[],
): boolean {
  slots.fill(0);
  slots[0] = b;
  for (let s = 0; s <= t; s++) if (stepOpsparing(slots, bevilling[s], forbrug[s], r).beyond > 0) return false;
  return true;
}

/**
 * The smallest opening balance, all of it saved in the base year, that covers the merforbrug of the years 0…t
 * of one run under any rules with a defined need (`needDefined`): by bisection on [lo, merforbrug summed +
 * tolerance] until the interval is at most `tol` wide, returning its upper end (a balance that covers, at most
 * `tol` above the smallest). Summed merforbrug covers whenever any balance does (a larger one only adds savings
 * that are capped, lapse or may not be used); when it does not, no balance covers: `Infinity`. `lo` must be at
 * most `tol` above the smallest covering balance (0, the closed form without the limits, which the limits only
 * raise, or this search's answer for an earlier year, which is at most `tol` above that year's smallest).
 *
 * @example
 * // cap 0,1 of a bevilling of 100: year 1 spends 90 (10 saved), year 2 spends 130: 30 to cover, at most 10 kept
 * openingNeededSearch([100, 100], [90, 130], 1, { carryOver: true, cap: 0.1, maxUse: null, expiryYears: null }) // Infinity
 * openingNeededSearch([100, 100], [105, 103], 1, { carryOver: true, cap: 0.1, maxUse: 0.04, expiryYears: null }) // Infinity (5 > 4 in year 1)
 * openingNeededSearch([100, 100], [103, 104], 1, { carryOver: true, cap: 0.1, maxUse: 0.04, expiryYears: null }) // ≈ 7 (within 0,05, not below)
 */
export function openingNeededSearch(
  bevilling: ArrayLike<number>,
  forbrug: ArrayLike<number>,
  t: number,
  r: OpsparingRules,
  lo = 0,
  tol = NEED_TOLERANCE,
  slots: number[] = new Array<number>(r.expiryYears ?? 1).fill(0),
): number {
  if (covers(lo, bevilling, forbrug, t, r, slots)) return lo;
  let merSum = 0;
  for (let s = 0; s <= t; s++) if (forbrug[s] > bevilling[s]) merSum += forbrug[s] - bevilling[s];
  // the tolerance on top: the summed merforbrug covers exactly, up to rounding
  let hi = merSum + tol;
  if (hi <= lo || !covers(hi, bevilling, forbrug, t, r, slots)) return Infinity;
  for (let i = 0; i < NEED_MAX_STEPS && hi - lo > tol; i++) {
    const mid = 0.5 * (lo + hi);
    if (covers(mid, bevilling, forbrug, t, r, slots)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The p quantile (R type 7) of sorted needs that may be `Infinity`: `Infinity` when it reaches one. */
function needQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  if (sorted[i] === Infinity || (h > i && sorted[i + 1] === Infinity)) return Infinity;
  return quantileSortedUnchecked(sorted, p);
}

/**
 * The opsparing of every run carried from the model's base-year balance through its forbrug of every year,
 * each year's forbrug widened around that year's median by k (as the one forecast), under the model's budget
 * rules (`stepOpsparing`). With k = 1 it is the engine's own balance. `paths` holds every year from the first
 * simulated one (`pathSample`); `c` is the threshold of P(beyond > c). `need95` (the opening balance that
 * covers the merforbrug in 95 % of the runs) is left out with `{ need: false }` (the goal seek reads `pBeyond`
 * only).
 *
 * @example
 * const paths = pathSample(model, 10_000, 1);
 * widenedOpsparing(model, paths, 1.6)[1].pBeyond // P(forbrug 2026 > bevilling + usable opsparing), widened
 */
export function widenedOpsparing(
  m: CompiledModel,
  paths: { forbrug: Float64Array[]; bevilling: Float64Array[] },
  k: number,
  c = 0,
  o: { need?: boolean } = {},
): WidenedOpsparingYear[] {
  const rules = modelRules(m);
  const opening = Array.from(m.savingsStart);
  const h = paths.forbrug.length;
  const runs = h ? paths.forbrug[0].length : 0;
  const medians = paths.forbrug.map((f) => (k === 1 ? 0 : widenCentre(f)));
  const balance = paths.forbrug.map(() => new Float64Array(runs));
  const beyond = new Array<number>(h).fill(0);
  // the opening balance each run needs: the closed form without a ceiling, a yearly limit or expiry, else by
  // bisection from it (a lower bound: the limits only take savings away); not defined for a ceiling with expiry
  const plain = rules.cap === null && rules.maxUse === null && rules.expiryYears === null;
  const need = o.need !== false && needDefined(rules) ? paths.forbrug.map(() => new Float64Array(runs)) : undefined;
  const slots = opening.slice();
  const scratch = opening.slice();
  const xs = new Float64Array(h);
  const bevs = new Float64Array(h);
  for (let r = 0; r < runs; r++) {
    for (let j = 0; j < slots.length; j++) slots[j] = opening[j];
    let cum = 0,
      minCum = 0,
      merSum = 0,
      last = 0;
    for (let t = 0; t < h; t++) {
      const raw = paths.forbrug[t][r];
      const x = k === 1 ? raw : medians[t] + k * (raw - medians[t]); // k = 1: the driver's own values, bit for bit
      const bev = paths.bevilling[t][r];
      if (stepOpsparing(slots, bev, x, rules).beyond > c) beyond[t]++;
      let total = 0;
      for (let j = 0; j < slots.length; j++) total += slots[j];
      balance[t][r] = total;
      if (need) {
        cum += bev - x;
        if (cum < minCum) minCum = cum;
        if (x > bev) merSum += x - bev;
        const closed = openingNeeded(rules.carryOver, minCum, merSum);
        if (plain) need[t][r] = closed;
        else {
          xs[t] = x;
          bevs[t] = bev;
          // covering up to year t covers up to every earlier year: the need so far is a lower bound as well
          if (last !== Infinity)
            last = openingNeededSearch(bevs, xs, t, rules, closed > last ? closed : last, NEED_TOLERANCE, scratch);
          need[t][r] = last;
        }
      }
    }
  }
  return balance.map((b, t) => {
    let sum = 0;
    for (let r = 0; r < runs; r++) sum += b[r];
    b.sort();
    const y: WidenedOpsparingYear = {
      pBeyond: beyond[t] / runs,
      mean: sum / runs,
      p10: quantileSortedUnchecked(b, 0.1),
      p90: quantileSortedUnchecked(b, 0.9),
    };
    if (need) y.need95 = needQuantile(need[t].sort(), 0.95);
    return y;
  });
}

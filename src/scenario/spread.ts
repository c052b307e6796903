/**
 * The opsparing under the one forecast: each run's balance carried through its forbrug of every year, each
 * year's forbrug widened around that year's median by the backtest's spread factor k (`widen.ts`), under the
 * model's budget rules.
 */
import { stepOpsparing, type BudgetRules } from './budget-rules.js';
import type { CompiledModel } from './model.js';
import { widenCentre } from './widen.js';
import { quantileSorted } from '../stats/distributions.js';

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
   * in 95 % of the runs: the 95 % quantile over the runs of the smallest such balance (`openingNeeded`). Only
   * under rules without a ceiling, a yearly limit or expiry (then that smallest balance has a closed form);
   * undefined otherwise.
   */
  need95?: number;
}

/** The budget rules a compiled model carries (the engine's form of models/budget.yaml). */
function modelRules(m: CompiledModel): Pick<BudgetRules, 'carryOver' | 'cap' | 'maxUse' | 'expiryYears'> {
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

/**
 * The opsparing of every run carried from the model's base-year balance through its forbrug of every year,
 * each year's forbrug widened around that year's median by k (as the one forecast), under the model's budget
 * rules (`stepOpsparing`). With k = 1 it is the engine's own balance. `paths` holds every year from the first
 * simulated one (`pathSample`); `c` is the threshold of P(beyond > c).
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
): WidenedOpsparingYear[] {
  const rules = modelRules(m);
  const opening = Array.from(m.savingsStart);
  const h = paths.forbrug.length;
  const runs = h ? paths.forbrug[0].length : 0;
  const medians = paths.forbrug.map((f) => (k === 1 ? 0 : widenCentre(f)));
  const balance = paths.forbrug.map(() => new Float64Array(runs));
  const beyond = new Array<number>(h).fill(0);
  // the opening balance each run needs (closed form only without a ceiling, a yearly limit or expiry)
  const plain = rules.cap === null && rules.maxUse === null && rules.expiryYears === null;
  const need = plain ? paths.forbrug.map(() => new Float64Array(runs)) : undefined;
  const slots = opening.slice();
  for (let r = 0; r < runs; r++) {
    for (let j = 0; j < slots.length; j++) slots[j] = opening[j];
    let cum = 0,
      minCum = 0,
      merSum = 0;
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
        need[t][r] = openingNeeded(rules.carryOver, minCum, merSum);
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
      p10: quantileSorted(b, 0.1),
      p90: quantileSorted(b, 0.9),
    };
    if (need) y.need95 = quantileSorted(need[t].sort(), 0.95);
    return y;
  });
}

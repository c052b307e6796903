/**
 * The one forecast's spread calibration applied to the runs of one simulated year: each run's forbrug
 * widened around the year's median by the backtest's spread factor k (`oneForecast` in headline.ts, `widen`
 * in backtest.ts), then compared with the run's own bevilling. With k = 1 it is the driver model itself.
 */
import { stepOpsparing, type BudgetRules } from './budget-rules.js';
import type { CompiledModel } from './model.js';
import { select } from './summary.js';
import { quantileSorted } from '../stats/distributions.js';

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

/** One year of the opsparing carried along widened forbrug (`widenedOpsparing`). */
export interface WidenedOpsparingYear {
  /** P(widened forbrug − bevilling − usable opsparing > c): the merforbrug the opsparing does not cover. */
  pBeyond: number;
  /** The balance at the end of the year: mean and 80 % interval over the runs. */
  mean: number;
  p10: number;
  p90: number;
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
  const slots = opening.slice();
  for (let r = 0; r < runs; r++) {
    for (let j = 0; j < slots.length; j++) slots[j] = opening[j];
    for (let t = 0; t < h; t++) {
      const raw = paths.forbrug[t][r];
      const x = k === 1 ? raw : medians[t] + k * (raw - medians[t]); // k = 1: the driver's own values, bit for bit
      if (stepOpsparing(slots, paths.bevilling[t][r], x, rules).beyond > c) beyond[t]++;
      let total = 0;
      for (let j = 0; j < slots.length; j++) total += slots[j];
      balance[t][r] = total;
    }
  }
  return balance.map((b, t) => {
    let sum = 0;
    for (let r = 0; r < runs; r++) sum += b[r];
    b.sort();
    return { pBeyond: beyond[t] / runs, mean: sum / runs, p10: quantileSorted(b, 0.1), p90: quantileSorted(b, 0.9) };
  });
}

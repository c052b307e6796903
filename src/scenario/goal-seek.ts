/**
 * Goal seek: the smallest change of one lever that meets a probability target,
 * found by bisection with common random numbers (every evaluation re-uses the
 * same seed, so the same uniforms: the estimated probability is a monotone
 * step function of the lever and the search is stable).
 */
import { UsageError, shownArg } from '../errors.js';
import { checkRuns } from './load.js';
import { checkDef, prepareScenario } from './scenario.js';
import { exceedance, pathSample, uniformCache, yearSample } from './run.js';
import { widenedOpsparing } from './spread.js';
import { widenedExceedance } from './widen.js';
import type { CompiledModel, Levers } from './model.js';
import type { ScenarioDef } from './types.js';
import { readTarget, type GoalTarget } from './target.js';

/**
 * A lever of the goal seek: the visitation rate, henvendelser (demand), the cost per forløb (unitCost),
 * each a relative change in every simulated year, or bevilling (mio. kr. added in every simulated year).
 */
export type LeverName = 'visitation' | 'bevilling' | 'demand' | 'unitCost';
/** Every lever of the goal seek. */
export const LEVERS: readonly LeverName[] = ['visitation', 'demand', 'unitCost', 'bevilling'];

/** Result of `goalSeek` when the lever can meet the target. */
export interface GoalSeekResult {
  solved: true;
  scenario: string;
  lever: LeverName;
  target: GoalTarget;
  /**
   * The change: for visitation and demand a relative change of the rate/level in every simulated
   * year (−0.05 = −5 %); for bevilling mio. kr. added in every simulated year.
   */
  change: number;
  /** Estimated probability at the change, with its Monte Carlo standard error. */
  p: number;
  se: number;
  /** Probability with no change. */
  p0: number;
  /**
   * The 95 % Monte Carlo interval of `change`: the changes at which the estimate is target ∓ 1.96·se, each side
   * widened in quadrature by 1.96 × `kError.changeSe` when the search was given k's standard error
   * (`GoalSeekOptions.spreadKSe`).
   */
  changeInterval: [number, number];
  /**
   * The part of the Monte Carlo error that comes from k's own (`GoalSeekOptions.spreadKSe`): k's standard error,
   * d change / d k at the answer (implicit: −(∂P/∂k)/(∂P/∂change), central differences with the same random
   * numbers) and their product, the standard error of `change` from k.
   */
  kError?: { se: number; changePerK: number; changeSe: number };
  runs: number;
  seed: number;
  /** Lever evaluations used. */
  evaluations: number;
  /** The spread factor k of the one forecast, when the search widened forbrug by it (`GoalSeekOptions.spreadK`). */
  spreadK?: number;
}

/**
 * Result of `goalSeek` when the lever cannot meet the target within its range (visitation and
 * demand down to −99 %, cost per forløb down to −99 %, bevilling up to +10.000 mio. kr.).
 */
export interface GoalSeekNoSolution {
  solved: false;
  scenario: string;
  lever: LeverName;
  target: GoalTarget;
  /** Probability with no change. */
  p0: number;
  /** The largest change tried (signed, in the lever's units as `GoalSeekResult.change`). */
  limit: number;
  /** Estimated probability at `limit`. */
  pAtLimit: number;
  runs: number;
  seed: number;
  evaluations: number;
  spreadK?: number;
}

/** What `goalSeek` returns: the answer, or the statement that the lever cannot meet the target. */
export type GoalSeekOutcome = GoalSeekResult | GoalSeekNoSolution;

/** Raised inside the search when the bracket reaches the lever's limit; `goalSeek` turns it into a value. */
class NoSolution {}

/** Options of `goalSeek`. */
export interface GoalSeekOptions {
  lever: LeverName;
  /** A target such as `P(merforbrug>0, 2026) <= 0.2`. */
  target: string | GoalTarget;
  runs?: number;
  seed?: number;
  /**
   * Bisection stops when the bracket is narrower than this (default 1e-5 for visitation and demand, a
   * relative change; 1e-3 mio. kr. for bevilling). A coarser one saves evaluations when the answer is
   * shown to fewer digits.
   */
  tolerance?: number;
  /**
   * A guess of the size of the change [lo, hi] (in the lever's units, ≥ 0, e.g. from a what-if grid): the search
   * starts there and widens the bracket if it does not hold the answer. Only the number of evaluations depends on it.
   */
  bracket?: [number, number];
  /**
   * The one forecast instead of the driver model: each run's forbrug widened around the year's median by this
   * spread factor k (`oneForecast`; the report uses the backtest's k) before it meets the target. Targets on
   * merforbrug and forbrug, and for P(merforbrug > opsparing) the opsparing is carried along the widened forbrug
   * of every year (`widenedOpsparing`).
   */
  spreadK?: number;
  /**
   * The Monte Carlo standard error of `spreadK`, when k is itself estimated by simulation (the backtest's
   * `calibration.kSe`): the answer's interval then includes it (`GoalSeekResult.kError`).
   */
  spreadKSe?: number;
}

/** Steps of the central differences of `GoalSeekResult.kError`: in k, and in the lever (relative; bevilling mio. kr.). */
const K_STEP = 0.02;
const LEVER_STEP = { relative: 0.005, bevilling: 1 };

function leversFor(lever: LeverName, s: number, helpfulSign: number): Partial<Levers> {
  if (lever === 'bevilling') return { bevillingAdd: helpfulSign * s };
  if (lever === 'visitation') return { visitationMult: 1 + helpfulSign * s };
  if (lever === 'unitCost') return { unitMult: 1 + helpfulSign * s };
  return { demandMult: 1 + helpfulSign * s };
}

/**
 * Find the smallest lever change meeting the target; `solved: false` (with the probability at the
 * lever's limit) when the lever alone cannot meet it.
 *
 * @example
 * const r = goalSeek(loadScenario('baseline'), { lever: 'visitation', target: 'P(merforbrug>0, 2026) <= 0.2' });
 * if (r.solved) r.change // -0.124 (visitation rate 12,4 % lower; baseline, 100.000 runs)
 */
export function goalSeek(def: ScenarioDef, o: GoalSeekOptions): GoalSeekOutcome {
  checkDef(def);
  if (o === null || typeof o !== 'object')
    throw new UsageError({ code: 'scenario.goalSeekOptions', params: { got: shownArg(o) } });
  const target = readTarget(o.target);
  const runs = o.runs ?? def.runs;
  checkRuns(runs);
  if (!LEVERS.includes(o.lever))
    throw new UsageError({ code: 'scenario.lever', params: { levers: LEVERS.join(', '), got: shownArg(o.lever) } });
  if (o.tolerance !== undefined && !(o.tolerance > 0))
    throw new UsageError({ code: 'scenario.tolerance', params: { got: String(o.tolerance) } });
  if (target.year <= def.baseYear || target.year > def.horizon)
    throw new UsageError({
      code: 'scenario.targetYearOutside',
      params: { year: target.year, from: def.baseYear + 1, to: def.horizon },
    });
  if (o.lever === 'bevilling' && target.variable === 'forbrug')
    throw new UsageError({ code: 'scenario.bevillingLever' });
  const k = o.spreadK;
  if (k !== undefined && !(k > 0)) throw new UsageError({ code: 'scenario.spreadK', params: { got: String(k) } });
  if (o.spreadKSe !== undefined && !(o.spreadKSe >= 0 && k !== undefined))
    throw new UsageError({ code: 'scenario.spreadKSe', params: { got: String(o.spreadKSe) } });
  const base = prepareScenario(def, o.seed !== undefined ? { seed: o.seed } : {});
  const t = base.years.indexOf(target.year);
  let evaluations = 0;
  // every evaluation uses the same uniforms (common random numbers): draw them once
  const cache = uniformCache();
  // the probability of the event at a lever size s >= 0 in the helpful direction
  const wantLower = target.op === '<=';
  // lowering merforbrug/forbrug lowers P(event): visitation/demand down, bevilling up
  const helpfulSign = (o.lever === 'bevilling' ? 1 : -1) * (wantLower ? 1 : -1);
  const prob = (s: number, kk = k): number => {
    evaluations++;
    const m: CompiledModel = { ...base, levers: { ...base.levers, ...leversFor(o.lever, s, helpfulSign) } };
    if (kk === undefined) return exceedance(m, runs, t, target.variable, target.threshold, cache);
    if (target.variable === 'beyondOpsparing')
      return widenedOpsparing(m, pathSample(m, runs, t, cache), kk, target.threshold, { need: false })[t].pBeyond;
    return widenedExceedance(
      yearSample(m, runs, t, cache),
      kk,
      target.variable as 'merforbrug' | 'forbrug',
      target.threshold,
    );
  };
  const meets = (p: number, goal = target.value) => (wantLower ? p <= goal : p >= goal);
  const p0 = prob(0);
  const maxS = o.lever === 'bevilling' ? 1e4 : wantLower ? 0.99 : 10;
  const se = (p: number) => Math.sqrt((p * (1 - p)) / runs);
  const cannot = () => new NoSolution();
  const solve = (goal: number): number => {
    if (meets(p0, goal)) return 0;
    let lo = 0;
    let hi = o.lever === 'bevilling' ? 1 : 0.01;
    const b = o.bracket;
    if (b && b[0] >= 0 && b[1] > b[0] && b[1] <= maxS) {
      // start from the guess; widen it (doubling the step) until it holds the answer
      lo = b[0];
      hi = b[1];
      let w = hi - lo;
      if (lo > 0 && meets(prob(lo), goal)) {
        do {
          hi = lo;
          lo = Math.max(0, lo - w);
          w *= 2;
        } while (lo > 0 && meets(prob(lo), goal));
      } else {
        while (!meets(prob(hi), goal)) {
          if (hi >= maxS) throw cannot();
          lo = hi;
          hi = Math.min(hi + w, maxS);
          w *= 2;
        }
      }
    } else {
      while (!meets(prob(hi), goal)) {
        if (hi >= maxS) throw cannot();
        hi = Math.min(hi * 2, maxS);
      }
    }
    const tol = o.tolerance ?? (o.lever === 'bevilling' ? 1e-3 : 1e-5);
    while (hi - lo > tol) {
      const mid = 0.5 * (lo + hi);
      if (meets(prob(mid), goal)) hi = mid;
      else lo = mid;
    }
    // the answer is the smallest multiple of the tolerance that meets the goal, whatever the bracket was: the
    // multiples up to lo do not meet it (monotone with common random numbers), every value from hi on does
    // (computed as k·tol from the whole number k, so the same multiple is the same number whatever the path)
    let k = Math.ceil(lo / tol);
    if (k * tol <= lo) k++;
    if (k * tol > hi) return k * tol;
    return meets(prob(k * tol), goal) ? k * tol : (k + 1) * tol;
  };
  const signed = (x: number) => helpfulSign * x + 0; // +0 turns −0 into 0
  let s: number;
  try {
    s = solve(target.value);
  } catch (err) {
    if (!(err instanceof NoSolution)) throw err;
    const pAtLimit = prob(maxS);
    return {
      solved: false,
      scenario: def.id,
      lever: o.lever,
      target,
      p0,
      limit: signed(maxS),
      pAtLimit,
      runs,
      seed: base.seed,
      evaluations,
      ...(k !== undefined ? { spreadK: k } : {}),
    };
  }
  const p = s === 0 ? p0 : prob(s);
  const e = 1.96 * se(target.value);
  const clampP = (x: number) => Math.min(1, Math.max(0, x));
  const solveOr = (goal: number) => {
    try {
      return solve(goal);
    } catch (err) {
      if (err instanceof NoSolution) return maxS;
      throw err;
    }
  };
  const sA = solveOr(clampP(target.value + (wantLower ? e : -e)));
  const sB = solveOr(clampP(target.value - (wantLower ? e : -e)));
  let interval = [signed(sA), signed(sB)].sort((a, b) => a - b) as [number, number];
  // k's own Monte Carlo error, carried to the change by d s / d k = −(∂P/∂k)/(∂P/∂s) (central differences, same uniforms)
  let kError: GoalSeekResult['kError'];
  if (k !== undefined && o.spreadKSe !== undefined && s > 0) {
    const dk = Math.min(K_STEP, k / 2);
    const dPdk = (prob(s, k + dk) - prob(s, k - dk)) / (2 * dk);
    const ds = o.lever === 'bevilling' ? LEVER_STEP.bevilling : LEVER_STEP.relative;
    const sLo = Math.max(0, s - ds);
    const sHi = Math.min(maxS, s + ds);
    const dPds = (prob(sHi) - prob(sLo)) / (sHi - sLo);
    const changePerK = (helpfulSign * -dPdk) / dPds + 0;
    if (Number.isFinite(changePerK)) {
      const changeSe = Math.abs(changePerK) * o.spreadKSe;
      const c = signed(s);
      const widen = (half: number) => Math.sqrt(half * half + (1.96 * changeSe) ** 2);
      interval = [c - widen(c - interval[0]), c + widen(interval[1] - c)];
      kError = { se: o.spreadKSe, changePerK, changeSe };
    }
  }
  return {
    solved: true,
    scenario: def.id,
    lever: o.lever,
    target,
    change: signed(s),
    p,
    se: se(p),
    p0,
    changeInterval: interval,
    ...(kError ? { kError } : {}),
    runs,
    seed: base.seed,
    evaluations,
    ...(k !== undefined ? { spreadK: k } : {}),
  };
}

/** The same goal seek in the two models: the one forecast (forbrug widened by k) and the driver model. */
export interface GoalSeekModels {
  /** `goalSeek` with `spreadK` (and `spreadKSe`): the one forecast, the model of the report's headline and goal seek. */
  oneForecast: GoalSeekOutcome;
  /** `goalSeek` with the same options but no spread factor: the scenario as it runs (`viso scenario goal-seek`). */
  driver: GoalSeekOutcome;
}

/**
 * One lever's goal seek in both models, on the same runs and seed (so the same random numbers): in the
 * one forecast (forbrug widened around its median by `spreadK`, k's standard error `spreadKSe` in the
 * interval, as the report) and in the driver model (the same options without `spreadK` and `spreadKSe`, as
 * `viso scenario goal-seek` without `--spread-k`). The two answers differ only by the spread.
 *
 * @example
 * const { k, kSe } = headlineBacktest(def, { runs: def.runs }).calibration;
 * const m = goalSeekModels(def, { lever: 'demand', target: 'P(merforbrug>0, 2026) <= 0.2', spreadK: k, spreadKSe: kSe });
 * // m.oneForecast.change -0.158 (the report's answer), m.driver.change -0.124 (baseline, 100.000 runs)
 */
export function goalSeekModels(def: ScenarioDef, o: GoalSeekOptions & { spreadK: number }): GoalSeekModels {
  const { spreadK, spreadKSe, ...driver } = o;
  return { oneForecast: goalSeek(def, o), driver: goalSeek(def, driver) };
}

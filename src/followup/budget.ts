/**
 * The budget side of the follow-up: the budget profile (how the year's bevilling is expected to
 * be spent month by month) and the afvigelsesforklaring — the deviation of forbrug to date from
 * the budget profile split into volume (more or fewer forløb than budgeted), price (cost per
 * forløb) and timing.
 *
 * Let Φ_m = κ·B·m/12 be the fixed costs to date (share κ of the bevilling B), E the forløb whose
 * cost falls in the months so far (cohorts spread by their durations, the forløb carried in from
 * last year included), a for actual starts and b for budgeted ones (the budgeted forløb spread by
 * the start profile), c_b = (1 − κ)·B / E_b,12 the budgeted cost per forløb and c_a the actual one:
 * (C_m − Φ_m)/E_a,m from spending, or, when indgåede aftaler are given, the contracted amount per
 * started forløb. Then, against the budget profile B_m:
 *   volume = c_b·(E_a,m − E_b,m),   price = (c_a − c_b)·E_a,m,   timing = (C_m − B_m) − volume − price.
 * Without aftaler, timing is the budget profile's own timing against the budgeted cohorts
 * (Φ_m + c_b·E_b,m − B_m); shifts in invoicing then show as price, and the output says so.
 */
import { cohortSpend, lagWeights, steadyStateProfile } from '../cost/timing.js';
import type { CohortContext, YearExposure } from './cohorts.js';

/** Where the budget profile comes from. */
export type BudgetProfileSource = 'file' | 'history' | 'structural' | 'steady-state';

/** The budget profile: cumulative budget (mio. kr.) at the end of each month. */
export interface BudgetProfile {
  cumulative: number[];
  source: BudgetProfileSource;
  /** History years behind a `history` profile. */
  years?: number[];
}

/** Input of {@link budgetProfile}. */
export interface BudgetProfileInput {
  bevilling: number;
  /** The running year's monthly budget column (12, NaN where missing). */
  fileBudget?: readonly number[];
  /** Complete earlier years' monthly forbrug. */
  history: readonly { year: number; forbrug: readonly number[] }[];
  /** Budgeted cohorts' cumulative structural shares (when started forløb are known). */
  structural?: readonly number[];
  cohorts: CohortContext;
  year: number;
}

/**
 * The budget profile: the file's budget column (all 12 months), else the bevilling spread like
 * the mean cumulative share of the earlier years in the file, else by the structural profile of
 * the budgeted forløb, else by the steady-state profile of the start profile and durations.
 *
 * @example
 * budgetProfile({ bevilling: 161.2, history, cohorts, year: 2025 }).source // 'history'
 */
export function budgetProfile(input: BudgetProfileInput): BudgetProfile {
  const fb = input.fileBudget;
  if (fb && fb.every((x) => Number.isFinite(x))) {
    let c = 0;
    return { cumulative: fb.map((x) => (c += x)), source: 'file' };
  }
  if (input.history.length) {
    const shares = Array.from(
      { length: 12 },
      (_, j) =>
        input.history.reduce((a, h) => {
          const total = h.forbrug.reduce((s, x) => s + x, 0);
          const upTo = h.forbrug.slice(0, j + 1).reduce((s, x) => s + x, 0);
          return a + upTo / total;
        }, 0) / input.history.length,
    );
    return {
      cumulative: shares.map((s) => s * input.bevilling),
      source: 'history',
      years: input.history.map((h) => h.year),
    };
  }
  if (input.structural) return { cumulative: input.structural.map((s) => s * input.bevilling), source: 'structural' };
  const ss = steadyStateProfile(input.cohorts.profile, input.cohorts.durationFor(input.year), input.cohorts.fixedShare);
  let c = 0;
  return { cumulative: ss.map((x) => (c += x) * input.bevilling), source: 'steady-state' };
}

/** The afvigelsesforklaring to date (mio. kr.; costs per forløb in mio. kr.). */
export interface Decomposition {
  asOf: number;
  budget: number;
  actual: number;
  deviation: number;
  volume: number;
  price: number;
  timing: number;
  /** Started forløb to date, actual and budgeted. */
  startsActual: number;
  startsBudget: number;
  /** Forløb whose cost falls in the months so far (carry-in from last year included). */
  exposureActual: number;
  exposureBudget: number;
  costPerForloebActual: number;
  costPerForloebBudget: number;
  priceFrom: 'commitments' | 'spending';
  fixedToDate: number;
}

/**
 * The forløb whose cost falls in each month of the year under the *budgeted* starts (the
 * budgeted forløb spread by the start profile) with the same carry-in from earlier years as the
 * actual exposure.
 *
 * @example
 * budgetExposure(2025, 6, exposure, starts, 2594, cohorts).length // 12
 */
export function budgetExposure(
  year: number,
  asOf: number,
  exposure: YearExposure,
  starts: readonly number[],
  budgetForloeb: number,
  cohorts: CohortContext,
): number[] {
  const w = lagWeights(cohorts.durationFor(year));
  const own = cohortSpend(
    starts.slice(0, asOf).map((x) => (Number.isFinite(x) ? x : 0)),
    w,
  );
  const bSpend = cohortSpend(
    cohorts.profile.map((p) => p * budgetForloeb),
    w,
  );
  return exposure.known.map((x, j) => x - (own[j] ?? 0) + (bSpend[j] ?? 0));
}

/** Input of {@link decompose}. */
export interface DecompositionInput {
  year: number;
  asOf: number;
  forbrugToDate: number;
  budgetToDate: number;
  bevilling: number;
  budgetForloeb: number;
  /** Actual exposure of the running year from its started forløb (cohorts.ts). */
  exposure: YearExposure;
  /** The running year's started forløb by month. */
  starts: readonly number[];
  /** The running year's indgåede aftaler by month (mio. kr.), if given. */
  commitments?: readonly number[];
  cohorts: CohortContext;
}

/**
 * Split the deviation of forbrug to date from the budget profile into volume, price and timing
 * (see the module comment).
 *
 * @example
 * const d = decompose({ year: 2025, asOf: 6, forbrugToDate: 80.1, budgetToDate: 78.4, bevilling: 161.2, budgetForloeb: 2594, exposure, starts, cohorts });
 * d.volume + d.price + d.timing === d.deviation // true (up to rounding)
 */
export function decompose(input: DecompositionInput): Decomposition {
  const { asOf: m, cohorts, exposure } = input;
  const kappa = cohorts.fixedShare;
  const eb = budgetExposure(input.year, m, exposure, input.starts, input.budgetForloeb, cohorts);
  const budgetStarts = cohorts.profile.map((p) => p * input.budgetForloeb);
  const sum = (xs: readonly number[], n: number) => xs.slice(0, n).reduce((s, x) => s + x, 0);
  const ea = sum(exposure.known, m);
  const ebm = sum(eb, m);
  const eb12 = sum(eb, 12);
  const fixed = (kappa * input.bevilling * m) / 12;
  const cb = ((1 - kappa) * input.bevilling) / eb12;
  const startsActual = sum(input.starts, m);
  const commitments =
    input.commitments && input.commitments.slice(0, m).every((x) => Number.isFinite(x))
      ? sum(input.commitments, m)
      : undefined;
  const ca =
    commitments !== undefined && startsActual > 0 ? commitments / startsActual : (input.forbrugToDate - fixed) / ea;
  const deviation = input.forbrugToDate - input.budgetToDate;
  const volume = cb * (ea - ebm);
  const price = (ca - cb) * ea;
  return {
    asOf: m,
    budget: input.budgetToDate,
    actual: input.forbrugToDate,
    deviation,
    volume,
    price,
    timing: deviation - volume - price,
    startsActual,
    startsBudget: sum(budgetStarts, m),
    exposureActual: ea,
    exposureBudget: ebm,
    costPerForloebActual: ca,
    costPerForloebBudget: cb,
    priceFrom: commitments !== undefined ? 'commitments' : 'spending',
    fixedToDate: fixed,
  };
}

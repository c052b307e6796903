/**
 * Projecting year-end forbrug from the months so far (the data side of the follow-up).
 *
 * After month m, forbrug to date C_m is a share r_m of the year's forbrug F, so F = C_m / r_m.
 * The share is the year's *structural* cumulative share P_m (its cohorts of forløb, see
 * cohorts.ts; the months not yet seen at the year's pace of new forløb so far) times exp(e):
 * e is how far actual spending strays from the structure. Earlier complete years of the file
 * show e_k,m = log(C_k,m / F_k) − log P_k,m, month by month. With the conjugate
 * normal–inverse-χ² prior (Gelman et al., BDA § 3.3: mean 0 with κ₀ pseudo-years, scale
 * σ₀,m = cv·√(1/m − 1/12), the spread of independent monthly noise of coefficient of variation
 * cv, with ν₀ pseudo-years), the predictive distribution of e for the running year is Student t
 * with ν₀ + K degrees of freedom, location K·ē/(κ₀ + K) and scale σ_n·√(1 + 1/(κ₀ + K)). The pace
 * of future forløb is uncertain too: log-normal around the pace so far with sd
 * cv_s·√(1/m + 1/(12 − m)) (its estimate and the noise of the months to come). Each draw combines
 * one pace and one e: F = max(C_m, C_m / (P_m(pace) · exp(e))). At the medians of pace and e this is
 * C_m / (P_m · exp(location)), the projection's centre (`share`, `residual.location`), which the
 * draws' median follows up to their spread.
 */
import { invNorm } from '../stats/normal.js';
import { tScaleVariate } from '../stats/gamma.js';
import { Rng } from '../stats/rng.js';
import { cumulativeShare, structuralProfile, yearExposure, type CohortContext, type YearExposure } from './cohorts.js';

/** Noise assumptions of the projection (from models/followup.yaml). */
export interface ProjectionNoise {
  /** cv of independent monthly noise behind the prior scale of e. */
  monthlyCv: number;
  /** ν₀ (pseudo-years). */
  priorYears: number;
  /** κ₀ (pseudo-years). */
  biasPriorYears: number;
  /** Month-to-month log sd of new forløb (prior value, 4 months' weight). */
  startsCv: number;
}

/** Input of {@link projectYearEnd}. */
export interface ProjectionInput {
  year: number;
  /** Months of the running year seen (1–12). */
  asOf: number;
  /** The running year's monthly forbrug (12; NaN after asOf). */
  forbrug: readonly number[];
  /** Complete earlier years with monthly forbrug, for the residuals. */
  history: readonly { year: number; forbrug: readonly number[] }[];
  cohorts: CohortContext;
  noise: ProjectionNoise;
  runs: number;
  seed: number;
}

/** The residual distribution of one month: Student t. */
export interface ResidualModel {
  month: number;
  /** Years of history behind it. */
  years: number;
  /** ē: the mean of the history years' residuals (0 without history); location = K·ē/(κ₀ + K). */
  mean: number;
  location: number;
  scale: number;
  df: number;
}

/** Output of {@link projectYearEnd}. */
export interface Projection {
  year: number;
  asOf: number;
  /** Forbrug to date C_m. */
  toDate: number;
  /** Draws of year-end forbrug (data only). */
  draws: Float64Array;
  /** The pace of new forløb behind each draw (NaN when the file has no started forløb). */
  paces: Float64Array;
  exposure?: YearExposure;
  residual: ResidualModel;
  /** log sd of the pace of future forløb. */
  paceLogSd: number;
  /** P_m: the structural share of the year spent by the end of month m, at the median pace of the draws. */
  share: number;
  /** The month-to-month cv of new forløb used (after the running year's months). */
  startsCv: number;
  /** e_k,m of each history year for months 1–12 (for diagnostics). */
  residuals: { year: number; e: number[] }[];
}

/**
 * Running sum of the first `m` months.
 *
 * @example
 * sumTo([1, 2, 3], 2) // 3
 */
export function sumTo(xs: readonly number[], m: number): number {
  let s = 0;
  for (let j = 0; j < m; j++) s += xs[j];
  return s;
}

/**
 * The residual model of month m from history residuals (conjugate normal–inverse-χ²); residuals
 * that are not finite (cumulative spending not positive by that month) are left out.
 *
 * @example
 * residualModel(6, [0.01, -0.02, 0.005], { monthlyCv: 0.15, priorYears: 4, biasPriorYears: 1, startsCv: 0.1 }).df // 7
 */
export function residualModel(m: number, all: readonly number[], noise: ProjectionNoise): ResidualModel {
  const e = all.filter(Number.isFinite); // a year whose cumulative spending was not positive by month m says nothing here
  const K = e.length;
  const g2 = Math.max(0, 1 / m - 1 / 12);
  const s0sq = noise.monthlyCv * noise.monthlyCv * g2;
  const k0 = noise.biasPriorYears;
  const v0 = noise.priorYears;
  const mean = K ? e.reduce((a, x) => a + x, 0) / K : 0;
  const ss = e.reduce((a, x) => a + (x - mean) ** 2, 0);
  const kn = k0 + K;
  const vn = v0 + K;
  const s2 = (v0 * s0sq + ss + (k0 * K * mean * mean) / kn) / vn;
  return { month: m, years: K, mean, location: (K * mean) / kn, scale: Math.sqrt(s2 * (1 + 1 / kn)), df: vn };
}

/**
 * Draw year-end forbrug from the months so far (see the module comment).
 *
 * @example
 * const p = projectYearEnd({ year: 2025, asOf: 6, forbrug, history, cohorts, noise, runs: 20_000, seed: 1 });
 * p.draws.length // 20000
 */
export function projectYearEnd(input: ProjectionInput): Projection {
  const { asOf: m, cohorts } = input;
  const toDate = sumTo(input.forbrug, m);
  const residuals = input.history.map((h) => {
    const P = structuralProfile(h.year, 12, cohorts);
    const F = sumTo(h.forbrug, 12);
    let c = 0;
    return { year: h.year, e: h.forbrug.map((x, j) => ((c += x), j === 11 ? 0 : Math.log(c / F) - Math.log(P[j]))) };
  });
  const residual = residualModel(
    m,
    residuals.map((r) => r.e[m - 1]),
    input.noise,
  );
  const e = yearExposure(input.year, m, cohorts);
  const hasSizes = e.knownMonths > 0 && Number.isFinite(e.pace);
  // the month-to-month cv of new forløb: the prior value with 4 months' weight, updated by the months so far
  let startsCv = input.noise.startsCv;
  if (hasSizes && e.knownMonths >= 2) {
    const sizes = cohorts.sizes.get(input.year)!;
    let ss = 0;
    for (let j = 0; j < e.knownMonths; j++)
      ss += Math.log(Math.max(sizes[j], 0.5) / (cohorts.profile[j] * e.pace)) ** 2;
    startsCv = Math.sqrt((4 * startsCv * startsCv + ss) / (4 + e.knownMonths - 1));
  }
  const paceLogSd = hasSizes && m < 12 ? startsCv * Math.sqrt(1 / e.knownMonths + 1 / (12 - m)) : 0;
  const staticShare = hasSizes ? NaN : structuralProfile(input.year, m, cohorts)[m - 1];
  // the draws' median pace is pace·exp(−sd²/2) (log-normal with mean pace)
  const share = hasSizes
    ? cumulativeShare(e, m, e.pace * Math.exp(-(paceLogSd * paceLogSd) / 2), cohorts.fixedShare)
    : staticShare;
  const runs = input.runs;
  const draws = new Float64Array(runs);
  const paces = new Float64Array(runs).fill(NaN);
  const rz = new Rng(input.seed, 0);
  const rw = new Rng(input.seed, 1);
  const rp = new Rng(input.seed, 2);
  for (let i = 0; i < runs; i++) {
    const eps =
      residual.scale > 0
        ? residual.location + residual.scale * invNorm(rz.uniform()) * tScaleVariate(residual.df, rw)
        : residual.location;
    let share: number;
    if (hasSizes) {
      const pace = e.pace * Math.exp(paceLogSd * invNorm(rp.uniform()) - (paceLogSd * paceLogSd) / 2);
      paces[i] = pace;
      share = cumulativeShare(e, m, pace, cohorts.fixedShare);
    } else share = staticShare;
    const f = toDate / (share * Math.exp(eps));
    draws[i] = m === 12 ? toDate : Math.max(toDate, f);
  }
  return {
    year: input.year,
    asOf: m,
    toDate,
    draws,
    paces,
    ...(hasSizes ? { exposure: e } : {}),
    residual,
    paceLogSd,
    share,
    startsCv,
    residuals,
  };
}

/**
 * Cumulative forbrug at the end of month j ≥ asOf for one draw: the rest of the year spread
 * by the draw's structural profile.
 *
 * @example
 * cumulativeAt(p, yearEndDraw, paceDraw, 9, 0.28) // forbrug to the end of September in that draw
 */
export function cumulativeAt(
  p: Projection,
  yearEnd: number,
  pace: number,
  month: number,
  fixedShare: number,
  staticProfile?: readonly number[],
): number {
  if (month <= p.asOf) return p.toDate;
  if (month === 12) return yearEnd;
  const share = (j: number) => (p.exposure ? cumulativeShare(p.exposure, j, pace, fixedShare) : staticProfile![j - 1]);
  const a = share(p.asOf);
  const b = share(month);
  return p.toDate + ((yearEnd - p.toDate) * (b - a)) / (1 - a);
}

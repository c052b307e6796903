/**
 * The annual scenario model as the prior of year-end forbrug, and the precision-weighted
 * update that narrows it as months come in.
 *
 * The prior is the scenario's distribution of forbrug in the running year (its percentiles
 * 1–99, drawn by interpolation, log-normal tails beyond). On the log scale, with the prior's
 * spread s₀ and the data projection's spread σ_d (each (log P90 − log P10)/(2·1,2816)), the
 * update weighs the prior by w = σ_d² / (σ_d² + s₀²) and the data by 1 − w, draw by draw:
 * log F = w·log F₀ + (1 − w)·log F_d with independent draws F₀ and F_d. For normal
 * distributions this is exactly the Bayesian posterior (mean (m₀/s₀² + m_d/σ_d²)/(1/s₀² + 1/σ_d²),
 * variance 1/(1/s₀² + 1/σ_d²)); otherwise it keeps each side's own shape (the data side's
 * Student-t tails). Early in the year σ_d is wide and the scenario dominates; by the autumn the
 * months decide.
 */
import { invNorm } from '../stats/normal.js';
import { Rng } from '../stats/rng.js';
import { selectQuantile } from '../scenario/summary.js';
import type { ScenarioResult } from '../scenario/types.js';

/** The prior for one year from a scenario run. */
export interface Prior {
  scenario: string;
  name: string;
  nameEn?: string;
  year: number;
  runs: number;
  seed: number;
  /** Percentiles 1…99 of forbrug (mio. kr.). */
  percentiles: number[];
  /** Mean bevilling of the year in the scenario, with the scenario's label. */
  bevilling: number;
  bevillingLabel?: string;
  bevillingLabelEn?: string;
  /** The scenario's P10, P50, P90 of the year's bevilling (its own draws), for drawing it in the follow-up. */
  bevillingQuantiles?: { p10: number; p50: number; p90: number };
  /** How the scenario gets the year's bevilling: a random walk from its history, the PL index, or an amount it sets. */
  bevillingKind?: 'randomWalk' | 'pl' | 'amount';
  /** Median forløb and henvendelser of the year in the scenario. */
  forloeb: number;
  henvendelser: number;
}

/** Mean and central quantiles of a year-end distribution (mio. kr.). */
export interface YearEndSummary {
  mean: number;
  p025: number;
  p10: number;
  p50: number;
  p90: number;
  p975: number;
}

const Z90 = invNorm(0.9);

/**
 * The prior of `year` from a scenario result, or `undefined` if the scenario does not simulate
 * that year.
 *
 * @example
 * priorFromScenario(runScenario(loadScenario('baseline')), 2025)?.percentiles.length // 99
 */
export function priorFromScenario(r: ScenarioResult, year: number): Prior | undefined {
  const y = r.years.find((x) => x.year === year);
  if (!y || y.forbrugPercentiles.length !== 99) return undefined;
  const a = r.assumptions as {
    bevilling?: { label?: string; labelEn?: string; amounts?: Record<string, unknown>; pl?: boolean };
  };
  const b = a.bevilling;
  return {
    scenario: r.id,
    name: r.name,
    ...(r.nameEn ? { nameEn: r.nameEn } : {}),
    year,
    runs: r.runs,
    seed: r.seed,
    percentiles: [...y.forbrugPercentiles],
    bevilling: y.bevilling.mean,
    ...(typeof b?.label === 'string' ? { bevillingLabel: b.label } : {}),
    ...(typeof b?.labelEn === 'string' ? { bevillingLabelEn: b.labelEn } : {}),
    bevillingQuantiles: { p10: y.bevilling.p10, p50: y.bevilling.p50, p90: y.bevilling.p90 },
    bevillingKind: b?.amounts?.[String(year)] !== undefined ? 'amount' : b?.pl ? 'pl' : 'randomWalk',
    forloeb: y.forloeb.p50,
    henvendelser: y.henvendelser.p50,
  };
}

/**
 * The value at probability u of a distribution given by its percentiles 1…99: linear between
 * percentiles, log-normal tails below 1 % and above 99 % (fitted to P1–P5 and P95–P99).
 *
 * @example
 * fromPercentiles(Array.from({ length: 99 }, (_, i) => 100 + i), 0.5) // 149
 */
export function fromPercentiles(p: readonly number[], u: number): number {
  if (u >= 0.01 && u <= 0.99) {
    const h = u * 100 - 1;
    const i = Math.min(97, Math.floor(h));
    return p[i] + (h - i) * (p[i + 1] - p[i]);
  }
  const lo = u < 0.01;
  const [a, b, pa, pb] = lo ? [p[0], p[4], 0.01, 0.05] : [p[98], p[94], 0.99, 0.95];
  if (!(a > 0 && b > 0) || a === b) return a;
  const slope = (Math.log(b) - Math.log(a)) / (invNorm(pb) - invNorm(pa));
  return Math.exp(Math.log(a) + slope * (invNorm(u) - invNorm(pa)));
}

/**
 * Draws from the prior (independent of the data draws: its own random stream).
 *
 * @example
 * priorDraws(prior, 20_000, 7).length // 20000
 */
export function priorDraws(prior: Prior, runs: number, seed: number): Float64Array {
  const rng = new Rng(seed, 3);
  const out = new Float64Array(runs);
  for (let i = 0; i < runs; i++) out[i] = fromPercentiles(prior.percentiles, rng.uniform());
  return out;
}

/**
 * Draws of the running year's bevilling when it is the scenario's estimate: log-normal with the
 * scenario's median and spread (`logSpread` of its P10 and P90 — the scenario's random walk,
 * B_t = B_{t−1}·(1 + g)·exp(σz − σ²/2) with g drawn once, is log-normal to this precision one year
 * on), on their own random stream, independent of the forbrug draws (the scenario draws the
 * bevilling's noise apart from demand and costs). `undefined` when the scenario's bevilling does
 * not vary.
 *
 * @example
 * bevillingDraws(prior, 20_000, 7)?.length // 20000
 */
export function bevillingDraws(prior: Prior, runs: number, seed: number): Float64Array | undefined {
  const q = prior.bevillingQuantiles;
  const s = q ? logSpread(q) : 0;
  if (!q || !(s > 0) || !(q.p50 > 0)) return undefined;
  const rng = new Rng(seed, 4);
  const out = new Float64Array(runs);
  for (let i = 0; i < runs; i++) out[i] = q.p50 * Math.exp(s * invNorm(rng.uniform()));
  return out;
}

/**
 * Quantiles (R type 7, as `quantileSorted` on the sorted draws) of unsorted draws, by selection on
 * a copy (`selectQuantile`): the same numbers as sorting, in linear time.
 *
 * @example
 * quantilesOf(Float64Array.of(5, 1, 4, 2, 3), [0.5, 0.9]) // [3, 4.6]
 */
export function quantilesOf(x: Float64Array, ps: readonly number[]): number[] {
  const a = Float64Array.from(x);
  if (a.length === 0) return ps.map(() => NaN);
  return ps.map((p) => selectQuantile(a, Math.min(1, Math.max(0, p))));
}

/**
 * Mean and the 2,5/10/50/90/97,5 % quantiles (R type 7) of draws.
 *
 * @example
 * summarizeDraws(Float64Array.of(1, 2, 3, 4, 5)).p50 // 3
 */
export function summarizeDraws(x: Float64Array): YearEndSummary {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  const [p025, p10, p50, p90, p975] = quantilesOf(x, [0.025, 0.1, 0.5, 0.9, 0.975]);
  return { mean: m, p025, p10, p50, p90, p975 };
}

/**
 * The spread (log sd) of draws from their 10 % and 90 % quantiles: (log P90 − log P10)/(2·1,2816).
 *
 * @example
 * logSpread(summarizeDraws(draws))
 */
export function logSpread(s: { p10: number; p90: number }): number {
  if (!(s.p10 > 0 && s.p90 > 0)) return 0;
  return (Math.log(s.p90) - Math.log(s.p10)) / (2 * Z90);
}

/**
 * The precision-weighted update (see the module comment): posterior draws and the prior's weight.
 * Draws are floored at `floor` (forbrug already spent). `spreads` passes log spreads already known.
 *
 * @example
 * const { draws, priorWeight } = combineWithPrior(dataDraws, priorDrawsOf2025, 80.1);
 */
export function combineWithPrior(
  data: Float64Array,
  prior: Float64Array | undefined,
  floor: number,
  spreads: { data?: number; prior?: number } = {},
): { draws: Float64Array; priorWeight: number } {
  if (!prior) return { draws: data, priorWeight: 0 };
  const sd = spreads.data ?? logSpread(summarizeDraws(data));
  const s0 = spreads.prior ?? logSpread(summarizeDraws(prior));
  const w = sd === 0 ? 0 : s0 === 0 ? 1 : (sd * sd) / (sd * sd + s0 * s0);
  const out = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++)
    out[i] = Math.max(floor, Math.exp(w * Math.log(prior[i]) + (1 - w) * Math.log(data[i])));
  return { draws: out, priorWeight: w };
}

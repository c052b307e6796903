/**
 * Scenario inputs estimated from the data up to a vantage year: demand growth and its
 * year-to-year noise, the visitation rate with its drift and noise, the cost model with the
 * joint uncertainty of fixed and unit cost, the price growth of the cost per forløb, the
 * bevilling's growth and noise, and the hovedområder's shares. Every estimate says which
 * series and years it comes from. Nothing here draws random numbers.
 *
 * Growth model of a level series (henvendelser, visitation rate, bevilling): a random walk with
 * drift on the log scale, log x_b − log x_a ~ N(k·μ, k·σ²) for a step of k = b − a years, so a
 * gap (2021–2022) is one k-year step, never interpolated. Steps that span a measure's start year
 * (a level shift, e.g. 2017→2018, 2020→2023) or end in a registration break are left out, as the
 * cost model treats the break: level shifts, never trends. μ̂ = Σ Δ / Σ k, σ̂² = Σ (Δ − kμ̂)²/k / (m − 1),
 * se(μ̂) = σ̂ / √Σk (the maximum-likelihood estimates of the random walk with drift; the forecast
 * engine's `drift` method on the log scale, with gaps as multi-year steps).
 */
import { UsageError } from '../errors.js';
import type { Flag, Series } from '../data/types.js';
import { AREAS, COST_IDS, type SeriesSource } from '../cost/data.js';
import { fitCostModel, type CostModel } from '../cost/model.js';
import { ols } from '../stats/ols.js';
import { defaultCostAssumptions, type CostAssumptions } from '../cost/assumptions.js';
import type { DistSpec } from '../stats/distributions.js';
import { both, type Text2 } from './both.js';
import { quantityWord } from '../text/terms.js';

export type { Text2 };

/** One step of a level series, as a log change over `to − from` years. */
export interface DriftStep {
  from: number;
  to: number;
  change: number;
}

/** Random walk with drift on the log scale, estimated from the steps of a series. */
export interface DriftEstimate {
  /** Mean yearly log change. */
  mu: number;
  /** Standard error of `mu`. */
  se: number;
  /** Yearly standard deviation of the log changes. */
  sd: number;
  /** Steps used. */
  steps: DriftStep[];
  /** Steps left out, and why (a measure's start, a registration break). */
  excluded: (DriftStep & { reason: string })[];
  /** Years of the series used (the ends of the steps). */
  years: number[];
}

/**
 * Estimate a random walk with drift on the log scale from the observed years of a series
 * (k-year steps over gaps). Steps spanning a year in `shiftYears` (from < y ≤ to) or ending in a
 * point flagged `registration_break` are left out. `null` with fewer than two usable steps.
 *
 * @example
 * const d = logDrift([{ year: 2014, value: 100 }, { year: 2015, value: 110 }, { year: 2016, value: 121 }]);
 * d?.mu // 0.0953 (log 1.1)
 * d?.sd // 0
 */
export function logDrift(
  points: { year: number; value: number; flags?: readonly Flag[] }[],
  opts: { shiftYears?: number[]; shiftReason?: (y: number) => string } = {},
): DriftEstimate | null {
  const pts = points.filter((p) => Number.isFinite(p.value) && p.value > 0).sort((a, b) => a.year - b.year);
  const steps: DriftStep[] = [];
  const excluded: DriftEstimate['excluded'] = [];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    const step = { from: a.year, to: b.year, change: Math.log(b.value / a.value) };
    const shift = (opts.shiftYears ?? []).find((y) => a.year < y && y <= b.year);
    if (shift !== undefined) excluded.push({ ...step, reason: opts.shiftReason?.(shift) ?? `level shift ${shift}` });
    else if (b.flags?.includes('registration_break'))
      excluded.push({ ...step, reason: `registration break ${b.year}` });
    else steps.push(step);
  }
  if (steps.length < 2) return null;
  const span = steps.reduce((s, x) => s + (x.to - x.from), 0);
  const mu = steps.reduce((s, x) => s + x.change, 0) / span;
  const ss = steps.reduce((s, x) => s + (x.change - (x.to - x.from) * mu) ** 2 / (x.to - x.from), 0);
  const sd = Math.sqrt(ss / (steps.length - 1));
  const years = [...new Set(steps.flatMap((x) => [x.from, x.to]))].sort((a, b) => a - b);
  return { mu, se: sd / Math.sqrt(span), sd, steps, excluded, years };
}

/**
 * The yearly growth rate g of the engine's growth form x_t = x_{t−1}·(1 + g)·exp(σz − σ²/2)
 * that matches a log drift: 1 + g = exp(μ + σ²/2), drawn once per run with the drift's
 * standard error (delta method).
 *
 * @example
 * growthDist({ mu: 0.05, se: 0.02, sd: 0.04, steps: [], excluded: [], years: [] })
 * // { dist: 'normal', mean: 0.0521, sd: 0.0210 }
 */
export function growthDist(d: Pick<DriftEstimate, 'mu' | 'se' | 'sd'>): DistSpec {
  const { g, gSe } = yearlyRate(d);
  return { dist: 'normal', mean: g, sd: gSe };
}

/** The yearly rate g of `growthDist` and its standard error. */
function yearlyRate(d: Pick<DriftEstimate, 'mu' | 'se' | 'sd'>): { g: number; gSe: number } {
  const m = Math.exp(d.mu + (d.sd * d.sd) / 2);
  return { g: m - 1, gSe: d.se * m };
}

/**
 * A view of a dataset with only the years up to `year` (and only the events dated by then):
 * what was known at the end of that year.
 *
 * @example
 * datasetUntil(loadBundled(), 2020).get('viso.raadgivning.forbrug').points.at(-1)?.year // 2020
 */
export function datasetUntil(ds: SeriesSource, year: number): SeriesSource {
  const cache = new Map<string, Series>();
  const events = ds.events?.filter((e) => e.year <= year);
  return {
    get(id: string): Series {
      let s = cache.get(id);
      if (!s) {
        const full = ds.get(id);
        s = { ...full, points: full.points.filter((p) => p.year <= year) };
        cache.set(id, s);
      }
      return s;
    },
    has(id: string): boolean {
      return ds.has(id) && ds.get(id).points.some((p) => p.year <= year);
    },
    ...(events ? { events } : {}),
    ...(ds.sources ? { sources: ds.sources } : {}),
  };
}

/** Measure start years known in a dataset (events of kind `measure`), as level shifts. */
function measureShifts(ds: SeriesSource): number[] {
  return [...new Set((ds.events ?? []).filter((e) => e.kind === 'measure').map((e) => e.year))].sort((a, b) => a - b);
}

function pointsOf(ds: SeriesSource, id: string): { year: number; value: number; flags: Flag[] }[] {
  return ds.has(id)
    ? ds
        .get(id)
        .points.filter((p) => Number.isFinite(p.value))
        .map((p) => ({ year: p.year, value: p.value, flags: p.flags }))
    : [];
}

/** The base-year anchor of a scenario: data of the vantage year, or a nowcast where the data has none. */
export interface BaseActual {
  year: number;
  bevilling: number;
  /** Forbrug as published. */
  forbrug: number;
  /** Forbrug without the extraordinary COVID-19 costs (the level the model continues from). */
  forbrugModel: number;
  /** Forløb of the base year, NaN when the data has none (the engine then infers them from forbrug). */
  forloeb: number;
  henvendelser: number;
  /** Visitation rate of the base year, or of the last year with both henvendelser and forløb. */
  visitationRate: number;
  visitationYear: number;
  text: Record<'bevilling' | 'forbrug' | 'forloeb' | 'henvendelser' | 'visitation', Text2>;
}

/** All estimated inputs at a vantage year. */
export interface ScenarioEstimates {
  vantage: number;
  actual: BaseActual;
  demand: { growth: DistSpec; noiseSd: number; drift: DriftEstimate; text: Text2 };
  visitation: { drift: DistSpec; noiseSd: number; est: DriftEstimate; text: Text2 };
  costs: { model: CostModel; text: Text2; noiseText: Text2 };
  priceGrowth: { dist: DistSpec; text: Text2 };
  bevilling: { growth: DistSpec; noiseSd: number; est: DriftEstimate; text: Text2 };
  /** Shares of each hovedområde in henvendelser and in forløb (normal, truncated to 0–1). */
  shares: Record<'henvendelser' | 'forloeb', Record<string, { dist: DistSpec; years: number[]; text: Text2 }>>;
}

const span = (ys: number[]) => (ys.length ? `${ys[0]}–${ys[ys.length - 1]}` : '');

/** A drift estimate's source text (`of`: what it is estimated for, `id`: from which series). */
function driftText(of: 'demand' | 'visitation' | 'bevilling', id: string | Text2, d: DriftEstimate): Text2 {
  const excluded = d.excluded.map((x) => `${x.from}→${x.to}`).join(', ');
  const params = {
    of,
    steps: d.steps.length,
    span: span(d.years),
    excluded,
    mu: d.mu,
    se: d.se,
    sd: d.sd,
    // the yearly rate the scenario draws (the visitation drift uses the same form)
    ...yearlyRate(d),
  };
  const ids = typeof id === 'string' ? { da: id, en: id } : id;
  return both('scenario.est.drift', { ...params, id: ids.da }, { ...params, id: ids.en });
}

/**
 * Estimate every scenario input from the data up to `vantage` (use `datasetUntil` for a
 * replay: this function reads only years ≤ vantage). Throws a UsageError when the data cannot
 * support an estimate (e.g. fewer than two growth steps).
 *
 * @example
 * const e = estimateScenarioInputs(loadBundled(), 2024);
 * e.demand.growth      // { dist: 'normal', mean: …, sd: … }
 * e.costs.model.unit   // marginal cost per forløb (mio. kr.) with its SE
 */
export function estimateScenarioInputs(
  full: SeriesSource,
  vantage: number,
  o: { assumptions?: CostAssumptions } = {},
): ScenarioEstimates {
  const ds = datasetUntil(full, vantage);
  const shifts = measureShifts(ds);
  const reason = (y: number) => `measure ${y}`;
  const H = pointsOf(ds, COST_IDS.henvendelser('i_alt'));
  const F = pointsOf(ds, COST_IDS.forloeb('i_alt'));
  const B = pointsOf(ds, 'viso.raadgivning.bevilling');
  const C = pointsOf(ds, COST_IDS.forbrug);
  const covid = new Map(pointsOf(ds, COST_IDS.forbrugCovid).map((p) => [p.year, p.value]));
  const at = (ps: { year: number; value: number }[], y: number) => ps.find((p) => p.year === y)?.value ?? NaN;
  const need = (v: number, what: string) => {
    if (!Number.isFinite(v)) throw new UsageError({ code: 'scenario.est.noBaseYear', params: { what, year: vantage } });
    return v;
  };

  // base year
  const bevilling = need(at(B, vantage), 'bevilling');
  const forbrug = need(at(C, vantage), 'forbrug');
  const forbrugModel = forbrug - (covid.get(vantage) ?? 0);
  const hV = at(H, vantage);
  const fV = at(F, vantage);
  const paired = F.filter((p) => Number.isFinite(at(H, p.year)));
  const lastBoth = paired[paired.length - 1];
  if (!lastBoth) throw new UsageError({ code: 'scenario.est.noBoth', params: { year: vantage } });
  const visitationRate = lastBoth.value / at(H, lastBoth.year);
  const nowcast = !(Number.isFinite(hV) && Number.isFinite(fV));
  const dataText = (id: string): Text2 => both('scenario.src.data', { id, year: vantage });
  const actual: BaseActual = {
    year: vantage,
    bevilling,
    forbrug,
    forbrugModel,
    forloeb: nowcast ? NaN : fV,
    henvendelser: nowcast ? NaN : hV,
    visitationRate,
    visitationYear: lastBoth.year,
    text: {
      bevilling: dataText('viso.raadgivning.bevilling'),
      forbrug: covid.get(vantage)
        ? both('scenario.src.forbrugCovid', { year: vantage, covid: covid.get(vantage)!, model: forbrugModel })
        : dataText('viso.raadgivning.forbrug'),
      forloeb: nowcast
        ? both('scenario.src.forloebNowcast', { year: vantage })
        : dataText('viso.raadgivning.forloeb.i_alt'),
      henvendelser: nowcast
        ? both('scenario.src.henvendelserNowcast', { year: vantage, rateYear: lastBoth.year })
        : dataText('viso.raadgivning.henvendelser.i_alt'),
      visitation:
        lastBoth.year === vantage
          ? both('scenario.src.visitationData', {
              year: vantage,
              afterBreak: lastBoth.flags.includes('registration_break') ? 1 : 0,
            })
          : both('scenario.src.visitationNowcast', { year: lastBoth.year }),
    },
  };

  // demand
  const hd = logDrift(H, { shiftYears: shifts, shiftReason: reason });
  if (!hd) throw new UsageError({ code: 'scenario.est.demandSteps', params: { year: vantage } });
  const demand = {
    growth: growthDist(hd),
    noiseSd: hd.sd,
    drift: hd,
    text: driftText('demand', COST_IDS.henvendelser('i_alt'), hd),
  };

  // visitation rate (forløb per henvendelse), years with both
  const rate = paired.map((p) => ({ year: p.year, value: p.value / at(H, p.year), flags: p.flags }));
  const vd = logDrift(rate, { shiftYears: shifts, shiftReason: reason });
  if (!vd) throw new UsageError({ code: 'scenario.est.visitationSteps', params: { year: vantage } });
  const visitation = {
    drift: growthDist(vd),
    noiseSd: vd.sd,
    est: vd,
    // a ratio, not a series: in the language's words (cases / requests)
    text: driftText(
      'visitation',
      { da: 'forløb / henvendelser', en: `${quantityWord('forloeb', 'en')} / ${quantityWord('henvendelser', 'en')}` },
      vd,
    ),
  };

  // costs
  const assumptions = o.assumptions ?? defaultCostAssumptions();
  let model: CostModel;
  try {
    model = fitCostModel(ds, { assumptions });
  } catch (e) {
    // the reason in the user's language when the cost model said it with a code
    const reason = e instanceof UsageError && e.msg ? e.msg : (e as Error).message;
    throw new UsageError({ code: 'scenario.est.costFit', params: { year: vantage, reason } });
  }
  const costs = {
    model,
    text: both('scenario.est.costs', {
      years: model.years.join(', '),
      fixed: model.fixed.mean,
      fixedSd: model.fixed.sd,
      unit: model.unit.mean,
      unitSd: model.unit.sd,
      corr: model.corr,
    }),
    noiseText: both('scenario.est.costNoise', { sigma: model.sigma, df: model.df }),
  };

  // price growth of the cost per forløb beyond the current-price fit: log forbrug ~ log forløb + trend
  const priceGrowth = estimatePriceGrowth(model);

  // bevilling
  const bd = logDrift(B);
  if (!bd) throw new UsageError({ code: 'scenario.est.bevillingSteps', params: { year: vantage } });
  const bevillingEst = {
    growth: growthDist(bd),
    noiseSd: bd.sd,
    est: bd,
    text: driftText('bevilling', 'viso.raadgivning.bevilling', bd),
  };

  return {
    vantage,
    actual,
    demand,
    visitation,
    costs,
    priceGrowth,
    bevilling: bevillingEst,
    shares: estimateShares(ds),
  };
}

/**
 * Yearly price growth of the cost per forløb given activity: the trend π in
 * log forbrug = a + e·log forløb + π·(year − last) [+ break shift], fitted on the cost model's years.
 * With fewer than 2 residual degrees of freedom it is not estimable and fixed at 0 (said so).
 *
 * @example
 * estimatePriceGrowth(fitCostModel(loadBundled())).dist // { dist: 'normal', mean: 0.001, sd: 0.0029 }
 */
export function estimatePriceGrowth(model: CostModel): { dist: DistSpec; text: Text2 } {
  const rows = model.diagnostics.rows;
  const last = rows[rows.length - 1]?.year ?? 0;
  const by = model.breakShift?.fromYear;
  const X = rows.map((r) => [
    1,
    Math.log(r.forloeb),
    r.year - last,
    ...(by !== undefined ? [r.year >= by ? 1 : 0] : []),
  ]);
  const k = X[0]?.length ?? 3;
  if (rows.length - k >= 2) {
    try {
      const f = ols(
        X,
        rows.map((r) => Math.log(r.forbrug)),
      );
      const pi = f.coef[2];
      const se = f.se[2];
      if (Number.isFinite(pi) && Number.isFinite(se)) {
        return {
          dist: { dist: 'normal', mean: pi, sd: se },
          text: both('scenario.est.priceGrowth', { from: rows[0].year, to: last, pi, se }),
        };
      }
    } catch {
      /* collinear: not estimable, below */
    }
  }
  return {
    dist: { dist: 'fixed', value: 0 },
    text: both('scenario.est.priceGrowthNone', { n: rows.length }),
  };
}

/** Shares of the hovedområder in henvendelser and forløb: mean and sd over the latest (up to 5) years with a split. */
function estimateShares(ds: SeriesSource): ScenarioEstimates['shares'] {
  const out: ScenarioEstimates['shares'] = { henvendelser: {}, forloeb: {} };
  for (const stage of ['henvendelser', 'forloeb'] as const) {
    const id = stage === 'henvendelser' ? COST_IDS.henvendelser : COST_IDS.forloeb;
    const tot = new Map(pointsOf(ds, id('i_alt')).map((p) => [p.year, p.value]));
    for (const area of AREAS) {
      if (area === 'i_alt') continue;
      const ys = pointsOf(ds, id(area))
        .filter((p) => tot.has(p.year))
        .slice(-5);
      if (!ys.length) continue;
      const s = ys.map((p) => p.value / tot.get(p.year)!);
      const mean = s.reduce((a, b) => a + b, 0) / s.length;
      const sd = s.length > 1 ? Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / (s.length - 1)) : 0;
      const years = ys.map((p) => p.year);
      out[stage][area] = {
        dist: sd > 0 ? { dist: 'normal', mean, sd, min: 0, max: 1 } : { dist: 'fixed', value: mean },
        years,
        text: both('scenario.est.share', { stage, id: id(area), span: span(years), mean, sd }),
      };
    }
  }
  return out;
}

/**
 * The demand funnel: henvendelser (excl. COVID-19) → visitation rate
 * (forløb per henvendelse) → forløb → forbrug, per hovedområde where the
 * data has it and in total. Each link is forecast with the forecasting
 * engine and simulated jointly with the cost model's uncertainty.
 */
import type { Flag } from '../data/types.js';
import { forecast, simulate } from '../forecast/index.js';
import type { EventRegressor, MethodName } from '../forecast/types.js';
import { summarizeSorted, type Quantiles } from '../stats/quantiles.js';
import { invNorm } from '../stats/normal.js';
import { Rng } from '../stats/rng.js';
import { AREAS, COST_IDS, valuesOn, type SeriesSource } from './data.js';
import { drawCostParams, fitCostModel, type CostModel } from './model.js';
import type { Msg } from '../text/messages.js';
import { API_LIMITS, checkIntegerArg } from '../io/limits.js';

/** The funnel's history for one area; arrays aligned on `years`, `NaN` where missing. */
export interface Funnel {
  area: string;
  years: number[];
  henvendelser: number[];
  forloeb: number[];
  /** forløb per henvendelse */
  visitationRate: number[];
  /** forbrug as published, mio. kr. (total only) */
  forbrug: number[];
  /** (forbrug − COVID-19 extra costs) / forløb, mio. kr. per forløb (total only) */
  unitCost: number[];
  /** flags of henvendelser and forløb per year */
  flags: Flag[][];
}

/**
 * The funnel's history for one area (default the total, `i_alt`).
 *
 * @example
 * const f = funnel(loadBundled());
 * f.years            // [2011, …, 2024]
 * f.visitationRate   // [NaN, NaN, NaN, 0.4518, …]
 */
export function funnel(ds: SeriesSource, opts: { area?: string } = {}): Funnel {
  const area = opts.area ?? 'i_alt';
  const hS = ds.get(COST_IDS.henvendelser(area));
  const fS = ds.get(COST_IDS.forloeb(area));
  const total = area === 'i_alt';
  const bS = total ? ds.get(COST_IDS.forbrug) : undefined;
  const cS = total && ds.has(COST_IDS.forbrugCovid) ? ds.get(COST_IDS.forbrugCovid) : undefined;
  const all = [...hS.points, ...fS.points, ...(bS?.points ?? [])].map((p) => p.year);
  const years: number[] = [];
  for (let y = Math.min(...all); y <= Math.max(...all); y++) years.push(y);
  const henvendelser = valuesOn(hS, years);
  const forloeb = valuesOn(fS, years);
  const forbrug = valuesOn(bS, years);
  const covid = valuesOn(cS, years).map((v) => (Number.isFinite(v) ? v : 0));
  const flagMap = new Map<number, Set<Flag>>();
  for (const p of [...hS.points, ...fS.points]) {
    const s = flagMap.get(p.year) ?? new Set<Flag>();
    p.flags.forEach((f) => s.add(f));
    flagMap.set(p.year, s);
  }
  return {
    area,
    years,
    henvendelser,
    forloeb,
    visitationRate: years.map((_, i) => forloeb[i] / henvendelser[i]),
    forbrug,
    unitCost: years.map((_, i) => (forbrug[i] - covid[i]) / forloeb[i]),
    flags: years.map((y) => [...(flagMap.get(y) ?? [])]),
  };
}

/**
 * The funnel for every hovedområde and the total.
 *
 * @example
 * funnelByArea(loadBundled()).map((f) => f.area) // ['voksne', 'boern_unge', 'specialundervisning', 'andet', 'i_alt']
 */
export function funnelByArea(ds: SeriesSource): Funnel[] {
  return AREAS.map((area) => funnel(ds, { area }));
}

/** Summary of a simulated quantity in one year (the shared `Quantiles`; old name kept for the public API). */
export type FunnelQuantiles = Quantiles;

/** Options of `forecastFunnel`. */
export interface FunnelForecastOptions {
  area?: string;
  /** years ahead of the last year with henvendelser (default 3) */
  horizon?: number;
  method?: MethodName;
  /** first year to fit on (default 2014) */
  from?: number;
  runs?: number;
  seed?: number;
  costModel?: CostModel;
}

/** Result of `forecastFunnel`. */
export interface FunnelForecast {
  area: string;
  years: number[];
  henvendelser: FunnelQuantiles[];
  visitationRate: FunnelQuantiles[];
  forloeb: FunnelQuantiles[];
  /** total only (the cost model is not split by area) */
  forbrug?: FunnelQuantiles[];
  methods: { henvendelser: string; visitationRate: string };
  /** data gaps, the registration break and what is not modelled, as codes (worded in src/report/costText.ts) */
  notes: Msg[];
}

/**
 * Forecast and simulate the funnel: henvendelser and the visitation rate are
 * forecast separately (forecasting engine), their simulated paths multiplied
 * into forløb, and forbrug = fixed + unit × forløb + residual noise with the
 * cost-model parameters drawn per path. Data gaps of up to two years are
 * linearly interpolated for fitting (stated in `notes`); the registration
 * break in forløb is a level-shift event for the visitation rate, not a trend.
 *
 * @example
 * const f = forecastFunnel(loadBundled(), { horizon: 3, runs: 2000, seed: 1 });
 * f.years            // [2025, 2026, 2027]
 * f.forbrug?.[0].p50 // median forbrug 2025, mio. kr.
 */
export function forecastFunnel(ds: SeriesSource, opts: FunnelForecastOptions = {}): FunnelForecast {
  const area = opts.area ?? 'i_alt';
  const H = opts.horizon ?? 3;
  const runs = opts.runs ?? 4000;
  const seed = opts.seed ?? 1;
  // checked before any fit: every run is kept (three paths and a cost draw each)
  checkIntegerArg('runs', runs, 1, API_LIMITS.keptRuns);
  checkIntegerArg('seed', seed, 0, API_LIMITS.seedMax);
  const from = opts.from ?? 2014;
  const fu = funnel(ds, { area });
  const notes: Msg[] = [];
  const hist = fillGaps(fu.years, fu.henvendelser, from, { code: 'cost.funnel.henvendelser' }, notes);
  const rate = fillGaps(fu.years, fu.visitationRate, from, { code: 'cost.funnel.visitationRate' }, notes);
  const events: EventRegressor[] = [];
  const breakIdx = rate.years.findIndex(
    (y, i) => fu.flags[fu.years.indexOf(y)]?.includes('registration_break') && i > 0,
  );
  if (breakIdx > 0) {
    events.push({ kind: 'level', start: breakIdx });
    notes.push({ code: 'cost.funnel.rateBreak', params: { year: rate.years[breakIdx] } });
  }
  if (hist.years[hist.years.length - 1] !== rate.years[rate.years.length - 1])
    throw new Error('forecastFunnel: henvendelser and forløb end in different years');
  const last = hist.years[hist.years.length - 1];
  const fh = forecast(hist.values, { method: opts.method ?? 'auto', horizon: H, levels: [80, 95] });
  const fr = forecast(rate.values, { method: opts.method ?? 'auto', horizon: H, levels: [80, 95], events });
  const ph = simulate(fh, runs, new Rng(seed, 0));
  const pr = simulate(fr, runs, new Rng(seed, 1));
  const total = area === 'i_alt';
  const cost = total ? (opts.costModel ?? fitCostModel(ds)) : undefined;
  const crng = new Rng(seed, 2);
  const draws = cost ? Array.from({ length: runs }, () => drawCostParams(cost, crng.uniform(), crng.uniform())) : [];
  const years = Array.from({ length: H }, (_, i) => last + 1 + i);
  const col = (arr: Float64Array, h: number) => Float64Array.from({ length: runs }, (_, r) => arr[r * H + h]);
  const out: FunnelForecast = {
    area,
    years,
    henvendelser: [],
    visitationRate: [],
    forloeb: [],
    forbrug: total ? [] : undefined,
    methods: { henvendelser: fh.model.description, visitationRate: fr.model.description },
    notes,
  };
  for (let h = 0; h < H; h++) {
    const hv = col(ph, h);
    const rv = col(pr, h);
    const fv = hv.map((v, r) => v * rv[r]);
    out.henvendelser.push(summarise(hv));
    out.visitationRate.push(summarise(rv));
    out.forloeb.push(summarise(fv));
    if (cost) {
      const bv = fv.map((n, r) => draws[r].fixed + draws[r].unit * n + cost.sigma * invNorm(crng.uniform()));
      out.forbrug!.push(summarise(bv));
    }
  }
  if (!total) notes.push({ code: 'cost.funnel.areaNoForbrug' });
  return out;
}

/** Contiguous values from `from` to the last finite year; gaps of ≤ 2 years are interpolated (noted). */
function fillGaps(
  years: number[],
  values: number[],
  from: number,
  what: Msg,
  notes: Msg[],
): { years: number[]; values: number[] } {
  const pts = years.map((y, i) => ({ y, v: values[i] })).filter((p) => p.y >= from && Number.isFinite(p.v));
  const ys: number[] = [];
  const vs: number[] = [];
  for (const p of pts) {
    const prev = ys[ys.length - 1];
    if (prev !== undefined && p.y - prev > 1) {
      const gap = p.y - prev - 1;
      if (gap > 2) {
        notes.push({ code: 'cost.funnel.longGap', params: { what, from: prev + 1, to: p.y - 1, since: p.y } });
        ys.length = 0;
        vs.length = 0;
      } else {
        const v0 = vs[vs.length - 1];
        for (let k = 1; k <= gap; k++) {
          ys.push(prev + k);
          vs.push(v0 + ((p.v - v0) * k) / (gap + 1));
        }
        const span = gap === 1 ? String(prev + 1) : `${prev + 1}–${p.y - 1}`;
        notes.push({ code: 'cost.funnel.interpolated', params: { what, span } });
      }
    }
    ys.push(p.y);
    vs.push(p.v);
  }
  return { years: ys, values: vs };
}

function summarise(a: Float64Array): Quantiles {
  return summarizeSorted(Float64Array.from(a).sort(), a.reduce((x, y) => x + y, 0) / a.length);
}

/**
 * Historical effect of a measure: actual minus a counterfactual forecast
 * fitted on the pre-period (forecasting engine, simulated paths for the
 * intervals), in the outcome's units and in mio. kr., per year and
 * cumulative; plus a segmented-regression estimate for comparison.
 */
import type { SeriesSource } from '../cost/data.js';
import { drawCostParams, fitCostModel, type CostModel } from '../cost/model.js';
import { forecast, simulate } from '../forecast/index.js';
import { describedAs } from '../forecast/notes.js';
import type { MethodName } from '../forecast/types.js';
import type { Flag } from '../data/types.js';
import { quantileSortedUnchecked, type DistSpec } from '../stats/distributions.js';
import { Rng } from '../stats/rng.js';
import { UsageError, shownArg } from '../errors.js';
import { API_LIMITS, checkIntegerArg } from '../io/limits.js';
import { outcomeData, type OutcomeData } from './outcome.js';
import { phaseShare, startYear } from './phase.js';
import { segmentedRegression, type SegmentedResult } from './segmented.js';
import type { MeasureDef } from './types.js';
import type { Msg } from '../text/messages.js';

/** Options of `evaluateMeasure`. */
export interface EvaluationOptions {
  /** Counterfactual forecast method (default: the measure's setting, else `auto`). */
  method?: MethodName;
  /** Last pre-period year, the "vantage point" (default: the year before the start). */
  vantage?: number;
  /** Last post-period year (default: the measure's setting, else the year before the next measure, else the last data year). */
  until?: number;
  /** Fewer pre-period years than this → "too short to conclude" (default 5). */
  minPre?: number;
  /** Simulated counterfactual paths (default 4000). */
  runs?: number;
  /** Seed of the simulation (default 1). */
  seed?: number;
  /** Cost model for mio. kr. (default: `fitCostModel(ds)`). */
  costModel?: CostModel;
  /** Use the forecasting engine's empirically calibrated intervals (default true); false = textbook intervals. */
  calibrate?: boolean;
}

/**
 * `reduction`/`increase`: the 95 % interval excludes 0 in every evaluated year;
 * `mixed`: in some years only; `inconclusive`: in none; `too_short`: fewer
 * pre-period years than `minPre`; `no_data`: nothing comparable after the start.
 */
export type Verdict = 'reduction' | 'increase' | 'mixed' | 'inconclusive' | 'too_short' | 'no_data';

/** One evaluated post-period year. */
export interface EffectYear {
  year: number;
  /** share of the full effect expected this year (phase-in) */
  phase: number;
  actual: number;
  counterfactual: number;
  cfLower95: number;
  cfUpper95: number;
  /** actual − counterfactual, with the 95 % interval from the counterfactual's uncertainty */
  effect: number;
  effectLower95: number;
  effectUpper95: number;
  /** actual / counterfactual − 1 */
  relative: number;
  relativeLower95: number;
  relativeUpper95: number;
  /**
   * effect in forløb for henvendelser and visitation-rate outcomes: Δhenvendelser × the year's
   * visitation rate, or Δrate × the year's henvendelser (absent where that year's forløb are not comparable)
   */
  forloeb?: { effect: number; lower95: number; upper95: number };
  /** effect in mio. kr. (forløb: × marginal unit cost; forbrug: itself) */
  mio?: { effect: number; lower95: number; upper95: number };
  flags: Flag[];
  /** adjustment applied to the published value, as a code */
  adjustment?: Msg;
}

/** The evaluation of one outcome. */
export interface OutcomeEvaluation {
  outcome: string;
  /** the outcome's name, as a code */
  label: Msg;
  kind: OutcomeData['kind'];
  preYears: number[];
  preValues: number[];
  /** method and model description of the counterfactual (the forecasting engine's description, a code) */
  method: string;
  model: Msg;
  years: EffectYear[];
  /** post-period years with data that were not evaluated, and why (a code) */
  excluded: { year: number; reason: Msg }[];
  /** sum over the evaluated years (not over missing years) */
  cumulative?: {
    years: number[];
    effect: number;
    lower95: number;
    upper95: number;
    forloeb?: { effect: number; lower95: number; upper95: number };
    mio?: { effect: number; lower95: number; upper95: number };
  };
  segmented: SegmentedResult | null;
  /** the conclusion (in words: `verdictText` in src/report/measuresText.ts) */
  verdict: Verdict;
  /** 1st..99th percentiles of the simulated relative effect at full phase-in (for `effectFromEvaluation`) */
  relativePercentiles: number[];
  /** caveats of this outcome, as codes */
  notes: Msg[];
}

/** Result of `evaluateMeasure`. */
export interface MeasureEvaluation {
  measure: Pick<MeasureDef, 'id' | 'name' | 'nameEn' | 'start' | 'actsOn' | 'areas' | 'phaseIn' | 'source'>;
  vantage: number;
  until: number;
  runs: number;
  seed: number;
  /** marginal unit cost used for mio. kr., kr. per forløb */
  unitCostKr: { mean: number; sd: number };
  outcomes: OutcomeEvaluation[];
  /** other measures starting in the same data gap: their effects cannot be separated */
  confounded: string[];
  /** caveats of the evaluation, as codes (worded in src/report/measuresText.ts) */
  notes: Msg[];
}

/**
 * Evaluate a measure's historical effect.
 *
 * @example
 * const ev = evaluateMeasure(findMeasure('tightening-2021-09'), loadBundled());
 * const f = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forbrug')!;
 * f.years[0] // { year: 2022, actual: 112.3, counterfactual: …, effect: …, effectLower95: …, ... }
 */
export function evaluateMeasure(def: MeasureDef, ds: SeriesSource, opts: EvaluationOptions = {}): MeasureEvaluation {
  if (def === null || typeof def !== 'object' || typeof (def as Partial<MeasureDef>).start !== 'string')
    throw new UsageError({ code: 'measures.err.notDef', params: { got: shownArg(def) } });
  // every counterfactual path is kept: runs as `viso measure evaluate --runs` takes them; the seed as a scenario's
  if (opts.runs !== undefined) checkIntegerArg('runs', opts.runs, 1, API_LIMITS.measurePaths);
  if (opts.seed !== undefined) checkIntegerArg('seed', opts.seed, 0, API_LIMITS.seedMax);
  const y0 = startYear(def);
  const vantage = opts.vantage ?? y0 - 1;
  const events = (ds.events ?? []).filter((e) => e.kind === 'measure' && e.id !== def.id);
  const next = events
    .filter((e) => e.year > y0)
    .map((e) => e.year)
    .sort((a, b) => a - b)[0];
  const until = opts.until ?? def.evaluation.until ?? (next !== undefined ? next - 1 : Infinity);
  const runs = opts.runs ?? 4000;
  const seed = opts.seed ?? 1;
  const minPre = opts.minPre ?? 5;
  const method = opts.method ?? def.evaluation.method ?? 'auto';
  const cost = opts.costModel ?? fitCostModel(ds);
  const confounded = events.filter((e) => e.year > vantage && e.year <= y0 + 1 && e.id !== def.id).map((e) => e.id);
  const outcomes = def.evaluation.outcomes.map((id) =>
    evaluateOutcome(outcomeData(ds, id), def, {
      toForloeb: forloebMultiplier(ds, id),
      vantage,
      until,
      runs,
      seed: (seed + hashId(id)) | 0,
      minPre,
      method,
      cost,
      preFrom: def.evaluation.preFrom,
      calibrate: opts.calibrate,
    }),
  );
  const lastData = Math.max(...outcomes.flatMap((o) => o.years.map((y) => y.year)), vantage);
  const notes: Msg[] = [];
  const lastObs = Math.max(...def.evaluation.outcomes.flatMap((id) => outcomeData(ds, id).points.map((p) => p.year)));
  if (y0 > lastObs) notes.push({ code: 'measures.note.futureMeasure', params: { lastObs } });
  if (confounded.length)
    notes.push({ code: 'measures.note.confounded', params: { vantage, ids: confounded.join(', ') } });
  if (y0 <= 2022 && vantage >= 2020 && vantage < 2023) {
    notes.push({ code: 'measures.note.gap2021' });
    notes.push({ code: 'measures.note.factSheet2022' });
  }
  if (y0 === 2018 || (vantage < 2018 && until >= 2018)) notes.push({ code: 'measures.note.suppliers2018' });
  return {
    measure: {
      id: def.id,
      name: def.name,
      nameEn: def.nameEn,
      start: def.start,
      actsOn: def.actsOn,
      areas: def.areas,
      phaseIn: def.phaseIn,
      source: def.source,
    },
    vantage,
    until: Number.isFinite(until) ? until : lastData,
    runs,
    seed,
    unitCostKr: { mean: cost.unit.mean * 1e6, sd: cost.unit.sd * 1e6 },
    outcomes,
    confounded,
    notes,
  };
}

interface Ctx {
  vantage: number;
  until: number;
  runs: number;
  seed: number;
  minPre: number;
  method: MethodName;
  cost: CostModel;
  preFrom?: number;
  calibrate?: boolean;
  /** forløb per unit of the outcome in a year (undefined: no conversion) */
  toForloeb?: (year: number) => number | undefined;
}

/** How an outcome converts to forløb in a year: 1 for forløb, the year's rate for henvendelser, the year's henvendelser for the rate. */
function forloebMultiplier(ds: SeriesSource, id: string): ((year: number) => number | undefined) | undefined {
  if (/\.forloeb\./.test(id)) return () => 1;
  const h = /^viso\.raadgivning\.henvendelser\.([a-z_]+)$/.exec(id);
  const v = /^visitation\.([a-z_]+)$/.exec(id);
  const area = h?.[1] ?? v?.[1];
  if (!area || !ds.has(`viso.raadgivning.forloeb.${area}`) || !ds.has(`viso.raadgivning.henvendelser.${area}`))
    return undefined;
  const fl = new Map(
    ds
      .get(`viso.raadgivning.forloeb.${area}`)
      .points.filter((p) => !p.flags.includes('registration_break'))
      .map((p) => [p.year, p.value]),
  );
  const hv = new Map(ds.get(`viso.raadgivning.henvendelser.${area}`).points.map((p) => [p.year, p.value]));
  return (year) => {
    const f = fl.get(year);
    const n = hv.get(year);
    if (f === undefined || n === undefined) return undefined;
    return h ? f / n : n;
  };
}

function evaluateOutcome(o: OutcomeData, def: MeasureDef, c: Ctx): OutcomeEvaluation {
  const y0 = startYear(def);
  const notes: Msg[] = [];
  // pre-period: the contiguous run of years ending at the vantage point
  const prePts = o.points.filter((p) => p.year <= c.vantage && (c.preFrom === undefined || p.year >= c.preFrom));
  // a single missing year inside the pre-period is interpolated (as the forecasting engine does); longer gaps cut it
  let run: typeof prePts = [];
  const filled: number[] = [];
  for (const p of prePts) {
    const prev = run[run.length - 1];
    if (prev && p.year === prev.year + 2) {
      run.push({ year: prev.year + 1, value: (prev.value + p.value) / 2, flags: [] });
      filled.push(prev.year + 1);
    } else if (prev && p.year !== prev.year + 1) {
      run = [];
      filled.length = 0;
    }
    run.push(p);
  }
  for (const y of filled) notes.push({ code: 'measures.note.preInterpolated', params: { year: y } });
  if (run.length && run[run.length - 1].year !== c.vantage)
    notes.push({
      code: 'measures.note.noVantageValue',
      params: { id: o.id, vantage: c.vantage, end: run[run.length - 1].year },
    });
  const preYears = run.map((p) => p.year);
  const preValues = run.map((p) => p.value);
  for (const p of run)
    if (p.adjustment)
      notes.push({ code: 'measures.note.adjusted', params: { year: p.year, adjustment: p.adjustment } });
  if (run.some((p) => p.flags.includes('estimated'))) notes.push({ code: 'measures.note.preEstimated' });

  const excluded: { year: number; reason: Msg }[] = [];
  const postPts = o.points.filter((p) => p.year > c.vantage && p.year <= c.until);
  const usable = postPts.filter((p) => {
    if (p.flags.includes('registration_break')) {
      excluded.push({ year: p.year, reason: { code: 'measures.excluded.registrationBreak' } });
      return false;
    }
    return true;
  });
  for (const p of o.points.filter((q) => q.year > c.until))
    excluded.push({ year: p.year, reason: { code: 'measures.excluded.afterWindow', params: { until: c.until } } });

  const base: Omit<
    OutcomeEvaluation,
    'years' | 'verdict' | 'cumulative' | 'segmented' | 'relativePercentiles' | 'method' | 'model'
  > = {
    outcome: o.id,
    label: o.label,
    kind: o.kind,
    preYears,
    preValues,
    excluded,
    notes,
  };
  /** An outcome with no counterfactual, and why. */
  const unevaluated = (verdict: 'too_short' | 'no_data'): OutcomeEvaluation => ({
    ...base,
    method: '-',
    model: describedAs({ description: '-' }),
    years: [],
    segmented: null,
    verdict,
    relativePercentiles: [],
  });
  // the forecasting engine needs at least 3 observations for a counterfactual
  if (preYears.length < 3) return unevaluated('too_short');
  const lastPre = preYears[preYears.length - 1];
  if (usable.length === 0) return unevaluated('no_data');
  const H = usable[usable.length - 1].year - lastPre;
  const f = forecast(preValues, { method: c.method, horizon: H, levels: [80, 95], calibrate: c.calibrate });
  const iv95 = f.intervals.find((i) => i.level === 95)!;
  const paths = simulate(f, c.runs, new Rng(c.seed, 0));
  const urng = new Rng(c.seed, 1);
  const units = new Float64Array(c.runs);
  for (let r = 0; r < c.runs; r++) units[r] = drawCostParams(c.cost, urng.uniform(), urng.uniform()).unit;
  const isMio = o.kind === 'mio';
  const cumEff = new Float64Array(c.runs);
  const cumMio = new Float64Array(c.runs);
  const cumFl = new Float64Array(c.runs);
  let allConvert = true;
  const fullRel: number[] = [];
  const partialRel: number[] = [];
  const years: EffectYear[] = usable.map((p) => {
    const h = p.year - lastPre;
    const cf = f.point[h - 1];
    const ph = phaseShare(def, p.year);
    const eff = new Float64Array(c.runs);
    const rel = new Float64Array(c.runs);
    const mio = new Float64Array(c.runs);
    const fl = new Float64Array(c.runs);
    const mult = isMio ? undefined : c.toForloeb?.(p.year);
    if (!isMio && mult === undefined) allConvert = false;
    for (let r = 0; r < c.runs; r++) {
      const cfr = paths[r * H + h - 1];
      eff[r] = p.value - cfr;
      rel[r] = p.value / cfr - 1;
      fl[r] = mult === undefined ? NaN : eff[r] * mult;
      mio[r] = isMio ? eff[r] : fl[r] * units[r];
      cumEff[r] += eff[r];
      cumMio[r] += mio[r];
      cumFl[r] += fl[r];
      if (ph >= 0.999) fullRel.push(rel[r]);
      else if (ph > 0) partialRel.push(rel[r] / ph);
    }
    const row: EffectYear = {
      year: p.year,
      phase: ph,
      actual: p.value,
      counterfactual: cf,
      cfLower95: iv95.lower[h - 1],
      cfUpper95: iv95.upper[h - 1],
      effect: p.value - cf,
      effectLower95: p.value - iv95.upper[h - 1],
      effectUpper95: p.value - iv95.lower[h - 1],
      relative: p.value / cf - 1,
      relativeLower95: p.value / iv95.upper[h - 1] - 1,
      relativeUpper95: p.value / iv95.lower[h - 1] - 1,
      flags: p.flags,
      adjustment: p.adjustment,
    };
    if (mult !== undefined && mult !== 1) {
      const [lo, hi] = q95(fl);
      row.forloeb = { effect: row.effect * mult, lower95: lo, upper95: hi };
    }
    if (isMio || mult !== undefined) {
      const [lo, hi] = q95(mio);
      row.mio = {
        effect: isMio ? row.effect : row.effect * (mult as number) * c.cost.unit.mean,
        lower95: lo,
        upper95: hi,
      };
    }
    return row;
  });
  const sumPoint = years.reduce((s, y) => s + y.effect, 0);
  const [clo, chi] = q95(cumEff);
  const cumulative: OutcomeEvaluation['cumulative'] = {
    years: years.map((y) => y.year),
    effect: sumPoint,
    lower95: clo,
    upper95: chi,
  };
  if (years.some((y) => y.forloeb) && allConvert) {
    const [flo, fhi] = q95(cumFl);
    cumulative.forloeb = { effect: years.reduce((s, y) => s + y.forloeb!.effect, 0), lower95: flo, upper95: fhi };
  }
  if (isMio || allConvert) {
    const [mlo, mhi] = q95(cumMio);
    cumulative.mio = { effect: years.reduce((s, y) => s + (y.mio?.effect ?? NaN), 0), lower95: mlo, upper95: mhi };
  }
  if (years.length < H)
    notes.push({
      code: 'measures.note.cumulativePartial',
      params: { n: years.length, years: years.map((y) => y.year).join(', ') },
    });

  // segmented regression handles gaps itself: observed years only
  const obsPre = preYears.map((y, i) => [y, preValues[i]] as const).filter(([y]) => !filled.includes(y));
  const segYears = [...obsPre.map(([y]) => y), ...years.map((y) => y.year)];
  const segVals = [...obsPre.map(([, v]) => v), ...years.map((y) => y.actual)];
  const segmented = segmentedRegression(segYears, segVals, y0, (t) => phaseShare(def, t));

  let verdict: Verdict;
  const below = years.filter((y) => y.effectUpper95 < 0).map((y) => y.year);
  const above = years.filter((y) => y.effectLower95 > 0).map((y) => y.year);
  if (preYears.length < c.minPre) verdict = 'too_short';
  else if (below.length === years.length) verdict = 'reduction';
  else if (above.length === years.length) verdict = 'increase';
  else if (below.length || above.length) verdict = 'mixed';
  else verdict = 'inconclusive';
  const relPool = fullRel.length ? fullRel : partialRel;
  const sorted = Float64Array.from(relPool).sort();
  const relativePercentiles = Array.from({ length: 99 }, (_, i) =>
    round4(quantileSortedUnchecked(sorted, (i + 1) / 100)),
  );
  return {
    ...base,
    method: f.method,
    model: describedAs(f.model),
    years,
    cumulative,
    segmented,
    verdict,
    relativePercentiles,
  };
}

/**
 * Turn an evaluation into an effect distribution for a new measure ("a
 * tightening like 2021"): the simulated relative effect at full phase-in of
 * one outcome (default: the first, i.e. the acted quantity) as an empirical
 * distribution of its 1st–99th percentiles.
 *
 * @example
 * const spec = effectFromEvaluation(evaluateMeasure(findMeasure('tightening-2021-09'), ds), 'viso.raadgivning.forloeb.i_alt');
 * distMean(spec) // e.g. −0.2 (−20 %)
 */
export function effectFromEvaluation(ev: MeasureEvaluation, outcome?: string): DistSpec {
  const o = outcome ? ev.outcomes.find((x) => x.outcome === outcome) : ev.outcomes[0];
  if (!o) throw new Error(`effectFromEvaluation: ${ev.measure.id} has no outcome ${outcome}`);
  if (o.relativePercentiles.length === 0)
    throw new Error(`effectFromEvaluation: ${ev.measure.id} / ${o.outcome} could not be evaluated (${o.verdict})`);
  return { dist: 'empirical', values: o.relativePercentiles.map((v) => Math.max(v, -0.99)) };
}

function q95(a: Float64Array): [number, number] {
  const s = Float64Array.from(a).sort();
  return [quantileSortedUnchecked(s, 0.025), quantileSortedUnchecked(s, 0.975)];
}

function hashId(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * Backtest of the whole scenario pipeline against history: from every vantage year the data allows,
 * estimate the inputs from the data up to that year only, simulate forbrug and P(merforbrug) one and
 * two years ahead, and score them against the actuals; the same for the time-series forecast of
 * forbrug and for the naive forecast, as baselines. Two modes:
 * - `asKnown`: only the measures decided by the vantage year (what a forecaster then knew);
 * - `withDecisions`: also the measures actually taken afterwards (e.g. May and September 2021 from
 *   2020), with effect sizes only from evidence available at the vantage year: the evaluation (on the
 *   data up to the vantage year) of the latest earlier measure, at the new measure's stage; before any
 *   measure could be evaluated, the measure file's prior (an assumption). Never from the event scored.
 * Years without an actual (2021) are skipped and listed, never interpolated into a truth.
 */
import { UsageError } from '../errors.js';
import type { SeriesSource } from '../cost/data.js';
import { forecastSeries, simulate } from '../forecast/index.js';
import type { MethodName } from '../forecast/types.js';
import { evaluateMeasure, effectFromEvaluation } from '../measures/evaluate.js';
import { checkEffect, loadMeasures } from '../measures/load.js';
import { startYear } from '../measures/phase.js';
import type { MeasureDef } from '../measures/types.js';
import { distQuantile, quantileSortedUnchecked } from '../stats/distributions.js';
import { Rng } from '../stats/rng.js';
import { binomialInterval, brier, crpsSorted, halfSpread, meanAbsDiff, pitSorted } from '../stats/scores.js';
import { pathSample } from './run.js';
import { datasetUntil, estimateScenarioInputs } from './estimate.js';
import type { Msg } from '../text/messages.js';
import type { CompiledModel } from './model.js';
import { checkDef, prepareWithInputs } from './scenario.js';
import { checkSeed } from './load.js';
import { shownFile } from './inputs.js';
import type { InputInfo, ScenarioDef, ScenarioMeasure } from './types.js';
import { loadCostAssumptions } from '../cost/assumptions.js';

export type BacktestMode = 'asKnown' | 'withDecisions';
export const BACKTEST_MODES: readonly BacktestMode[] = ['asKnown', 'withDecisions'];
/** The forecasts scored: the scenario (driver) model, the time-series forecast of forbrug, naive, and the calibrated driver (the one forecast). */
export type BacktestModel = 'driver' | 'timeSeries' | 'naive' | 'calibrated';

/** Quantiles of simulated forbrug reported per point (mio. kr.). */
export interface BacktestQuantiles {
  p2_5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p97_5: number;
}

/** One forecast scored against one actual. */
export interface ScoredForecast {
  quantiles: BacktestQuantiles;
  /** Share of the forecast distribution at or below the actual. */
  pit: number;
  /** CRPS in mio. kr. */
  crps: number;
  /** The actual inside the central 50, 80, 95 % intervals. */
  inside: { '50': boolean; '80': boolean; '95': boolean };
  /** P(forbrug > bevilling) with the scenario's bevilling, and its Brier score. */
  pMerforbrug: number;
  brier: number;
}

/** How a measure entered a replay and where its effect size came from. */
export interface ReplayMeasure {
  id: string;
  start: string;
  actsOn: string;
  /** `evidence`: evaluated on the vantage-year data from `from`; `prior`: the measure file's own assumption. */
  effect:
    | { kind: 'evidence'; from: string; outcome: string; median: number }
    | { kind: 'prior'; file: string; median: number }
    | { kind: 'known'; median: number };
}

/** One scored point: a mode, vantage and target year. */
export interface BacktestPoint {
  mode: BacktestMode;
  vantage: number;
  target: number;
  h: number;
  actual: number;
  actualBevilling: number;
  /** The year ended in merforbrug (forbrug > bevilling). */
  merforbrug: boolean;
  driver: ScoredForecast;
  timeSeries: ScoredForecast;
  naive: ScoredForecast;
  /** The driver's distribution widened around its median by the spread factor k fitted on the other points of the mode (leave-one-out; see `calibration`). */
  calibrated?: ScoredForecast & { k: number };
  measures: ReplayMeasure[];
}

/** Scores of one model over a set of points. */
export interface ScoreSummary {
  n: number;
  coverage: { '50': number; '80': number; '95': number };
  /** Hits of the 80 % interval and the exact 95 % binomial interval of its coverage. */
  hits80: number;
  coverage80Interval: [number, number];
  crps: number;
  brier: number;
  /** Mean PIT (0.5 without bias; below: actuals lower than forecast). */
  meanPit: number;
}

/** The result of `backtestScenario`. */
export interface ScenarioBacktest {
  scenario: string;
  modes: BacktestMode[];
  vantages: number[];
  horizons: number[];
  runs: number;
  seed: number;
  points: BacktestPoint[];
  /** Targets not scored, and why (no actual in the data: never interpolated). */
  skipped: { vantage: number; target: number; reason: string }[];
  /** Per mode, model and horizon ('all' = both): the scores. */
  summary: { mode: BacktestMode; model: BacktestModel; h: number | 'all'; scores: ScoreSummary }[];
  /**
   * The one forecast of forbrug: the driver's distribution widened around its median by a spread factor k,
   * the k in `SPREAD_RANGE` that minimises the mean CRPS of mode withDecisions (the driver is a forecast given the
   * measures); each point scored with the k fitted on the other points (leave-one-out). Beside it, leave-one-out
   * as well: the pool of driver and time series (inverse-CRPS weights, then a common spread factor) and the
   * equal-weight pool, per mode.
   */
  calibration: Calibration;
  /** Inputs of each replay (estimates at the vantage year). */
  replays: { mode: BacktestMode; vantage: number; inputs: InputInfo[] }[];
  /** Notes on how the replays were made (codes of src/text/scenario.ts). */
  notes: Msg[];
}

/** The calibration of the driver's spread and the alternatives it was compared with (mean CRPS, mio. kr.). */
export interface Calibration {
  /** How k is chosen, in words (a code of src/text/scenario.ts). */
  rule: Msg;
  /** Spread factor for new forecasts (fitted on all points of mode withDecisions). */
  k: number;
  /**
   * Monte Carlo standard error of `k` (`spreadKStandardError`: batch means over `K_SE_GROUPS` interleaved run
   * groups); absent when a group would have fewer than `K_SE_MIN_GROUP_RUNS` runs or k was not fitted.
   */
  kSe?: number;
  /**
   * k's dependence on the few backtest years: for each vantage year, k fitted on the same points without that year's
   * replays (ascending by vantage); absent with fewer than 3 vantage years. Its range is a sensitivity of k to one
   * year of history, not a confidence interval.
   */
  kWithoutVantage?: { vantage: number; k: number }[];
  /** The number of scored points `k` was fitted on (0: too few, k = 1). */
  kPoints: number;
  /** The range k was searched in (`SPREAD_RANGE`). */
  range: [number, number];
  /**
   * The horizons h (years ahead, ascending, distinct) of the scored points `k` was fitted on; empty when too few
   * points to fit (k = 1). A forecast further ahead than the largest uses k beyond what was measured.
   */
  horizons: number[];
  byMode: {
    mode: BacktestMode;
    n: number;
    driver: number;
    timeSeries: number;
    naive: number;
    /** The calibrated driver, leave-one-out. */
    calibrated: number;
    /** Pool of driver and time series with inverse-CRPS weights and a common spread factor, leave-one-out. */
    pool: number;
    /** Equal-weight pool of driver and time series (no fitting). */
    equalPool: number;
  }[];
}

/** Options of `backtestScenario`. */
export interface BacktestScenarioOptions {
  /** Vantage years (default: every year the data allows). */
  vantages?: number[];
  /** Years ahead (default 1 and 2). */
  horizons?: number[];
  modes?: BacktestMode[];
  /** Monte Carlo runs per replay (default 20 000). */
  runs?: number;
  seed?: number;
  /** Time-series forecast method of the baseline (default `auto`). */
  method?: MethodName;
  /** The measures that were actually decided (default: the bundled measures whose id is a dated measure event). */
  decisions?: MeasureDef[];
}

const PROBS = [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975];

function quantilesOf(q: (p: number) => number): BacktestQuantiles {
  const [p2_5, p10, p25, p50, p75, p90, p97_5] = PROBS.map(q);
  return { p2_5, p10, p25, p50, p75, p90, p97_5 };
}

function score(sorted: Float64Array, y: number, pM: number, outcome: boolean): ScoredForecast {
  const q = quantilesOf((p) => quantileSortedUnchecked(sorted, p));
  return {
    quantiles: q,
    pit: pitSorted(sorted, y),
    crps: crpsSorted(sorted, y),
    inside: { '50': y >= q.p25 && y <= q.p75, '80': y >= q.p10 && y <= q.p90, '95': y >= q.p2_5 && y <= q.p97_5 },
    pMerforbrug: pM,
    brier: brier(pM, outcome),
  };
}

/**
 * Simulated forbrug and bevilling of a compiled model in the year indexes `ts` (every run kept).
 *
 * @example
 * const s = sampleYears(model, 20000, [0, 1]); s.forbrug[1] // forbrug of every run in the second year
 */
export function sampleYears(
  m: CompiledModel,
  runs: number,
  ts: number[],
): { forbrug: Float64Array[]; bevilling: Float64Array[] } {
  // the paths up to the last year asked for (the same blocks and streams as every run of the model)
  const p = pathSample(m, runs, Math.max(...ts));
  return { forbrug: ts.map((t) => p.forbrug[t]), bevilling: ts.map((t) => p.bevilling[t]) };
}

function pAbove(f: Float64Array, b: Float64Array): number {
  let k = 0;
  for (let i = 0; i < f.length; i++) if (f[i] > b[i]) k++;
  return k / f.length;
}

/** Where a dataset has a finite value of a series in a year. */
function valueAt(ds: SeriesSource, id: string, y: number): number {
  return ds.has(id) ? (ds.get(id).points.find((p) => p.year === y)?.value ?? NaN) : NaN;
}

/**
 * The decided measures in the bundled models (those whose id is a dated `measure` event), sorted by start.
 *
 * @example
 * decidedMeasures(loadBundled()).map((m) => m.id) // ['measures-2018', 'initiatives-2021-05', 'tightening-2021-09']
 */
export function decidedMeasures(ds: SeriesSource): MeasureDef[] {
  const ids = new Set((ds.events ?? []).filter((e) => e.kind === 'measure').map((e) => e.id));
  return loadMeasures(undefined, { dataset: ds, resolveEffects: false }).filter((m) => ids.has(m.id));
}

const STAGE_OUTCOME: Record<string, (area: string) => string> = {
  henvendelser: (a) => `viso.raadgivning.henvendelser.${a}`,
  visitation: (a) => `visitation.${a}`,
  forloeb: (a) => `viso.raadgivning.forloeb.${a}`,
  unit_cost: () => 'unit_cost',
};

/**
 * The effect of a measure decided after `vantage`, from evidence available at the vantage year: the
 * evaluation (on the data up to the vantage year) of the latest earlier decided measure, at this
 * measure's stage when that was evaluated, else its first outcome; the measure file's prior when no
 * earlier measure has post-period data yet.
 */
function effectAtVantage(
  m: MeasureDef,
  vantage: number,
  decided: MeasureDef[],
  ds: SeriesSource,
  cache: Map<string, ReturnType<typeof evaluateMeasure> | null>,
): { def: MeasureDef; info: ReplayMeasure } {
  const earlier = decided
    .filter((d) => startYear(d) < vantage && d.id !== m.id)
    .sort((a, b) => (a.start < b.start ? 1 : -1));
  const area = m.areas.length === 1 ? m.areas[0] : 'i_alt';
  for (const d of earlier) {
    const key = `${d.id}@${vantage}`;
    if (!cache.has(key)) {
      let ev: ReturnType<typeof evaluateMeasure> | null;
      try {
        ev = evaluateMeasure(d, ds, { runs: 2000, seed: 1, until: Math.min(vantage, d.evaluation.until ?? vantage) });
      } catch {
        ev = null; // not evaluable with the data up to the vantage year: the next earlier measure, or the prior
      }
      cache.set(key, ev);
    }
    const ev = cache.get(key);
    if (!ev) continue;
    const wanted = STAGE_OUTCOME[m.actsOn](area);
    const o =
      ev.outcomes.find((x) => x.outcome === wanted && x.relativePercentiles.length) ??
      ev.outcomes.find((x) => x.relativePercentiles.length);
    if (!o) continue;
    const effect = effectFromEvaluation(ev, o.outcome);
    if (checkEffect(effect)) continue;
    const vals = (effect as { values: number[] }).values;
    return {
      def: { ...m, effect },
      info: {
        id: m.id,
        start: m.start,
        actsOn: m.actsOn,
        effect: { kind: 'evidence', from: d.id, outcome: o.outcome, median: vals[Math.floor(vals.length / 2)] },
      },
    };
  }
  return {
    def: m,
    info: {
      id: m.id,
      start: m.start,
      actsOn: m.actsOn,
      effect: { kind: 'prior', file: m.file ? shownFile(m.file) : m.id, median: priorMedian(m) },
    },
  };
}

/** The median of a measure's effect distribution. */
function priorMedian(m: MeasureDef): number {
  return distQuantile(m.effect, 0.5);
}

/**
 * Replay a scenario from every vantage year the data allows and score it (see the module comment).
 *
 * @example
 * const bt = backtestScenario(loadScenario('baseline'), { runs: 20000 });
 * bt.summary.find((s) => s.mode === 'withDecisions' && s.model === 'driver' && s.h === 1)?.scores.coverage['80']
 */
export function backtestScenario(def: ScenarioDef, o: BacktestScenarioOptions = {}): ScenarioBacktest {
  checkDef(def);
  if (o.seed !== undefined) checkSeed(o.seed);
  const full = def.dataset;
  const runs = o.runs ?? 20_000;
  const seed = o.seed ?? def.seed;
  const horizons = o.horizons ?? [1, 2];
  const modes = o.modes ?? [...BACKTEST_MODES];
  const method = o.method ?? 'auto';
  if (!(Number.isInteger(runs) && runs >= 100 && runs <= 1e7))
    throw new UsageError({ code: 'scenario.backtestRuns', params: { got: String(runs) } });
  const forbrugYears = full
    .get('viso.raadgivning.forbrug')
    .points.filter((p) => Number.isFinite(p.value))
    .map((p) => p.year);
  const lastYear = Math.max(...forbrugYears);
  const assumptions = loadCostAssumptions();
  const decided = o.decisions ?? decidedMeasures(full);
  const candidates =
    o.vantages ?? Array.from({ length: lastYear - Math.min(...forbrugYears) }, (_, i) => Math.min(...forbrugYears) + i);
  const points: BacktestPoint[] = [];
  /** The sorted samples behind each point's driver and time-series scores (for the pool; not returned). */
  const samples: Samples[] = [];
  const skipped: ScenarioBacktest['skipped'] = [];
  const replays: ScenarioBacktest['replays'] = [];
  const notes: Msg[] = [];
  const vantages: number[] = [];
  const evCache = new Map<string, ReturnType<typeof evaluateMeasure> | null>();
  const hMax = Math.max(...horizons);
  for (const V of candidates) {
    const targets = horizons.map((h) => V + h).filter((t) => t <= lastYear);
    if (!targets.length) continue;
    const ds = datasetUntil(full, V);
    let est;
    try {
      est = estimateScenarioInputs(full, V, { assumptions });
    } catch (e) {
      if (o.vantages) throw e;
      continue; // the data up to V cannot support the estimates (e.g. fewer than two growth steps)
    }
    const scored = targets.filter(
      (t) =>
        Number.isFinite(valueAt(full, 'viso.raadgivning.forbrug', t)) &&
        Number.isFinite(valueAt(full, 'viso.raadgivning.bevilling', t)),
    );
    for (const t of targets)
      if (!scored.includes(t))
        skipped.push({
          vantage: V,
          target: t,
          reason: `no actual spending or appropriation ${t} in the data (not interpolated)`,
        });
    if (!scored.length) continue;
    vantages.push(V);
    // baselines from the data up to V: the forecasting engine's forecast of forbrug, and naive
    const s = ds.get('viso.raadgivning.forbrug');
    const fTs = forecastSeries(s, { method, horizon: hMax });
    const fNaive = forecastSeries(s, { method: 'naive', horizon: hMax });
    const pathsTs = simulate(fTs, runs, new Rng(seed, 7001));
    const pathsNaive = simulate(fNaive, runs, new Rng(seed, 7002));
    const col = (paths: Float64Array, k: number, len: number) =>
      Float64Array.from({ length: runs }, (_, r) => paths[r * len + k]).sort();
    for (const mode of modes) {
      const known = decided.filter((m) => startYear(m) <= V);
      const later = mode === 'withDecisions' ? decided.filter((m) => startYear(m) > V && startYear(m) <= V + hMax) : [];
      const replayMeasures: ScenarioMeasure[] = [];
      const info: ReplayMeasure[] = [];
      for (const m of known) {
        replayMeasures.push({ id: m.id, def: m, ref: 'id' });
        info.push({ id: m.id, start: m.start, actsOn: m.actsOn, effect: { kind: 'known', median: priorMedian(m) } });
      }
      for (const m of later) {
        const e = effectAtVantage(m, V, decided, ds, evCache);
        replayMeasures.push({ id: m.id, def: e.def, ref: 'id' });
        info.push(e.info);
      }
      // the scenario's own measures that act within the replay years (a bundled scenario's future measures do not)
      for (const sm of def.measures)
        if (!replayMeasures.some((x) => x.id === sm.id) && startYear(sm.def) <= V + hMax && startYear(sm.def) > V)
          replayMeasures.push(sm);
      const replay: ScenarioDef = {
        ...def,
        baseYear: V,
        horizon: V + hMax,
        actual: {},
        bevilling: { ...def.bevilling, amounts: {}, fromData: {} },
        knownForbrug: {},
        measures: replayMeasures,
        correlations: def.correlations.filter((c) =>
          c.between.every(
            (n) =>
              (!n.startsWith('measure:') && !n.startsWith('share:')) ||
              replayMeasures.some((m) => n.endsWith(`:${m.id}`)),
          ),
        ),
        dataset: ds,
      };
      const { model, resolved } = prepareWithInputs(replay, { estimates: est, seed });
      replays.push({ mode, vantage: V, inputs: resolved.inputs });
      const ts = scored.map((t) => t - V - 1);
      const sim = sampleYears(model, runs, ts);
      scored.forEach((t, k) => {
        const h = t - V;
        const actual = valueAt(full, 'viso.raadgivning.forbrug', t);
        const actualBevilling = valueAt(full, 'viso.raadgivning.bevilling', t);
        const outcome = actual > actualBevilling;
        const bev = sim.bevilling[k];
        const raw = sim.forbrug[k];
        const pD = pAbove(raw, bev);
        const drv = Float64Array.from(raw).sort();
        const tsRaw = Float64Array.from({ length: runs }, (_, r) => pathsTs[r * hMax + h - 1]);
        const nvRaw = Float64Array.from({ length: runs }, (_, r) => pathsNaive[r * hMax + h - 1]);
        const pT = pAbove(tsRaw, bev);
        const pN = pAbove(nvRaw, bev);
        const tsSorted = col(pathsTs, h - 1, hMax);
        samples.push({ drv, raw, bev, ts: tsSorted });
        points.push({
          mode,
          vantage: V,
          target: t,
          h,
          actual,
          actualBevilling,
          merforbrug: outcome,
          driver: score(drv, actual, pD, outcome),
          timeSeries: score(tsSorted, actual, pT, outcome),
          naive: score(col(pathsNaive, h - 1, hMax), actual, pN, outcome),
          measures: info,
        });
      });
    }
  }
  if (!points.length) throw new UsageError({ code: 'scenario.backtestNothing' });
  const calibration = calibrate(points, samples, modes);
  const summary: ScenarioBacktest['summary'] = [];
  const models: BacktestModel[] = ['driver', 'timeSeries', 'naive', 'calibrated'];
  for (const mode of modes) {
    for (const model of models) {
      for (const h of [...horizons, 'all' as const]) {
        const ps = points.filter(
          (p) => p.mode === mode && (h === 'all' || p.h === h) && (model !== 'calibrated' || p.calibrated),
        );
        const sc = ps.map((p) => (model === 'calibrated' ? p.calibrated! : p[model]));
        if (sc.length) summary.push({ mode, model, h, scores: summarise(sc) });
      }
    }
  }
  notes.push({ code: 'scenario.backtest.noteInputs' }, { code: 'scenario.backtest.noteForbrug' });
  return {
    scenario: def.id,
    modes,
    vantages,
    horizons,
    runs,
    seed,
    points,
    skipped,
    summary,
    calibration,
    replays,
    notes,
  };
}

function summarise(sc: ScoredForecast[]): ScoreSummary {
  const n = sc.length;
  const m = (f: (s: ScoredForecast) => number) => sc.reduce((a, s) => a + f(s), 0) / n;
  const hits80 = sc.filter((s) => s.inside['80']).length;
  return {
    n,
    coverage: { '50': m((s) => (s.inside['50'] ? 1 : 0)), '80': hits80 / n, '95': m((s) => (s.inside['95'] ? 1 : 0)) },
    hits80,
    coverage80Interval: binomialInterval(hits80, n),
    crps: m((s) => s.crps),
    brier: m((s) => s.brier),
    meanPit: m((s) => s.pit),
  };
}

/** The range searched for the spread factor k (the mean CRPS is convex in k: one minimum). */
export const SPREAD_RANGE: readonly [number, number] = [0.5, 4];

/**
 * The argument in [lo, hi] minimising a convex function, by golden-section search to within 1e-6, rounded to
 * 3 decimals (a minimum in the open range is found to that precision; at an end of the range, the end).
 *
 * @example
 * argminConvex((k) => (k - 1.234) ** 2, 0.5, 4) // 1.234
 */
export function argminConvex(f: (x: number) => number, lo: number, hi: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-6) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = f(d);
    }
  }
  return Math.round(((a + b) / 2) * 1000) / 1000;
}

type Samples = { drv: Float64Array; raw: Float64Array; bev: Float64Array; ts: Float64Array };

/**
 * A sample widened around its median by k (ascending input stays ascending for k > 0).
 *
 * @example
 * Array.from(widen(Float64Array.from([1, 2, 3]), 2)) // [0, 2, 4]
 */
export function widen(sorted: Float64Array, k: number, median = sorted[sorted.length >> 1]): Float64Array {
  return sorted.map((x) => median + k * (x - median));
}

/** Prefix sums of an ascending sample (prefix[i] = x_0 + … + x_{i−1}). */
function prefixSums(x: Float64Array): Float64Array {
  const p = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) p[i + 1] = p[i] + x[i];
  return p;
}

/**
 * mean |c + k (x − c) − y| over an ascending sample with its prefix sums, in O(log n): the widened values
 * stay ascending, so those above y are the x above c + (y − c)/k.
 */
function meanAbsWidened(x: Float64Array, prefix: Float64Array, c: number, k: number, y: number): number {
  const n = x.length;
  const xs = c + (y - c) / k;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= xs) lo = mid + 1;
    else hi = mid;
  }
  // Σ (c + k(x − c)) over a range of m values with Σx = s: m·c(1 − k) + k·s
  const below = lo * (c * (1 - k) - y) + k * prefix[lo];
  const above = (n - lo) * (c * (1 - k) - y) + k * (prefix[n] - prefix[lo]);
  return (above - below) / n;
}

/** CRPS of an ascending sample (with its prefix sums and half mean absolute difference) widened by k around its median. */
function widenedCrps(x: Float64Array, prefix: Float64Array, hd: number, y: number, k: number): number {
  // widening around a centre c scales every pairwise distance by k: CRPS = E|c + k(X − c) − y| − k · ½E|X − X'|
  return meanAbsWidened(x, prefix, x[x.length >> 1], k, y) - k * hd;
}

/** Interleaved run groups of `spreadKStandardError`. */
export const K_SE_GROUPS = 20;
/** Fewest runs per group for `spreadKStandardError` to give a standard error. */
export const K_SE_MIN_GROUP_RUNS = 50;

/**
 * Monte Carlo standard error of the spread factor k fitted on forecast samples (each in run order, the same runs in
 * every sample) against their actuals, by batch means: run r goes to group r mod `K_SE_GROUPS`, k is fitted on each
 * group alone (the CRPS minimum in `SPREAD_RANGE`, as the calibration), and se = sd(k_g)/√G (k from all runs varies
 * about as the mean of the G group fits). Undefined when a group would have fewer than `K_SE_MIN_GROUP_RUNS` runs.
 *
 * @example
 * spreadKStandardError([forbrugRuns2022, forbrugRuns2023], [112.3, 128.4]) // e.g. 0.009
 */
export function spreadKStandardError(samples: ArrayLike<number>[], actuals: number[]): number | undefined {
  const G = K_SE_GROUPS;
  const n = Math.min(...samples.map((s) => s.length));
  if (!samples.length || Math.floor(n / G) < K_SE_MIN_GROUP_RUNS) return undefined;
  const [kLo, kHi] = SPREAD_RANGE;
  const ks: number[] = [];
  for (let g = 0; g < G; g++) {
    const groups = samples.map((s) => {
      const x = new Float64Array(Math.ceil((s.length - g) / G));
      for (let r = g, j = 0; r < s.length; r += G, j++) x[j] = s[r];
      x.sort();
      return { x, prefix: prefixSums(x), hd: halfSpread(x) };
    });
    const meanCrps = (k: number) =>
      groups.reduce((a, q, i) => a + widenedCrps(q.x, q.prefix, q.hd, actuals[i], k), 0) / groups.length;
    ks.push(argminConvex(meanCrps, kLo, kHi));
  }
  const m = ks.reduce((a, b) => a + b, 0) / G;
  return Math.sqrt(ks.reduce((a, b) => a + (b - m) ** 2, 0) / (G - 1) / G);
}

/** The calibration (see `Calibration`): each point's calibrated score uses k fitted on the other points of its mode. */
function calibrate(points: BacktestPoint[], samples: Samples[], modes: BacktestMode[]): Calibration {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [kLo, kHi] = SPREAD_RANGE;
  const spread = samples.map((S) => ({
    hd: halfSpread(S.drv),
    ht: halfSpread(S.ts),
    cross: meanAbsDiff(S.drv, S.ts),
    pd: prefixSums(S.drv),
    pt: prefixSums(S.ts),
  }));
  const crpsK = (i: number, k: number) => widenedCrps(samples[i].drv, spread[i].pd, spread[i].hd, points[i].actual, k);
  // the k minimising the mean CRPS of the points idx (convex in k: E|c + k(X − c) − y| is, the rest is linear)
  const bestK = (idx: number[]) => argminConvex((k) => mean(idx.map((i) => crpsK(i, k))), kLo, kHi);
  const byMode: Calibration['byMode'] = [];
  let kAll = 1;
  let kSe: number | undefined;
  let kWithoutVantage: Calibration['kWithoutVantage'];
  let kPoints = 0;
  let kHorizons: number[] = [];
  for (const mode of modes) {
    const idx = points.map((_, i) => i).filter((i) => points[i].mode === mode);
    if (idx.length < 2) continue;
    if (mode === 'withDecisions' || !modes.includes('withDecisions')) {
      kAll = bestK(idx);
      kSe = spreadKStandardError(
        idx.map((i) => samples[i].raw),
        idx.map((i) => points[i].actual),
      );
      kHorizons = [...new Set(idx.map((i) => points[i].h))].sort((a, b) => a - b);
      kPoints = idx.length;
      const vantages = [...new Set(idx.map((i) => points[i].vantage))].sort((a, b) => a - b);
      kWithoutVantage =
        vantages.length >= 3
          ? vantages.map((v) => ({ vantage: v, k: bestK(idx.filter((i) => points[i].vantage !== v)) }))
          : undefined;
    }
    const cal: number[] = [];
    const pool: number[] = [];
    const eq: number[] = [];
    for (const i of idx) {
      const others = idx.filter((j) => j !== i);
      const k = bestK(others);
      const p = points[i];
      const S = samples[i];
      const m = S.drv[S.drv.length >> 1];
      const w = widen(S.drv, k, m);
      let above = 0;
      for (let r = 0; r < S.raw.length; r++) if (m + k * (S.raw[r] - m) > S.bev[r]) above++;
      const pM = above / S.raw.length;
      p.calibrated = { ...score(w, p.actual, pM, p.merforbrug), k };
      cal.push(p.calibrated.crps);
      // the pool: inverse-CRPS weights and a common spread factor around the pooled median, both from the other points
      const cd = mean(others.map((j) => points[j].driver.crps));
      const ct = mean(others.map((j) => points[j].timeSeries.crps));
      const wd = 1 / cd / (1 / cd + 1 / ct);
      const pooled = (j: number, kk: number) => {
        const T = samples[j];
        const sp = spread[j];
        const c = wd * T.drv[T.drv.length >> 1] + (1 - wd) * T.ts[T.ts.length >> 1];
        const y = points[j].actual;
        const exy = wd * meanAbsWidened(T.drv, sp.pd, c, kk, y) + (1 - wd) * meanAbsWidened(T.ts, sp.pt, c, kk, y);
        const exx = kk * (wd * wd * 2 * sp.hd + (1 - wd) * (1 - wd) * 2 * sp.ht + 2 * wd * (1 - wd) * sp.cross);
        return exy - 0.5 * exx;
      };
      pool.push(
        pooled(
          i,
          argminConvex((kk) => mean(others.map((j) => pooled(j, kk))), kLo, kHi),
        ),
      );
      const sp = spread[i];
      eq.push(
        0.5 * meanAbsWidened(S.drv, sp.pd, 0, 1, p.actual) +
          0.5 * meanAbsWidened(S.ts, sp.pt, 0, 1, p.actual) -
          0.5 * (0.5 * sp.hd + 0.5 * sp.ht + 0.5 * sp.cross),
      );
    }
    byMode.push({
      mode,
      n: idx.length,
      driver: mean(idx.map((i) => points[i].driver.crps)),
      timeSeries: mean(idx.map((i) => points[i].timeSeries.crps)),
      naive: mean(idx.map((i) => points[i].naive.crps)),
      calibrated: mean(cal),
      pool: mean(pool),
      equalPool: mean(eq),
    });
  }
  return {
    rule: { code: 'scenario.backtest.calibrationRule' },
    k: kAll,
    ...(kSe !== undefined ? { kSe } : {}),
    ...(kWithoutVantage ? { kWithoutVantage } : {}),
    kPoints,
    range: [kLo, kHi],
    horizons: kHorizons,
    byMode,
  };
}

/**
 * Collect the report model from the engines: bundled data, forecasts and backtests,
 * unit cost, measures and their evaluations, scenarios, the tightening grid for the
 * what-if control and goal seek, and sensitivity. Every engine is imported lazily.
 * A part that fails is recorded in `unavailable` with its reason (shown in the report),
 * except user errors (bad scenario files), which are thrown.
 */
import { readFileSync } from 'node:fs';
import { bundledPath, displayPath } from '../io/paths.js';
import { isUserError } from '../errors.js';
import { formatNumber, type Lang } from '../format/number.js';
import type { Dataset } from '../data/dataset.js';
import type { ScenarioDef, ScenarioResult } from '../scenario/types.js';
import { DEFAULT_RUNS } from '../defaults.js';
import type { GridPoint } from './charts/types.js';
import { activityRows, budgetRows, unitCostRows } from './fromData.js';
import { t } from './i18n.js';
import type { AccuracyRow, ReportForecast, ReportMeasure, ReportModel, ReportScenario, Sensitivity, Unavailable, WhatIf } from './model.js';

/** Options of {@link collectReport}. */
export interface CollectOptions {
  /** Scenario files or bundled ids (default: every scenario in models/scenarios/). */
  scenarios?: string[];
  lang?: Lang;
  /** Monte Carlo runs per scenario (default: each scenario file's `runs`, else DEFAULT_RUNS, 100.000). */
  runs?: number;
  /** Seed (default: each scenario's own seed). The same seed gives the same report. */
  seed?: number;
  /** Runs per point of the tightening grid (default: runs / 20, at least 5 000). */
  gridRuns?: number;
  /** Tightening shares of the what-if grid (default 0, 1, ..., 20 %). */
  grid?: readonly number[];
  /** Goal-seek target for P(merforbrug) in the focus year (default 0.1). */
  target?: number;
  /** Year of the headline numbers (default: base year + 2 of the primary scenario). */
  year?: number;
  /** Time each stage (ms) into this record (for manifest.json). */
  timings?: Record<string, number>;
  /** Monthly (or quarterly) actuals of the running year: adds the in-year follow-up section. */
  actuals?: string;
  /** Parts to compute beyond the history (default: all). `viso chart` asks only for what one chart needs. */
  parts?: ReportPart[];
  /** The data (default: the bundled data); scenarios estimate their inputs from it. */
  dataset?: Dataset;
}

/** Optional parts of the report model. */
export type ReportPart = 'forecasts' | 'scenarios' | 'whatif' | 'sensitivity' | 'measures' | 'backtest';

/** All optional parts. */
export const REPORT_PARTS: readonly ReportPart[] = ['forecasts', 'scenarios', 'whatif', 'sensitivity', 'measures', 'backtest'];

/** Most runs per replay of the report's scenario backtest (`viso scenario backtest --runs` for more). */
export const BACKTEST_MAX_RUNS = 20_000;

/**
 * Monte Carlo runs per scenario in the report when neither `--runs` nor the scenario file says:
 * the scenario engine's default. A scenario file's `runs` is used as in `viso scenario run`, so the
 * report and the command line show the same figures.
 */
export const DEFAULT_REPORT_RUNS = DEFAULT_RUNS;

/** Most runs the report's goal seek uses (its answer states the runs; `viso scenario goal-seek --runs` for more). */
export const GOAL_SEEK_MAX_RUNS = 200_000;

/** Default tightening grid: 0 %, 1 %, ..., 20 %. */
export const DEFAULT_GRID = Array.from({ length: 21 }, (_, i) => i / 100);

/**
 * The package version (from package.json).
 *
 * @example
 * packageVersionOfSelf() // '0.1.0'
 */
export function packageVersionOfSelf(): string {
  const p = JSON.parse(readFileSync(bundledPath('package.json'), 'utf8')) as { version: string };
  return p.version;
}

/** Assumptions with their `files` as shown in the report. */
function withShownFiles(a: Record<string, unknown>, shown: Map<string, string>): Record<string, unknown> {
  return Array.isArray(a.files) ? { ...a, files: a.files.map((f) => shown.get(String(f)) ?? f) } : a;
}

/** The real path of a file of a loaded scenario (its name as shown in messages, or a bundled id). */
function scenarioFilePath(resolveRef: (ref: string) => string, shown: string): string {
  try {
    return resolveRef(shown);
  } catch {
    return shown;
  }
}

function timed<T>(timings: Record<string, number> | undefined, name: string, f: () => T): T {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    if (timings) timings[name] = Math.round((performance.now() - t0) * 10) / 10;
  }
}

async function timedAsync<T>(timings: Record<string, number> | undefined, name: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    if (timings) timings[name] = Math.round((performance.now() - t0) * 10) / 10;
  }
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/**
 * Interpolate the tightening share at which P(merforbrug) first falls to `target` on a
 * grid sorted by tightening (linear between the bracketing grid points); `undefined` if
 * the grid never reaches the target. At 0 % already below target → 0.
 *
 * @example
 * solveOnGrid([{ tightening: 0, pMerforbrug: 0.4, expectedForbrug: 0, expectedMerforbrug: 0 },
 *              { tightening: 0.1, pMerforbrug: 0.1, expectedForbrug: 0, expectedMerforbrug: 0 }], 0.2) // ≈ 0.0667
 */
export function solveOnGrid(grid: GridPoint[], target: number): number | undefined {
  if (grid.length === 0) return undefined;
  if (grid[0].pMerforbrug <= target) return grid[0].tightening;
  for (let i = 1; i < grid.length; i++) {
    const a = grid[i - 1];
    const b = grid[i];
    if (b.pMerforbrug <= target) {
      const w = (a.pMerforbrug - target) / (a.pMerforbrug - b.pMerforbrug);
      return Math.round((a.tightening + w * (b.tightening - a.tightening)) * 10_000) / 10_000;
    }
  }
  return undefined;
}

/** Which series/assumptions cite each source doc. */
function sourceUse(ds: Dataset, scenarios: ReportScenario[], measures: ReportMeasure[]): Record<string, string[]> {
  const use: Record<string, Set<string>> = {};
  const add = (ref: string, what: string) => {
    const doc = ref.split('#')[0];
    (use[doc] ??= new Set()).add(what);
  };
  for (const s of ds.list()) for (const p of s.points) for (const src of p.sources) add(src, s.id);
  for (const e of ds.events) add(e.source, `event:${e.id}`);
  for (const m of measures) if (m.source) add(m.source, `measure:${m.id}`);
  for (const s of scenarios) for (const src of s.result.sources) if (!src.includes('/')) add(src, `scenario:${s.result.id}`);
  const out: Record<string, string[]> = {};
  for (const k of Object.keys(use).sort()) out[k] = [...use[k]].sort(summariseIds).filter((x, i, a) => a.indexOf(x) === i);
  for (const k of Object.keys(out)) out[k] = compressIds(out[k]);
  return out;
}

function summariseIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shorten `viso.raadgivning.forloeb.voksne, ...forloeb.boern_unge` to `viso.raadgivning.forloeb.*`. */
function compressIds(ids: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const m = /^(viso\.[a-z_]+\.[a-z_]+)\.[a-z_]+$/.exec(id);
    const key = m ? m[1] : id;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups.entries()].map(([k, v]) => (v.length > 1 ? `${k}.*` : v[0]));
}

async function collectForecasts(ds: Dataset, lang: Lang, timings: Record<string, number> | undefined): Promise<{ forecasts: ReportForecast[]; accuracy: AccuracyRow[] }> {
  const fc = await import('../forecast/index.js');
  const { seriesPoints } = await import('./fromData.js');
  const { localizeForecastText: loc } = await import('../forecast/describe.js');
  const forecasts: ReportForecast[] = [];
  const accuracy: AccuracyRow[] = [];
  const targets = [{ id: 'forbrug', seriesId: 'viso.raadgivning.forbrug', label: t(lang, 'series.forbrug'), unit: 'mio. kr.' as const }];
  for (const tg of targets) {
    const s = ds.get(tg.seriesId);
    const f = timed(timings, `forecast:${tg.id}`, () => fc.forecastSeries(s, { horizon: 4, levels: [50, 80, 95] }));
    forecasts.push({
      id: tg.id,
      seriesId: tg.seriesId,
      fan: { label: tg.label, unit: tg.unit, method: loc(f.model.description, lang), actual: seriesPoints(s), years: f.years, point: f.point, intervals: f.intervals },
      ...(f.note ? { note: loc(f.note, lang) } : {}),
    });
    const w = fc.fitWindow(s);
    const seen = new Set(s.points.filter((p) => Number.isFinite(p.value)).map((p) => p.year));
    const observed = w.years.map((y) => seen.has(y)); // the interpolated 2021 is never a truth or an origin
    for (const method of ['auto', 'naive'] as const) {
      const bt = timed(timings, `backtest:${tg.id}:${method}`, () => fc.backtest(w.values, { method, horizon: 3, levels: [80], observed }));
      const d = bt.details;
      const mape = d.length ? d.reduce((acc, x) => acc + Math.abs(x.actual - x.point) / Math.abs(x.actual), 0) / d.length : NaN;
      accuracy.push({ series: tg.seriesId, method: method === 'auto' ? `auto (${loc(f.model.description, lang)})` : method, horizon: 3, mape, coverage80: bt.overall.coverage['80'] ?? NaN, n: d.length });
    }
  }
  return { forecasts, accuracy };
}

async function collectMeasures(ds: Dataset, lang: Lang, seed: number): Promise<ReportMeasure[]> {
  const { loadMeasures } = await import('../measures/load.js');
  const { evaluateMeasure } = await import('../measures/evaluate.js');
  const { distMean, distQuantile } = await import('../stats/distributions.js');
  const { measureChartInput } = await import('./chartInputs.js');
  const out: ReportMeasure[] = [];
  for (const def of loadMeasures()) {
    const m: ReportMeasure = {
      id: def.id,
      name: lang === 'en' ? def.nameEn ?? def.name : def.name,
      start: def.start,
      actsOn: def.actsOn,
      assumed: { mean: distMean(def.effect), lower: distQuantile(def.effect, 0.1), upper: distQuantile(def.effect, 0.9) },
      ...(def.source ? { source: def.source } : {}),
    };
    if (def.effectFrom === undefined) {
      const ev = evaluateMeasure(def, ds, { runs: 2000, seed });
      const o = ev.outcomes.find((x) => x.years.length > 0);
      if (o) {
        const ys = o.years;
        const mean = (f: (y: (typeof ys)[number]) => number) => ys.reduce((a, y) => a + f(y), 0) / ys.length;
        m.estimated = {
          outcome: o.label[lang],
          point: mean((y) => y.relative),
          lower: mean((y) => y.relativeLower95),
          upper: mean((y) => y.relativeUpper95),
          verdict: o.verdictText[lang],
        };
        m.chart = measureChartInput(m.name, def.start, o, lang);
      }
    }
    out.push(m);
  }
  return out;
}

/**
 * Compute everything the report shows.
 *
 * @example
 * const model = await collectReport({ runs: 20_000, seed: 1 });
 * model.scenarios.map((s) => s.result.id) // ['baseline', 'high-demand', 'tightening-2021']
 */
export async function collectReport(opts: CollectOptions = {}): Promise<ReportModel> {
  const lang = opts.lang ?? 'da';
  const timings = opts.timings;
  const unavailable: Unavailable[] = [];
  const want = (p: ReportPart) => !opts.parts || opts.parts.includes(p);
  const { loadBundled } = await import('../data/bundled.js');
  const ds = opts.dataset ?? timed(timings, 'data', () => loadBundled());

  // history
  const budget = budgetRows(ds);
  const activity = activityRows(ds);
  let unitCost: ReportModel['history']['unitCost'];
  let costModel: ReportModel['costModel'];
  try {
    const cost = await import('../cost/unitCost.js');
    const { loadCostAssumptions } = await import('../cost/assumptions.js');
    const assumptions = loadCostAssumptions();
    const cur = cost.unitCostTable(ds, { prices: 'current', assumptions, lang });
    const fix = cost.unitCostTable(ds, { prices: 'fixed', assumptions, lang });
    unitCost = { rows: unitCostRows(cur, fix), baseYear: fix.baseYear, plLabel: fix.plLabel };
  } catch (e) {
    if (isUserError(e)) throw e;
    unavailable.push({ section: 'history', reason: `unit cost: ${reason(e)}` });
  }
  try {
    const { loadCostAssumptions } = await import('../cost/assumptions.js');
    const assumptions = loadCostAssumptions();
    const { fitCostModel } = await import('../cost/model.js');
    const cm = timed(timings, 'cost-model', () => fitCostModel(ds, { assumptions, lang }));
    costModel = {
      prices: cm.prices,
      baseYear: cm.baseYear,
      n: cm.diagnostics.n,
      r2: cm.diagnostics.r2,
      adjR2: cm.diagnostics.adjR2,
      sigma: cm.diagnostics.sigma,
      coefficients: cm.diagnostics.coefficients.map((c) => ({ name: c.name, coef: c.coef, se: c.se, lower95: c.lower95, upper95: c.upper95, p: c.p })),
      notes: [...cm.diagnostics.notes],
    };
  } catch (e) {
    if (isUserError(e)) throw e;
    unavailable.push({ section: 'accuracy', reason: `cost model: ${reason(e)}` });
  }

  // forecasts and backtests
  let forecasts: ReportForecast[] = [];
  let accuracy: AccuracyRow[] = [];
  try {
    if (want('forecasts')) ({ forecasts, accuracy } = await collectForecasts(ds, lang, timings));
  } catch (e) {
    if (isUserError(e)) throw e;
    unavailable.push({ section: 'forecasts', reason: reason(e) });
  }

  // scenarios
  const sc = await import('../scenario/load.js');
  const { runScenario } = await import('../scenario/scenario.js');
  const { tighteningGrid, tighteningGoalSeek } = await import('./chartInputs.js');
  const { scenarioName, localizeAssumptions } = await import('../scenario/format.js');
  const needScenarios = want('scenarios') || want('whatif') || want('sensitivity');
  const refs = !needScenarios ? [] : opts.scenarios && opts.scenarios.length ? opts.scenarios : sc.listBundledScenarios();
  const defs: { file: string; def: ScenarioDef }[] = refs.map((r) => ({ file: r, def: sc.loadScenario(r, { dataset: ds }) }));
  const scenarios: ReportScenario[] = [];
  for (const { file, def } of defs) {
    const run = timed(timings, `scenario:${def.id}`, () => runScenario(def, { ...(opts.runs !== undefined ? { runs: opts.runs } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }));
    // files as real paths (the manifest hashes them) and, in the report, shown relative to the package or
    // by name only: the same inputs give the same bytes from any working directory
    const paths = def.files.map((f) => scenarioFilePath(sc.resolveScenarioPath, f));
    const shown = new Map(def.files.map((f, i) => [f, displayPath(paths[i])]));
    const result: ScenarioResult = { ...run, name: scenarioName(run, lang), assumptions: withShownFiles(localizeAssumptions(run.assumptions, lang), shown), sources: run.sources.map((x) => shown.get(x) ?? x) }; // the report's language throughout
    scenarios.push({ file: shown.get(file) ?? displayPath(file), files: paths, result });
  }
  const primary = defs.find((d) => d.def.id === 'baseline') ?? defs[0];
  const primaryResult = scenarios.find((s) => s.result.id === primary?.def.id)?.result;
  // the runs of the primary scenario (its file's, unless --runs): the grid, backtest and sensitivity scale with them
  const runs = opts.runs ?? primary?.def.runs ?? DEFAULT_REPORT_RUNS;
  const years = primaryResult?.years.map((y) => y.year) ?? [];
  if (opts.year !== undefined && primaryResult && !years.includes(opts.year)) {
    const { UsageError } = await import('../errors.js');
    throw new UsageError({ code: 'report.yearOutside', params: { year: opts.year, from: years[0], to: years[years.length - 1], id: primaryResult.id } });
  }
  const focusYear = opts.year ?? (primaryResult ? (years.includes(primaryResult.baseYear + 2) ? primaryResult.baseYear + 2 : years[years.length - 1]) : (budget[budget.length - 1]?.year ?? 0));

  // backtest of the primary scenario, the one forecast calibrated by it, and the headline's parameter spread
  let trackRecord: ReportModel['trackRecord'];
  let oneForecast: ReportModel['oneForecast'];
  let parameterSpread: ReportModel['parameterSpread'];
  if (primary && want('backtest')) {
    try {
      const { backtestScenario } = await import('../scenario/backtest.js');
      const { oneForecast: one, parameterSpread: spread } = await import('../scenario/headline.js');
      const btRuns = Math.max(2_000, Math.min(BACKTEST_MAX_RUNS, Math.round(runs / 5)));
      const bt = timed(timings, 'scenario-backtest', () => backtestScenario(primary.def, { runs: btRuns, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }));
      const { replays: _r, notes, ...rest } = bt;
      trackRecord = { ...rest, notes: notes.map((x) => x[lang]) };
      oneForecast = timed(timings, 'one-forecast', () => one(primary.def, { k: bt.calibration.k, years: 4, runs: Math.min(runs, 100_000), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }));
      parameterSpread = timed(timings, 'parameter-spread', () => spread(primary.def, { year: focusYear, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }));
      useOneForecast(forecasts, oneForecast, lang);
    } catch (e) {
      if (isUserError(e)) throw e;
      unavailable.push({ section: 'trackrecord', reason: reason(e) });
    }
  }

  // what-if grid and goal seek, on the lever the evaluation of the 2021 measures supports
  let whatIf: WhatIf | undefined;
  if (primary && want('whatif')) {
    const gridRuns = opts.gridRuns ?? Math.max(5_000, Math.round(runs / 20));
    const target = opts.target ?? 0.1;
    const ev = evidenceLever(ds, lang);
    const grid: GridPoint[] = timed(timings, 'whatif-grid', () =>
      tighteningGrid(primary.def, { tightenings: opts.grid ?? DEFAULT_GRID, year: focusYear, runs: gridRuns, lever: ev.lever, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }),
    );
    // the headline answer: goal seek on the full runs (the grid only draws the curve and the slider)
    // (at most GOAL_SEEK_MAX_RUNS: each of its ~50 evaluations is a run; the text states the runs used)
    const seek = timed(timings, 'goal-seek', () =>
      tighteningGoalSeek(primary.def, { year: focusYear, target, runs: Math.min(runs, GOAL_SEEK_MAX_RUNS), tolerance: 1e-4, lever: ev.lever, ...gridBracket(grid, target), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) })); // shown to 0,1 %
    const bev = primaryResult?.years.find((v) => v.year === focusYear)?.bevilling.mean;
    whatIf = {
      scenario: scenarioName(primary.def, lang), year: focusYear, runs: gridRuns, grid, target, lever: ev.lever, ...(ev.reason ? { leverReason: ev.reason } : {}),
      ...(bev !== undefined ? { bevilling: bev } : {}),
      ...(seek ? { solution: seek.tightening, goalSeek: { lower: seek.lower, upper: seek.upper, p: seek.p, p0: seek.p0, runs: seek.runs } } : {}),
    };
  }

  // the live what-if: the primary scenario's compiled model as its report run used it (same seed)
  let live: ReportModel['live'];
  if (primary && primaryResult && want('whatif')) {
    const { prepareScenario } = await import('../scenario/scenario.js');
    const { livePayload } = await import('./live/payload.js');
    const model = timed(timings, 'live', () => prepareScenario(primary.def, opts.seed !== undefined ? { seed: opts.seed } : {}));
    const file = scenarios.find((s) => s.result.id === primary.def.id)!.files[0];
    const history = budget.filter((b) => b.year >= primaryResult.baseYear - 4).map((b) => ({ year: b.year, forbrug: b.forbrug, bevilling: b.bevilling }));
    live = livePayload(primary.def, model, { file, result: primaryResult, focusYear, history, name: scenarioName(primary.def, lang), ...(trackRecord ? { k: trackRecord.calibration.k } : {}) });
  }

  // sensitivity
  let sensitivity: Sensitivity | undefined;
  if (primary && want('sensitivity')) {
    try {
      sensitivity = await timedAsync(timings, 'sensitivity', () => collectSensitivity(primary.def, focusYear, Math.max(5_000, Math.round(runs / 10)), opts.seed, lang));
    } catch (e) {
      if (isUserError(e)) throw e;
      unavailable.push({ section: 'sensitivity', reason: reason(e) });
    }
  }

  // measures
  let measures: ReportMeasure[] = [];
  try {
    if (want('measures')) measures = await timedAsync(timings, 'measures', () => collectMeasures(ds, lang, opts.seed ?? 1));
  } catch (e) {
    if (isUserError(e)) throw e;
    unavailable.push({ section: 'measures', reason: reason(e) });
  }

  // in-year follow-up (monthly actuals), with the primary scenario's run as its prior
  let followUp: ReportModel['followUp'];
  if (opts.actuals) {
    const { collectFollowUp } = await import('./followupSection.js');
    const run = primary ? scenarios.find((s) => s.result.id === primary.def.id)?.result : undefined;
    followUp = await timedAsync(timings, 'followup', () => collectFollowUp(opts.actuals!, { ...(run ? { priorResult: run } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }));
  }

  return {
    lang,
    version: packageVersionOfSelf(),
    seed: opts.seed ?? primaryResult?.seed ?? 0,
    runs,
    focusYear,
    history: { budget, activity, ...(unitCost ? { unitCost } : {}) },
    events: [...ds.events],
    forecasts,
    accuracy,
    ...(costModel ? { costModel } : {}),
    scenarios,
    measures,
    ...(whatIf ? { whatIf } : {}),
    ...(sensitivity ? { sensitivity } : {}),
    ...(trackRecord ? { trackRecord } : {}),
    ...(oneForecast ? { oneForecast } : {}),
    ...(parameterSpread ? { parameterSpread } : {}),
    sources: [...ds.sources],
    sourceUse: sourceUse(ds, scenarios, measures),
    unavailable,
    ...(followUp ? { followUp } : {}),
    ...(live ? { live } : {}),
  };
}

/** The grid points around the target as the goal seek's starting bracket (only its number of evaluations depends on it). */
function gridBracket(grid: GridPoint[], target: number): { bracket?: [number, number] } {
  const i = grid.findIndex((g) => g.pMerforbrug <= target);
  return i > 0 ? { bracket: [grid[i - 1].tightening, grid[i].tightening] } : {};
}

/**
 * The report's lever: the stage through which the latest decided measures actually worked. If the
 * visitation rate (forløb per henvendelse) did not fall from the last year before the measures to the first
 * comparable year after them, the drop came through fewer henvendelser: the lever is demand; else visitation.
 *
 * @example
 * evidenceLever(loadBundled(), 'da').lever // 'demand' (0,369 in 2020 → 0,416 in 2023)
 */
export function evidenceLever(ds: Dataset, lang: Lang): { lever: 'visitation' | 'demand'; reason?: string } {
  const starts = ds.events.filter((e) => e.kind === 'measure').map((e) => e.year);
  const y = Math.max(...starts);
  const id = (m: string) => `viso.raadgivning.${m}.i_alt`;
  if (!Number.isFinite(y) || !ds.has(id('henvendelser')) || !ds.has(id('forloeb'))) return { lever: 'visitation' };
  const h = new Map(ds.get(id('henvendelser')).points.map((p) => [p.year, p]));
  const rate = ds.get(id('forloeb')).points.filter((p) => h.has(p.year) && !p.flags.includes('registration_break')).map((p) => ({ year: p.year, r: p.value / h.get(p.year)!.value }));
  const before = rate.filter((x) => x.year < y).pop();
  const after = rate.find((x) => x.year > y);
  if (!before || !after) return { lever: 'visitation' };
  const lever = after.r >= before.r ? 'demand' : 'visitation';
  const vars = { lever: t(lang, lever === 'demand' ? 'lever.demand' : 'lever.visitation'), r0: formatNumber(before.r, 3, lang), y0: before.year, r1: formatNumber(after.r, 3, lang), y1: after.year };
  return { lever, reason: t(lang, lever === 'demand' ? 'text.leverReason' : 'text.leverReasonVisitation', vars) };
}

/** Show the one forecast (calibrated driver model) as the forbrug fan, with the time-series forecast as its cross-check. */
function useOneForecast(forecasts: ReportForecast[], f: NonNullable<ReportModel['oneForecast']>, lang: Lang): void {
  const fc = forecasts.find((x) => x.id === 'forbrug');
  if (!fc) return;
  const ys = f.years;
  const ts = fc.fan;
  fc.fan = {
    ...ts,
    method: lang === 'da' ? `kalibreret driver-model, k = ${formatNumber(f.k, 1, lang)}` : `calibrated driver model, k = ${formatNumber(f.k, 1, lang)}`,
    years: ys.map((y) => y.year),
    point: ys.map((y) => y.forecast.p50),
    intervals: [
      { level: 50, lower: ys.map((y) => y.forecast.p25), upper: ys.map((y) => y.forecast.p75) },
      { level: 80, lower: ys.map((y) => y.forecast.p10), upper: ys.map((y) => y.forecast.p90) },
      { level: 95, lower: ys.map((y) => y.forecast.p2_5), upper: ys.map((y) => y.forecast.p97_5) },
    ],
    crossCheck: { label: t(lang, 'series.crossCheck'), years: ys.map((y) => y.year), point: ys.map((y) => y.timeSeries.p50), lower: ys.map((y) => y.timeSeries.p10), upper: ys.map((y) => y.timeSeries.p90) },
  };
  fc.oneForecast = { k: f.k, timeSeriesMethod: ts.method };
}

/**
 * Sensitivity (tornado) of merforbrug in `year` from the scenario engine: each input
 * swung from its 10th to its 90th percentile with the others at their medians.
 */
async function collectSensitivity(def: ScenarioDef, year: number, runs: number, seed: number | undefined, lang: Lang): Promise<Sensitivity> {
  const { sensitivity } = await import('../scenario/sensitivity.js');
  const { scenarioName } = await import('../scenario/format.js');
  const { tornadoRows } = await import('./chartInputs.js');
  const res = sensitivity(def, { year, runs, ...(seed !== undefined ? { seed } : {}) });
  return {
    scenario: scenarioName(def, lang),
    year: res.year,
    base: res.median,
    rows: tornadoRows(res, lang),
  };
}


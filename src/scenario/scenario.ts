/**
 * Public entry points: run a scenario and read its result.
 */
import { InputError, UsageError, shownArg } from '../errors.js';
import { distMean } from '../stats/distributions.js';
import type { MeasureDef } from '../measures/types.js';
import { bevillingLabels, resolveInputs, shownFile, type ResolvedInputs } from './inputs.js';
import type { ScenarioEstimates } from './estimate.js';
import { compileScenario } from './compile.js';
import { checkRuns, checkSeed } from './load.js';
import { NEUTRAL_LEVERS, type CompiledModel, type Levers } from './model.js';
import { runCompiled, runCompiledParallel, type CoreResult } from './run.js';
import type { InputInfo, ScenarioDef, ScenarioResult, ScenarioYear } from './types.js';
import { openingOpsparing } from './budget-rules.js';
import { MODEL_EQUATIONS } from '../text/terms.js';

/** Options of `runScenario`. */
export interface RunScenarioOptions {
  /** Number of runs (default: the scenario's `runs`). */
  runs?: number;
  /** Seed (default: the scenario's `seed`). */
  seed?: number;
  /** Forbrug thresholds (mio. kr.) for P(forbrug > threshold), for every year or per year. */
  thresholds?: number[] | Record<number, number[]>;
  /** Called after each block of runs. */
  onProgress?: (done: number, total: number) => void;
  /** Goal-seek levers (default neutral). */
  levers?: Partial<Levers>;
}

/**
 * The measure definitions a scenario switches on (resolved when it was loaded).
 *
 * @example
 * scenarioMeasures(loadScenario('tightening-2021')).map((m) => m.id) // ['tightening-like-2021']
 */
export function scenarioMeasures(def: ScenarioDef): MeasureDef[] {
  return def.measures.map((m) => m.def);
}

/** Options of `prepareScenario`. */
export interface PrepareOptions extends Pick<RunScenarioOptions, 'seed' | 'levers'> {
  /** Measure definitions replacing the scenario's (by id). */
  measures?: MeasureDef[];
  estimates?: ScenarioEstimates;
}

/**
 * Compile a scenario with its estimated inputs, measures, seed and levers; also returns the inputs as used.
 *
 * @example
 * prepareWithInputs(loadScenario('baseline')).resolved.inputs.length
 */
export function prepareWithInputs(
  def: ScenarioDef,
  o: PrepareOptions = {},
): { model: CompiledModel; resolved: ResolvedInputs } {
  checkDef(def);
  if (o.seed !== undefined) checkSeed(o.seed);
  if (o.levers !== undefined) checkLevers(o.levers);
  const resolved = resolveInputs(def, o.estimates ? { estimates: o.estimates } : {});
  const model = compileScenario(def, {
    resolved,
    ...(o.measures ? { measures: o.measures } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.levers ? { levers: o.levers } : {}),
  });
  return { model, resolved };
}

/**
 * Refuse what is not a scenario definition (from `loadScenario`) before the engine reads into it.
 *
 * @example
 * checkDef(undefined) // throws UsageError: the scenario must be a definition from loadScenario(...), got undefined
 */
export function checkDef(def: unknown): asserts def is ScenarioDef {
  const d = def as Partial<ScenarioDef> | null;
  if (
    d !== null &&
    typeof d === 'object' &&
    Number.isInteger(d.baseYear) &&
    Number.isInteger(d.horizon) &&
    typeof d.actual === 'object' &&
    typeof d.costs === 'object'
  )
    return;
  throw new UsageError({ code: 'scenario.notDef', params: { got: shownArg(def) } });
}

/**
 * Refuse thresholds that would be ignored or counted as NaN: an array of finite numbers (mio. kr.),
 * or an object from simulated years to such arrays.
 *
 * @example
 * checkThresholds([150, 160], [2025, 2026]) // ok
 * checkThresholds({ 2040: [150] }, [2025, 2026]) // throws UsageError: thresholds: 2040 is not a simulated year (2025–2026)
 */
export function checkThresholds(t: unknown, years: number[]): void {
  const values = (v: unknown, where: string) => {
    if (!Array.isArray(v)) throw new UsageError({ code: 'scenario.thresholds', params: { where, got: shownArg(v) } });
    for (const x of v as unknown[])
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new UsageError({ code: 'scenario.thresholdValue', params: { where, got: shownArg(x) } });
  };
  if (Array.isArray(t)) return values(t, 'thresholds');
  if (t === null || typeof t !== 'object')
    throw new UsageError({ code: 'scenario.thresholds', params: { where: 'thresholds', got: shownArg(t) } });
  for (const [k, v] of Object.entries(t)) {
    if (!years.includes(Number(k)))
      throw new UsageError({
        code: 'scenario.thresholdYear',
        params: { year: k, from: years[0], to: years[years.length - 1] },
      });
    values(v, `thresholds[${k}]`);
  }
}

/**
 * Refuse options that are no object, naming the call and what it needs.
 *
 * @example
 * checkOptionsObject('oneForecast(def, { k })', undefined) // throws UsageError: oneForecast(def, { k }): the options must be an object, got undefined
 */
export function checkOptionsObject(call: string, o: unknown): void {
  if (o === null || typeof o !== 'object' || Array.isArray(o))
    throw new UsageError({ code: 'scenario.optionsObject', params: { call, got: shownArg(o) } });
}

const LEVER_KEYS = Object.keys(NEUTRAL_LEVERS) as (keyof Levers)[];

/**
 * Refuse levers the engine would ignore or turn into NaN: every key one of `visitationMult`,
 * `demandMult`, `bevillingAdd`, `unitMult`, every value a finite number.
 *
 * @example
 * checkLevers({ visitationMult: 0.9 }) // ok
 * checkLevers({ visitation: 0.9 })     // throws UsageError: levers.visitation: expected one of visitationMult, …
 */
export function checkLevers(levers: unknown): asserts levers is Partial<Levers> {
  const keys = LEVER_KEYS.join(', ');
  if (levers === null || typeof levers !== 'object' || Array.isArray(levers))
    throw new UsageError({ code: 'scenario.leversObject', params: { keys, got: shownArg(levers) } });
  for (const [k, v] of Object.entries(levers)) {
    if (!(LEVER_KEYS as string[]).includes(k))
      throw new UsageError({ code: 'scenario.leverKey', params: { key: k, keys } });
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new UsageError({ code: 'scenario.leverValue', params: { key: k, got: shownArg(v) } });
  }
}

/**
 * Compile a scenario with its measures, seed and levers.
 *
 * @example
 * prepareScenario(loadScenario('tightening-2021')).measures[0].id // 'tightening-like-2021'
 */
export function prepareScenario(def: ScenarioDef, o: PrepareOptions = {}): CompiledModel {
  return prepareWithInputs(def, o).model;
}

function thresholdsFor(years: number[], t: RunScenarioOptions['thresholds']): number[][] {
  if (t === undefined) return years.map(() => []);
  checkThresholds(t, years);
  if (Array.isArray(t)) return years.map(() => [...t]);
  return years.map((y) => [...(t[y] ?? [])]);
}

/**
 * Run a scenario's Monte Carlo simulation in this thread.
 *
 * @example
 * const r = runScenario(loadScenario('baseline'), { runs: 100_000 });
 * r.years.find((y) => y.year === 2026)!.pMerforbrug // P(merforbrug > 0) in 2026
 */
export function runScenario(def: ScenarioDef, o: RunScenarioOptions = {}): ScenarioResult {
  checkDef(def);
  const runs = o.runs ?? def.runs;
  checkRuns(runs);
  const { model: m, resolved } = prepareWithInputs(def, o);
  const thresholds = thresholdsFor(m.years, o.thresholds);
  const core = runCompiled(m, { runs, thresholds, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
  return toResult(def, m, runs, core, resolved);
}

/**
 * Like `runScenario`, on `threads` worker threads; the result is byte-identical
 * to the single-threaded one (run from the compiled `dist/`).
 *
 * @example
 * const r = await runScenarioParallel(loadScenario('baseline'), { runs: 1_000_000, threads: 2 });
 */
export async function runScenarioParallel(
  def: ScenarioDef,
  o: RunScenarioOptions & { threads?: number } = {},
): Promise<ScenarioResult> {
  checkDef(def);
  const runs = o.runs ?? def.runs;
  checkRuns(runs);
  const { model: m, resolved } = prepareWithInputs(def, o);
  const thresholds = thresholdsFor(m.years, o.thresholds);
  const core = await runCompiledParallel(
    m,
    { runs, thresholds, ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
    o.threads ?? 1,
  );
  return toResult(def, m, runs, core, resolved);
}

/**
 * Build the public result from the engine's summary.
 *
 * @example
 * toResult(def, model, 10000, runCompiled(model, { runs: 10000, thresholds: model.years.map(() => []) }))
 */
export function toResult(
  def: ScenarioDef,
  m: CompiledModel,
  runs: number,
  core: CoreResult,
  resolved: ResolvedInputs = resolveInputs(def),
): ScenarioResult {
  const years: ScenarioYear[] = core.years.map((y) => ({
    year: y.year,
    bevilling: y.vars[0],
    forbrug: y.vars[1],
    merforbrug: y.vars[2],
    pMerforbrug: y.pMerforbrug,
    pMerforbrugSe: y.pMerforbrugSe,
    expectedMerforbrug: y.vars[2].mean,
    expectedOverspend: y.expectedOverspend,
    henvendelser: y.vars[3],
    forloeb: y.vars[4],
    unitCost: y.vars[5],
    forbrugAbove: y.forbrugAbove,
    forbrugPercentiles: y.forbrugPercentiles,
    merforbrugPercentiles: y.merforbrugPercentiles,
    opsparing: y.vars[6],
    pBeyondOpsparing: y.pBeyondOpsparing,
    pBeyondOpsparingSe: y.pBeyondOpsparingSe,
  }));
  return {
    id: def.id,
    name: def.name,
    ...(def.nameEn !== undefined ? { nameEn: def.nameEn } : {}),
    seed: m.seed,
    runs,
    baseYear: def.baseYear,
    years,
    assumptions: describeAssumptions(def, m, resolved),
    inputs: [...resolved.inputs, opsparingInput(def)],
    sources: ['faktaark2024#oekonomi', 'faktaark2024', 'aarsrapport2020#tabel7', ...def.files.map(shownFile)],
    quantileMethod: core.quantileMethod,
  };
}

/**
 * The opsparing at the end of the base year as an input: computed from the data under the budget
 * rules, or set in the rules file (an assumption with its file and line).
 *
 * @example
 * opsparingInput(loadScenario('baseline')).value // 200.9
 */
export function opsparingInput(def: ScenarioDef): InputInfo {
  const o = openingOpsparing(def.dataset, def.baseYear, def.budget);
  const r = def.budget;
  const value = Math.round(o.balance * 1e6) / 1e6;
  if (typeof r.start === 'number')
    return {
      input: 'opsparing.start',
      value,
      source: { kind: 'assumption', file: r.at.start.file, line: r.at.start.line, text: o.text },
    };
  return { input: 'opsparing.start', value, source: { kind: 'data', text: o.text } };
}

/**
 * Labelled assumptions of a scenario (for reports and `--json`).
 *
 * @example
 * describeAssumptions(def, model).bevilling // { amounts: {}, growth: …, pl: true, label: 'Antagelse: …' }
 */
export function describeAssumptions(
  def: ScenarioDef,
  m: CompiledModel,
  r: ResolvedInputs = resolveInputs(def),
): Record<string, unknown> {
  return {
    files: def.files.map(shownFile),
    baseYear: def.baseYear,
    horizon: def.horizon,
    actual: r.actual,
    demand:
      def.demand.model === 'growth'
        ? { model: 'growth', growth: r.growth, meanGrowth: distMean(r.growth), noiseSd: r.noiseSd }
        : {
            model: 'forecast',
            series: def.demand.series,
            method: def.demand.method,
            from: def.demand.from,
            pathMean: Array.from(m.pathMean),
            // the forecast's path distribution: Student t with ν degrees of freedom, or normal (ν = ∞, written as null)
            pathDistribution: Number.isFinite(m.pathDf) ? 'student-t' : 'normal',
            df: Number.isFinite(m.pathDf) ? m.pathDf : null,
          },
    visitation: { rate: r.visitationRate, drift: r.visitationDrift, noiseSd: r.visitationNoise },
    costs: { fixed: r.fixed, unit: r.unit, correlation: m.costRho, noiseSd: r.costNoise, priceGrowth: r.priceGrowth },
    pl: def.pl,
    ...(def.plBevilling ? { plBevilling: def.plBevilling } : {}),
    bevilling: {
      amounts: def.bevilling.amounts,
      growth: r.bevGrowth,
      noiseSd: r.bevNoise,
      pl: def.bevilling.pl,
      ...bevillingLabels(def, r),
    },
    measures: def.measures.map((sm, i) => ({
      id: sm.id,
      ref: sm.ref,
      ...(sm.start ? { start: sm.start } : {}),
      actsOn: ['henvendelser', 'visitation', 'unit_cost', 'forloeb'][m.measures[i].actsOn],
      areas: sm.def.areas,
      effect: m.measures[i].input.dist,
      ...(m.measures[i].share ? { share: m.measures[i].share!.dist } : {}),
      phase: Array.from(m.measures[i].phase),
    })),
    correlations: def.correlations,
    variables: def.variables,
    levers: m.levers,
    opsparing: opsparingAssumptions(def),
    model: MODEL_EQUATIONS.da,
  };
}

/** The budget rules of the opsparing as used, each with the file and line it is written on. */
function opsparingAssumptions(def: ScenarioDef): Record<string, unknown> {
  const r = def.budget;
  const at = (k: string) => (r.at[k] ? `${r.at[k].file}:${r.at[k].line}` : r.file);
  return {
    file: r.file,
    carryOver: r.carryOver,
    cap: r.cap,
    useNeedsPermission: r.useNeedsPermission,
    maxUse: r.maxUse,
    expiryYears: r.expiryYears,
    start: r.start,
    missingYearChange: r.missingYearChange,
    at: {
      carryOver: at('carry_over'),
      cap: at('cap'),
      useNeedsPermission: at('use_needs_permission'),
      maxUse: at('max_use'),
      expiryYears: at('expiry_years'),
      start: at('start'),
    },
    sources: r.sources,
  };
}

/**
 * P(forbrug > x) in a year, read from the stored percentiles (±1 percentage
 * point); ask `runScenario` for `thresholds` to get it exactly with its standard error.
 *
 * @example
 * probForbrugAbove(result, 2026, 160) // e.g. 0.12
 */
export function probForbrugAbove(result: ScenarioResult, year: number, x: number): number {
  const y = result.years.find((v) => v.year === year);
  if (!y)
    throw new InputError(
      { file: result.id },
      {
        code: 'scenario.resultYear',
        params: { from: result.years[0].year, to: result.years[result.years.length - 1].year },
      },
      String(year),
    );
  const exact = y.forbrugAbove.find((e) => e.threshold === x);
  if (exact) return exact.p;
  const q = y.forbrugPercentiles; // q[i] = percentile (i+1)
  // outside the 1st–99th percentiles only a bound is known: report the midpoint of the tail
  if (x < q[0]) return 0.995;
  if (x >= q[98]) return 0.005;
  for (let i = 0; i < 98; i++) {
    if (x < q[i + 1]) {
      const f = q[i + 1] > q[i] ? (x - q[i]) / (q[i + 1] - q[i]) : 0;
      return 1 - (i + 1 + f) / 100;
    }
  }
  return 0.005;
}

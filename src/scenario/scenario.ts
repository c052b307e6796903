/**
 * Public entry points: run a scenario and read its result.
 */
import { InputError } from '../errors.js';
import { distMean } from '../stats/distributions.js';
import { bundledMeasuresDir, findMeasure } from '../measures/load.js';
import type { MeasureDef } from '../measures/types.js';
import { compileScenario } from './compile.js';
import { checkRuns } from './load.js';
import type { CompiledModel, Levers } from './model.js';
import { runCompiled, runCompiledParallel, type CoreResult } from './run.js';
import type { ScenarioDef, ScenarioResult, ScenarioYear } from './types.js';

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
 * Load the measure definitions a scenario refers to (unknown id → InputError at its line).
 *
 * @example
 * scenarioMeasures(loadScenario('tightening-2021')).map((m) => m.id) // ['tightening-2021-09']
 */
export function scenarioMeasures(def: ScenarioDef): MeasureDef[] {
  const dir = bundledMeasuresDir();
  return def.measures.map((m, i) => {
    try {
      return findMeasure(m.id);
    } catch (e) {
      if (e instanceof InputError && e.location.file === dir) {
        throw new InputError(def.locate(['measures', i, 'id']), e.expected, m.id);
      }
      throw e;
    }
  });
}

/**
 * Compile a scenario with its measures, seed and levers.
 *
 * @example
 * prepareScenario(loadScenario('tightening-2021')).measures[0].id // 'tightening-like-2021'
 */
export function prepareScenario(def: ScenarioDef, o: Pick<RunScenarioOptions, 'seed' | 'levers'> = {}): CompiledModel {
  return compileScenario(def, { measures: scenarioMeasures(def), ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.levers ? { levers: o.levers } : {}) });
}

function thresholdsFor(years: number[], t: RunScenarioOptions['thresholds']): number[][] {
  if (!t) return years.map(() => []);
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
  const runs = o.runs ?? def.runs;
  checkRuns(runs);
  const m = prepareScenario(def, o);
  const thresholds = thresholdsFor(m.years, o.thresholds);
  const core = runCompiled(m, { runs, thresholds, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
  return toResult(def, m, runs, core);
}

/**
 * Like `runScenario`, on `threads` worker threads; the result is byte-identical
 * to the single-threaded one (run from the compiled `dist/`).
 *
 * @example
 * const r = await runScenarioParallel(loadScenario('baseline'), { runs: 1_000_000, threads: 2 });
 */
export async function runScenarioParallel(def: ScenarioDef, o: RunScenarioOptions & { threads?: number } = {}): Promise<ScenarioResult> {
  const runs = o.runs ?? def.runs;
  checkRuns(runs);
  const m = prepareScenario(def, o);
  const thresholds = thresholdsFor(m.years, o.thresholds);
  const core = await runCompiledParallel(m, { runs, thresholds, ...(o.onProgress ? { onProgress: o.onProgress } : {}) }, o.threads ?? 1);
  return toResult(def, m, runs, core);
}

/**
 * Build the public result from the engine's summary.
 *
 * @example
 * toResult(def, model, 10000, runCompiled(model, { runs: 10000, thresholds: model.years.map(() => []) }))
 */
export function toResult(def: ScenarioDef, m: CompiledModel, runs: number, core: CoreResult): ScenarioResult {
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
  }));
  return {
    id: def.id,
    name: def.name,
    ...(def.nameEn !== undefined ? { nameEn: def.nameEn } : {}),
    seed: m.seed,
    runs,
    baseYear: def.baseYear,
    years,
    assumptions: describeAssumptions(def, m),
    sources: ['faktaark2024#oekonomi', 'faktaark2024', 'aarsrapport2020#tabel7', ...def.files],
    quantileMethod: core.quantileMethod,
  };
}

/**
 * Labelled assumptions of a scenario (for reports and `--json`).
 *
 * @example
 * describeAssumptions(def, model).bevilling // { amounts: {}, growth: …, pl: true, label: 'Antagelse: …' }
 */
export function describeAssumptions(def: ScenarioDef, m: CompiledModel): Record<string, unknown> {
  return {
    files: def.files,
    baseYear: def.baseYear,
    horizon: def.horizon,
    actual: def.actual,
    demand: def.demand.model === 'growth'
      ? { model: 'growth', growth: def.demand.growth, meanGrowth: distMean(def.demand.growth), noiseSd: def.demand.noiseSd }
      : {
        model: 'forecast', series: def.demand.series, method: def.demand.method, from: def.demand.from, pathMean: Array.from(m.pathMean),
        // the forecast's path distribution: Student t with ν degrees of freedom, or normal (ν = ∞, written as null)
        pathDistribution: Number.isFinite(m.pathDf) ? 'student-t' : 'normal', df: Number.isFinite(m.pathDf) ? m.pathDf : null,
      },
    visitation: def.visitation,
    costs: def.costs,
    pl: def.pl,
    bevilling: def.bevilling,
    measures: def.measures.map((sm, i) => ({ ...sm, actsOn: ['henvendelser', 'visitation', 'unit_cost', 'forloeb'][m.measures[i].actsOn], effect: m.measures[i].input.dist, phase: Array.from(m.measures[i].phase) })),
    correlations: def.correlations,
    variables: def.variables,
    levers: m.levers,
    model: 'forbrug = PL · (fixed + unit/1000 · forløb); forløb = henvendelser · visitation · measures; merforbrug = forbrug − bevilling',
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
  if (!y) throw new InputError({ file: result.id }, `a year from ${result.years[0].year} to ${result.years[result.years.length - 1].year}`, String(year));
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

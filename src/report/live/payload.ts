/**
 * What the report embeds for the live what-if (Node side): the primary scenario's compiled model (plain
 * data, as JSON that keeps typed arrays and NaN/Infinity), what the controls may change in it and the
 * values they start from, and the equivalent scenario file's anchors (`extends`, seed, the scenario's own
 * measures and known bevilling).
 */
import { basename, dirname, resolve } from 'node:path';
import { bundledPath } from '../../io/paths.js';
import type { DistSpec } from '../../stats/distributions.js';
import type { ScenarioDef, ScenarioResult } from '../../scenario/types.js';
import type { CompiledModel } from '../../scenario/model.js';
import { usesExact } from '../../scenario/run.js';
import { encodeModel } from './codec.js';
import type { ChartEvent } from '../charts/types.js';
import { distLocation, type LiveInfo } from './apply.js';

/** Runs of a live recomputation by default (the bench target: 20.000 runs × 6 years under 200 ms). */
export const LIVE_DEFAULT_RUNS = 20_000;
/** The runs the reader can choose (those whose quantiles are exact, as in `viso scenario run`). */
export const LIVE_RUN_OPTIONS = [5_000, 20_000, 50_000, 100_000] as const;

/** The live what-if's data in the report model (plain JSON). */
export interface LivePayload {
  /** The compiled model, encoded by `encodeModel`. */
  model: unknown;
  info: LiveInfo;
  runs: number;
  runOptions: number[];
  /** The scenario's expected bevilling by year at the report's runs (the placeholder of each year's field). */
  bevillingMean: Record<string, number>;
  /** Recent actual forbrug and bevilling with the forbrug's flags (drawn in the fan, flagged years marked). */
  history: { year: number; forbrug: number; bevilling: number; flags?: string[] }[];
  /** The dataset's events in the report's language (drawn in the fan within its years). */
  events?: ChartEvent[];
  focusYear: number;
  /** Runs of the report's own scenario run (the live numbers equal its table at these runs). */
  reportRuns: number;
  /**
   * Spread factor of the headline's one forecast (a report with a backtest): the page computes the one
   * forecast's P(merforbrug) from the same runs beside the driver model's (`liveRun(model, runs, k)`).
   */
  k?: number;
  /** Runs of the headline's one forecast (with the inputs unchanged and these runs the page shows its P). */
  oneForecastRuns?: number;
  /** The backtest horizons h (years ahead, ascending) k was fitted on: years further ahead get a marker. */
  kHorizons?: number[];
}

const isFixed = (d: DistSpec) => d.dist === 'fixed' || (d.dist === 'normal' && d.sd === 0);
const movable = (d: DistSpec) => Number.isFinite(distLocation(d));

/** A measure of the scenario as an entry of a scenario file's `measures:` list (a JSON flow mapping). */
function measureEntry(sm: ScenarioDef['measures'][number]): string {
  if (sm.ref === 'id') {
    return JSON.stringify({
      id: sm.id,
      ...(sm.start ? { start: sm.start } : {}),
      ...(sm.effect ? { effect: sm.effect } : {}),
      ...(sm.phaseIn ? { phaseIn: sm.phaseIn } : {}),
    });
  }
  // a file or inline measure: written inline from its definition (a file path would depend on where the new file lies)
  const d = sm.def;
  return JSON.stringify({
    id: d.id,
    name: d.name,
    ...(d.nameEn ? { name_en: d.nameEn } : {}),
    start: sm.start ?? d.start,
    acts_on: d.actsOn,
    areas: d.areas,
    effect: sm.effect ?? d.effect,
    phase_in: sm.phaseIn ?? d.phaseIn,
    ...(d.decay !== undefined ? { decay: d.decay } : {}),
  });
}

/**
 * The live what-if's payload for a scenario and the model its report run used (the same seed and levers).
 *
 * @example
 * const model = prepareScenario(def, { seed: 11 });
 * livePayload(def, model, { file: realPath, result, focusYear: 2026, history: [] }).info.demandGrowth // { dist: 'normal', … }
 */
export function livePayload(
  def: ScenarioDef,
  model: CompiledModel,
  o: {
    file: string;
    result: ScenarioResult;
    focusYear: number;
    history: LivePayload['history'];
    events?: ChartEvent[];
    name: string;
    /** The headline's one forecast: its spread factor and runs. */
    one?: { k: number; runs: number; horizons?: number[] };
  },
): LivePayload {
  const bundledDir = resolve(bundledPath('models/scenarios'));
  const extendsRef = resolve(dirname(o.file)) === bundledDir ? def.id : basename(o.file);
  const known: Record<string, number | DistSpec> = {};
  const locked: number[] = [];
  for (const [y, d] of Object.entries(def.bevilling.amounts)) {
    if (isFixed(d)) known[y] = model.bevKnown[model.years.indexOf(Number(y))];
    else {
      known[y] = d;
      locked.push(Number(y));
    }
  }
  const info: LiveInfo = {
    extendsRef,
    scenarioId: def.id,
    scenarioName: o.name,
    baseYear: def.baseYear,
    years: [...model.years],
    seed: model.seed,
    demandGrowth: model.demandKind === 0 && movable(model.growth.dist) ? model.growth.dist : null,
    priceGrowth: model.priceGrowth
      ? movable(model.priceGrowth.dist)
        ? { mode: 'dist', dist: model.priceGrowth.dist }
        : null
      : { mode: 'pl', rate: def.pl.default, bevillingPl: def.bevilling.pl },
    unitCostMean: model.unitCost && model.unitCost.dist.dist === 'normal' ? model.unitCost.dist.mean : null,
    bevillingLocked: locked.sort((a, b) => a - b),
    bevillingKnown: known,
    measureEntries: def.measures.map(measureEntry),
  };
  const h = model.years.length;
  const runOptions = LIVE_RUN_OPTIONS.filter((r) => usesExact(r, h));
  return {
    model: encodeModel(model),
    info,
    runs: runOptions.includes(LIVE_DEFAULT_RUNS) ? LIVE_DEFAULT_RUNS : (runOptions[0] ?? 1_000),
    runOptions: runOptions.length ? runOptions : [1_000],
    bevillingMean: Object.fromEntries(o.result.years.map((y) => [String(y.year), y.bevilling.mean])),
    history: o.history,
    ...(o.events?.length ? { events: o.events } : {}),
    focusYear: o.focusYear,
    reportRuns: o.result.runs,
    ...(o.one ? { k: o.one.k, oneForecastRuns: o.one.runs } : {}),
    ...(o.one?.horizons?.length ? { kHorizons: [...o.one.horizons] } : {}),
  };
}

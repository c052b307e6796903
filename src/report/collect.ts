/**
 * Collect the report model from the engines: a short orchestration of named steps (`report/steps/`), each
 * computing one part from the data, forecasts and backtests, unit cost, measures and their evaluations,
 * scenarios, the what-if grid and goal seek, and sensitivity. Every engine is imported lazily.
 * A part that fails is recorded in `unavailable` with its reason (shown in the report),
 * except user errors (bad scenario files), which are thrown.
 */
import { packageVersion } from '../io/paths.js';
import { DEFAULT_RUNS } from '../defaults.js';
import type { Lang } from '../text/number.js';
import type { Dataset } from '../data/dataset.js';
import type { ReportModel } from './model.js';
import { kHorizons } from './kHorizon.js';
import { guarded, timed, timedAsync, type ReportPart, type StepContext } from './steps/context.js';
import { collectHistory } from './steps/history.js';
import { collectForecasts } from './steps/forecasts.js';
import { collectScenarios } from './steps/scenarios.js';
import { collectHeadline } from './steps/headline.js';
import { collectLive, collectWhatIf } from './steps/whatif.js';
import { collectSensitivity } from './steps/sensitivity.js';
import { collectMeasures } from './steps/measures.js';
import { citesPlTable, modelCitations, otherSources, sourceUse } from './steps/sources.js';

export type { ReportPart } from './steps/context.js';
export { GOAL_SEEK_MAX_RUNS, DEFAULT_GRID, evidenceLever } from './steps/whatif.js';

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
  /** Goal-seek target for P(merforbrug) in the focus year (default `DEFAULT_GOAL_TARGET`, 0.2). */
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
  /** Budget rules of the opsparing (default: the bundled `models/budget.yaml`). */
  budget?: string;
  /** PL indices (default: the bundled `models/pl.yaml`). */
  pl?: string;
}

/** All optional parts. */
export const REPORT_PARTS: readonly ReportPart[] = [
  'forecasts',
  'scenarios',
  'whatif',
  'sensitivity',
  'measures',
  'backtest',
];

/**
 * Monte Carlo runs per scenario in the report when neither `--runs` nor the scenario file says:
 * the scenario engine's default. A scenario file's `runs` is used as in `viso scenario run`, so the
 * report and the command line show the same figures.
 */
export const DEFAULT_REPORT_RUNS = DEFAULT_RUNS;

/**
 * Compute everything the report shows.
 *
 * @example
 * const model = await collectReport({ runs: 20_000, seed: 1 });
 * model.scenarios.map((s) => s.result.id) // ['baseline', 'high-demand', 'tightening-2021']
 */
export async function collectReport(opts: CollectOptions = {}): Promise<ReportModel> {
  const timings = opts.timings;
  const { loadBundled } = await import('../data/bundled.js');
  const ctx: StepContext = {
    lang: opts.lang ?? 'da',
    runs: opts.runs ?? DEFAULT_REPORT_RUNS,
    runsOpt: opts.runs !== undefined ? { runs: opts.runs } : {},
    seed: opts.seed,
    seedOpt: opts.seed !== undefined ? { seed: opts.seed } : {},
    ds: opts.dataset ?? timed(timings, 'data', () => loadBundled()),
    want: (p) => !opts.parts || opts.parts.includes(p),
    timings,
    unavailable: [],
  };
  const h = await collectHistory(ctx);
  const fc = (ctx.want('forecasts') ? await guarded(ctx, 'forecasts', () => collectForecasts(ctx)) : undefined) ?? {
    forecasts: [],
    accuracy: [],
  };
  const sc = await collectScenarios(ctx, {
    ...(opts.scenarios ? { scenarios: opts.scenarios } : {}),
    ...(opts.year !== undefined ? { year: opts.year } : {}),
    lastDataYear: h.history.budget[h.history.budget.length - 1]?.year ?? 0,
    ...(opts.budget !== undefined ? { budget: opts.budget } : {}),
    ...(opts.pl !== undefined ? { pl: opts.pl } : {}),
  });
  // the runs of the primary scenario (its file's, unless --runs): the grid, backtest and sensitivity scale with them
  ctx.runs = opts.runs ?? sc.primary?.def.runs ?? DEFAULT_REPORT_RUNS;
  const headline = await collectHeadline(ctx, sc, fc.forecasts); // also shows the one forecast as the forbrug fan
  const oneYear = headline.oneForecast?.years.find((y) => y.year === sc.focusYear);
  const whatIf = await collectWhatIf(ctx, sc, {
    ...(opts.target !== undefined ? { target: opts.target } : {}),
    ...(opts.grid ? { grid: opts.grid } : {}),
    ...(opts.gridRuns !== undefined ? { gridRuns: opts.gridRuns } : {}),
    ...(headline.oneForecast ? { spreadK: headline.oneForecast.k } : {}),
    ...(headline.oneForecast && headline.trackRecord?.calibration.kSe !== undefined
      ? { spreadKSe: headline.trackRecord.calibration.kSe }
      : {}),
    ...(headline.oneForecast && headline.trackRecord?.calibration.kWithoutVantage
      ? {
          spreadKWithout: headline.trackRecord.calibration.kWithoutVantage,
          spreadKPoints: headline.trackRecord.calibration.kPoints,
        }
      : {}),
    ...(oneYear ? { pBeyond: oneYear.opsparing.pBeyond } : {}),
  });
  const one = headline.oneForecast;
  // the horizons k was fitted on (the backtest of the one forecast's own scenario): the live table marks years beyond them
  const hs = kHorizons(headline.trackRecord, one?.scenario);
  const live = await collectLive(
    ctx,
    sc,
    h,
    one ? { k: one.k, runs: one.runs, ...(hs.length ? { horizons: hs } : {}) } : undefined,
  );
  const sensitivity = await collectSensitivity(ctx, sc);
  const measures =
    (ctx.want('measures')
      ? await guarded(ctx, 'measures', () => timedAsync(timings, 'measures', () => collectMeasures(ctx)))
      : undefined) ?? [];
  // the sources the model files cite: the scenarios' budget rules, the PL table they were loaded with (read only
  // when a scenario shows its rates, citesPlTable), and the cohort timing behind the measures' cost split
  const cited = modelCitations(
    sc.defs.map((d) => d.def.budget).filter((b, i, a) => a.findIndex((x) => x.path === b.path) === i),
    citesPlTable(sc.defs.map((d) => d.def)) ? [(await import('../cost/plTable.js')).loadPlTable(opts.pl)] : [],
    measures.some((x) => x.costSplit) ? [(await import('../cost/timingAssumptions.js')).loadTimingAssumptions()] : [],
  );
  const others = otherSources(cited, ctx.ds);
  // in-year follow-up (monthly actuals), with the primary scenario's run as its prior
  let followUp: ReportModel['followUp'];
  if (opts.actuals) {
    const { collectFollowUp } = await import('./followupSection.js');
    const actuals = opts.actuals;
    followUp = await timedAsync(timings, 'followup', () =>
      collectFollowUp(actuals, { ...(sc.primaryResult ? { priorResult: sc.primaryResult } : {}), ...ctx.seedOpt }),
    );
  }

  return {
    lang: ctx.lang,
    version: packageVersion(),
    seed: opts.seed ?? sc.primaryResult?.seed ?? 0,
    runs: ctx.runs,
    focusYear: sc.focusYear,
    history: h.history,
    events: [...ctx.ds.events],
    forecasts: fc.forecasts,
    accuracy: fc.accuracy,
    ...(h.costModel ? { costModel: h.costModel } : {}),
    scenarios: sc.scenarios,
    measures,
    ...(whatIf ? { whatIf } : {}),
    ...(sensitivity ? { sensitivity } : {}),
    ...(headline.trackRecord ? { trackRecord: headline.trackRecord } : {}),
    ...(headline.oneForecast ? { oneForecast: headline.oneForecast } : {}),
    ...(headline.parameterSpread ? { parameterSpread: headline.parameterSpread } : {}),
    sources: [...ctx.ds.sources],
    sourceUse: sourceUse(ctx.ds, sc.scenarios, measures, cited),
    ...(others.length ? { otherSources: others } : {}),
    ...(ctx.ds.merge.files.length ? { userData: ctx.ds.merge } : {}),
    ...(sc.defs.length ? { budgetFiles: [...new Set(sc.defs.map((d) => d.def.budget.path))] } : {}),
    unavailable: ctx.unavailable,
    ...(followUp ? { followUp } : {}),
    ...(live ? { live } : {}),
  };
}

/** Report step: the what-if grid and goal seek on the lever the evidence supports, and the live what-if's model. */
import { DEFAULT_GOAL_TARGET } from '../../defaults.js';
import { formatNumber, type Lang } from '../../text/number.js';
import type { Dataset } from '../../data/dataset.js';
import { leverEvidence } from '../../measures/lever.js';
import type { GridPoint, TighteningSolution } from '../../scenario/whatif.js';
import { kRangeAlong } from '../kHorizon.js';
import { t } from '../../text/report.js';
import type { ReportModel, WhatIf } from '../model.js';
import { timed, type StepContext } from './context.js';
import type { HistoryStep } from './history.js';
import type { ScenariosStep } from './scenarios.js';

/** Most runs the report's goal seek uses (its answer states the runs; `viso scenario goal-seek --runs` for more). */
export const GOAL_SEEK_MAX_RUNS = 200_000;

/** Default tightening grid: 0 %, 1 %, ..., 20 %. */
export const DEFAULT_GRID = Array.from({ length: 21 }, (_, i) => i / 100);

/** The grid points around the target as the goal seek's starting bracket (only its number of evaluations depends on it). */
function gridBracket(grid: GridPoint[], target: number): { bracket?: [number, number] } {
  const i = grid.findIndex((g) => g.pMerforbrug <= target);
  return i > 0 ? { bracket: [grid[i - 1].tightening, grid[i].tightening] } : {};
}

/**
 * The report's lever (`leverEvidence`: the stage through which the latest decided measures actually worked)
 * and the reason in words.
 *
 * @example
 * evidenceLever(loadBundled(), 'da').lever // 'demand' (0,369 in 2020 → 0,416 in 2023)
 */
export function evidenceLever(ds: Dataset, lang: Lang): { lever: 'visitation' | 'demand'; reason?: string } {
  const ev = leverEvidence(ds);
  if (!ev.before || !ev.after) return { lever: ev.lever };
  const vars = {
    lever: t(lang, ev.lever === 'demand' ? 'lever.demand' : 'lever.visitation'),
    r0: formatNumber(ev.before.rate, 3, lang),
    y0: ev.before.year,
    r1: formatNumber(ev.after.rate, 3, lang),
    y1: ev.after.year,
  };
  return {
    lever: ev.lever,
    reason: t(lang, ev.lever === 'demand' ? 'text.leverReason' : 'text.leverReasonVisitation', vars),
  };
}

/**
 * The what-if grid of the primary scenario in the headline year and the goal seek for P(merforbrug) ≤ `target`
 * on the full runs (the grid only draws the curve), both of the one forecast when `spreadK` is given (forbrug
 * widened around its median by the backtest's k, as the headline) and of the driver model otherwise; so is the
 * goal seek on P(forbrug > bevilling + usable opsparing), run when that P (`pBeyond`, the headline model's; else
 * the scenario run's) is above the target.
 *
 * @example
 * const whatIf = await collectWhatIf(ctx, scenarios, { target: 0.2 });
 */
export async function collectWhatIf(
  ctx: StepContext,
  sc: ScenariosStep,
  o: {
    target?: number;
    grid?: readonly number[];
    gridRuns?: number;
    spreadK?: number;
    spreadKSe?: number;
    /** `Calibration.kWithoutVantage` and the number of points k was fitted on: the goal seek's sensitivity to k */
    spreadKWithout?: { vantage: number; k: number }[];
    spreadKPoints?: number;
    pBeyond?: number;
  },
): Promise<WhatIf | undefined> {
  const { primary, primaryResult, focusYear } = sc;
  if (!primary || !ctx.want('whatif')) return undefined;
  const { lang, runs, seedOpt, timings, ds } = ctx;
  const { tighteningGrid, tighteningGoalSeek } = await import('../../scenario/whatif.js');
  const { scenarioName } = await import('../scenarioText.js');
  const gridRuns = o.gridRuns ?? Math.max(5_000, Math.round(runs / 20));
  const target = o.target ?? DEFAULT_GOAL_TARGET;
  const ev = evidenceLever(ds, lang);
  // the one forecast's spread (the headline's model), so that the answer is about the headline's P(merforbrug)
  const spread = o.spreadK !== undefined ? { spreadK: o.spreadK } : {};
  // k is estimated by simulation too: the goal seeks' intervals carry its Monte Carlo error (not the grid's curve)
  const kSe = o.spreadK !== undefined && o.spreadKSe !== undefined ? { spreadKSe: o.spreadKSe } : {};
  const grid: GridPoint[] = timed(timings, 'whatif-grid', () =>
    tighteningGrid(primary.def, {
      tightenings: o.grid ?? DEFAULT_GRID,
      year: focusYear,
      runs: gridRuns,
      lever: ev.lever,
      ...spread,
      ...seedOpt,
    }),
  );
  // the headline answer: goal seek on the full runs (at most GOAL_SEEK_MAX_RUNS: each of its ~50 evaluations is a run)
  const seek = timed(timings, 'goal-seek', () =>
    tighteningGoalSeek(primary.def, {
      year: focusYear,
      target,
      runs: Math.min(runs, GOAL_SEEK_MAX_RUNS),
      tolerance: 1e-4,
      lever: ev.lever,
      ...gridBracket(grid, target),
      ...spread,
      ...kSe,
      ...seedOpt,
    }),
  ); // shown to 0,1 %
  const bev = primaryResult?.years.find((v) => v.year === focusYear)?.bevilling.mean;
  // the goal seek on P(forbrug > bevilling + usable opsparing) too, when the scenario run puts it above the target
  const pBeyond = o.pBeyond ?? primaryResult?.years.find((v) => v.year === focusYear)?.pBeyondOpsparing ?? 0;
  const ops =
    pBeyond > target
      ? timed(timings, 'goal-seek-opsparing', () =>
          tighteningGoalSeek(primary.def, {
            year: focusYear,
            target,
            runs: Math.min(runs, GOAL_SEEK_MAX_RUNS),
            tolerance: 1e-4,
            lever: ev.lever,
            variable: 'beyondOpsparing',
            ...spread,
            ...kSe,
            ...seedOpt,
          }),
        )
      : undefined;
  const opsparingGoalSeek =
    ops &&
    (ops.solved
      ? {
          solution: ops.tightening,
          lower: ops.lower,
          upper: ops.upper,
          p: ops.p,
          p0: ops.p0,
          runs: ops.runs,
          ...(ops.kError ? { kSe: ops.kError.se, kPart: ops.kError.tighteningSe } : {}),
        }
      : { p0: ops.p0, runs: ops.runs });
  return {
    ...(opsparingGoalSeek ? { opsparingGoalSeek } : {}),
    scenario: scenarioName(primary.def, lang),
    year: focusYear,
    runs: gridRuns,
    grid,
    target,
    lever: ev.lever,
    ...spread,
    ...(ev.reason ? { leverReason: ev.reason } : {}),
    ...(bev !== undefined ? { bevilling: bev } : {}),
    ...(seek.solved
      ? {
          solution: seek.tightening,
          goalSeek: {
            lower: seek.lower,
            upper: seek.upper,
            p: seek.p,
            p0: seek.p0,
            runs: seek.runs,
            ...(seek.kError ? { kSe: seek.kError.se, kPart: seek.kError.tighteningSe } : {}),
            ...kRangeOf(seek, o),
          },
        }
      : {}),
  };
}

/**
 * The goal seek's sensitivity to k fitted on a few years (`WhatIf.goalSeek.kRange`): the tightening at the smallest
 * and largest leave-one-vantage-out k, moved from the solution along its d tightening / d k (linear in k; the
 * bench checks it against goal seeks run at those k).
 */
function kRangeOf(
  seek: TighteningSolution,
  o: { spreadK?: number; spreadKWithout?: { vantage: number; k: number }[]; spreadKPoints?: number },
): { kRange?: NonNullable<NonNullable<WhatIf['goalSeek']>['kRange']> } {
  if (!seek.kError || o.spreadK === undefined || o.spreadKPoints === undefined) return {};
  const r = kRangeAlong(o.spreadKWithout, o.spreadK, seek.tightening, seek.kError.tighteningPerK);
  if (!r) return {};
  // a tightening is never below none
  const { kLo, kHi } = r;
  const [lo, hi] = [Math.max(0, r.lo), Math.max(0, r.hi)];
  return { kRange: { kLo, kHi, lo, hi, points: o.spreadKPoints, vantages: o.spreadKWithout!.length } };
}

/**
 * The live what-if's payload: the primary scenario's compiled model as its report run used it (same seed), the
 * recent history and the headline's one forecast (its spread factor and runs; the page shows its P beside the
 * driver model's).
 *
 * @example
 * const live = await collectLive(ctx, scenarios, history, { k: oneForecast.k, runs: oneForecast.runs });
 */
export async function collectLive(
  ctx: StepContext,
  sc: ScenariosStep,
  h: HistoryStep,
  one: { k: number; runs: number; horizons?: number[] } | undefined,
): Promise<ReportModel['live']> {
  const { primary, primaryResult, focusYear, scenarios } = sc;
  if (!primary || !primaryResult || !ctx.want('whatif')) return undefined;
  const { prepareScenario } = await import('../../scenario/scenario.js');
  const { scenarioName } = await import('../scenarioText.js');
  const { livePayload } = await import('../live/payload.js');
  const model = timed(ctx.timings, 'live', () => prepareScenario(primary.def, ctx.seedOpt));
  const file = scenarios.find((s) => s.result.id === primary.def.id)!.files[0];
  const history = h.history.budget
    .filter((b) => b.year >= primaryResult.baseYear - 4)
    .map((b) => ({ year: b.year, forbrug: b.forbrug, bevilling: b.bevilling, flags: b.flags }));
  const { chartEvents } = await import('../fromData.js');
  return livePayload(primary.def, model, {
    file,
    result: primaryResult,
    focusYear,
    history,
    events: chartEvents(ctx.ds.events, ctx.lang), // every kind, as the report's charts
    name: scenarioName(primary.def, ctx.lang),
    ...(one ? { one } : {}),
  });
}

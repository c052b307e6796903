/**
 * What-if analysis of one lever: the scenario rerun over a grid of lever sizes, and the size that meets a
 * P(merforbrug) target. Engines only: they return numbers and "no solution" as a value; the report and the
 * CLI word and draw them.
 */
import { checkDef, checkOptionsObject, prepareScenario, runScenario } from './scenario.js';
import { checkRuns } from './load.js';
import { UsageError, shownArg } from '../errors.js';
import { uniformCache, yearSample } from './run.js';
import { widenedYear } from './widen.js';
import { goalSeek } from './goal-seek.js';
import type { GoalTarget } from './target.js';
import type { ScenarioDef } from './types.js';
import type { Levers } from './model.js';

/** A relative lever of the what-if grid: the visitation rate, henvendelser or the cost per forløb. */
export type GridLever = 'visitation' | 'demand' | 'unitCost';

/** One point of a what-if grid. `tightening` is a share (0.1 = the lever 10 % lower). */
export interface GridPoint {
  tightening: number;
  pMerforbrug: number;
  expectedForbrug: number;
  expectedMerforbrug: number;
}

/** The tightening that meets a target (`tighteningGoalSeek`): shares, with the Monte Carlo interval. */
export interface TighteningSolution {
  solved: true;
  /** The lever's reduction (0.044 = 4,4 % lower), and its 95 % Monte Carlo interval (with k's error when given). */
  tightening: number;
  lower: number;
  upper: number;
  /** P(merforbrug > 0) with the tightening, and without. */
  p: number;
  p0: number;
  runs: number;
  /** k's standard error carried to the tightening (`GoalSeekResult.kError`, in shares of the lever). */
  kError?: { se: number; tighteningPerK: number; tighteningSe: number };
}

/** `tighteningGoalSeek` when the lever alone cannot reach the target: P at no change and at the largest reduction tried. */
export interface TighteningNoSolution {
  solved: false;
  p0: number;
  /** The largest reduction tried (a share) and P(merforbrug > 0) there. */
  limit: number;
  pAtLimit: number;
  runs: number;
}

function gridLevers(lever: GridLever, x: number): Partial<Levers> {
  return lever === 'demand'
    ? { demandMult: 1 - x }
    : lever === 'unitCost'
      ? { unitMult: 1 - x }
      : { visitationMult: 1 - x };
}

/**
 * A what-if grid: the scenario rerun with a lever (default the visitation rate; `demand`: henvendelser;
 * `unitCost`: the cost per forløb) multiplied by 1 − x for each share x, giving P(merforbrug > 0), expected
 * forbrug and merforbrug in `year`. Every point uses the same seed (common random numbers), so the curve is
 * smooth in x.
 *
 * @example
 * tighteningGrid(loadScenario('baseline'), { tightenings: [0, 0.05, 0.1], year: 2026, runs: 20_000, lever: 'demand' })[0].pMerforbrug
 */
export function tighteningGrid(
  def: ScenarioDef,
  o: { tightenings: readonly number[]; year: number; runs: number; seed?: number; lever?: GridLever; spreadK?: number },
): GridPoint[] {
  checkDef(def);
  checkOptionsObject('tighteningGrid(def, { tightenings, year, runs })', o);
  if (!Array.isArray(o.tightenings))
    throw new UsageError({ code: 'scenario.tightenings', params: { got: shownArg(o.tightenings) } });
  for (const x of o.tightenings as unknown[])
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new UsageError({ code: 'scenario.tightenings', params: { got: shownArg(x) } });
  // the year before any run (it was a RangeError after the first grid point's whole run)
  if (!Number.isInteger(o.year) || o.year <= def.baseYear || o.year > def.horizon)
    throw new UsageError({
      code: 'scenario.yearOutside',
      params: { year: shownArg(o.year), from: def.baseYear + 1, to: def.horizon },
    });
  checkRuns(o.runs);
  if (o.spreadK !== undefined) return widenedGrid(def, o, o.spreadK);
  return o.tightenings.map((x) => {
    const r = runScenario(def, {
      runs: o.runs,
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      levers: gridLevers(o.lever ?? 'visitation', x),
    });
    const y = r.years.find((v) => v.year === o.year);
    if (!y)
      throw new RangeError(
        `year ${o.year} is not simulated by scenario ${def.id} (${r.years[0]?.year}–${r.years[r.years.length - 1]?.year})`,
      );
    return {
      tightening: x,
      pMerforbrug: y.pMerforbrug,
      expectedForbrug: y.forbrug.mean,
      expectedMerforbrug: y.expectedMerforbrug,
    };
  });
}

/** The grid of the one forecast: the same runs (common random numbers), forbrug widened by k in each point. */
function widenedGrid(
  def: ScenarioDef,
  o: { tightenings: readonly number[]; year: number; runs: number; seed?: number; lever?: GridLever },
  k: number,
): GridPoint[] {
  const base = prepareScenario(def, o.seed !== undefined ? { seed: o.seed } : {});
  const t = base.years.indexOf(o.year);
  if (t < 0)
    throw new RangeError(
      `year ${o.year} is not simulated by scenario ${def.id} (${base.years[0]}–${base.years[base.years.length - 1]})`,
    );
  const cache = uniformCache();
  return o.tightenings.map((x) => {
    const m = { ...base, levers: { ...base.levers, ...gridLevers(o.lever ?? 'visitation', x) } };
    return { tightening: x, ...widenedYear(yearSample(m, o.runs, t, cache), k) };
  });
}

/**
 * The reduction of a lever (default the visitation rate; a share, 0.044 = 4,4 %) that brings P(merforbrug > 0)
 * in `year` down to `target`, by `goalSeek` (bisection with common random numbers), with its 95 % Monte Carlo
 * interval; `solved: false` when that lever alone cannot reach the target.
 *
 * @example
 * const t = tighteningGoalSeek(loadScenario('baseline'), { year: 2026, target: 0.1, runs: 20_000, lever: 'demand' });
 * if (t.solved) t.tightening // e.g. 0.06
 */
export function tighteningGoalSeek(
  def: ScenarioDef,
  o: {
    year: number;
    target: number;
    runs: number;
    seed?: number;
    tolerance?: number;
    lever?: GridLever;
    bracket?: [number, number];
    variable?: 'merforbrug' | 'beyondOpsparing';
    /** the one forecast: forbrug widened around its median by this k (`goalSeek`'s `spreadK`) */
    spreadK?: number;
    /** k's Monte Carlo standard error (`goalSeek`'s `spreadKSe`): the interval includes it */
    spreadKSe?: number;
  },
): TighteningSolution | TighteningNoSolution {
  // P(merforbrug > 0), or with `variable: 'beyondOpsparing'` P(forbrug > bevilling + usable opsparing)
  const target: GoalTarget =
    o.variable === 'beyondOpsparing'
      ? {
          variable: 'beyondOpsparing',
          threshold: 0,
          year: o.year,
          op: '<=',
          value: o.target,
          text: `P(merforbrug>opsparing, ${o.year}) <= ${o.target}`,
        }
      : {
          variable: 'merforbrug',
          threshold: 0,
          year: o.year,
          op: '<=',
          value: o.target,
          text: `P(merforbrug>0, ${o.year}) <= ${o.target}`,
        };
  const g = goalSeek(def, {
    lever: o.lever ?? 'visitation',
    target,
    runs: o.runs,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.tolerance !== undefined ? { tolerance: o.tolerance } : {}),
    ...(o.bracket ? { bracket: o.bracket } : {}),
    ...(o.spreadK !== undefined ? { spreadK: o.spreadK } : {}),
    ...(o.spreadKSe !== undefined ? { spreadKSe: o.spreadKSe } : {}),
  });
  // the lever is a relative change of the rate (negative); a tightening is its size (+0: no −0)
  if (!g.solved) return { solved: false, p0: g.p0, limit: -g.limit + 0, pAtLimit: g.pAtLimit, runs: g.runs };
  return {
    solved: true,
    tightening: -g.change + 0,
    lower: -g.changeInterval[1] + 0,
    upper: -g.changeInterval[0] + 0,
    p: g.p,
    p0: g.p0,
    runs: g.runs,
    ...(g.kError
      ? { kError: { se: g.kError.se, tighteningPerK: -g.kError.changePerK + 0, tighteningSe: g.kError.changeSe } }
      : {}),
  };
}

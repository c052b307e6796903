/**
 * What every step of the report's collection shares: the options resolved once (language, runs, the seed as an
 * option spread), the data, the parts asked for, the timings and the list of parts that could not be computed.
 */
import { isUserError } from '../../errors.js';
import type { Lang } from '../../text/number.js';
import type { Dataset } from '../../data/dataset.js';
import type { Unavailable } from '../model.js';

/** Optional parts of the report model. */
export type ReportPart = 'forecasts' | 'scenarios' | 'whatif' | 'sensitivity' | 'measures' | 'backtest';

/** The context of one report collection. */
export interface StepContext {
  lang: Lang;
  /** Monte Carlo runs of the primary scenario (set by the scenarios step: `--runs`, else its file's runs); the other steps scale with them. */
  runs: number;
  /** `{ runs }` when `--runs` was given, else `{}`: each scenario then runs with its own file's runs, as in `viso scenario run`. */
  runsOpt: { runs?: number };
  /** The seed as given, or undefined for each engine's default. */
  seed: number | undefined;
  /** `{ seed }` when a seed was given, else `{}`: spread into every engine call. */
  seedOpt: { seed?: number };
  ds: Dataset;
  want: (p: ReportPart) => boolean;
  timings: Record<string, number> | undefined;
  unavailable: Unavailable[];
}

/**
 * Run `f`, recording its wall time in milliseconds (one decimal) under `name` when timings are collected.
 *
 * @example
 * timed(timings, 'data', () => loadBundled())
 */
export function timed<T>(timings: Record<string, number> | undefined, name: string, f: () => T): T {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    if (timings) timings[name] = Math.round((performance.now() - t0) * 10) / 10;
  }
}

/**
 * `timed` for an async step.
 *
 * @example
 * await timedAsync(timings, 'measures', () => collectMeasures(ctx))
 */
export async function timedAsync<T>(
  timings: Record<string, number> | undefined,
  name: string,
  f: () => Promise<T>,
): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    if (timings) timings[name] = Math.round((performance.now() - t0) * 10) / 10;
  }
}

/** The first line of an error's message. */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/**
 * Run a part of the report: a user error (a bad file) is thrown; any other failure is recorded in
 * `ctx.unavailable` under `section` (shown in the report with its reason) and gives undefined.
 *
 * @example
 * const s = await guarded(ctx, 'sensitivity', () => collectSensitivity(ctx, primary, year));
 */
export async function guarded<T>(
  ctx: StepContext,
  section: string,
  f: () => T | Promise<T>,
  prefix?: string,
): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    if (isUserError(e)) throw e;
    ctx.unavailable.push({ section, reason: prefix ? `${prefix}: ${reason(e)}` : reason(e) });
    return undefined;
  }
}

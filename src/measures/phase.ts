/**
 * Phase-in and decay of a measure's effect by calendar year.
 */
import type { MeasureDef } from './types.js';

/**
 * Share of the start year that lies on or after the start date
 * (a measure starting 20 September acts in 103 of 365 days).
 *
 * @example
 * firstYearShare('2021-09-20') // 0.2821917808219178 (103/365)
 * firstYearShare('2018-01-01') // 1
 */
export function firstYearShare(start: string): number {
  const d = new Date(`${start}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const end = Date.UTC(y + 1, 0, 1);
  const begin = Date.UTC(y, 0, 1);
  return (end - d.getTime()) / (end - begin);
}

/**
 * Year of a `YYYY-MM-DD` start date.
 *
 * @example
 * startYear({ start: '2021-09-20' }) // 2021
 */
export function startYear(def: Pick<MeasureDef, 'start'>): number {
  return Number(def.start.slice(0, 4));
}

/**
 * Share (0..1) of the full effect that acts in `year`: 0 before the start
 * year, `phaseIn[k]` in the k-th year from the start, the last phase-in value
 * afterwards, reduced by `decay` per year after full phase-in.
 *
 * @example
 * phaseShare({ start: '2021-09-20', phaseIn: [0.28, 1], decay: 0.1 }, 2024) // 0.81 (1 × 0.9²)
 */
export function phaseShare(def: Pick<MeasureDef, 'start' | 'phaseIn' | 'decay'>, year: number): number {
  const k = year - startYear(def);
  if (k < 0) return 0;
  const n = def.phaseIn.length;
  if (k < n) return def.phaseIn[k];
  return def.phaseIn[n - 1] * (1 - (def.decay ?? 0)) ** (k - n + 1);
}

/**
 * Multiplicative factor on the acted quantity in `year` for a drawn effect:
 * 1 before the start, `1 + effect × phaseShare` afterwards.
 *
 * @example
 * measureFactor(def, 2020, -0.08) // 1
 * measureFactor(def, 2022, -0.08) // 0.92 (full phase-in)
 */
export function measureFactor(
  def: Pick<MeasureDef, 'start' | 'phaseIn' | 'decay'>,
  year: number,
  effect: number,
): number {
  return 1 + effect * phaseShare(def, year);
}

/**
 * The default phase-in for a start date: the share of the first year the
 * measure acts in, then full effect.
 *
 * @example
 * defaultPhaseIn('2021-09-20') // [0.28, 1]
 * defaultPhaseIn('2018-01-01') // [1]
 */
export function defaultPhaseIn(start: string): number[] {
  const s = Math.round(firstYearShare(start) * 100) / 100;
  return s >= 1 ? [1] : [s, 1];
}

/**
 * Reading the inputs of the cost model from a dataset: forbrug, forløb,
 * henvendelser and the COVID-19 extra costs, one row per year.
 */
import { pointAt } from '../data/series.js';
import type { Flag, Series } from '../data/types.js';

/** What the cost and measures code needs from a dataset (`loadBundled()` satisfies it). */
export interface SeriesSource {
  get(id: string): Series;
  has(id: string): boolean;
  /** Dated events (measures, registration breaks), if the dataset has them. */
  readonly events?: readonly { id: string; date: string; year: number; kind: string }[];
  /** Source documents, if the dataset has them. */
  readonly sources?: readonly { doc: string }[];
}

/** The main areas (hovedområder) with henvendelser and forløb by area, plus the total. */
export const AREAS = ['voksne', 'boern_unge', 'specialundervisning', 'andet', 'i_alt'] as const;
export type AreaName = (typeof AREAS)[number];

/** Series ids used by the cost model. */
export const COST_IDS = {
  forbrug: 'viso.raadgivning.forbrug',
  forbrugCovid: 'viso.raadgivning.forbrug_covid.i_alt',
  forloeb: (area: string) => `viso.raadgivning.forloeb.${area}`,
  henvendelser: (area: string) => `viso.raadgivning.henvendelser.${area}`,
  gruppeforloeb: (area: string) => `viso.raadgivning.gruppeforloeb.${area}`,
  maalgruppeforloeb: 'viso.raadgivning.maalgruppeforloeb.i_alt',
  temaforloeb: 'viso.raadgivning.temaforloeb.i_alt',
} as const;

/** One year of cost-model input. `NaN` where the data has no value. */
export interface CostInputRow {
  year: number;
  /** forbrug as published, mio. kr. (current prices) */
  forbrug: number;
  /** COVID-19 extra costs included in forbrug, mio. kr. (0 where none) */
  covidCost: number;
  /** number of forløb started (i_alt) */
  forloeb: number;
  flags: Flag[];
  sources: string[];
}

/**
 * One row per year from the first to the last year with forbrug or forløb.
 *
 * @example
 * costInputs(loadBundled()).find((r) => r.year === 2020)
 * // { year: 2020, forbrug: 143.9, covidCost: 1.2, forloeb: 2164, flags: ['includes_covid', 'estimated'], ... }
 */
export function costInputs(ds: SeriesSource): CostInputRow[] {
  const forbrug = ds.get(COST_IDS.forbrug);
  const forloeb = ds.get(COST_IDS.forloeb('i_alt'));
  const covid = ds.has(COST_IDS.forbrugCovid) ? ds.get(COST_IDS.forbrugCovid) : undefined;
  const years = [...new Set([...forbrug.points, ...forloeb.points].map((p) => p.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const f = pointAt(forbrug, year);
    const n = pointAt(forloeb, year);
    const c = covid ? pointAt(covid, year) : undefined;
    return {
      year,
      forbrug: f?.value ?? NaN,
      covidCost: c?.value ?? 0,
      forloeb: n?.value ?? NaN,
      flags: [...new Set([...(f?.flags ?? []), ...(n?.flags ?? [])])],
      sources: [...new Set([...(f?.sources ?? []), ...(n?.sources ?? []), ...(c?.sources ?? [])])],
    };
  });
}

/**
 * Values of a series on the given years (`NaN` where missing).
 *
 * @example
 * valuesOn(ds.get('viso.raadgivning.forbrug'), [2020, 2021]) // [143.9, NaN]
 */
export function valuesOn(s: Series | undefined, years: number[]): number[] {
  if (!s) return years.map(() => NaN);
  const m = new Map(s.points.map((p) => [p.year, p.value]));
  return years.map((y) => m.get(y) ?? NaN);
}

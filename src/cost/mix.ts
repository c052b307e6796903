/**
 * Mix of forløb types: enkelt- (individual), gruppe-, målgruppe- and
 * temaforløb, as far as the data has them.
 */
import type { Msg } from '../text/messages.js';
import { COST_IDS, valuesOn, type SeriesSource } from './data.js';

/** One year of the forløb mix. Counts; `NaN` where the type is not reported. */
export interface MixRow {
  year: number;
  total: number;
  gruppe: number;
  maalgruppe: number;
  tema: number;
  /** total minus the reported other types (enkeltforløb, assuming the total includes them) */
  enkelt: number;
  /** shares of the total (NaN where not reported) */
  shares: { gruppe: number; maalgruppe: number; tema: number };
}

/** The forløb mix and what can and cannot be concluded from it. */
export interface ForloebMix {
  rows: MixRow[];
  /** what can and cannot be concluded, as codes (worded in src/report/costText.ts) */
  notes: Msg[];
}

/**
 * Forløb by type per year (gruppeforløb 2015–2020, målgruppeforløb 2023–2024,
 * temaforløb 2024).
 *
 * @example
 * forloebMix(loadBundled()).rows.find((r) => r.year === 2024)
 * // { year: 2024, total: 2543, gruppe: NaN, maalgruppe: 83, tema: 80, enkelt: 2380, ... }
 */
export function forloebMix(ds: SeriesSource): ForloebMix {
  const total = ds.get(COST_IDS.forloeb('i_alt'));
  const years = total.points.map((p) => p.year);
  const t = valuesOn(total, years);
  const get = (id: string) => valuesOn(ds.has(id) ? ds.get(id) : undefined, years);
  const g = get(COST_IDS.gruppeforloeb('i_alt'));
  const m = get(COST_IDS.maalgruppeforloeb);
  const te = get(COST_IDS.temaforloeb);
  const rows = years.map((year, i) => {
    const others = [g[i], m[i], te[i]].filter(Number.isFinite).reduce((s, v) => s + v, 0);
    return {
      year,
      total: t[i],
      gruppe: g[i],
      maalgruppe: m[i],
      tema: te[i],
      enkelt: t[i] - others,
      shares: { gruppe: g[i] / t[i], maalgruppe: m[i] / t[i], tema: te[i] / t[i] },
    };
  });
  const gs = rows.map((r) => r.shares.gruppe).filter(Number.isFinite);
  const notes: Msg[] = [
    { code: 'cost.mix.noCostByType' },
    ...(gs.length
      ? [{ code: 'cost.mix.gruppeShare', params: { min: Math.min(...gs), max: Math.max(...gs) } } as const]
      : []),
    { code: 'cost.mix.newTypes' },
    { code: 'cost.mix.totalIncludes' },
  ];
  return { rows, notes };
}

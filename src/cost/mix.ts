/**
 * Mix of forløb types: enkelt- (individual), gruppe-, målgruppe- and
 * temaforløb, as far as the data has them.
 */
import type { Lang } from '../text/number.js';
import { COST_IDS, valuesOn, type SeriesSource } from './data.js';
import { tr } from './lang.js';

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
  notes: string[];
}

/**
 * Forløb by type per year (gruppeforløb 2015–2020, målgruppeforløb 2023–2024,
 * temaforløb 2024).
 *
 * @example
 * forloebMix(loadBundled()).rows.find((r) => r.year === 2024)
 * // { year: 2024, total: 2543, gruppe: NaN, maalgruppe: 83, tema: 80, enkelt: 2380, ... }
 */
export function forloebMix(ds: SeriesSource, opts: { lang?: Lang } = {}): ForloebMix {
  const L = opts.lang;
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
  const notes = [
    tr(
      L,
      'Forbruget opgøres ikke pr. forløbstype, så en enhedsomkostning pr. type kan ikke estimeres; omkostningsmodellen bruger forløb i alt.',
      'Forbrug is not reported by forløb type, so a separate unit cost per type cannot be estimated; the cost model uses total forløb.',
    ),
    gs.length
      ? tr(
          L,
          `Gruppeforløb udgjorde ${(Math.min(...gs) * 100).toFixed(1).replace('.', ',')}–${(Math.max(...gs) * 100).toFixed(1).replace('.', ',')} % af alle forløb 2015–2020: en for stabil andel til at flytte enhedsomkostningen målbart.`,
          `Gruppeforløb were ${(Math.min(...gs) * 100).toFixed(1)}–${(Math.max(...gs) * 100).toFixed(1)} % of all forløb 2015–2020: too stable a share to move the unit cost measurably.`,
        )
      : '',
    tr(
      L,
      'Målgruppeforløb (2023–) og temaforløb (2024–) kom med registreringsændringen i november 2023; sammen med den nye registreringspraksis behandles de som et strukturelt brud (niveauskift), ikke som en trend.',
      'Målgruppeforløb (2023–) and temaforløb (2024–) arrived with the registration change of November 2023; together with the new registration practice they are treated as a structural break (level shift), not as a trend.',
    ),
    tr(
      L,
      'Kilderne siger ikke, om totalen omfatter gruppe-, målgruppe- og temaforløb; enkelt = i alt − øvrige typer forudsætter, at den gør.',
      'The sources do not say whether the total includes gruppe-, målgruppe- and temaforløb; enkelt = total − reported other types assumes it does.',
    ),
  ].filter(Boolean);
  return { rows, notes };
}

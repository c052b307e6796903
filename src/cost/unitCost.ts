/**
 * Unit cost: forbrug per forløb, in current and in fixed prices.
 */
import type { Flag } from '../data/types.js';
import { defaultCostAssumptions, type CostAssumptions } from './assumptions.js';
import { costInputs, type SeriesSource } from './data.js';
import { plIndex } from './plIndex.js';
import { UsageError, shownArg } from '../errors.js';
import type { Msg } from '../text/messages.js';

export type Prices = 'current' | 'fixed';

/** Options of `unitCostTable`. */
export interface UnitCostOptions {
  /** `current` (default) or `fixed` prices of `baseYear`. */
  prices?: Prices;
  /** Base year of fixed prices (default: the assumptions' base year). */
  baseYear?: number;
  /** Cost assumptions (default: `defaultCostAssumptions()`; the CLI passes `loadCostAssumptions()`). */
  assumptions?: CostAssumptions;
  /** Subtract COVID-19 extra costs (default: the assumptions' setting). */
  excludeCovidCosts?: boolean;
}

/** One year of the unit-cost table. */
export interface UnitCostRow {
  year: number;
  /** forbrug used (after the COVID adjustment), mio. kr., in the requested prices */
  forbrug: number;
  forloeb: number;
  /** kr. per forløb in the requested prices (NaN if either is missing) */
  unitCostKr: number;
  /** PL index of the year relative to the base year (1 for current prices) */
  plIndex: number;
  /** COVID-19 extra costs subtracted from the published forbrug, mio. kr. (0 if none) */
  covidExcluded: number;
  flags: Flag[];
  /** why a row is special (COVID adjustment, estimated share, registration break, missing data), as codes */
  notes: Msg[];
}

/** The unit-cost table with the assumptions it used. */
export interface UnitCostTable {
  prices: Prices;
  baseYear: number;
  /** The PL assumption's label in Danish and English (the assumptions' data; the wording layer picks one). */
  plLabel: { da: string; en: string };
  rows: UnitCostRow[];
}

/**
 * Forbrug per forløb for every year with forbrug or forløb.
 *
 * @example
 * const t = unitCostTable(loadBundled(), { prices: 'current' });
 * t.rows.find((r) => r.year === 2019)?.unitCostKr // 66101.7 (136.5 mio. kr. / 2065)
 */
export function unitCostTable(ds: SeriesSource, opts: UnitCostOptions = {}): UnitCostTable {
  // a TypeError reading get of undefined deep inside before
  if (ds === null || typeof ds !== 'object' || typeof ds.get !== 'function' || typeof ds.has !== 'function')
    throw new UsageError({
      code: 'cost.err.dataset',
      params: {
        name: 'unitCostTable: ds',
        got: ds instanceof Promise ? 'a Promise (await loadDataset)' : shownArg(ds),
      },
    });
  const a = opts.assumptions ?? defaultCostAssumptions();
  const prices = opts.prices ?? 'current';
  // any other text was taken as current prices and echoed as the table's prices
  if (prices !== 'current' && prices !== 'fixed')
    throw new UsageError({ code: 'cost.err.prices', params: { got: shownArg(prices) } });
  const baseYear = opts.baseYear ?? a.baseYear;
  const exclCovid = opts.excludeCovidCosts ?? a.costModel.excludeCovidCosts;
  const rows = costInputs(ds).map((r): UnitCostRow => {
    const idx = prices === 'fixed' ? plIndex(a, r.year, baseYear) : 1;
    const forbrug = (r.forbrug - (exclCovid ? r.covidCost : 0)) / idx;
    const notes: Msg[] = [];
    if (exclCovid && r.covidCost > 0) notes.push({ code: 'cost.row.covid', params: { mio: r.covidCost } });
    if (r.flags.includes('estimated')) notes.push({ code: 'cost.row.estimated' });
    if (r.flags.includes('registration_break')) notes.push({ code: 'cost.row.registrationBreak' });
    if (r.flags.includes('ambiguous_account')) notes.push({ code: 'cost.row.ambiguousAccount' });
    if (Number.isNaN(r.forbrug)) notes.push({ code: 'cost.row.noForbrug' });
    if (Number.isNaN(r.forloeb)) notes.push({ code: 'cost.row.noForloeb' });
    return {
      year: r.year,
      forbrug,
      forloeb: r.forloeb,
      unitCostKr: (forbrug * 1e6) / r.forloeb,
      plIndex: idx,
      covidExcluded: exclCovid ? r.covidCost : 0,
      // the published forbrug includes the COVID-19 costs; the row's value, with them subtracted, does not
      flags:
        exclCovid && r.covidCost > 0
          ? r.flags.map((f): Flag => (f === 'includes_covid' ? 'excludes_covid' : f))
          : r.flags,
      notes,
    };
  });
  return { prices, baseYear, plLabel: { da: a.pl.defaultLabel, en: a.pl.defaultLabelEn ?? a.pl.defaultLabel }, rows };
}

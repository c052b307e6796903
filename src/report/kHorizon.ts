/**
 * What is said about the one forecast's spread factor k: where it is used beyond the horizons it was measured on,
 * and how much it depends on one backtest year (plain logic with no Node imports: used by the summary's caveat,
 * the CLI's goal seek and the live what-if's page script alike).
 */

/**
 * The years of `years` further ahead of `baseYear` (the last actual year) than the largest backtest horizon
 * in `horizons` (sorted ascending; the h values k was fitted on), in the order given; none without horizons.
 *
 * @example
 * yearsBeyondHorizons(2024, [1, 2], [2025, 2026, 2027, 2028]) // [2027, 2028]
 */
export function yearsBeyondHorizons(baseYear: number, horizons: readonly number[], years: readonly number[]): number[] {
  if (!horizons.length) return [];
  const hMax = horizons[horizons.length - 1];
  return years.filter((y) => y - baseYear > hMax);
}

/**
 * A span of whole numbers as text: the single value, or first–last (en dash).
 *
 * @example
 * spanText(1, 2) // '1–2'
 * spanText(2027, 2027) // '2027'
 */
export function spanText(first: number, last: number): string {
  return first === last ? String(first) : `${first}–${last}`;
}

/** Where `viso scenario goal-seek --spread-k backtest` took its k (its `--json` field `spreadKFrom`). */
export interface SpreadKFrom {
  /** The scenario whose backtest fitted k. */
  backtest: string;
  runsPerReplay: number;
  /** The horizons h k was fitted on (ascending). */
  horizons: number[];
  /** The target year lies further ahead of the base year than those horizons: k is extrapolated there. */
  extrapolated: boolean;
}

/**
 * Where a k fitted by a backtest comes from, and whether `targetYear` lies beyond the horizons it was fitted on
 * (seen from `baseYear`, the scenario's last actual year).
 *
 * @example
 * spreadKFrom({ scenario: 'baseline', runs: 20000, calibration: { horizons: [1, 2] } }, 2024, 2029).extrapolated // true
 */
export function spreadKFrom(
  bt: { scenario: string; runs: number; calibration: { horizons: readonly number[] } },
  baseYear: number,
  targetYear: number,
): SpreadKFrom {
  const horizons = [...bt.calibration.horizons];
  return {
    backtest: bt.scenario,
    runsPerReplay: bt.runs,
    horizons,
    extrapolated: yearsBeyondHorizons(baseYear, horizons, [targetYear]).length > 0,
  };
}

/**
 * The horizons h (ascending) the one forecast's spread factor k was fitted on: the backtest's, when that backtest
 * replayed the one forecast's own scenario; else none (k then says nothing about horizons).
 *
 * @example
 * kHorizons({ scenario: 'baseline', calibration: { horizons: [1, 2] } }, 'baseline') // [1, 2]
 * kHorizons({ scenario: 'baseline', calibration: { horizons: [1, 2] } }, 'high-demand') // []
 */
export function kHorizons(
  trackRecord: { scenario: string; calibration: { horizons: readonly number[] } } | undefined,
  scenario: string | undefined,
): number[] {
  return trackRecord && scenario !== undefined && trackRecord.scenario === scenario
    ? [...trackRecord.calibration.horizons]
    : [];
}

/**
 * An answer's dependence on k fitted on a few years: the smallest and largest k of `Calibration.kWithoutVantage`
 * (the first of equals) and the answer moved to each along its slope `perK` from (`k`, `answer`), as [lo, hi]
 * ascending; undefined without the refits. The report's goal seek and `viso scenario goal-seek` say the same with it.
 *
 * @example
 * kRangeAlong([{ vantage: 2016, k: 1.335 }, { vantage: 2017, k: 1.652 }, { vantage: 2018, k: 1.61 }], 1.505, 0.158, 0.066)
 * // { kLo: { vantage: 2016, k: 1.335 }, kHi: { vantage: 2017, k: 1.652 }, lo: 0.1468…, hi: 0.1677… }
 */
export function kRangeAlong(
  ks: readonly { vantage: number; k: number }[] | undefined,
  k: number,
  answer: number,
  perK: number,
): { kLo: { vantage: number; k: number }; kHi: { vantage: number; k: number }; lo: number; hi: number } | undefined {
  if (!ks?.length) return undefined;
  const pick = (better: (x: number, y: number) => boolean) => ks.reduce((a, b) => (better(b.k, a.k) ? b : a));
  const kLo = pick((x, y) => x < y);
  const kHi = pick((x, y) => x > y);
  const [lo, hi] = [kLo.k, kHi.k].map((x) => answer + perK * (x - k)).sort((a, b) => a - b);
  return { kLo, kHi, lo, hi };
}

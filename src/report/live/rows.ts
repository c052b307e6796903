/**
 * The rows of the live what-if's result table from a live run and the unchanged scenario's run with the
 * same runs (bundled into the page script; also run in Node by the tests, so the page's cells are the
 * Node computation's). With a spread factor k every year carries both models: the driver model's P, its
 * MC error and its change, then the one forecast's P (with its MC error in brackets) and the change of
 * the one forecast's P — each change against the same model of the unchanged scenario. The cell order is
 * `liveTableColumns` (panel.ts).
 */
import { formatNumber, formatPct, type Lang } from '../../text/number.js';
import type { LiveResult } from './compute.js';

/** The change in P of one year against the unchanged scenario, in percentage points. */
export interface LiveChange {
  year: number;
  /** The driver model's: (p − p₀) · 100. */
  dp: number;
  /** The one forecast's: (one.p − one.p₀) · 100 (only with a spread factor k). */
  dpOne?: number;
}

/**
 * The change in P per year of `res` against `start` (the unchanged scenario, the same runs and seed), for
 * the driver model and, with a spread factor k, for the one forecast.
 *
 * @example
 * liveChanges(liveRun(changed, 20_000, 1.6), liveRun(model, 20_000, 1.6))[1].dpOne // the one forecast's change in P 2026 (pct.-point)
 */
export function liveChanges(res: LiveResult, start: LiveResult): LiveChange[] {
  if (res.runs !== start.runs || res.seed !== start.seed || res.years.length !== start.years.length)
    throw new Error('live what-if: the change in P needs the unchanged scenario with the same runs and seed');
  if (res.k !== start.k) throw new Error('live what-if: the change in P needs the same spread factor k in both runs');
  return res.years.map((y, i) => {
    const s = start.years[i];
    const dp = (y.p - s.p) * 100;
    if (!y.one) return { year: y.year, dp };
    if (!s.one) throw new Error(`live what-if: the unchanged scenario has no one forecast for ${y.year}`);
    return { year: y.year, dp, dpOne: (y.one.p - s.one.p) * 100 };
  });
}

/**
 * A change in percentage points as the table shows it: one decimal, a plus sign when it rounds above zero.
 *
 * @example
 * signedPp(2.345, 'da') // '+2,3'
 * signedPp(-0.81, 'en') // '-0.8'
 */
export function signedPp(dp: number, lang: Lang): string {
  return `${Math.round(dp * 10) > 0 ? '+' : ''}${formatNumber(dp, 1, lang)}`;
}

/** The marker on the one forecast's P of a year where k is extrapolated (the note under the table explains it). */
export const K_MARK = '¹';

/**
 * The `<tr>` rows of the live result table (cells in the order of `liveTableColumns(res.k !== undefined)`).
 * The P and change cells carry their full-precision values (`data-p`, `data-dp`, `data-p-one`,
 * `data-dp-one`) for the tests and the benchmark. The one forecast's P of the years in `kExtrapolated` (further
 * ahead than the backtest replays k was fitted on, `yearsBeyondHorizons`) carries the marker `K_MARK`.
 *
 * @example
 * liveTableRows(res, start, 'da')[0].startsWith('<tr><td class="n">2025</td>') // true
 */
export function liveTableRows(
  res: LiveResult,
  start: LiveResult,
  lang: Lang,
  kExtrapolated: readonly number[] = [],
): string[] {
  const changes = liveChanges(res, start);
  const n = (v: number, d = 1) => formatNumber(v, d, lang);
  return res.years.map((y, i) => {
    const c = changes[i];
    const at = `data-year="${y.year}"`;
    const driver = `<td class="n" ${at} data-p="${y.p}">${formatPct(y.p, lang, 1)}</td><td class="n">±${n(y.pSe * 100, 2)}</td><td class="n" ${at} data-dp="${c.dp}">${signedPp(c.dp, lang)}</td>`;
    const mark = kExtrapolated.includes(y.year) ? K_MARK : '';
    const one =
      y.one && c.dpOne !== undefined
        ? `<td class="n" ${at} data-p-one="${y.one.p}">${formatPct(y.one.p, lang, 1)}${mark} (±${n(y.one.pSe * 100, 2)})</td><td class="n" ${at} data-dp-one="${c.dpOne}">${signedPp(c.dpOne, lang)}</td>`
        : '';
    return `<tr><td class="n">${y.year}</td>${driver}${one}<td class="n">${n(y.forbrug.mean)}</td><td class="n">${n(y.forbrug.p10)}</td><td class="n">${n(y.forbrug.p90)}</td><td class="n">${n(y.bevilling.mean)}</td><td class="n">${n(y.expectedMerforbrug)}</td><td class="n">${n(y.expectedOverspend)}</td></tr>`;
  });
}

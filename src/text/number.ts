/** Language of user-facing text and numbers. Danish is the default everywhere. */
export type Lang = 'da' | 'en';

/**
 * Format a number with grouping and a fixed number of decimals:
 * Danish `1.234,5`, English `1,234.5`. Negative zero prints as 0; non-finite as `–`.
 *
 * @example
 * formatNumber(1234.5, 1)        // '1.234,5'
 * formatNumber(1234.5, 1, 'en')  // '1,234.5'
 */
export function formatNumber(x: number, decimals = 0, lang: Lang = 'da'): string {
  // the ground floor throws no UsageError (src/errors.ts imports it): a RangeError naming the argument,
  // as the standard statistics do (1.5 was cut to 1 decimal and -1 was toFixed's own RangeError)
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 100)
    throw new RangeError(`formatNumber: decimals must be an integer from 0 to 100 (got ${String(decimals)})`);
  if (!Number.isFinite(x)) return '–';
  const neg = x < 0 && Math.abs(x) >= 0.5 * 10 ** -decimals;
  const fixed = Math.abs(x).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const group = lang === 'da' ? '.' : ',';
  const dec = lang === 'da' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (neg ? '-' : '') + grouped + (frac ? dec + frac : '');
}

/**
 * Format an amount in millions of kroner: `143,9 mio. kr.` / `DKK 143.9m`.
 *
 * @example
 * formatMio(1234.5)        // '1.234,5 mio. kr.'
 * formatMio(143.9, 'en')   // 'DKK 143.9m'
 */
export function formatMio(x: number, lang: Lang = 'da', decimals = 1): string {
  const n = formatNumber(x, decimals, lang);
  return lang === 'da' ? `${n} mio. kr.` : `DKK ${n}m`;
}

/**
 * The decimals of a number as written (`1.25` → 2, `143` → 0), at most 6: to show a figure taken
 * from a source without rounding it, e.g. `formatMio(x, 'en', writtenDecimals(x))`.
 *
 * @example
 * writtenDecimals(1.2) // 1
 */
export function writtenDecimals(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const m = /\.(\d+)$/.exec(String(x));
  return Math.min(6, m ? m[1].length : 0);
}

/**
 * Format a difference of shares (0..1) in percentage points, e.g. a Monte Carlo standard error
 * of a probability: `0,10 pct.-point` / `0.10 pp` (never "%", which would read as a relative error).
 *
 * @example
 * formatPp(0.001, 'da', 2) // '0,10 pct.-point'
 * formatPp(0.001, 'en', 2) // '0.10 pp'
 */
export function formatPp(diff: number, lang: Lang = 'da', decimals = 1): string {
  return `${formatNumber(diff * 100, decimals, lang)} ${ppUnit(lang)}`;
}

/**
 * The unit of percentage points: `pct.-point` / `pp`.
 *
 * @example
 * ppUnit('en') // 'pp'
 */
export function ppUnit(lang: Lang = 'da'): string {
  return lang === 'da' ? 'pct.-point' : 'pp';
}

/**
 * Format a share (0..1) as a percentage: `90,8 %` / `90.8%`.
 *
 * @example
 * formatPct(0.908)        // '90,8 %'
 * formatPct(0.908, 'en')  // '90.8%'
 */
export function formatPct(share: number, lang: Lang = 'da', decimals = 1): string {
  const n = formatNumber(share * 100, decimals, lang);
  return lang === 'da' ? `${n} %` : `${n}%`;
}

/**
 * A range of two formatted numbers: joined by an en dash (`2,9–5,3`), or by »til« / »to« when a bound is
 * negative, where a dash beside a minus sign reads as one more minus (`-5,9 til -0,3`, not `-5,9–-0,3`).
 *
 * @example
 * rangeText('2,9', '5,3')         // '2,9–5,3'
 * rangeText('-5,9', '-0,3')       // '-5,9 til -0,3'
 * rangeText('-16.4', '16.7', 'en') // '-16.4 to 16.7'
 */
export function rangeText(lo: string, hi: string, lang: Lang = 'da'): string {
  return /^[-−]/.test(lo) || /^[-−]/.test(hi) ? `${lo} ${lang === 'da' ? 'til' : 'to'} ${hi}` : `${lo}–${hi}`;
}

/**
 * A small count as a word beginning a sentence (»To år frem«, »Two years ahead«); digits beyond ten.
 *
 * @example
 * countWord(2)        // 'To'
 * countWord(3, 'en')  // 'Three'
 * countWord(12)       // '12'
 */
export function countWord(n: number, lang: Lang = 'da'): string {
  const da = ['Nul', 'Ét', 'To', 'Tre', 'Fire', 'Fem', 'Seks', 'Syv', 'Otte', 'Ni', 'Ti'];
  const en = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
  return (lang === 'da' ? da : en)[n] ?? String(n);
}

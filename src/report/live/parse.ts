/**
 * Reading an amount the reader types into the live what-if (a bevilling in mio. kr.), the way the page's
 * language writes numbers: Danish `1.234,5` (comma decimals, dot or space thousands), English `1,234.5`.
 * A separator that cannot be a thousands separator in that language (not followed by exactly three digits)
 * is read as a decimal point, so `171.5` on a Danish page and `171,5` on an English one still mean 171,5.
 * Anything else (letters, exponents, two decimal separators, a sign) is not a number the page guesses at.
 * Pure, no Node imports: it runs in the report's browser bundle and in the Node tests.
 */
import type { Lang } from '../../text/number.js';

/** Why a typed amount cannot be used. */
export type AmountProblem = 'format' | 'negative' | 'tooLarge';

/** A typed amount: empty (the scenario's own), a number, or what is wrong with it. */
export type ParsedAmount =
  { kind: 'empty' } | { kind: 'ok'; value: number } | { kind: 'invalid'; problem: AmountProblem };

const SPACE = /[\s\u00a0\u202f]/g;

/** The unsigned number in `s` (separators as `lang` writes them), or undefined when it is not one. */
function unsigned(s: string, lang: Lang): number | undefined {
  const [dec, thou] = lang === 'da' ? [',', '.'] : ['.', ','];
  // thousands in groups of three (dot/comma or space), then optionally the language's decimals
  const grouped = new RegExp(`^\\d{1,3}(?:[${thou === '.' ? '.' : ','}]\\d{3})+(?:[${dec}]\\d+)?$`);
  const spaced = /^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;
  let v = s.replace(SPACE, ' ');
  if (spaced.test(v)) v = v.replace(/ /g, '');
  if (/\s/.test(v)) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  if (grouped.test(v)) return Number(v.split(thou).join('').replace(dec, '.'));
  // one separator: the decimal point (the other language's too, unless it can only be a thousands separator)
  const one = /^(\d+)[.,](\d+)$/.exec(v);
  if (one && (v.includes(dec) || one[2].length !== 3)) return Number(`${one[1]}.${one[2]}`);
  return undefined;
}

/**
 * Read a typed amount (mio. kr.): empty is the scenario's own; a negative amount, or one above `max` (when
 * given), is refused with the reason.
 *
 * @example
 * parseAmount('1.000,5', 'da') // { kind: 'ok', value: 1000.5 }
 * parseAmount('12.5', 'da') // { kind: 'ok', value: 12.5 }
 * parseAmount('1e9', 'da') // { kind: 'invalid', problem: 'format' }
 */
export function parseAmount(s: string, lang: Lang, max?: number): ParsedAmount {
  const v = s.trim();
  if (v === '') return { kind: 'empty' };
  const neg = /^[-\u2212]/.test(v);
  const x = unsigned(neg ? v.slice(1).trim() : v, lang);
  if (x === undefined || !Number.isFinite(x)) return { kind: 'invalid', problem: 'format' };
  if (neg && x !== 0) return { kind: 'invalid', problem: 'negative' };
  if (max !== undefined && x > max) return { kind: 'invalid', problem: 'tooLarge' };
  return { kind: 'ok', value: x };
}

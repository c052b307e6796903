/**
 * Plausibility checks of hand-set scenario inputs: a value outside what the data makes
 * plausible (a growth rate beyond ±50 % a year, a visitation rate or a share outside 0–1,
 * negative costs or counts, an amount three orders of magnitude (10³, i.e. a ratio that rounds to
 * 10³ on the log scale) above the data's scale, or for an appropriation or a cost per forløb below it) is an `InputError`
 * naming the file, line and column, with the likely intended value when there is one
 * (5 for 5 % → 0.05; 160000000 kroner → 160 mio. kr.).
 */
import { InputError, type InputLocation } from '../errors.js';
import { distQuantile, distText, percentAsShare, scaleDist, type DistSpec } from '../stats/distributions.js';
import type { Msg } from '../text/messages.js';
import { offByThousands, thousandsExponent } from '../data/scale.js';

/** What a plausible value of an input is. */
export interface PlausibleRange {
  /** Lowest and highest plausible values (the 0,1 % and 99,9 % quantiles must lie within). */
  lo: number;
  hi: number;
  /**
   * What is expected: a code of the dictionary (`{ code: 'scenario.range.growth' }`: a yearly growth
   * rate from -0.5 to 0.5 …), worded in the user's language, or an English text.
   */
  what: string | Msg;
  /** Negative values are impossible (costs, counts, rates). */
  nonNegative?: boolean;
  /**
   * The data's scale of this amount: a median (or upper tail) 1.000 times above it is refused; with `below`, a
   * positive median 1.000 times below it too (an appropriation in mia. kr., a cost per forløb in mio. kr.).
   */
  scale?: { ref: number; unit: string; below?: boolean };
}

// the one scale rule of amounts, for a user file's values as for a scenario's (kept importable from here)
export { offByThousands, thousandsExponent } from '../data/scale.js';
// a distribution's short text and its scaling, shared with the measure loader (kept importable from here)
export { distText, scaleDist } from '../stats/distributions.js';

const P_LO = 0.001;
const P_HI = 0.999;

function within(d: DistSpec, c: PlausibleRange): boolean {
  const a = distQuantile(d, P_LO);
  const b = distQuantile(d, P_HI);
  return Number.isFinite(a) && Number.isFinite(b) && a >= c.lo && b <= c.hi;
}

/**
 * Check a hand-set input against its plausible range; throws an `InputError` at `loc` with the likely
 * intended value (a percentage written as a share, kroner as mio. kr.) when there is one.
 *
 * @example
 * checkPlausible({ dist: 'normal', mean: 5, sd: 0.02 }, { file: 's.yaml', line: 3, column: 11 },
 *   { lo: -0.5, hi: 0.5, what: { code: 'scenario.range.growth' } });
 * // throws: s.yaml:3:11: expected a yearly growth rate from -0.5 to 0.5 (5 % is 0.05); did you mean
 * //         normal(mean 0.05, sd 0.0002)?, found "normal(mean 5, sd 0.02)"
 */
export function checkPlausible(d: DistSpec, loc: InputLocation, c: PlausibleRange): void {
  const a = distQuantile(d, P_LO);
  const b = distQuantile(d, P_HI);
  const med = distQuantile(d, 0.5);
  const found = distText(d);
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new InputError(
      loc,
      { code: 'scenario.range.finite', params: { what: c.what } },
      { code: 'scenario.range.finiteFound', params: { dist: found, a: String(a), b: String(b) } },
    );
  }
  if (c.scale && c.scale.ref > 0 && Number.isFinite(c.scale.ref)) {
    const top = Math.max(Math.abs(med), b);
    // off by three orders of magnitude: the ratio to the data's scale rounds to 10³ or more (≥ 10^2.5) above it, or,
    // where the scale says so, below it (0.1603 for 160,3 mio. kr.)
    const above = offByThousands(top, c.scale.ref);
    if (above || (c.scale.below && med > 0 && offByThousands(c.scale.ref, med))) {
      const k = thousandsExponent(Math.abs(med), c.scale.ref);
      const guess = Math.abs(k) >= 3 ? scaleDist(d, 10 ** -k) : undefined;
      const ref = String(round(c.scale.ref));
      const hint: Msg =
        guess && within(guess, c) && Math.abs(distQuantile(guess, 0.5)) < 1e3 * c.scale.ref
          ? { code: 'scenario.range.scaleGuess', params: { guess: distText(guess), unit: c.scale.unit, ref } }
          : { code: 'scenario.range.scaleRef', params: { ref, unit: c.scale.unit } };
      const code = above ? 'scenario.range.scale' : 'scenario.range.scaleBelow';
      throw new InputError(loc, { code, params: { what: c.what, hint } }, found);
    }
  }
  if (within(d, c)) return;
  const guess = percentAsShare(d, Math.max(Math.abs(c.lo), Math.abs(c.hi)), (g) => within(g, c));
  const hint: Msg | '' = guess ? { code: 'scenario.range.percentGuess', params: { guess: distText(guess) } } : '';
  const tail: Msg =
    c.nonNegative && a < 0
      ? { code: 'scenario.range.negative', params: { q: String(round(a)) } }
      : { code: 'scenario.range.range', params: { a: String(round(a)), b: String(round(b)) } };
  throw new InputError(loc, { code: 'scenario.range.outside', params: { what: c.what, hint, tail } }, found);
}

/**
 * Check an amount (a base-year actual) against the data's value for it: 1.000 times off is refused.
 *
 * @example
 * checkAmountScale(158000000, 158, { file: 's.yaml', line: 4, column: 14 }, 'actual.bevilling', 'mio. kr.');
 * // throws: … expected actual.bevilling on the data's scale (158 mio. kr.); did you mean 158?, found "158000000"
 */
export function checkAmountScale(x: number, ref: number, loc: InputLocation, what: string, unit: string): void {
  if (!(ref > 0) || !(x > 0)) return;
  const r = x / ref;
  if (Math.abs(Math.round(Math.log10(r))) < 3) return;
  const k = Math.round(Math.log10(r) / 3) * 3;
  const guess = Number((x / 10 ** k).toPrecision(12));
  throw new InputError(
    loc,
    { code: 'scenario.range.amount', params: { what, ref: String(round(ref)), unit, guess: String(guess) } },
    String(x),
  );
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

/**
 * Whether an amount is on the scale of the data it joins: an amount three orders of magnitude
 * (10³, a ratio that rounds to 10³ on the log scale) above the data's is kroner or 1.000 kr. given
 * where mio. kr. are meant; one as far below it is mia. kr. (checked where an amount cannot be that
 * small). The one rule for a user file's amounts (src/data/records.ts), a scenario's hand-set amounts
 * (src/scenario/plausibility.ts re-exports it), the monthly actuals and the CLI's options.
 */

/**
 * Whether an amount is three orders of magnitude off the data's scale `ref` (the ratio rounds to 10³ or more on the
 * log scale, i.e. ≥ 10^2.5: kroner or 1.000 kr. given where mio. kr. are meant).
 *
 * @example
 * offByThousands(161_200_000, 158) // true
 * offByThousands(16_120, 158)      // false (about 10²)
 */
export function offByThousands(x: number, ref: number): boolean {
  return Math.round(Math.log10(x / ref)) >= 3;
}

/**
 * The power of 10³ by which `x` is off the scale `ref` (3 for 1.000 kr., 6 for kroner), for the likely intended value.
 *
 * @example
 * thousandsExponent(161_200_000, 158) // 6: did you mean 161,2?
 */
export function thousandsExponent(x: number, ref: number): number {
  return Math.round(Math.log10(x / ref) / 3) * 3;
}

/**
 * Whether an amount is three orders of magnitude off the data's scale `ref` either way: above it ({@link
 * offByThousands}: kroner or 1.000 kr.) or below it (mia. kr.) where mio. kr. are meant.
 *
 * @example
 * offByThousandsEitherWay(0.1612, 158) // true (161,2 in mia. kr.)
 * offByThousandsEitherWay(16.12, 158)  // false (about 10⁻¹)
 */
export function offByThousandsEitherWay(x: number, ref: number): boolean {
  return offByThousands(x, ref) || offByThousands(ref, x);
}

/**
 * Illustrative data: a file that says its figures are made up (examples, not VISO's accounts). The rule, for a
 * `--data` file and a monthly actuals file alike: a comment or title line above the table (the raw table's
 * preamble) containing »illustrativ« / »illustrative« in any case (`# ILLUSTRATIVE DATA – IKKE VISOs FAKTISKE TAL`),
 * or the flag `illustrative` on a row (the `flags` column). A marked file's observations carry the flag.
 */

/**
 * Whether a comment or title line says the data are illustrative.
 *
 * @example
 * saysIllustrative('ILLUSTRATIVE DATA – IKKE VISOs FAKTISKE TAL FOR 2025') // true
 * saysIllustrative('Regnskab 2025') // false
 */
export function saysIllustrative(line: string): boolean {
  return /illustrativ/i.test(line);
}

/**
 * Whether the preamble of a table (its comment and title lines) marks the data illustrative.
 *
 * @example
 * preambleIllustrative([{ line: 1, text: '# ILLUSTRATIVE DATA' }]) // true
 */
export function preambleIllustrative(preamble: readonly { text: string }[] | undefined): boolean {
  return (preamble ?? []).some((p) => saysIllustrative(p.text));
}

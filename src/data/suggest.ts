/**
 * "Did you mean" suggestions for misspelt ids.
 */

/**
 * Levenshtein edit distance between two strings.
 *
 * @example
 * editDistance('forbrug', 'forbrog') // 1
 */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * Up to `max` candidates closest to `wanted`: ids containing it (or contained
 * in it) first, then by edit distance, keeping only plausible matches.
 *
 * @example
 * closest('viso.raadgivning.forbrg', ['viso.raadgivning.forbrug', 'viso.kas.forbrug'])
 * // ['viso.raadgivning.forbrug', ...]
 */
export function closest(wanted: string, candidates: string[], max = 3): string[] {
  const w = wanted.toLowerCase();
  const scored = candidates.map((c) => {
    const lc = c.toLowerCase();
    const contains = w.length >= 3 && (lc.includes(w) || w.includes(lc));
    const d = editDistance(w, lc);
    return { c, score: contains ? -1000 + d : d };
  });
  const limit = Math.max(3, Math.floor(w.length / 3));
  return scored
    .filter((s) => s.score < 0 || s.score <= limit)
    .sort((a, b) => a.score - b.score || (a.c < b.c ? -1 : 1))
    .slice(0, max)
    .map((s) => s.c);
}

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

/** Three rows of the table, reused by every call (allocating them per call costs more than the rest). */
const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form: an insertion, a deletion, a
 * substitution or a swap of two adjacent characters each count 1. With `max`, the count stops as
 * soon as it must exceed `max` and `max + 1` is returned (cheap for far strings).
 *
 * @example
 * damerauLevenshtein('forbrug', 'forbrg')  // 1 (a deletion)
 * damerauLevenshtein('forbrug', 'frobrug') // 1 (a swap; Levenshtein counts 2)
 * damerauLevenshtein('kas', 'raadgivning', 2) // 3 (beyond 2)
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // a common prefix and suffix change nothing: the table is only of what differs
  let from = 0;
  while (from < a.length && from < b.length && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  let endA = a.length;
  let endB = b.length;
  while (endA > from && endB > from && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const m = endA - from;
  const n = endB - from;
  if (m === 0 || n === 0) return Math.min(m + n, max + 1);
  // only the cells within `band` of the diagonal can stay within max; the others count as band + 1
  const band = Math.min(max, Math.max(m, n));
  const big = band + 1;
  if (rows[0].length < n + 2) for (let k = 0; k < 3; k++) rows[k] = new Int32Array(n + 2);
  let [before, prev, cur] = rows;
  for (let j = 0; j <= n + 1; j++) prev[j] = j <= band ? j : big;
  for (let i = 1; i <= m; i++) {
    const ai = a.charCodeAt(from + i - 1);
    const aBefore = i > 1 ? a.charCodeAt(from + i - 2) : -1;
    const lo = Math.max(1, i - band);
    const hi = Math.min(n, i + band);
    cur[lo - 1] = lo === 1 ? i : big;
    let rowMin = lo === 1 ? Math.min(i, big) : big;
    let bBefore = lo >= 2 ? b.charCodeAt(from + lo - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(from + j - 1);
      let d = prev[j - 1] + (ai === bj ? 0 : 1);
      if (prev[j] + 1 < d) d = prev[j] + 1;
      if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
      if (ai === bBefore && aBefore === bj && before[j - 2] + 1 < d) d = before[j - 2] + 1;
      if (d > big) d = big;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
      bBefore = bj;
    }
    if (hi < n) cur[hi + 1] = big;
    if (rowMin > max) return max + 1;
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n], max + 1);
}

/** The suffix of a total (`viso.kas.forloeb.i_alt`); an id with and without it names the same series. */
const TOTAL_SUFFIX = '.i_alt';

/**
 * The known id an unknown one is most likely a misspelling of: the nearest within `max` edits
 * ({@link damerauLevenshtein}), also counted with a trailing `.i_alt` left out of both (so
 * `viso.kas.forloeb` is near `viso.kas.forloeb.i_alt`); ties go to the first in alphabetical order.
 * A known id written in another case (`Viso.Raadgivning.Forbrug`) is that id.
 * Undefined for a known id or one farther than `max` from every known id.
 *
 * @example
 * nearestKnownId('viso.raadgivning.forbrg', ['viso.kas.forbrug', 'viso.raadgivning.forbrug']) // 'viso.raadgivning.forbrug'
 * nearestKnownId('viso.raadgivning.forloeb', ['viso.raadgivning.forloeb.i_alt'])          // 'viso.raadgivning.forloeb.i_alt'
 * nearestKnownId('Viso.Raadgivning.Forbrug', ['viso.raadgivning.forbrug'])               // 'viso.raadgivning.forbrug'
 * nearestKnownId('viso.nyt.omraade', ['viso.raadgivning.forbrug'])                       // undefined
 */
export function nearestKnownId(id: string, known: readonly string[], max = 2): string | undefined {
  // a known id in another case (Viso.Raadgivning.Forbrug) is that id, whatever its distance counted by characters
  const lower = id.toLowerCase();
  if (lower !== id) {
    const same = known.find((k) => k.toLowerCase() === lower);
    if (same !== undefined) return same;
  }
  const total = id.endsWith(TOTAL_SUFFIX);
  const bare = total ? id.slice(0, -TOTAL_SUFFIX.length) : id;
  let best: string | undefined;
  let bestD = max + 1;
  for (const k of known) {
    if (k === id) return undefined;
    let d = damerauLevenshtein(id, k, max);
    // one a total with .i_alt, the other without: compared without it too (when the lengths allow)
    if (d > 0 && total !== k.endsWith(TOTAL_SUFFIX) && Math.abs(bare.length - (total ? k.length : k.length - TOTAL_SUFFIX.length)) <= max)
      d = Math.min(d, damerauLevenshtein(bare, total ? k : k.slice(0, -TOTAL_SUFFIX.length), max));
    if (d < bestD || (d === bestD && d <= max && k < best!)) {
      best = k;
      bestD = d;
    }
  }
  return bestD <= max ? best : undefined;
}

/**
 * Proper scores of probabilistic forecasts given as samples: CRPS, the PIT value, interval
 * coverage, the Brier score, and the same for a linear pool (mixture) of two samples; plus the
 * exact (Clopper–Pearson) binomial interval for a coverage count.
 */

/**
 * CRPS of a sample forecast against an outcome: E|X − y| − ½ E|X − X'| (the energy form; exact for
 * the empirical distribution of the sample). `sorted` must be ascending. Lower is better; in the
 * outcome's units (a point forecast's CRPS is its absolute error).
 *
 * @example
 * crpsSorted(Float64Array.from([1, 2, 3]), 2) // 0.2222222222222222 (2/3 − ½·8/9)
 */
export function crpsSorted(sorted: ArrayLike<number>, y: number): number {
  const n = sorted.length;
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    a += Math.abs(x - y);
    b += (2 * (i + 1) - n - 1) * x;
  }
  return a / n - b / (n * n);
}

/**
 * E|A − B| for two independent ascending samples (two pointers, O(n + m)).
 *
 * @example
 * meanAbsDiff(Float64Array.from([0, 1]), Float64Array.from([3])) // 2.5
 */
export function meanAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const m = b.length;
  let total = 0;
  for (let j = 0; j < m; j++) total += b[j];
  let k = 0;
  let prefix = 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    while (k < m && b[k] <= x) prefix += b[k++];
    s += x * (2 * k - m) - 2 * prefix + total;
  }
  return s / (a.length * m);
}

/**
 * ½ E|X − X'| of one ascending sample (the spread term of its CRPS).
 *
 * @example
 * halfSpread(Float64Array.from([1, 2, 3])) // 0.4444444444444444
 */
export function halfSpread(s: ArrayLike<number>): number {
  const n = s.length;
  let b = 0;
  for (let i = 0; i < n; i++) b += (2 * (i + 1) - n - 1) * s[i];
  return b / (n * n);
}

/**
 * Share of an ascending sample at or below y, counting ties half (the PIT value; uniform on 0–1 for a
 * calibrated forecast).
 *
 * @example
 * pitSorted(Float64Array.from([1, 2, 3, 4]), 2.5) // 0.5
 */
export function pitSorted(sorted: ArrayLike<number>, y: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < y) lo = mid + 1;
    else hi = mid;
  }
  let eq = lo;
  while (eq < sorted.length && sorted[eq] === y) eq++;
  return (lo + 0.5 * (eq - lo)) / sorted.length;
}

/**
 * Brier score of a probability forecast p of an event that happened (`outcome` true) or not.
 *
 * @example
 * brier(0.8, true) // 0.04
 */
export function brier(p: number, outcome: boolean): number {
  return (p - (outcome ? 1 : 0)) ** 2;
}

function binomCdf(k: number, n: number, p: number): number {
  if (p <= 0) return 1;
  if (p >= 1) return k >= n ? 1 : 0;
  let term = (1 - p) ** n;
  let s = term;
  for (let i = 1; i <= k; i++) {
    term *= ((n - i + 1) / i) * (p / (1 - p));
    s += term;
  }
  return Math.min(1, s);
}

/**
 * Exact (Clopper–Pearson) two-sided interval for a binomial proportion k/n at `level`.
 * A coverage of k hits in n intervals is consistent with the nominal level when it lies inside.
 *
 * @example
 * binomialInterval(5, 6) // [0.3588, 0.9958] (R: binom.test(5, 6)$conf.int)
 */
export function binomialInterval(k: number, n: number, level = 0.95): [number, number] {
  const a = (1 - level) / 2;
  const solve = (f: (p: number) => number) => {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const mid = 0.5 * (lo + hi);
      if (f(mid) > 0) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  };
  // lower: P(X >= k | p) = a; upper: P(X <= k | p) = a
  const lower = k === 0 ? 0 : solve((p) => a - (1 - binomCdf(k - 1, n, p)));
  const upper = k === n ? 1 : solve((p) => binomCdf(k, n, p) - a);
  return [lower, upper];
}

/**
 * CRPS of a weighted linear pool of ascending samples (weights summing to 1): exact for the empirical
 * mixture, E|X − y| − ½ E|X − X'| with E|X − X'| = Σ_k Σ_l w_k w_l E|S_k − S_l|.
 *
 * @example
 * crpsPool([Float64Array.from([1, 2, 3])], [1], 2) // = crpsSorted([1, 2, 3], 2)
 */
export function crpsPool(samples: ArrayLike<number>[], weights: number[], y: number): number {
  let exy = 0;
  let exx = 0;
  for (let k = 0; k < samples.length; k++) {
    const s = samples[k];
    let e = 0;
    for (let i = 0; i < s.length; i++) e += Math.abs(s[i] - y);
    exy += (weights[k] * e) / s.length;
    exx += weights[k] * weights[k] * 2 * halfSpread(s);
    for (let l = k + 1; l < samples.length; l++) exx += 2 * weights[k] * weights[l] * meanAbsDiff(s, samples[l]);
  }
  return exy - 0.5 * exx;
}

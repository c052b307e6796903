// Interval calibration fit (used by bench/m4/calib-lib.mjs and bench/m4/calibrate.mjs, which
// estimate the constants in src/forecast/calibration-data.ts).
//
// Model: the calibrated predictive distribution of horizon h is a Student t with ν degrees of
// freedom and scale k(h)·s, s a per-series scale (the series' shrunk one-step scale, on the log
// scale for positive series). With z = (y − mean)/s the standardised error of the uncalibrated
// forecast, the central level-L interval covers y iff |z| ≤ k(h)·qt(0.5 + L/200, ν).

export const H = 6;
/** ν grid (Infinity = Gaussian). */
export const NU = [1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10, 12, 15, 20, 30, 50, Infinity];
const K_GRID = Array.from({ length: 401 }, (_, i) => 0.5 + i * 0.01);

/** Sorted |z| per horizon from per-series error arrays. */
export function byHorizon(errs) {
  const out = Array.from({ length: H }, () => []);
  for (const e of errs) e.forEach((z, i) => out[i].push(z));
  return out.map((zs) => Float64Array.from(zs).sort());
}

function countBelow(a, x) {
  let lo = 0,
    hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Fit ν (pooled over horizons) and k(h) per horizon to sorted |z| per horizon: k(h) minimises
 * the squared distance of the 80 % and 95 % coverage from the centres of the target bands
 * 77–83 % and 92–97 % (80 % and 94.5 %), in units of the bands' half-widths; ν minimises the
 * loss summed over horizons.
 */
export function fitCalibration(sorted, qt) {
  let best = { nu: Infinity, ks: null, loss: Infinity, byNu: [] };
  for (const nu of NU) {
    const q80 = qt(0.9, nu),
      q95 = qt(0.975, nu);
    let total = 0;
    const ks = sorted.map((a) => {
      let bk = 1,
        bl = Infinity;
      for (const k of K_GRID) {
        const c80 = countBelow(a, k * q80) / a.length;
        const c95 = countBelow(a, k * q95) / a.length;
        const loss = ((c80 - 0.8) / 0.03) ** 2 + ((c95 - 0.945) / 0.025) ** 2;
        if (loss < bl) {
          bl = loss;
          bk = k;
        }
      }
      total += bl;
      return bk;
    });
    best.byNu.push([nu, total]);
    if (total < best.loss - 1e-12) best = { ...best, nu, ks, loss: total };
  }
  return best;
}

/** Coverage counts of the calibrated 80 % and 95 % intervals on per-series error arrays. */
export function coverage(errs, nu, ks, qt) {
  const q80 = qt(0.9, nu),
    q95 = qt(0.975, nu);
  let n = 0,
    in80 = 0,
    in95 = 0;
  for (const e of errs)
    e.forEach((z, i) => {
      const k = ks[Math.min(i, ks.length - 1)];
      n++;
      if (z <= k * q80) in80++;
      if (z <= k * q95) in95++;
    });
  return { n, in80, in95, cov80: in80 / n, cov95: in95 / n };
}

/**
 * Out-of-sample (cross-fitted) coverage of the calibration: the series are split into two folds
 * by position (even / odd index in id order); each fold's coverage uses ν and k(h) fitted on the
 * other fold only. Pooled over both folds.
 */
export function crossFittedCoverage(errs, qt) {
  const folds = [0, 1].map((r) => errs.filter((_, i) => i % 2 === r));
  let n = 0,
    in80 = 0,
    in95 = 0;
  for (const r of [0, 1]) {
    const fit = fitCalibration(byHorizon(folds[1 - r]), qt);
    const c = coverage(folds[r], fit.nu, fit.ks, qt);
    n += c.n;
    in80 += c.in80;
    in95 += c.in95;
  }
  return { n, cov80: in80 / n, cov95: in95 / n };
}

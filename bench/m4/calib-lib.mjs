// Standardised forecast errors for the interval calibration (src/forecast/calibration.ts) and the
// coverage / interval scores it gives; shared by bench/m4/calibrate.mjs and the benchmarks.
//
// For a strictly positive series (all of M3 and M4) the error of horizon h is
// e = log(actual) − log(point) and its standardised size |e|/s, with s the series' own one-step
// scale shrunk towards the prior (seriesScale in dist/forecast/intervals.js — the engine's code).
import { join } from 'node:path';
import { repoRoot } from '../m3/data.mjs';
import { fitCalibration } from '../m3/calib-lib.mjs';
import { m4Half } from './data.mjs';

const F = await import(join(repoRoot, 'dist/forecast/index.js'));
const { qt } = await import(join(repoRoot, 'dist/stats/t.js'));

/** Mean absolute one-step change of log y (the unshrunk d of seriesScale). */
export function logScale(y) {
  let d = 0;
  for (let i = 1; i < y.length; i++) d += Math.abs(Math.log(y[i] / y[i - 1]));
  return d / (y.length - 1);
}

/** Prior s0: the median over the corpus of the series' d. */
export function priorScale(series) {
  const d = series.map((s) => logScale(s.train)).sort((a, b) => a - b);
  return d[d.length >> 1];
}

/** Per-series |z| arrays (length H) of `method` for the given prior. */
export function zErrors(series, points, method, prior) {
  return series.map((s) => {
    const sc = F.seriesScale(s.train, true, prior);
    return s.test.map((y, h) => Math.abs(Math.log(y / points[s.id][method][h])) / sc);
  });
}

/** Sorted |z| per horizon. */
export function sortedByH(errs) {
  const H = errs[0].length;
  const out = Array.from({ length: H }, () => []);
  for (const e of errs) e.forEach((z, i) => out[i].push(z));
  return out.map((zs) => Float64Array.from(zs).sort());
}

/** Fit ν and k(h) to per-series |z| arrays. */
export function fitNuK(errs) {
  const f = fitCalibration(sortedByH(errs), qt);
  return { nu: f.nu, k: f.ks };
}

/** The quantile multiplier of level L for a calibration: k(h)·qt(0.5 + L/200, ν). */
export function mult(cal, h, level) {
  return cal.k[Math.min(h, cal.k.length - 1)] * qt(0.5 + level / 200, cal.nu);
}

/**
 * Scores of calibrated intervals per horizon on `series`: coverage of 80 % and 95 %, MSIS (95 %),
 * and the scaled pinball loss averaged over the quantiles 0.05, 0.10, …, 0.95 (a CRPS
 * approximation, divided by the MASE scale like MSIS). `calFor(s)` gives the calibration.
 */
export function intervalScores(series, points, method, prior, calFor) {
  const H = series[0].test.length;
  const acc = Array.from({ length: H }, () => ({ n: 0, in80: 0, in95: 0, msis: 0, pinball: 0 }));
  const ps = Array.from({ length: 19 }, (_, i) => 0.05 * (i + 1));
  const qz = (cal, p) => cal.k.map((k) => k * qt(p, cal.nu));
  for (const s of series) {
    const cal = calFor(s);
    const sc = F.seriesScale(s.train, true, prior);
    let mscale = 0;
    for (let i = 1; i < s.train.length; i++) mscale += Math.abs(s.train[i] - s.train[i - 1]);
    mscale /= s.train.length - 1;
    const qs = ps.map((p) => qz(cal, p));
    s.test.forEach((y, h) => {
      const p = points[s.id][method][h];
      const a = acc[h];
      const w80 = mult(cal, h, 80) * sc,
        w95 = mult(cal, h, 95) * sc;
      const e = Math.log(y / p);
      a.n++;
      if (Math.abs(e) <= w80) a.in80++;
      if (Math.abs(e) <= w95) a.in95++;
      const lo = p * Math.exp(-w95),
        hi = p * Math.exp(w95);
      a.msis += (hi - lo + (y < lo ? 40 * (lo - y) : 0) + (y > hi ? 40 * (y - hi) : 0)) / mscale;
      let pl = 0;
      ps.forEach((pp, i) => {
        const q = p * Math.exp(qs[i][Math.min(h, qs[i].length - 1)] * sc);
        pl += y >= q ? pp * (y - q) : (1 - pp) * (q - y);
      });
      a.pinball += (2 * pl) / ps.length / mscale;
    });
  }
  return acc.map((a) => ({
    cov80: a.in80 / a.n,
    cov95: a.in95 / a.n,
    msis: a.msis / a.n,
    crps: a.pinball / a.n,
    n: a.n,
  }));
}

/** Whether per-horizon coverage is inside the target bands 77–83 % and 92–97 %. */
export function inBand(r) {
  return r.cov80 >= 0.77 && r.cov80 <= 0.83 && r.cov95 >= 0.92 && r.cov95 <= 0.97;
}

/** Shortest history of a rolled origin: M4's shortest training part (the constants were fitted from 13 points up). */
export const MIN_ORIGIN = 13;

/**
 * Forecasts of M4 series at the competition's origin and up to `maxEarlier` earlier ones, 6 years
 * apart, each with at least MIN_ORIGIN points of history: [{id: 'Y1@o', base, o, official, train,
 * test, otherHalf}] (otherHalf = the network half that did not see the series, for cross-fitting).
 */
export function m4Origins(series, maxEarlier, H = 6) {
  const out = [];
  for (const s of series) {
    const full = s.train.concat(s.test),
      n = s.train.length;
    for (let k = 0, o = n; k <= maxEarlier && o >= MIN_ORIGIN; k++, o -= H)
      out.push({
        id: `${s.id}@${o}`,
        base: s.id,
        o,
        official: k === 0,
        train: full.slice(0, o),
        test: full.slice(o, o + H),
        otherHalf: m4Half(s.id) === 'A' ? 'B' : 'A',
      });
  }
  return out;
}

/**
 * Forecasts of M3 series at every origin with at least MIN_ORIGIN points (and the competition's
 * origin even if shorter); late origins have fewer than H test values.
 */
export function m3AllOrigins(series, H = 6) {
  const out = [];
  for (const s of series) {
    const full = s.train.concat(s.test),
      n = s.train.length;
    for (let o = Math.min(MIN_ORIGIN, n); o < full.length; o++) {
      if (o < MIN_ORIGIN && o !== n) continue;
      out.push({
        id: `${s.id}@${o}`,
        base: s.id,
        o,
        official: o === n,
        train: full.slice(0, o),
        test: full.slice(o, o + H),
      });
    }
  }
  return out;
}

import { invNorm, normCdf } from './normal.js';
import type { Msg } from '../text/messages.js';
import { shownArg as shown } from '../text/shown.js';

/**
 * An uncertain quantity, as written in the YAML model files, e.g.
 * `{ dist: triangular, min: -0.15, mode: -0.08, max: -0.02 }`.
 * Every distribution is sampled by its quantile function, so one uniform
 * number gives one draw: this makes common random numbers, rank correlation
 * (Iman–Conover) and Latin-hypercube sampling straightforward.
 */
export type DistSpec =
  | { dist: 'fixed'; value: number }
  | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { dist: 'lognormal'; median: number; sdlog: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[] };

/**
 * Why a distribution spec is impossible, as a code of the dictionary (`dist.*` in
 * src/text/scenario.ts) with its parameters, or `null` if it is fine. Worded by `sayMsg`
 * (`sayMsg(m, 'en')`: 'uniform needs min < max (got min 2, max 1)'); only the type of a message is
 * imported here, so the browser bundle of the engine does not carry the dictionary.
 *
 * @example
 * checkDistMsg({ dist: 'uniform', min: 2, max: 1 }) // { code: 'dist.minMax', params: { dist: 'uniform', min: '2', max: '1' } }
 */
export function checkDistMsg(d: DistSpec): Msg | null {
  const fin = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const s = (x: unknown) => String(x);
  switch (d.dist) {
    case 'fixed':
      return fin(d.value) ? null : { code: 'dist.fixedFinite' };
    case 'normal':
      if (!fin(d.mean) || !fin(d.sd)) return { code: 'dist.normalFinite' };
      if (d.sd < 0) return { code: 'dist.normalSd', params: { got: s(d.sd) } };
      if (d.min !== undefined && d.max !== undefined && !(d.min < d.max))
        return { code: 'dist.minMax', params: { dist: 'normal', min: s(d.min), max: s(d.max) } };
      if (d.sd > 0 && d.min !== undefined && normCdf((d.min - d.mean) / d.sd) > 1 - 1e-12)
        return { code: 'dist.normalNoMass' };
      if (d.sd > 0 && d.max !== undefined && normCdf((d.max - d.mean) / d.sd) < 1e-12)
        return { code: 'dist.normalNoMass' };
      return null;
    case 'lognormal':
      if (!fin(d.median) || d.median <= 0) return { code: 'dist.lognormalMedian', params: { got: s(d.median) } };
      if (!fin(d.sdlog) || d.sdlog < 0) return { code: 'dist.lognormalSdlog', params: { got: s(d.sdlog) } };
      return null;
    case 'triangular':
      if (![d.min, d.mode, d.max].every(fin)) return { code: 'dist.triangularFinite' };
      if (!(d.min <= d.mode && d.mode <= d.max && d.min < d.max))
        return { code: 'dist.triangularOrder', params: { min: s(d.min), mode: s(d.mode), max: s(d.max) } };
      return null;
    case 'uniform':
      if (!fin(d.min) || !fin(d.max)) return { code: 'dist.uniformFinite' };
      if (!(d.min < d.max)) return { code: 'dist.minMax', params: { dist: 'uniform', min: s(d.min), max: s(d.max) } };
      return null;
    case 'empirical':
      if (!Array.isArray(d.values) || d.values.length === 0 || !d.values.every(fin))
        return { code: 'dist.empiricalValues' };
      return null;
    default:
      return { code: 'dist.unknown', params: { dist: String(JSON.stringify((d as { dist: unknown }).dist)) } };
  }
}

/**
 * Quantile function: the value below which a share `u` (0 < u < 1) of the
 * distribution lies. Empirical quantiles use R's type 7 (linear interpolation).
 *
 * @example
 * distQuantile({ dist: 'normal', mean: 0, sd: 1 }, 0.975)         // 1.959963984540054
 * distQuantile({ dist: 'triangular', min: 0, mode: 0, max: 1 }, 0.75) // 0.5
 * distQuantile({ dist: 'normal', mean: 0, sd: 1 }, 2)              // throws RangeError: distQuantile: u must be a probability from 0 to 1 (got 2)
 */
export function distQuantile(d: DistSpec, u: number): number {
  checkDistArg('distQuantile', d);
  if (!(typeof u === 'number' && u >= 0 && u <= 1))
    throw new RangeError(`distQuantile: u must be a probability from 0 to 1 (got ${shown(u)})`);
  return distQuantileUnchecked(d, u);
}

/** `d` of `fn` must be a possible DistSpec: a TypeError for what is no object, a RangeError for impossible parameters. */
function checkDistArg(fn: string, d: unknown): asserts d is DistSpec {
  if (d === null || typeof d !== 'object')
    throw new TypeError(`${fn}: d must be a distribution such as { dist: 'normal', mean: 0, sd: 1 } (got ${shown(d)})`);
  const why = checkDistMsg(d as DistSpec);
  if (why) throw new RangeError(`${fn}: d must be a possible distribution (${why.code}), got ${shown(d)}`);
}

/**
 * `distQuantile` without its argument checks, for an engine that checked `d` once where it was made
 * (a scenario's or measure's loader, checkDistMsg) and draws `u` from an `Rng` millions of times.
 *
 * @example
 * distQuantileUnchecked({ dist: 'uniform', min: 2, max: 4 }, 0.25) // 2.5
 */
export function distQuantileUnchecked(d: DistSpec, u: number): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'normal': {
      if (d.sd === 0) return Math.min(Math.max(d.mean, d.min ?? -Infinity), d.max ?? Infinity);
      if (d.min === undefined && d.max === undefined) return d.mean + d.sd * invNorm(u);
      const lo = d.min === undefined ? 0 : normCdf((d.min - d.mean) / d.sd);
      const hi = d.max === undefined ? 1 : normCdf((d.max - d.mean) / d.sd);
      return d.mean + d.sd * invNorm(lo + u * (hi - lo));
    }
    case 'lognormal':
      return d.median * Math.exp(d.sdlog * invNorm(u));
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'empirical': {
      const s = sortedCache(d.values);
      return quantileSortedUnchecked(s, u);
    }
  }
}

/**
 * Mean of a distribution (truncated normal and empirical included).
 *
 * @example
 * distMean({ dist: 'triangular', min: 0, mode: 3, max: 6 }) // 3
 */
export function distMean(d: DistSpec): number {
  checkDistArg('distMean', d);
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'normal': {
      if (d.sd === 0) return distQuantileUnchecked(d, 0.5);
      if (d.min === undefined && d.max === undefined) return d.mean;
      const a = d.min === undefined ? -Infinity : (d.min - d.mean) / d.sd;
      const b = d.max === undefined ? Infinity : (d.max - d.mean) / d.sd;
      const phi = (z: number) => (Number.isFinite(z) ? Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) : 0);
      return d.mean + (d.sd * (phi(a) - phi(b))) / (normCdf(b) - normCdf(a));
    }
    case 'lognormal':
      return d.median * Math.exp(0.5 * d.sdlog * d.sdlog);
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'empirical':
      return d.values.reduce((s, v) => s + v, 0) / d.values.length;
  }
}

/**
 * Quantile of sorted data, R type 7 / d3.quantile convention:
 * h = (n − 1)·p, interpolate between the neighbours of h.
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 * quantileSorted([], 0.5)           // throws RangeError: quantileSorted: sorted must be a non-empty array of numbers (got [])
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted === null || typeof sorted !== 'object' || !(sorted.length > 0))
    throw new RangeError(`quantileSorted: sorted must be a non-empty array of numbers (got ${shown(sorted)})`);
  if (!(typeof p === 'number' && p >= 0 && p <= 1))
    throw new RangeError(`quantileSorted: p must be a probability from 0 to 1 (got ${shown(p)})`);
  return quantileSortedUnchecked(sorted, p);
}

/**
 * `quantileSorted` without its argument checks (an empty array gives NaN), for the engines' own sorted
 * runs, whose summaries show an empty or degenerate case as a dash.
 *
 * @example
 * quantileSortedUnchecked([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantileSortedUnchecked(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (p <= 0 || n === 1) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const i = Math.floor(h);
  return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
}

const sortedMemo = new WeakMap<number[], Float64Array>();
function sortedCache(v: number[]): Float64Array {
  let s = sortedMemo.get(v);
  if (!s) {
    s = Float64Array.from(v).sort();
    sortedMemo.set(v, s);
  }
  return s;
}

/**
 * A distribution in one short line, e.g. `normal(mean 5, sd 0.02)` or `0.05`.
 *
 * @example
 * distText({ dist: 'uniform', min: -5, max: 5 }) // 'uniform(min -5, max 5)'
 */
export function distText(d: DistSpec): string {
  if (d.dist === 'fixed') return String(d.value);
  if (d.dist === 'empirical') {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of d.values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return `empirical(${d.values.length} values, ${lo} to ${hi})`; // a loop, not Math.min(...values): 10⁶ values overflow the stack
  }
  const { dist, ...rest } = d as Record<string, unknown>;
  return `${dist}(${Object.entries(rest)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`;
}

/**
 * The distribution with every location and scale parameter multiplied by `f` (lognormal: the median).
 *
 * @example
 * scaleDist({ dist: 'normal', mean: 5, sd: 0.02 }, 0.01) // { dist: 'normal', mean: 0.05, sd: 0.0002 }
 */
export function scaleDist(d: DistSpec, f: number): DistSpec {
  const r = (x: number) => Number((x * f).toPrecision(12));
  switch (d.dist) {
    case 'fixed':
      return { dist: 'fixed', value: r(d.value) };
    case 'normal':
      return {
        dist: 'normal',
        mean: r(d.mean),
        sd: r(d.sd),
        ...(d.min !== undefined ? { min: r(d.min) } : {}),
        ...(d.max !== undefined ? { max: r(d.max) } : {}),
      };
    case 'lognormal':
      return { dist: 'lognormal', median: r(d.median), sdlog: d.sdlog };
    case 'triangular':
      return { dist: 'triangular', min: r(d.min), mode: r(d.mode), max: r(d.max) };
    case 'uniform':
      return { dist: 'uniform', min: r(d.min), max: r(d.max) };
    case 'empirical':
      return { dist: 'empirical', values: d.values.map(r) };
  }
}

/**
 * A per cent written as a whole number (5 for 5 %, -10 for -10 %): the distribution as a share
 * (every value / 100) when its median lies beyond ±`bound` and the share is acceptable (`ok`),
 * else undefined. The one rule behind »did you mean 0.05?« of a scenario's inputs and a measure's effect.
 *
 * @example
 * percentAsShare({ dist: 'fixed', value: -10 }, 1, () => true) // { dist: 'fixed', value: -0.1 }
 * percentAsShare({ dist: 'fixed', value: -0.5 }, 1, () => true) // undefined
 */
export function percentAsShare(d: DistSpec, bound: number, ok: (share: DistSpec) => boolean): DistSpec | undefined {
  if (!(Math.abs(distQuantile(d, 0.5)) > bound)) return undefined;
  const share = scaleDist(d, 0.01);
  return ok(share) ? share : undefined;
}

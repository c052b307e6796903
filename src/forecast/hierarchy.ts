/**
 * Coherent forecasts of VISO's hierarchies: henvendelser and forløb by
 * hovedområde (voksne + børn og unge + specialundervisning + andet = i alt)
 * and forbrug by konto (rådgivning §15.11.31.10 + KaS §15.11.31.20 =
 * §15.11.31), reconciled with MinT (shrinkage) per simulated path, so every
 * path adds up exactly, with non-negative values.
 *
 * The rule for unbalanced data (stated in every result's notes):
 * 1. The hierarchy is estimated in the years where every series is observed
 *    (areas and i alt: 2014–2020; konto: 2020, 2022–2024), with origin O =
 *    the last of them. Every node gets its own base forecast from its years
 *    up to O (the engine's gap rules, `fitWindow`); the W of MinT is the
 *    Schäfer–Strimmer shrinkage covariance of their one-step in-sample errors
 *    in those years (`mint_shrink` of R hts/fabletools). Base sample paths
 *    are drawn jointly (normals correlated by W's correlation in every year,
 *    each node's own predictive distribution); every path is reconciled,
 *    negative child values are held at 0 and the rest reconciled again.
 * 2. When the total is also observed after O (i alt in 2023–2024), its own
 *    forecast from all its years gives the total, and each child is the
 *    total times its share in the reconciled stage-1 hierarchy in the same
 *    forecast year and path: the shares are carried forward from O with the
 *    uncertainty they have there. A registration break flagged in the total's
 *    later years (forløb 2024) is a level shift from that year.
 * The forecast years start after the last observed year of the total.
 * Intervals are quantiles of the reconciled paths; points are the reconciled
 * base points (the total's own point times the reconciled shares in step 2).
 */
import { UsageError, shownArg } from '../errors.js';
import { say, type Msg, type MsgCode } from '../text/messages.js';
import type { Dataset } from '../data/dataset.js';
import type { Series } from '../data/types.js';
import { sumSeries } from '../data/series.js';
import { yearRanges } from '../data/present.js';
import { invNorm } from '../stats/normal.js';
import { Rng } from '../stats/rng.js';
import { chiScaleAt } from '../stats/chisq.js';
import { quantileSortedUnchecked } from '../stats/distributions.js';
import { cholesky } from '../stats/linalg.js';
import { forecastSeries, fitWindow } from './series.js';
import { describedAs } from './notes.js';
import { mixingTable, pathDistribution, simulate } from './simulate.js';
import { mintWeights, reconcileNonNegative, shrinkageCovariance, summingMatrix } from './reconcile.js';
import type { Forecast, MethodName } from './types.js';

/** The hierarchies the data supports. */
export type HierarchyName = 'henvendelser' | 'forloeb' | 'konto';
/** The hierarchy names, for CLI choices. */
export const HIERARCHY_NAMES: readonly HierarchyName[] = ['henvendelser', 'forloeb', 'konto'];

/** A text in both languages. */
export interface Bilingual {
  da: string;
  en: string;
}

/** Options of `forecastHierarchy`. */
export interface HierarchyOptions {
  hierarchy: HierarchyName;
  /** konto only: `forbrug` (default) or `bevilling` */
  measure?: 'forbrug' | 'bevilling';
  /** forecast years after the last observed year (1–20) */
  horizon: number;
  /** simulated paths (default 10,000) */
  runs?: number;
  /** seed of the paths (default 1) */
  seed?: number;
  /** base forecasting method of every node (default `auto`) */
  method?: MethodName;
  /** interval levels in percent (default [80, 95]) */
  levels?: number[];
}

/** One node of a reconciled hierarchy. */
export interface HierarchyNode {
  /** series id (`viso.samlet.forbrug` for the konto total, summed from its parts) */
  id: string;
  /** short key: `i_alt`, `voksne`, … or `samlet`, `raadgivning`, `kas` */
  key: string;
  label: Bilingual;
  role: 'total' | 'child';
  /** last observed year (the base forecast starts after it) */
  lastYear: number;
  /** the node's own forecast at the forecast years */
  base: {
    method: string;
    /** the model's form in English (see `FittedModel.description`) */
    description: string;
    /** the description as a code (src/text/forecast.ts) */
    descriptionMsg: Msg;
    point: number[];
    intervals: { level: number; lower: number[]; upper: number[] }[];
    /** the base forecast's notes (codes of src/text/forecast.ts) */
    notes?: Msg[];
  };
  /** reconciled point forecasts (children add up to the total exactly) */
  point: number[];
  /** intervals: quantiles of the reconciled paths */
  intervals: { level: number; lower: number[]; upper: number[] }[];
  /** reconciled paths, runs × years row-major: run r, year i at r·years.length + i (run r is the same draw in every node) */
  paths: Float64Array;
}

/** Result of `forecastHierarchy`. */
export interface HierarchyForecast {
  hierarchy: HierarchyName;
  measure: string;
  unit: string;
  years: number[];
  runs: number;
  seed: number;
  /** total first, then the children */
  nodes: HierarchyNode[];
  /** MinT: shrinkage intensity and the years of the one-step errors it used */
  lambda: number;
  errorYears: number[];
  /** largest |total − Σ children| of the reconciled points and paths, and of the observed data in the years all nodes have */
  coherence: { points: number; paths: number; observed: { years: number[]; maxAbs: number } };
  /** path-years in which a child was held at 0 (non-negativity) */
  zeroed: number;
  /** how the hierarchy was estimated, and its caveats: codes of src/text/forecast.ts */
  notes: Msg[];
}

interface NodeDef {
  id: string;
  key: string;
  label: Bilingual;
}

/** A node's name in both languages (the JSON and either language's table show it), from the dictionary. */
const named = (code: MsgCode): Bilingual => ({ da: say(code, {}, 'da'), en: say(code, {}, 'en') });

const AREAS: NodeDef[] = (['voksne', 'boern_unge', 'specialundervisning', 'andet'] as const).map((a) => ({
  id: a,
  key: a,
  label: named(`area.${a}`),
}));

/** The series of a hierarchy: total first, then children (the konto total is the sum of its parts where both exist). */
function hierarchySeries(
  ds: Dataset,
  name: HierarchyName,
  measure: 'forbrug' | 'bevilling',
): { defs: NodeDef[]; series: Series[]; measure: string } {
  if (name === 'konto') {
    const parts: NodeDef[] = [
      {
        id: `viso.raadgivning.${measure}`,
        key: 'raadgivning',
        label: named('forecast.node.raadgivning'),
      },
      { id: `viso.kas.${measure}`, key: 'kas', label: named('forecast.node.kas') },
    ];
    const ss = parts.map((p) => ds.get(p.id));
    for (const s of ss) {
      const n = s.points.filter((p) => Number.isFinite(p.value)).length;
      if (n < 3) {
        throw new UsageError({
          code: 'forecast.err.kontoShort',
          params: {
            measure,
            id: s.id,
            n,
            years: s.points.map((p) => p.year).join(', '),
            sources: s.points[0] ? s.points[0].sources.join(', ') : '',
            hasSource: s.points[0] ? 1 : 0,
          },
        });
      }
    }
    const total = sumSeries(`viso.samlet.${measure}`, ss);
    return {
      defs: [{ id: total.id, key: 'samlet', label: named('forecast.node.samlet') }, ...parts],
      series: [total, ...ss],
      measure,
    };
  }
  const defs: NodeDef[] = [
    { id: `viso.raadgivning.${name}.i_alt`, key: 'i_alt', label: named('area.i_alt') },
    ...AREAS.map((a) => ({ ...a, id: `viso.raadgivning.${name}.${a.id}` })),
  ];
  return { defs, series: defs.map((d) => ds.get(d.id)), measure: name };
}

/** Years with a finite value. */
const observedYears = (s: Series): Set<number> =>
  new Set(s.points.filter((p) => Number.isFinite(p.value)).map((p) => p.year));

/** Keep the points up to `year`. */
const upTo = (s: Series, year: number): Series => ({ ...s, points: s.points.filter((p) => p.year <= year) });

/**
 * Forecast a VISO hierarchy coherently (see the module comment for the rule
 * on unbalanced data). Same inputs and seed give identical results.
 *
 * @example
 * const h = forecastHierarchy(loadBundled(), { hierarchy: 'henvendelser', horizon: 3, runs: 2000 });
 * h.years // [2025, 2026, 2027]
 * h.nodes.map((n) => n.key) // ['i_alt', 'voksne', 'boern_unge', 'specialundervisning', 'andet']
 * h.coherence.paths // 0: on every run the areas add up to the total
 */
export function forecastHierarchy(ds: Dataset, opts: HierarchyOptions): HierarchyForecast {
  if (opts === null || typeof opts !== 'object')
    throw new UsageError({ code: 'forecast.err.hierarchyOptions', params: { got: shownArg(opts) } });
  if (!HIERARCHY_NAMES.includes(opts.hierarchy))
    throw new UsageError({
      code: 'forecast.err.hierarchy',
      params: { name: String(JSON.stringify(opts.hierarchy)), names: HIERARCHY_NAMES.join(', ') },
    });
  if (opts.measure !== undefined && opts.hierarchy !== 'konto')
    throw new UsageError({ code: 'forecast.err.measureKonto' });
  const H = opts.horizon;
  if (!Number.isInteger(H) || H < 1 || H > 20)
    throw new UsageError({ code: 'forecast.err.horizon', params: { name: 'horizon', max: 20, got: String(H) } });
  const runs = opts.runs ?? 10_000;
  if (!Number.isInteger(runs) || runs < 100 || runs > 1_000_000)
    throw new UsageError({ code: 'forecast.err.runs', params: { got: String(runs) } });
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295)
    throw new UsageError({ code: 'forecast.err.seed', params: { got: String(seed) } });
  const levels = opts.levels ?? [80, 95];
  const { defs, series, measure } = hierarchySeries(ds, opts.hierarchy, opts.measure ?? 'forbrug');
  const m = defs.length;
  const k = m - 1;
  const notes: Msg[] = [];
  const span = (ys: number[]): string => (ys.length ? yearRanges(ys) : '–');

  // the balanced part: years where every node is observed; its last year O is the origin of the reconciled hierarchy
  const obs = series.map(observedYears);
  const common = [...obs[0]].filter((y) => obs.every((o) => o.has(y))).sort((a, b) => a - b);
  if (common.length < 3)
    throw new UsageError({ code: 'forecast.err.commonYears', params: { name: opts.hierarchy, years: span(common) } });
  const O = common[common.length - 1];
  const lastObs = obs.map((o) => Math.max(...o));
  const L = Math.max(lastObs[0], O);
  const years = Array.from({ length: H }, (_, i) => L + 1 + i);
  const ignored = defs.filter((_, i) => i > 0 && lastObs[i] > O);
  if (ignored.length) {
    notes.push({ code: 'forecast.hier.ignored', params: { ids: ignored.map((d) => d.id).join(', '), origin: O } });
  }

  // stage 1: base forecasts of every node from its years up to O, for O+1 … L+H, reconciled with MinT (shrinkage)
  const hB = L + H - O;
  const cut = series.map((s) => upTo(s, O));
  const windows = cut.map((s) => fitWindow(s));
  const base: Forecast[] = cut.map((s) => forecastSeries(s, { horizon: hB, method: opts.method, levels }));
  const errorYears = common.filter((y) => windows.every((w) => w.years.indexOf(y) > 0));
  const E = new Float64Array(errorYears.length * m);
  errorYears.forEach((y, t) => {
    for (let i = 0; i < m; i++) E[t * m + i] = base[i].model.residuals[windows[i].years.indexOf(y)];
  });
  if (errorYears.length < 2 || !E.every(Number.isFinite))
    throw new UsageError({
      code: 'forecast.err.errorYears',
      params: { name: opts.hierarchy, years: span(errorYears) },
    });
  const sh = shrinkageCovariance(E, errorYears.length, m);
  // a node fitted exactly in those years has zero error variance: floor the diagonal so W stays invertible
  const meanVar = Array.from({ length: m }, (_, i) => sh.W[i * m + i]).reduce((a, b) => a + b, 0) / m;
  for (let i = 0; i < m; i++) sh.W[i * m + i] = Math.max(sh.W[i * m + i], 1e-9 * meanVar, 1e-300);
  const S = summingMatrix(k);
  const G = mintWeights(S, sh.W, m, k); // the same for every horizon: G does not change when W is scaled (W_h = k_h·W_1)
  const idx = (t: number): number => years[t] - O - 1; // index of forecast year t in the stage-1 base forecasts

  // stage 2: a total observed after O gets its own forecast from all its years; the children are its shares
  let top: Forecast | undefined;
  if (lastObs[0] > O) {
    const s = series[0];
    const brk = s.points.find((p) => p.year > O && p.flags.includes('registration_break'));
    const eventYears = brk ? [{ kind: 'level' as const, year: brk.year }] : [];
    if (brk) {
      notes.push({ code: 'forecast.hier.break', params: { id: s.id, year: brk.year } });
    }
    top = forecastSeries(s, { horizon: H, method: opts.method, levels, eventYears });
  }

  // stage-1 points, reconciled (non-negative)
  const recPoint = Array.from({ length: m }, () => new Array<number>(H));
  for (let t = 0; t < H; t++) {
    const r = reconcileNonNegative(
      S,
      sh.W,
      base.map((f) => f.point[idx(t)]),
      m,
      k,
      G,
    );
    for (let i = 0; i < m; i++) recPoint[i][t] = r.y[i];
  }

  // joint stage-1 base paths (normals correlated by R in each year, each node's own distribution), reconciled path by path
  const A = cholesky(sh.R, m);
  const dists = base.map((f) => pathDistribution(f));
  const tabs = dists.map((d) => (d.df !== undefined && Number.isFinite(d.df) ? mixingTable(d.df) : null));
  const rng = new Rng(seed, 0);
  const u = new Float64Array(m);
  const eps = new Float64Array(hB * m);
  const paths = Array.from({ length: m }, () => new Float64Array(runs * H));
  const yhat = new Float64Array(m);
  const baseVals = Array.from({ length: m }, () => new Float64Array(H));
  let zeroed = 0;
  for (let r = 0; r < runs; r++) {
    for (let j = 0; j < hB; j++) {
      for (let i = 0; i < m; i++) u[i] = invNorm(rng.uniform());
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let q = 0; q <= i; q++) s += A[i * m + q] * u[q];
        eps[j * m + i] = s;
      }
    }
    for (let i = 0; i < m; i++) {
      const d = dists[i];
      const w = tabs[i] ? chiScaleAt(tabs[i]!, rng.uniform()) : 1;
      const lo = d.min ?? -Infinity;
      for (let t = 0; t < H; t++) {
        const j = idx(t);
        let v = d.mean[j];
        for (let q = 0; q <= j; q++) v += d.chol[j * hB + q] * eps[q * m + i] * w;
        baseVals[i][t] = d.log ? Math.exp(v) : v < lo ? lo : v;
      }
    }
    for (let t = 0; t < H; t++) {
      for (let i = 0; i < m; i++) yhat[i] = baseVals[i][t];
      const rec = reconcileNonNegative(S, sh.W, yhat, m, k, G);
      if (rec.zeroed) zeroed++;
      for (let i = 0; i < m; i++) paths[i][r * H + t] = rec.y[i];
    }
  }

  // stage 2 on the paths: total from its own forecast, children = total × their stage-1 shares (same run, same year)
  const point = recPoint.map((p) => p.slice());
  if (top) {
    const tp = simulate(top, runs, new Rng(seed, 1));
    for (let r = 0; r < runs; r++) {
      for (let t = 0; t < H; t++) {
        const c = r * H + t;
        const tot = paths[0][c];
        for (let i = 1; i < m; i++) paths[i][c] = tot > 0 ? (tp[c] * paths[i][c]) / tot : tp[c] / k;
        paths[0][c] = 0;
        for (let i = 1; i < m; i++) paths[0][c] += paths[i][c];
      }
    }
    for (let t = 0; t < H; t++) {
      const tot = recPoint[0][t];
      for (let i = 1; i < m; i++) point[i][t] = tot > 0 ? (top.point[t] * recPoint[i][t]) / tot : top.point[t] / k;
      point[0][t] = point.slice(1).reduce((a, p) => a + p[t], 0);
    }
  }

  // intervals from the paths
  const col = new Float64Array(runs);
  const nodes: HierarchyNode[] = defs.map((def, i) => {
    const intervals = levels.map((level) => ({ level, lower: new Array<number>(H), upper: new Array<number>(H) }));
    for (let t = 0; t < H; t++) {
      for (let r = 0; r < runs; r++) col[r] = paths[i][r * H + t];
      col.sort();
      for (const iv of intervals) {
        iv.lower[t] = quantileSortedUnchecked(col, (1 - iv.level / 100) / 2);
        iv.upper[t] = quantileSortedUnchecked(col, 1 - (1 - iv.level / 100) / 2);
      }
    }
    const own = i === 0 && top ? top : base[i];
    const js = years.map((_, t) => (own === top ? t : idx(t)));
    const notes = (own as { notes?: Msg[] }).notes;
    return {
      id: def.id,
      key: def.key,
      label: def.label,
      role: i === 0 ? 'total' : 'child',
      lastYear: i === 0 && top ? lastObs[0] : O,
      base: {
        method: own.method,
        description: own.model.description,
        descriptionMsg: describedAs(own.model),
        point: js.map((j) => own.point[j]),
        intervals: own.intervals
          .filter((iv) => levels.includes(iv.level))
          .map((iv) => ({ level: iv.level, lower: js.map((j) => iv.lower[j]), upper: js.map((j) => iv.upper[j]) })),
        ...(notes ? { notes } : {}),
      },
      point: point[i],
      intervals,
      paths: paths[i],
    };
  });

  // coherence: reconciled points and paths, and the data themselves in the common years
  const gap = (vals: (c: number) => number[], n: number): number => {
    let g = 0;
    for (let c = 0; c < n; c++) {
      const v = vals(c);
      let s = 0;
      for (let i = 1; i < m; i++) s += v[i];
      g = Math.max(g, Math.abs(v[0] - s));
    }
    return g;
  };
  const value = (s: Series, y: number): number => s.points.find((p) => p.year === y)!.value;
  const coherence = {
    points: gap((t) => point.map((p) => p[t]), H),
    paths: gap((c) => paths.map((p) => p[c]), runs * H),
    observed: { years: common, maxAbs: gap((c) => series.map((s) => value(s, common[c])), common.length) },
  };

  notes.unshift({
    code: 'forecast.hier.method',
    params: {
      common: span(common),
      origin: O,
      errorYears: span(errorYears),
      lambda: sh.lambda,
      zeroed,
      runYears: runs * H,
    },
  });
  if (top) {
    notes.splice(1, 0, {
      code: 'forecast.hier.totalLater',
      params: {
        origin: O,
        later: span([...obs[0]].filter((y) => y > O).sort((a, b) => a - b)),
        years: span(years),
        totalDa: defs[0].label.da,
        totalEn: defs[0].label.en,
        childrenDa: defs
          .slice(1)
          .map((d) => d.label.da)
          .join(', '),
        childrenEn: defs
          .slice(1)
          .map((d) => d.label.en)
          .join(', '),
      },
    });
  }
  if (opts.hierarchy === 'konto') notes.push({ code: 'forecast.hier.konto', params: { common: span(common) } });
  return {
    hierarchy: opts.hierarchy,
    measure,
    unit: series[0].unit,
    years,
    runs,
    seed,
    nodes,
    lambda: sh.lambda,
    errorYears,
    coherence,
    zeroed,
    notes,
  };
}

/**
 * A child's share of the total on every reconciled path (runs × years,
 * row-major like `paths`): what the scenario engine multiplies a total by so
 * that a measure on one area acts on that area's share. Shares of the
 * children add up to 1 on every path (0 where the total is 0). A caller with
 * more runs than `h.runs` can reuse run r mod h.runs (or ask for as many runs).
 *
 * @example
 * const h = forecastHierarchy(loadBundled(), { hierarchy: 'forloeb', horizon: 2, runs: 1000 });
 * hierarchyShares(h, 'voksne')[0] // share of voksne in the first forecast year of run 0
 */
export function hierarchyShares(h: HierarchyForecast, key: string): Float64Array {
  const node = h.nodes.find((n) => n.key === key && n.role === 'child');
  if (!node)
    throw new UsageError({
      code: 'forecast.err.noChild',
      params: {
        key: String(JSON.stringify(key)),
        name: h.hierarchy,
        keys: h.nodes
          .filter((n) => n.role === 'child')
          .map((n) => n.key)
          .join(', '),
      },
    });
  const total = h.nodes[0].paths;
  return node.paths.map((v, i) => (total[i] > 0 ? v / total[i] : 0));
}

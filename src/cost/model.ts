/**
 * The fixed + variable cost model: forbrug = fixed + unit × forløb, fitted
 * by OLS on the years with both forbrug and forløb, with a level-shift
 * indicator from the registration-break year (never a trend).
 */
import { InputError } from '../errors.js';
import { API_LIMITS, checkIntegerArg } from '../io/limits.js';
import { invNorm } from '../stats/normal.js';
import { quantileSortedUnchecked } from '../stats/distributions.js';
import { Rng } from '../stats/rng.js';
import type { Flag } from '../data/types.js';
import { defaultCostAssumptions, type CostAssumptions } from './assumptions.js';
import type { SeriesSource } from './data.js';
import { coefInterval, ols, type OlsResult } from '../stats/ols.js';
import { unitCostTable, type Prices } from './unitCost.js';
import { cohortYearSplit } from './timing.js';
import { loadTimingAssumptions } from './timingAssumptions.js';
import type { Msg } from '../text/messages.js';

/** Options of `fitCostModel`. */
export interface CostModelOptions {
  prices?: Prices;
  baseYear?: number;
  assumptions?: CostAssumptions;
  /** First year of the new registration regime (default from assumptions: 2024). `null` = no break indicator. */
  breakYear?: number | null;
  /** Years to leave out (added to the assumptions' list). */
  excludeYears?: number[];
  /** Subtract COVID-19 extra costs from forbrug (default from assumptions: true). */
  excludeCovidCosts?: boolean;
  /**
   * Cohort timing (models/timing.yaml): the share s of a year's starts' cost that falls in the start year; the
   * regressor becomes s · forløb_t + (1 − s) · forløb_{t−1} (forbrug from the forløb started in t and t − 1), on
   * the years with forløb in both. Absent: forløb_t.
   */
  cohortShare?: number;
}

/** A parameter estimate with its standard error. */
export interface Estimate {
  mean: number;
  sd: number;
}

/** One coefficient row for display. */
export interface CoefficientRow {
  name: string;
  coef: number;
  se: number;
  t: number;
  p: number;
  lower95: number;
  upper95: number;
}

/** Fit diagnostics for the tiny annual sample. */
export interface CostDiagnostics {
  n: number;
  df: number;
  r2: number;
  adjR2: number;
  /** residual standard error, mio. kr. */
  sigma: number;
  coefficients: CoefficientRow[];
  rows: {
    year: number;
    forbrug: number;
    forloeb: number;
    fitted: number;
    residual: number;
    leverage: number;
    cooksD: number;
    flags: Flag[];
  }[];
  /** unit cost (kr. per forløb) re-estimated with each year left out */
  dropOne: { year: number; unitKr: number }[];
  /** what the reader should know about the fit, as codes (worded in src/report/costText.ts) */
  notes: Msg[];
}

/** The fitted cost model. Amounts in mio. kr.; `unit` in mio. kr. per forløb. */
export interface CostModel {
  prices: Prices;
  baseYear: number;
  /**
   * Fixed cost in the CURRENT regime (after the registration break when the
   * fit has post-break years), mio. kr. Use it with post-break forløb counts.
   */
  fixed: Estimate;
  /** Marginal cost per forløb, mio. kr. (× 1e6 for kr.). */
  unit: Estimate;
  /** Correlation of the `fixed` and `unit` estimates. */
  corr: number;
  /** Fixed cost before the break (the intercept), mio. kr. */
  preBreakFixed: Estimate;
  /** Level shift from `breakYear` on, mio. kr. (absent without a break indicator). */
  breakShift?: Estimate & { fromYear: number };
  /** Residual standard deviation of yearly forbrug around the line, mio. kr. */
  sigma: number;
  /** Residual degrees of freedom (for t-based intervals). */
  df: number;
  years: number[];
  diagnostics: CostDiagnostics;
}

/**
 * Fit forbrug = fixed + unit × forløb (+ shift × [year ≥ breakYear]).
 *
 * @example
 * const m = fitCostModel(loadBundled());
 * m.unit.mean * 1e6  // marginal kr. per forløb
 * m.fixed.mean       // mio. kr. a year in the current regime
 */
export function fitCostModel(ds: SeriesSource, opts: CostModelOptions = {}): CostModel {
  const a = opts.assumptions ?? defaultCostAssumptions();
  const table = unitCostTable(ds, {
    prices: opts.prices,
    baseYear: opts.baseYear,
    assumptions: a,
    excludeCovidCosts: opts.excludeCovidCosts,
  });
  const exclude = new Set([...a.costModel.excludeYears, ...(opts.excludeYears ?? [])]);
  let rows = table.rows.filter((r) => Number.isFinite(r.forbrug) && Number.isFinite(r.forloeb) && !exclude.has(r.year));
  const cs = opts.cohortShare;
  if (cs !== undefined) {
    if (!(cs > 0 && cs <= 1)) throw new RangeError(`cohortShare must be in (0, 1], got ${cs}`);
    // the forløb whose cost falls in the year: a share of this year's starts and the rest of last year's
    const starts = new Map(table.rows.filter((r) => Number.isFinite(r.forloeb)).map((r) => [r.year, r.forloeb]));
    rows = rows
      .filter((r) => starts.has(r.year - 1))
      .map((r) => ({ ...r, forloeb: cs * r.forloeb + (1 - cs) * starts.get(r.year - 1)! }));
  }
  const breakYear = opts.breakYear === undefined ? a.costModel.breakYear : opts.breakYear;
  const hasBreak = breakYear !== null && rows.some((r) => r.year >= breakYear) && rows.some((r) => r.year < breakYear);
  const design = (rs: typeof rows) =>
    rs.map((r) => (hasBreak ? [1, r.forloeb, r.year >= (breakYear as number) ? 1 : 0] : [1, r.forloeb]));
  const names = hasBreak ? ['fixed', 'unit', `break_${breakYear}`] : ['fixed', 'unit'];
  if (rows.length < names.length + 1) {
    // too few years left is the assumptions' doing (exclude_years, break_year): a user error at that setting
    throw new InputError(
      a.excludeYearsAt ?? { file: a.file },
      { code: 'cost.fit.years', params: { n: names.length + 1, names: names.join(', ') } },
      { code: 'cost.fit.found', params: { n: rows.length, years: rows.map((r) => r.year).join(', ') } },
    );
  }
  const fit = ols(
    design(rows),
    rows.map((r) => r.forbrug),
    names,
  );

  const [va, vb] = [fit.cov[0][0], fit.cov[1][1]];
  let fixed: Estimate = { mean: fit.coef[0], sd: Math.sqrt(va) };
  let covFU = fit.cov[0][1];
  let breakShift: CostModel['breakShift'];
  if (hasBreak) {
    breakShift = { mean: fit.coef[2], sd: fit.se[2], fromYear: breakYear as number };
    fixed = { mean: fit.coef[0] + fit.coef[2], sd: Math.sqrt(va + fit.cov[2][2] + 2 * fit.cov[0][2]) };
    covFU = fit.cov[0][1] + fit.cov[2][1];
  }
  const unit: Estimate = { mean: fit.coef[1], sd: Math.sqrt(vb) };
  const dropOne = rows.map((r, i) => {
    const rest = rows.filter((_, j) => j !== i);
    const restBreak =
      hasBreak && rest.some((x) => x.year >= (breakYear as number)) && rest.some((x) => x.year < (breakYear as number));
    const X = rest.map((x) => (restBreak ? [1, x.forloeb, x.year >= (breakYear as number) ? 1 : 0] : [1, x.forloeb]));
    try {
      return {
        year: r.year,
        unitKr:
          ols(
            X,
            rest.map((x) => x.forbrug),
          ).coef[1] * 1e6,
      };
    } catch {
      return { year: r.year, unitKr: NaN };
    }
  });
  return {
    prices: table.prices,
    baseYear: table.baseYear,
    fixed,
    unit,
    corr: covFU / (fixed.sd * unit.sd),
    preBreakFixed: { mean: fit.coef[0], sd: Math.sqrt(va) },
    breakShift,
    sigma: fit.sigma,
    df: fit.df,
    years: rows.map((r) => r.year),
    diagnostics: diagnostics(fit, rows, dropOne, { hasBreak, breakYear, table, exclude }),
  };
}

function diagnostics(
  fit: OlsResult,
  rows: ReturnType<typeof unitCostTable>['rows'],
  dropOne: CostDiagnostics['dropOne'],
  ctx: {
    hasBreak: boolean;
    breakYear: number | null;
    table: ReturnType<typeof unitCostTable>;
    exclude: Set<number>;
  },
): CostDiagnostics {
  const notes: Msg[] = [];
  notes.push({ code: 'cost.note.tinySample', params: { n: fit.n, df: fit.df } });
  const missing = ctx.table.rows
    .filter((r) => !(Number.isFinite(r.forbrug) && Number.isFinite(r.forloeb)) && !ctx.exclude.has(r.year))
    .map((r) => r.year);
  if (missing.length) notes.push({ code: 'cost.note.missingYears', params: { years: missing.join(', ') } });
  if (ctx.exclude.size)
    notes.push({ code: 'cost.note.excludedYears', params: { years: [...ctx.exclude].sort().join(', ') } });
  if (ctx.hasBreak) {
    const post = rows.filter((r) => r.year >= (ctx.breakYear as number)).map((r) => r.year);
    notes.push({ code: 'cost.note.break', params: { year: ctx.breakYear as number } });
    if (post.length === 1) notes.push({ code: 'cost.note.onePostBreakYear', params: { year: post[0] } });
    else notes.push({ code: 'cost.note.postBreakYears', params: { years: post.join(', ') } });
  }
  if (rows.some((r) => r.flags.includes('estimated'))) notes.push({ code: 'cost.note.estimated' });
  for (const r of rows.filter((x) => x.covidExcluded > 0))
    notes.push({ code: 'cost.note.covid', params: { year: r.year, mio: r.covidExcluded } });
  if (rows.some((r) => r.flags.includes('ambiguous_account'))) notes.push({ code: 'cost.note.ambiguousAccount' });
  const { leverage: levLimit, cooksD: cookLimit } = influenceLimits(fit.names.length, fit.n);
  fit.leverage.forEach((h, i) => {
    if (h > 1 - 1e-9) return; // fitted exactly by its indicator (noted above)
    if (h > levLimit) notes.push({ code: 'cost.note.leverage', params: { year: rows[i].year, h, limit: levLimit } });
  });
  fit.cooksD.forEach((d, i) => {
    if (d > cookLimit) notes.push({ code: 'cost.note.influential', params: { year: rows[i].year, d } });
  });
  const ju = dropOne.map((d) => d.unitKr).filter(Number.isFinite);
  if (ju.length) notes.push({ code: 'cost.note.dropOne', params: { min: Math.min(...ju), max: Math.max(...ju) } });
  return {
    n: fit.n,
    df: fit.df,
    r2: fit.r2,
    adjR2: fit.adjR2,
    sigma: fit.sigma,
    coefficients: fit.names.map((name, i) => {
      const [lo, hi] = coefInterval(fit, i, 0.95);
      return { name, coef: fit.coef[i], se: fit.se[i], t: fit.t[i], p: fit.p[i], lower95: lo, upper95: hi };
    }),
    rows: rows.map((r, i) => ({
      year: r.year,
      forbrug: r.forbrug,
      forloeb: r.forloeb,
      fitted: fit.fitted[i],
      residual: fit.residuals[i],
      leverage: fit.leverage[i],
      cooksD: fit.cooksD[i],
      flags: r.flags,
    })),
    dropOne,
    notes,
  };
}

/** One alternative specification of the cost model and its marginal cost. */
/**
 * The limits above which the cost notes call a year high-leverage (2p/n) or influential (Cook's D above 4/n),
 * for a fit of `p` coefficients on `n` years.
 *
 * @example
 * influenceLimits(3, 9) // { leverage: 0.667, cooksD: 0.444 } (rounded)
 */
export function influenceLimits(p: number, n: number): { leverage: number; cooksD: number } {
  return { leverage: (2 * p) / n, cooksD: 4 / n };
}

export interface CostSensitivityRow {
  /** the specification, as a code (worded in src/report/costText.ts) */
  label: Msg;
  prices: Prices;
  breakYear: number | null;
  excludeYears: number[];
  /** The cohort timing's share of cost in the start year, for the timing row. */
  cohortShare?: number;
  unitKr: number;
  unitSeKr: number;
  fixed: number;
  r2: number;
  n: number;
}

/**
 * Re-fit the cost model under alternative specifications (break year,
 * prices, leaving out 2020) so the reader sees how much the marginal cost
 * depends on the choices.
 *
 * @example
 * costModelSensitivity(loadBundled()).map((r) => [r.label, Math.round(r.unitKr)])
 */
export function costModelSensitivity(ds: SeriesSource, opts: CostModelOptions = {}): CostSensitivityRow[] {
  const a = opts.assumptions ?? defaultCostAssumptions();
  const base = opts.breakYear === undefined ? a.costModel.breakYear : opts.breakYear;
  const prices = opts.prices ?? 'current';
  const other: Prices = prices === 'current' ? 'fixed' : 'current';
  const t = loadTimingAssumptions();
  const share = cohortYearSplit(t.startProfile.shares, t.duration.dist)[0];
  const specs: {
    label: Msg;
    prices: Prices;
    breakYear: number | null;
    excludeYears: number[];
    cohortShare?: number;
  }[] = [
    {
      label: { code: 'cost.spec.main', params: { prices, ...(base !== null ? { breakYear: base } : {}) } },
      prices,
      breakYear: base,
      excludeYears: [],
    },
    { label: { code: 'cost.spec.break2023' }, prices, breakYear: 2023, excludeYears: [] },
    { label: { code: 'cost.spec.noBreak' }, prices, breakYear: null, excludeYears: [] },
    { label: { code: 'cost.spec.without2020' }, prices, breakYear: base, excludeYears: [2020] },
    {
      label: { code: 'cost.spec.otherPrices', params: { prices: other } },
      prices: other,
      breakYear: base,
      excludeYears: [],
    },
    {
      label: { code: 'cost.spec.cohortTiming', params: { share } },
      prices,
      breakYear: base,
      excludeYears: [],
      cohortShare: share,
    },
  ];
  return specs.map((s) => {
    const m = fitCostModel(ds, {
      ...opts,
      assumptions: a,
      prices: s.prices,
      breakYear: s.breakYear,
      excludeYears: [...(opts.excludeYears ?? []), ...s.excludeYears],
      ...(s.cohortShare !== undefined ? { cohortShare: s.cohortShare } : {}),
    });
    return {
      ...s,
      unitKr: m.unit.mean * 1e6,
      unitSeKr: m.unit.sd * 1e6,
      fixed: m.fixed.mean,
      r2: m.diagnostics.r2,
      n: m.diagnostics.n,
    };
  });
}

/**
 * Draw (fixed, unit) from the bivariate normal of the estimates, given two
 * uniforms in (0, 1) (so the draw works with any sampler: plain, LHS, CRN).
 *
 * @example
 * const { fixed, unit } = drawCostParams(m, rng.uniform(), rng.uniform());
 */
export function drawCostParams(m: CostModel, u1: number, u2: number): { fixed: number; unit: number } {
  const z1 = invNorm(u1);
  const z2 = invNorm(u2);
  const r = Math.max(-1, Math.min(1, m.corr));
  return {
    fixed: m.fixed.mean + m.fixed.sd * z1,
    unit: m.unit.mean + m.unit.sd * (r * z1 + Math.sqrt(1 - r * r) * z2),
  };
}

/**
 * Expected forbrug (mio. kr.) for a number of forløb in the current regime,
 * with its standard error from parameter uncertainty (`sdMean`) and for a
 * single year including residual noise (`sdYear`).
 *
 * @example
 * predictCost(m, 2500) // { mean: …, sdMean: …, sdYear: … }
 */
export function predictCost(m: CostModel, forloeb: number): { mean: number; sdMean: number; sdYear: number } {
  const mean = m.fixed.mean + m.unit.mean * forloeb;
  const v = m.fixed.sd ** 2 + forloeb * forloeb * m.unit.sd ** 2 + 2 * forloeb * m.corr * m.fixed.sd * m.unit.sd;
  return { mean, sdMean: Math.sqrt(v), sdYear: Math.sqrt(v + m.sigma ** 2) };
}

/** Result of `bootstrapCostModel`. */
export interface CostBootstrap {
  runs: number;
  seed: number;
  /** marginal cost, mio. kr. per forløb */
  unit: { sd: number; lower95: number; median: number; upper95: number };
  /** fixed cost in the current regime, mio. kr. */
  fixed: { sd: number; lower95: number; median: number; upper95: number };
  corr: number;
}

/**
 * Residual bootstrap of the cost model (fixed design): leverage-adjusted,
 * centred residuals are resampled with a seeded `Rng` and the model refitted,
 * as a check on the normal-theory standard errors in a 9-point sample.
 *
 * @example
 * const b = bootstrapCostModel(fitCostModel(loadBundled()), { runs: 2000, seed: 1 });
 * [b.unit.lower95 * 1e6, b.unit.upper95 * 1e6] // kr. per forløb
 */
export function bootstrapCostModel(m: CostModel, opts: { runs?: number; seed?: number } = {}): CostBootstrap {
  const runs = opts.runs ?? 2000;
  const seed = opts.seed ?? 1;
  // 0 runs gave NaN intervals, 1e12 a failed allocation: refused first
  checkIntegerArg('runs', runs, 1, API_LIMITS.keptRuns);
  checkIntegerArg('seed', seed, 0, API_LIMITS.seedMax);
  const rows = m.diagnostics.rows;
  const by = m.breakShift?.fromYear;
  const X = rows.map((r) => (by !== undefined ? [1, r.forloeb, r.year >= by ? 1 : 0] : [1, r.forloeb]));
  const pool = rows.filter((r) => r.leverage < 1 - 1e-9).map((r) => r.residual / Math.sqrt(1 - r.leverage));
  const mean = pool.reduce((s, v) => s + v, 0) / pool.length;
  const centred = pool.map((v) => v - mean);
  const rng = new Rng(seed, 0);
  const units = new Float64Array(runs);
  const fixeds = new Float64Array(runs);
  let ok = 0;
  for (let b = 0; b < runs; b++) {
    const y = rows.map(
      (r) => r.fitted + centred[Math.min(centred.length - 1, Math.floor(rng.uniform() * centred.length))],
    );
    try {
      const f = ols(X, y);
      units[ok] = f.coef[1];
      fixeds[ok] = f.coef[0] + (by !== undefined ? f.coef[2] : 0);
      ok++;
    } catch {
      /* a singular resample cannot happen with a fixed design; skip defensively */
    }
  }
  const u = units.slice(0, ok);
  const fx = fixeds.slice(0, ok);
  const summ = (a: Float64Array) => {
    const s = Float64Array.from(a).sort();
    const mu = a.reduce((x, y) => x + y, 0) / a.length;
    const sd = Math.sqrt(a.reduce((x, y) => x + (y - mu) ** 2, 0) / (a.length - 1));
    return {
      sd,
      lower95: quantileSortedUnchecked(s, 0.025),
      median: quantileSortedUnchecked(s, 0.5),
      upper95: quantileSortedUnchecked(s, 0.975),
    };
  };
  const mu = u.reduce((x, y) => x + y, 0) / ok;
  const mf = fx.reduce((x, y) => x + y, 0) / ok;
  let cov = 0;
  let vu = 0;
  let vf = 0;
  for (let i = 0; i < ok; i++) {
    cov += (u[i] - mu) * (fx[i] - mf);
    vu += (u[i] - mu) ** 2;
    vf += (fx[i] - mf) ** 2;
  }
  return { runs: ok, seed, unit: summ(u), fixed: summ(fx), corr: cov / Math.sqrt(vu * vf) };
}

/**
 * `followUp`: from monthly actuals of the running year to the forventet regnskab.
 *
 * Year-end forbrug = forbrug to date + the rest of the year. The data side projects it from the
 * months so far (projection.ts): the structural profile of the year's cohorts of forløb (those
 * already started and their remaining cost, new ones at the pace so far; cohorts.ts and
 * src/cost/timing.ts) corrected and calibrated by the earlier years' monthly profiles in the file.
 * The annual scenario model's forbrug for the year is the prior, and a precision-weighted update
 * narrows it as months come in (prior.ts). Budget profile and afvigelsesforklaring: budget.ts.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, UsageError, columnCode, shownArg } from '../errors.js';
import { API_LIMITS, checkIntegerArg } from '../io/limits.js';
import type { Dataset } from '../data/dataset.js';
import { periodKey } from '../data/period.js';
import { isoDate } from '../text/date.js';
import { meanDuration } from '../cost/timing.js';
import { durationForYear, loadTimingAssumptions, type TimingAssumptions } from '../cost/timingAssumptions.js';
import type { ScenarioResult } from '../scenario/types.js';
import { bevillingFor, budgetForloebFor, priorFor } from './inputs.js';
import { OUTLIER_FACTOR, type MonthlyActuals } from './actuals.js';
import { loadFollowUpAssumptions, type FollowUpAssumptions } from './assumptions.js';
import { budgetExposure, budgetProfile, decompose } from './budget.js';
import { estimateStartProfile, structuralProfile, type CohortContext, type SizesByYear } from './cohorts.js';
import { bevillingDraws, combineWithPrior, priorDraws, summarizeDraws } from './prior.js';
import { cumulativeAt, projectYearEnd, sumTo, type Projection } from './projection.js';
import type { AssumptionRow, FollowUpMonth, FollowUpResult, Note } from './types.js';

/** Options of {@link followUp}. */
export interface FollowUpOptions {
  /** The running year (default: the latest year of the file). */
  year?: number;
  /** Scenario of the prior (bundled id or path; default models/followup.yaml; `null` or 'none' = no prior). */
  scenario?: string | null;
  /** A scenario result to use as the prior instead of running one (e.g. the report's own run). */
  priorResult?: ScenarioResult;
  /** Bevilling of the running year, mio. kr. (default: the file's budget, the data, else the scenario's). */
  bevilling?: number;
  /** Usable opsparing, mio. kr. (default: models/followup.yaml, 0). */
  opsparing?: number;
  /** Budgeted forløb of the running year (default: the scenario's median, else last year's). */
  budgetForloeb?: number;
  runs?: number;
  seed?: number;
  assumptions?: FollowUpAssumptions;
  timing?: TimingAssumptions;
  /** Annual data (default: the bundled dataset). */
  dataset?: Dataset;
  /** Run the month-by-month backtest over the file's earlier years (default true). */
  backtest?: boolean;
  /** Draws per projection in the backtest (default 4 000). */
  backtestRuns?: number;
}

/** The pieces shared by `followUp` and the backtest. */
export interface FollowUpSetup {
  actuals: MonthlyActuals;
  assumptions: FollowUpAssumptions;
  timing: TimingAssumptions;
  cohorts: CohortContext;
  sizesMeasure: 'forloeb' | 'aftaler' | 'none';
  /** Complete years with monthly forbrug. */
  complete: number[];
  /** Years whose started forløb shaped the start profile. */
  profileYears: number[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A path for outputs: relative to the package when it is inside it (`models/followup.yaml`), else as given,
 * so the same inputs give the same bytes from any folder.
 *
 * @example
 * displayPath(bundledFollowUpPath()) // 'models/followup.yaml'
 */
export function displayPath(p: string): string {
  const r = relative(ROOT, p);
  return r && !r.startsWith('..') && !r.startsWith(sep) ? r.split(sep).join('/') : p;
}

/** Years of the file with forbrug in all twelve months. */
function completeYears(a: MonthlyActuals): number[] {
  return a.years.filter((y) => y.firstMonth === 1 && y.lastWith.forbrug === 12).map((y) => y.year);
}

/**
 * The cohort context of a file: cohort sizes (started forløb, else indgåede aftaler) by year,
 * the start profile (estimated from complete earlier years before `beforeYear`, shrunk towards
 * models/timing.yaml), durations and the fixed share.
 *
 * @example
 * const s = followUpSetup(actuals, loadFollowUpAssumptions(), loadTimingAssumptions(), 2025);
 * s.cohorts.profile.length // 12
 */
export function followUpSetup(
  actuals: MonthlyActuals,
  assumptions: FollowUpAssumptions,
  timing: TimingAssumptions,
  beforeYear: number,
): FollowUpSetup {
  const sizesMeasure: FollowUpSetup['sizesMeasure'] = actuals.measures.includes('forloeb')
    ? 'forloeb'
    : actuals.measures.includes('aftaler')
      ? 'aftaler'
      : 'none';
  const sizes = new Map<number, number[]>();
  if (sizesMeasure !== 'none')
    for (const y of actuals.years) if (y.lastWith[sizesMeasure] > 0) sizes.set(y.year, [...y.values[sizesMeasure]]);
  const profileYears = actuals.years
    .filter(
      (y) => y.year < beforeYear && sizesMeasure !== 'none' && y.firstMonth === 1 && y.lastWith[sizesMeasure] === 12,
    )
    .map((y) => y.year);
  const profile = estimateStartProfile(
    profileYears.map((y) => sizes.get(y)!),
    timing.startProfile.shares,
  );
  return {
    actuals,
    assumptions,
    timing,
    cohorts: {
      sizes,
      profile,
      durationFor: (y) => durationForYear(timing, y),
      fixedShare: assumptions.fixedShare.value,
    },
    sizesMeasure,
    complete: completeYears(actuals),
    profileYears,
  };
}

/** Cohort context restricted to what was known at the end of `asOf` in `year` (for the backtest). */
export function truncatedSizes(sizes: SizesByYear, year: number, asOf: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [y, s] of sizes) {
    if (y < year) out.set(y, [...s]);
    else if (y === year)
      out.set(
        y,
        s.map((x, j) => (j < asOf ? x : NaN)),
      );
  }
  return out;
}

/**
 * Project the year end of `year` from its first `asOf` months (data side only), with the file's
 * complete years before `year` as history.
 *
 * @example
 * dataProjection(setup, 2025, 6, 20_000, 1).draws.length // 20000
 */
export function dataProjection(
  setup: FollowUpSetup,
  year: number,
  asOf: number,
  runs: number,
  seed: number,
): Projection {
  const a = setup.actuals;
  const y = a.years.find((x) => x.year === year)!;
  const forbrug = y.values.forbrug.map((x, j) => (j < asOf ? x : NaN));
  const history = setup.complete
    .filter((k) => k < year)
    .map((k) => ({ year: k, forbrug: a.years.find((x) => x.year === k)!.values.forbrug }));
  const cohorts: CohortContext = { ...setup.cohorts, sizes: truncatedSizes(setup.cohorts.sizes, year, asOf) };
  const n = setup.assumptions.profileNoise;
  return projectYearEnd({
    year,
    asOf,
    forbrug,
    history,
    cohorts,
    noise: {
      monthlyCv: n.monthlyCv,
      priorYears: n.priorYears,
      biasPriorYears: n.biasPriorYears,
      startsCv: setup.assumptions.startsCv.value,
    },
    runs,
    seed,
  });
}

/**
 * The follow-up of the running year: forventet regnskab with intervals, P(merforbrug) and
 * P(merforbrug beyond usable opsparing), the months with the fan to December, the
 * afvigelsesforklaring, and the month-by-month backtest over the file's earlier years.
 *
 * @example
 * const r = await followUp(await readMonthlyActuals('data/viso-monthly-illustrative.csv'));
 * r.yearEnd.p50; r.pMerforbrug; r.deviation?.volume
 */
export async function followUp(actuals: MonthlyActuals, opts: FollowUpOptions = {}): Promise<FollowUpResult> {
  const a = actuals as Partial<MonthlyActuals> | null | undefined;
  if (a == null || typeof a !== 'object' || !Array.isArray(a.years))
    throw new UsageError({
      code:
        typeof (a as { then?: unknown } | null)?.then === 'function'
          ? 'followup.err.actualsPromise'
          : 'followup.err.actuals',
      params: { got: shownArg(actuals) },
    });
  if (opts.runs !== undefined)
    checkIntegerArg('runs', opts.runs, API_LIMITS.followUpRuns.min, API_LIMITS.followUpRuns.max);
  if (opts.seed !== undefined) checkIntegerArg('seed', opts.seed, 0, API_LIMITS.seedMax);
  const assumptions = opts.assumptions ?? loadFollowUpAssumptions();
  const timing = opts.timing ?? loadTimingAssumptions();
  const ds = opts.dataset ?? (await import('../data/bundled.js')).loadBundled();
  const runs = opts.runs ?? assumptions.runs;
  const seed = opts.seed ?? assumptions.seed;
  const withForbrug = actuals.years.filter((y) => y.lastWith.forbrug > 0);
  if (withForbrug.length === 0)
    throw new InputError(
      { file: actuals.file },
      { code: 'followup.err.noForbrug' },
      { code: 'followup.err.noForbrugValues' },
    );
  const year = opts.year ?? withForbrug[withForbrug.length - 1].year;
  const ya = actuals.years.find((y) => y.year === year);
  if (!ya || ya.lastWith.forbrug === 0) {
    throw new UsageError({
      code: 'followup.err.year',
      params: { year: String(year), file: actuals.file, years: withForbrug.map((y) => y.year).join(', ') },
    });
  }
  if (ya.firstMonth !== 1) {
    const label =
      actuals.granularity === 'month'
        ? periodKey({ kind: 'month', year, month: ya.firstMonth })
        : periodKey({ kind: 'quarter', year, quarter: Math.ceil(ya.firstMonth / 3) });
    throw new InputError(
      { file: actuals.file, line: ya.lines[ya.firstMonth - 1], column: actuals.periodColumn },
      { code: 'followup.err.fromJanuary', params: { year } },
      label,
    );
  }
  const asOf = ya.lastWith.forbrug;
  const spent = sumTo(ya.values.forbrug, asOf);
  if (!(spent > 0)) {
    const label =
      actuals.granularity === 'month'
        ? periodKey({ kind: 'month', year, month: asOf })
        : periodKey({ kind: 'quarter', year, quarter: Math.ceil(asOf / 3) });
    throw new InputError(
      { file: actuals.file, line: ya.lines[asOf - 1], column: actuals.periodColumn },
      { code: 'followup.err.spentZero', params: { year, label, spent: String(spent) } },
      label,
    );
  }
  const setup = followUpSetup(actuals, assumptions, timing, year);
  const notes: Note[] = [];
  const rows: AssumptionRow[] = [];

  // the prior: the annual scenario model's forbrug in the running year
  const pr = await priorFor(year, opts, assumptions);
  const prior = pr.prior;
  rows.push(pr.row);
  if (pr.note) notes.push(pr.note);

  // data projection and the update
  const proj = dataProjection(setup, year, asOf, runs, seed);
  const pDraws = prior ? priorDraws(prior, runs, seed) : undefined;
  const { draws, priorWeight } = combineWithPrior(proj.draws, pDraws, proj.toDate);

  // bevilling and opsparing
  const bev = bevillingFor(year, ya, actuals, opts.bevilling, ds, prior);
  const bevilling = bev.value;
  rows.push(bev.row);
  let opsparing: number;
  if (opts.opsparing !== undefined) {
    opsparing = opts.opsparing;
    rows.push({ code: 'opsparing.option', params: { value: opsparing }, at: { source: '--opsparing' } });
  } else if (assumptions.opsparing.value === 'budget') {
    // the balance at the end of the year before, computed from the data under the budget rules, as far as usable this year
    const { loadBudgetRules, openingOpsparing } = await import('../scenario/budget-rules.js');
    const rules = loadBudgetRules();
    const balance = openingOpsparing(ds, year - 1, rules).balance;
    opsparing = rules.maxUse !== null ? Math.min(balance, rules.maxUse * bevilling) : balance;
    rows.push({
      code: 'opsparing.budget',
      params: { value: opsparing, year: year - 1, file: rules.file },
      at: { file: rules.file, line: rules.at.start.line },
    });
  } else {
    opsparing = assumptions.opsparing.value;
    rows.push({
      code: 'opsparing.default',
      params: { value: opsparing },
      at: { file: assumptions.opsparing.at.file, line: assumptions.opsparing.at.line },
    });
  }

  // the scenario's estimate of the bevilling is uncertain: drawn with the forbrug, so P(merforbrug) carries it
  const n = draws.length;
  const bDraws = bev.row.code === 'bevilling.scenario' && prior ? bevillingDraws(prior, n, seed) : undefined;
  let over = 0;
  let beyond = 0;
  const mer = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = bDraws ? bDraws[i] : bevilling;
    if (draws[i] > b) over++;
    if (draws[i] > b + opsparing) beyond++;
    mer[i] = draws[i] - b;
  }
  const pMer = over / n;
  const pBeyond = beyond / n;

  // budget profile and the budgeted forløb
  const history = setup.complete
    .filter((k) => k < year)
    .map((k) => ({ year: k, forbrug: actuals.years.find((x) => x.year === k)!.values.forbrug }));
  const hasStarts = setup.sizesMeasure === 'forloeb' && proj.exposure !== undefined;
  const bf = budgetForloebFor(year, actuals, opts.budgetForloeb, ds, prior);
  const budgetForloeb = bf?.value;
  if (bf) rows.push(bf.row);
  let structuralBudget: number[] | undefined;
  if (hasStarts && budgetForloeb !== undefined) {
    const eb = budgetExposure(year, asOf, proj.exposure!, ya.values.forloeb, budgetForloeb, setup.cohorts);
    const f = setup.cohorts.fixedShare / (1 - setup.cohorts.fixedShare);
    const total = eb.reduce((s, x) => s + x, 0);
    let c = 0;
    structuralBudget = eb.map((x, j) => ((f * total * (j + 1)) / 12 + (c += x)) / ((1 + f) * total));
  }
  const bp = budgetProfile({
    bevilling,
    ...(ya.lastWith.budget > 0 ? { fileBudget: ya.values.budget } : {}),
    history,
    ...(structuralBudget ? { structural: structuralBudget } : {}),
    cohorts: setup.cohorts,
    year,
  });
  rows.push({
    code: `budgetProfile.${bp.source}`,
    params: { years: (bp.years ?? []).join(', '), count: bp.years?.length ?? 0 },
    at:
      bp.source === 'file'
        ? { file: actuals.file }
        : bp.source === 'history'
          ? { file: actuals.file }
          : { file: timing.file },
  });
  const toDate = proj.toDate;
  const budgetToDate = bp.cumulative[asOf - 1];

  // afvigelsesforklaring
  let deviation: FollowUpResult['deviation'];
  if (hasStarts && budgetForloeb !== undefined) {
    const d = decompose({
      year,
      asOf,
      forbrugToDate: toDate,
      budgetToDate,
      bevilling,
      budgetForloeb,
      exposure: proj.exposure!,
      starts: ya.values.forloeb,
      ...(ya.lastWith.aftaler >= asOf ? { commitments: ya.values.aftaler } : {}),
      cohorts: setup.cohorts,
    });
    if (d.exposureActual > 0 && Number.isFinite(d.price)) {
      deviation = { ...d, budgetForloeb };
      if (d.priceFrom === 'spending') notes.push({ code: 'deviation.noCommitments', params: {} });
    } else notes.push({ code: 'deviation.noStarts', params: { year } });
  } else notes.push({ code: hasStarts ? 'deviation.noBudgetForloeb' : 'deviation.noStarts', params: { year } });

  // the months: actuals, budget profile and the fan to December
  const staticProfile = proj.exposure
    ? undefined
    : structuralProfile(year, asOf, { ...setup.cohorts, sizes: new Map() });
  const months: FollowUpMonth[] = [];
  let cum = 0;
  const col = new Float64Array(n);
  for (let j = 1; j <= 12; j++) {
    const row: FollowUpMonth = { month: j, budget: bp.cumulative[j - 1] };
    if (j <= asOf) {
      cum += ya.values.forbrug[j - 1];
      row.forbrug = ya.values.forbrug[j - 1];
      row.cumulative = cum;
      for (const m of ['forloeb', 'henvendelser', 'aftaler'] as const)
        if (j <= ya.lastWith[m]) row[m] = ya.values[m][j - 1];
    }
    if (j >= asOf && asOf < 12) {
      for (let i = 0; i < n; i++)
        col[i] = cumulativeAt(proj, draws[i], proj.paces[i], j, setup.cohorts.fixedShare, staticProfile);
      const s = summarizeDraws(col);
      row.fan = { p025: s.p025, p10: s.p10, p50: s.p50, p90: s.p90, p975: s.p975 };
    }
    months.push(row);
  }

  // assumptions behind the numbers
  const t68 = timing.duration.dist.slice(5, 8).reduce((s, x) => s + x, 0);
  rows.push({
    code: 'fixedShare',
    params: { value: assumptions.fixedShare.value },
    at: { file: assumptions.fixedShare.at.file, line: assumptions.fixedShare.at.line },
  });
  rows.push({
    code: 'duration',
    params: { mean: meanDuration(timing.duration.dist), share68: t68 },
    at: {
      file: timing.duration.at.file,
      line: timing.duration.at.line,
      ...(timing.duration.source ? { source: timing.duration.source } : {}),
    },
  });
  for (const [y, b] of Object.entries(timing.byYear))
    rows.push({
      code: 'duration.year',
      params: { year: Number(y), shift: b.shift },
      at: { file: b.at.file, line: b.at.line, ...(b.source ? { source: b.source } : {}) },
    });
  rows.push(
    setup.profileYears.length
      ? {
          code: 'startProfile.history',
          params: { years: setup.profileYears.join(', '), count: setup.profileYears.length },
          at: { file: actuals.file },
        }
      : {
          code: 'startProfile.file',
          params: { flat: timing.startProfile.flat ? 1 : 0 },
          at: { file: timing.startProfile.at.file, line: timing.startProfile.at.line },
        },
  );
  const pn = assumptions.profileNoise;
  rows.push({
    code: 'profileNoise',
    params: { cv: pn.monthlyCv, priorYears: pn.priorYears, biasPriorYears: pn.biasPriorYears, years: history.length },
    at: { file: pn.at.file, line: pn.at.line },
  });
  if (hasStarts)
    rows.push({
      code: 'startsCv',
      params: { value: assumptions.startsCv.value, used: proj.startsCv },
      at: { file: assumptions.startsCv.at.file, line: assumptions.startsCv.at.line },
    });
  const assumed = proj.exposure?.assumedYears ?? [];
  if (assumed.length)
    rows.push({ code: 'carryIn.assumed', params: { years: assumed.join(', '), year }, at: { file: actuals.file } });

  if (actuals.illustrative) notes.unshift({ code: 'illustrative', params: {} });
  // periods far from their year's median: used as they stand, said with their cell
  for (const w of actuals.warnings)
    notes.push({
      code: 'outlier',
      params: {
        file: w.location.file,
        line: w.location.line ?? 0,
        cell: w.location.cell ?? '',
        measure: w.measure,
        column: w.location.column === undefined ? '' : String(columnCode(w.location.column)),
        label: w.label,
        value: w.value,
        text: w.text,
        median: w.median,
        lo: w.lo,
        hi: w.hi,
        basisYear: w.basisYear,
        year: w.year,
        side: w.side,
        factor: OUTLIER_FACTOR,
        g: actuals.granularity,
      },
    });
  if (actuals.yearFromTitle)
    notes.push({
      code: 'yearFromTitle',
      params: { year: actuals.yearFromTitle.year, line: actuals.yearFromTitle.line, text: actuals.yearFromTitle.text },
    });
  if (actuals.granularity === 'quarter') notes.push({ code: 'quarterly', params: {} });
  if (actuals.ignoredColumns.length)
    notes.push({ code: 'ignoredColumns', params: { columns: actuals.ignoredColumns.join(', ') } });
  if (setup.sizesMeasure === 'none') notes.push({ code: 'noSizes', params: {} });
  if (asOf === 12) notes.push({ code: 'complete', params: { year } });

  const result: FollowUpResult = {
    file: actuals.file,
    year,
    asOf,
    granularity: actuals.granularity,
    illustrative: actuals.illustrative,
    ...(actuals.statedDate ? { statedDate: isoDate(actuals.statedDate.date) } : {}),
    runs: n,
    seed,
    toDate: {
      forbrug: toDate,
      budget: budgetToDate,
      deviation: toDate - budgetToDate,
      ...(ya.lastWith.forloeb >= asOf ? { forloeb: sumTo(ya.values.forloeb, asOf) } : {}),
      ...(ya.lastWith.henvendelser >= asOf ? { henvendelser: sumTo(ya.values.henvendelser, asOf) } : {}),
      ...(ya.lastWith.aftaler >= asOf ? { aftaler: sumTo(ya.values.aftaler, asOf) } : {}),
    },
    bevilling,
    ...(bDraws ? { bevillingDrawn: summarizeDraws(bDraws) } : {}),
    opsparing,
    yearEnd: summarizeDraws(draws),
    data: summarizeDraws(proj.draws),
    ...(prior && pDraws
      ? {
          prior: {
            ...summarizeDraws(pDraws),
            scenario: prior.scenario,
            name: prior.name,
            ...(prior.nameEn ? { nameEn: prior.nameEn } : {}),
            runs: prior.runs,
            seed: prior.seed,
          },
        }
      : {}),
    priorWeight,
    merforbrug: summarizeDraws(mer),
    pMerforbrug: pMer,
    pMerforbrugSe: Math.sqrt((pMer * (1 - pMer)) / n),
    pBeyondOpsparing: pBeyond,
    pBeyondOpsparingSe: Math.sqrt((pBeyond * (1 - pBeyond)) / n),
    months,
    budgetProfile: { source: bp.source, ...(bp.years ? { years: bp.years } : {}) },
    ...(deviation ? { deviation } : {}),
    projection: {
      historyYears: history.map((h) => h.year),
      residual: {
        location: proj.residual.location,
        scale: proj.residual.scale,
        df: proj.residual.df,
        years: proj.residual.years,
        mean: proj.residual.mean,
        biasPriorYears: assumptions.profileNoise.biasPriorYears,
      },
      share: proj.share,
      central: proj.toDate / (proj.share * Math.exp(proj.residual.location)),
      ...(proj.exposure
        ? {
            pace: {
              value: proj.exposure.pace,
              logSd: proj.paceLogSd,
              startsCv: proj.startsCv,
              months: proj.exposure.knownMonths,
            },
          }
        : {}),
      sizes: setup.sizesMeasure,
      startProfile: [...setup.cohorts.profile],
      startProfileFrom: setup.profileYears,
      assumedYears: assumed,
    },
    assumptions: rows,
    notes,
  };
  for (const row of rows)
    if (row.at.file && row.at.file !== actuals.file) row.at = { ...row.at, file: displayPath(row.at.file) };
  if (opts.backtest !== false && setup.complete.some((k) => k < year)) {
    const { backtestFollowUp } = await import('./backtest.js');
    const bt = await backtestFollowUp(setup, { runs: opts.backtestRuns ?? 4000, seed, dataset: ds, before: year });
    result.backtest = bt;
    notes.push({
      code: bt.illustrative ? 'backtest.illustrative' : 'backtest.real',
      params: { years: bt.years.length },
    });
  }
  return result;
}

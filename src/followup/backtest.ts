/**
 * The month-by-month backtest of the follow-up: for each complete earlier year k of the actuals
 * file and each month m = 1 … 11 (quarter ends for quarterly files), project year k's forbrug
 * from its first m months with only what was known then — the file's complete years before k as
 * history (and for the start profile) and the cohorts started up to m — and score the 80 % and 95 % intervals against the
 * year's actual forbrug, by month.
 *
 * The prior of a past year cannot be the scenario model (its base year is fixed in its file), so
 * the backtest uses the annual time-series forecast of forbrug made from the years before k
 * (`forecastSeries`, method auto: the bundled annual forbrug with the file's complete years in
 * their place), as the annual model available at the time. Coverage from a handful of years is
 * weak evidence; on an illustrative file it shows only that the machinery works.
 */
import type { Dataset } from '../data/dataset.js';
import type { Series } from '../data/types.js';
import type { FollowUpSetup } from './model.js';
import { dataProjection, followUpSetup } from './model.js';
import { combineWithPrior, logSpread, priorDraws, summarizeDraws, type Prior } from './prior.js';
import type { CoverageRow, FollowUpBacktest } from './types.js';

/** Options of {@link backtestFollowUp}. */
export interface FollowUpBacktestOptions {
  runs: number;
  seed: number;
  dataset: Dataset;
  /** Only years before this one are backtested (the running year). */
  before: number;
}

const FORBRUG = 'viso.raadgivning.forbrug';

/** The annual forbrug series known before `year`: bundled values, the file's complete years in their place. */
function annualBefore(setup: FollowUpSetup, ds: Dataset, year: number): Series | undefined {
  const base = ds.has(FORBRUG) ? ds.get(FORBRUG) : undefined;
  const byYear = new Map<number, { value: number; flags: Series['points'][number]['flags']; sources: string[] }>();
  for (const p of base?.points ?? [])
    if (p.year < year) byYear.set(p.year, { value: p.value, flags: p.flags, sources: p.sources });
  for (const y of setup.actuals.years) {
    if (y.year < year && y.firstMonth === 1 && y.lastWith.forbrug === 12)
      byYear.set(y.year, {
        value: y.values.forbrug.reduce((s, x) => s + x, 0),
        flags: ['user_supplied'],
        sources: [setup.actuals.file],
      });
  }
  if (byYear.size < 3) return undefined;
  const points = [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([y, p]) => ({ year: y, value: p.value, flags: [...p.flags], sources: [...p.sources] }));
  return { id: FORBRUG, area: 'raadgivning', measure: 'forbrug', category: 'i_alt', unit: 'mio. kr.', points };
}

/** The annual forecast of `year` as a prior (percentiles 1…99 from its calibrated intervals). */
async function forecastPrior(series: Series, year: number): Promise<Prior | undefined> {
  const { forecastSeries } = await import('../forecast/series.js');
  const last = series.points[series.points.length - 1].year;
  const h = year - last;
  if (h < 1 || h > 5) return undefined;
  const levels = Array.from({ length: 49 }, (_, i) => 2 * (i + 1));
  const f = forecastSeries(series, { horizon: h, method: 'auto', levels });
  const i = f.years.indexOf(year);
  if (i < 0) return undefined;
  const pct = Array.from({ length: 99 }, (_, k) => {
    const p = k + 1;
    if (p === 50) return f.point[i];
    const level = Math.abs(2 * p - 100);
    const iv = f.intervals.find((x) => x.level === level)!;
    return p < 50 ? iv.lower[i] : iv.upper[i];
  });
  return {
    scenario: 'forecast',
    name: f.model.description,
    year,
    runs: 0,
    seed: 0,
    percentiles: pct,
    bevilling: NaN,
    forloeb: NaN,
    henvendelser: NaN,
  };
}

/**
 * Backtest the follow-up month by month over the file's complete earlier years.
 *
 * @example
 * const bt = await backtestFollowUp(setup, { runs: 4000, seed: 1, dataset: loadBundled(), before: 2025 });
 * bt.months.find((r) => r.month === 6)?.coverage80
 */
export async function backtestFollowUp(setup: FollowUpSetup, o: FollowUpBacktestOptions): Promise<FollowUpBacktest> {
  const years = setup.complete.filter((k) => k < o.before);
  const step = setup.actuals.granularity === 'quarter' ? 3 : 1;
  const origins = Array.from({ length: 12 / step - 1 }, (_, i) => (i + 1) * step);
  const details: FollowUpBacktest['details'] = [];
  for (const k of years) {
    const series = annualBefore(setup, o.dataset, k);
    const prior = series ? await forecastPrior(series, k) : undefined;
    const pd = prior ? priorDraws(prior, o.runs, o.seed) : undefined;
    const priorSpread = pd ? logSpread(summarizeDraws(pd)) : undefined;
    const y = setup.actuals.years.find((x) => x.year === k)!;
    const actual = y.values.forbrug.reduce((s, x) => s + x, 0);
    // only what was known before year k: its start profile from the years before it
    const known = followUpSetup(setup.actuals, setup.assumptions, setup.timing, k);
    for (const m of origins) {
      const proj = dataProjection(known, k, m, o.runs, o.seed);
      const d = summarizeDraws(proj.draws);
      const { draws, priorWeight } = combineWithPrior(proj.draws, pd, proj.toDate, {
        data: logSpread(d),
        ...(priorSpread !== undefined ? { prior: priorSpread } : {}),
      });
      const s = summarizeDraws(draws);
      details.push({
        year: k,
        month: m,
        actual,
        p025: s.p025,
        p10: s.p10,
        p50: s.p50,
        p90: s.p90,
        p975: s.p975,
        data: { p025: d.p025, p10: d.p10, p50: d.p50, p90: d.p90, p975: d.p975 },
        priorWeight,
      });
    }
  }
  const score = (rows: typeof details): Omit<CoverageRow, 'month'> => {
    const n = rows.length;
    const share = (f: (r: (typeof details)[number]) => boolean) => (n ? rows.filter(f).length / n : NaN);
    const inside = (x: number, lo: number, hi: number) => x >= lo && x <= hi;
    return {
      n,
      coverage80: share((r) => inside(r.actual, r.p10, r.p90)),
      coverage95: share((r) => inside(r.actual, r.p025, r.p975)),
      dataCoverage80: share((r) => inside(r.actual, r.data.p10, r.data.p90)),
      dataCoverage95: share((r) => inside(r.actual, r.data.p025, r.data.p975)),
      mape: n ? rows.reduce((a, r) => a + Math.abs(r.p50 - r.actual) / r.actual, 0) / n : NaN,
      dataMape: n ? rows.reduce((a, r) => a + Math.abs(r.data.p50 - r.actual) / r.actual, 0) / n : NaN,
    };
  };
  const months = origins.map((m) => ({ month: m, ...score(details.filter((r) => r.month === m)) }));
  const overall = score(details);
  return {
    years,
    months,
    overall,
    prior: { method: 'auto', series: FORBRUG },
    runs: o.runs,
    illustrative: setup.actuals.illustrative,
    details,
  };
}

/**
 * The one forecast of forbrug and the headline probability with its model uncertainty:
 * - the driver (scenario) model's forbrug widened around its median by the backtest's spread factor k
 *   (`backtestScenario(...).calibration.k`): the forecast the report shows, per year;
 * - P(merforbrug) from it (each run's widened forbrug against the run's bevilling);
 * - the same P under the other models (the uncalibrated driver, the time-series forecast of forbrug and
 *   naive, each against the scenario's bevilling), as the model range;
 * - parameter uncertainty: the spread of P(merforbrug | θ) over the scenario's parameter draws θ (nested
 *   Monte Carlo: every outer draw fixes all per-run inputs, the inner runs draw only the yearly shocks).
 * The Monte Carlo error is reported separately (a footnote, not the uncertainty).
 */
import { UsageError, shownArg } from '../errors.js';
import { API_LIMITS, checkIntegerArg } from '../io/limits.js';
import { checkRuns } from './load.js';
import { forecastSeries, simulate } from '../forecast/index.js';
import type { MethodName } from '../forecast/types.js';
import { quantileSortedUnchecked } from '../stats/distributions.js';
import { Rng } from '../stats/rng.js';
import { blockBuffers, drawBlock, simulateBlock } from './engine.js';
import { modelInputs, type CompiledModel } from './model.js';
import { checkDef, checkOptionsObject, prepareWithInputs } from './scenario.js';
import { backtestScenario, sampleYears, widen, type BacktestQuantiles, type ScenarioBacktest } from './backtest.js';
import { widenedOpsparing, type WidenedOpsparingYear } from './spread.js';
import type { ScenarioDef } from './types.js';

/** Most runs per replay of the backtest whose k the headline uses. */
export const BACKTEST_MAX_RUNS = 20_000;
/** Most runs of the one forecast (`oneForecast`; the report's headline runs the scenario's runs up to this). */
export const ONE_FORECAST_MAX_RUNS = 100_000;

/**
 * Runs per replay of the backtest whose k the headline uses, for a scenario run with `runs` runs: a fifth of
 * them, at least 2.000 and at most `BACKTEST_MAX_RUNS` (the report and `viso scenario goal-seek --spread-k
 * backtest` use this rule, so both find the same k).
 *
 * @example
 * headlineBacktestRuns(100_000) // 20000
 * headlineBacktestRuns(5_000) // 2000
 */
export function headlineBacktestRuns(runs: number): number {
  return Math.max(2_000, Math.min(BACKTEST_MAX_RUNS, Math.round(runs / 5)));
}

/**
 * The backtest whose `calibration.k` the headline's one forecast uses, for the scenario run with `o.runs` runs:
 * `backtestScenario` with `headlineBacktestRuns(o.runs)` runs per replay (the report and `viso scenario goal-seek
 * --spread-k backtest` both call this, so both find the same k).
 *
 * @example
 * headlineBacktest(loadScenario('baseline'), { runs: 100_000 }).calibration.k // 1.505
 */
export function headlineBacktest(def: ScenarioDef, o: { runs: number; seed?: number }): ScenarioBacktest {
  checkOptionsObject('headlineBacktest(def, { runs })', o);
  // the scenario's runs, from which the backtest's are derived (2.000–20.000): 0 or 1e12 is refused, not clamped
  checkRuns(o.runs);
  return backtestScenario(def, {
    runs: headlineBacktestRuns(o.runs),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  });
}

/** One year of the one forecast. */
export interface OneForecastYear {
  year: number;
  /** The calibrated driver forecast (the one forecast), and its mean. */
  forecast: BacktestQuantiles;
  forecastMean: number;
  /** The uncalibrated driver model. */
  driver: BacktestQuantiles;
  /** The time-series forecast of forbrug (cross-check). */
  timeSeries: BacktestQuantiles;
  /** Mean bevilling of the scenario. */
  bevilling: number;
  /** P(merforbrug): calibrated driver (the headline), driver, time series and naive against the scenario's bevilling. */
  p: { forecast: number; driver: number; timeSeries: number; naive: number };
  /** Monte Carlo standard error of `p.forecast`. */
  pSe: number;
  /**
   * The opsparing under the one forecast: each run's balance carried from the base year's (the budget rules,
   * `stepOpsparing`) through its widened forbrug of every year so far. `pBeyond` = P(widened forbrug >
   * bevilling + usable opsparing); the balance at the year's end as mean and 80 % interval.
   */
  opsparing: WidenedOpsparingYear;
}

/** Result of `oneForecast`. */
export interface OneForecast {
  scenario: string;
  k: number;
  runs: number;
  seed: number;
  /** The time-series method and its description. */
  method: string;
  years: OneForecastYear[];
}

const PROBS = [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975];
function quantiles(sorted: Float64Array): BacktestQuantiles {
  const [p2_5, p10, p25, p50, p75, p90, p97_5] = PROBS.map((p) => quantileSortedUnchecked(sorted, p));
  return { p2_5, p10, p25, p50, p75, p90, p97_5 };
}

/**
 * The one forecast of forbrug for the first `years` simulated years of a scenario: the driver model
 * calibrated with spread factor `k`, beside the uncalibrated driver and the time-series forecast. Runs: the
 * scenario's (`def.runs`, the one default `DEFAULT_RUNS` unless its file says otherwise), at most
 * `ONE_FORECAST_MAX_RUNS`, as the report's headline.
 *
 * @example
 * const f = oneForecast(loadScenario('baseline'), { k: 1.4, years: 4, runs: 50_000 });
 * f.years[1].p.forecast // P(merforbrug 2026) of the calibrated forecast
 */
export function oneForecast(
  def: ScenarioDef,
  o: { k: number; years?: number; runs?: number; seed?: number; method?: MethodName },
): OneForecast {
  checkDef(def);
  checkOptionsObject('oneForecast(def, { k })', o);
  if (!(o.k > 0)) throw new UsageError({ code: 'scenario.spreadK', params: { got: shownArg(o.k) } });
  const runs = o.runs ?? Math.min(def.runs, ONE_FORECAST_MAX_RUNS);
  // every run of every year is kept (three times): as many as the API keeps anywhere
  checkIntegerArg('runs', runs, 1, API_LIMITS.keptRuns);
  if (o.years !== undefined) checkIntegerArg('years', o.years, 1, 100);
  const { model } = prepareWithInputs(def, o.seed !== undefined ? { seed: o.seed } : {});
  const nYears = Math.min(o.years ?? 4, model.years.length);
  const ts = Array.from({ length: nYears }, (_, i) => i);
  const sim = sampleYears(model, runs, ts);
  const series = def.dataset.get('viso.raadgivning.forbrug');
  const last = Math.max(...series.points.filter((p) => Number.isFinite(p.value)).map((p) => p.year));
  // years after the base year whose forbrug the data give (known, `def.knownForbrug`): the time series goes on from them
  const known = def.knownForbrug ?? {};
  const ahead = last - def.baseYear;
  const knownYears = Array.from({ length: Math.max(0, ahead) }, (_, i) => def.baseYear + 1 + i);
  if (ahead < 0 || ahead >= nYears || knownYears.some((y) => !known[String(y)]))
    throw new UsageError({ code: 'scenario.crossCheckData', params: { year: def.baseYear, last: String(last) } });
  const method = o.method ?? 'auto';
  const nTs = nYears - ahead;
  const f = forecastSeries(series, { method, horizon: nTs });
  const fn = forecastSeries(series, { method: 'naive', horizon: nTs });
  const seed = o.seed ?? def.seed;
  const simT = simulate(f, runs, new Rng(seed, 8001));
  const simN = simulate(fn, runs, new Rng(seed, 8002));
  // paths of all nYears: the known years as they are, then the forecast
  const withKnown = (x: ArrayLike<number>) => {
    const out = new Float64Array(runs * nYears);
    for (let r = 0; r < runs; r++)
      for (let t = 0; t < nYears; t++)
        out[r * nYears + t] = t < ahead ? known[String(knownYears[t])].value : x[r * nTs + t - ahead];
    return out;
  };
  const pT = ahead ? withKnown(simT) : simT;
  const pN = ahead ? withKnown(simN) : simN;
  const sortedYears = ts.map((t) => Float64Array.from(sim.forbrug[t]).sort());
  const medians = sortedYears.map((s) => s[s.length >> 1]);
  const ops = widenedOpsparing(model, sim, o.k);
  const years: OneForecastYear[] = ts.map((t) => {
    const raw = sim.forbrug[t];
    const bev = sim.bevilling[t];
    const sorted = sortedYears[t];
    const m = medians[t];
    let aF = 0,
      aD = 0,
      aT = 0,
      aN = 0,
      bSum = 0,
      fSum = 0;
    const tsv = new Float64Array(runs);
    for (let r = 0; r < runs; r++) {
      const b = bev[r];
      bSum += b;
      const cal = m + o.k * (raw[r] - m);
      fSum += cal;
      if (cal > b) aF++;
      if (raw[r] > b) aD++;
      const x = pT[r * nYears + t];
      tsv[r] = x;
      if (x > b) aT++;
      if (pN[r * nYears + t] > b) aN++;
    }
    const p = aF / runs;
    return {
      year: model.years[t],
      forecast: quantiles(widen(sorted, o.k, m)),
      forecastMean: fSum / runs,
      driver: quantiles(sorted),
      timeSeries: quantiles(tsv.sort()),
      bevilling: bSum / runs,
      p: { forecast: p, driver: aD / runs, timeSeries: aT / runs, naive: aN / runs },
      pSe: Math.sqrt((p * (1 - p)) / runs),
      opsparing: ops[t],
    };
  });
  return { scenario: def.id, k: o.k, runs, seed, method: f.model.description, years };
}

/** Result of `parameterSpread`. */
export interface ParameterSpread {
  year: number;
  /** Outer parameter draws and inner shock runs per draw. */
  draws: number;
  runsPerDraw: number;
  /** Quantiles of P(merforbrug | θ) over the parameter draws θ. */
  p10: number;
  p50: number;
  p90: number;
  /** Mean over the draws (the unconditional P, up to Monte Carlo error). */
  mean: number;
}

/** Columns of the per-run inputs (the parameters θ), as opposed to the yearly shocks and the cost residual. */
function parameterColumns(m: CompiledModel): number[] {
  return modelInputs(m)
    .filter((x) => x.col >= 0 && x.name !== 'costNoise')
    .map((x) => x.col);
}

/** Outer parameter draws and inner shock runs per draw of `parameterSpread` by default. */
export const PARAMETER_DRAWS = 800;
export const PARAMETER_RUNS_PER_DRAW = 512;
/** Most parameter draws `parameterSpread` takes (125 times the default; each is a block of runs). */
export const PARAMETER_DRAWS_MAX = 100_000;

/**
 * The spread of P(merforbrug > 0) in `year` over the scenario's parameter uncertainty: `draws` outer draws
 * of every per-run input (growth, drifts, cost parameters, bevilling growth, measure effects, shares), each
 * with `runsPerDraw` runs of the yearly shocks only. Uses the uncalibrated driver model. The default 800 × 512
 * costs what 200 × 2.048 did but halves how far the seed moves p10 and p90 (bench/RESULTS.md, "Headline stability
 * over seeds"): the ends of the range are quantiles over the draws, so the draws set their Monte Carlo
 * error, while 512 inner runs add a binomial error of at most 2,2 pct.-point per draw, about 0,6 % of the spread.
 *
 * @example
 * parameterSpread(loadScenario('baseline'), { year: 2026 }) // { p10: …, p50: …, p90: …, … }
 */
export function parameterSpread(
  def: ScenarioDef,
  o: { year: number; draws?: number; runsPerDraw?: number; seed?: number },
): ParameterSpread {
  checkOptionsObject('parameterSpread(def, { year })', o);
  if (o.draws !== undefined) checkIntegerArg('draws', o.draws, 1, PARAMETER_DRAWS_MAX);
  // more than one block of runs per draw is capped at a block (8.192), as the result says
  if (o.runsPerDraw !== undefined) checkIntegerArg('runsPerDraw', o.runsPerDraw, 1, API_LIMITS.keptRuns);
  const { model } = prepareWithInputs(def, o.seed !== undefined ? { seed: o.seed } : {});
  const t = model.years.indexOf(o.year);
  if (t < 0)
    throw new UsageError({
      code: 'scenario.yearOutside',
      params: { year: o.year, from: model.years[0], to: model.years[model.years.length - 1] },
    });
  const draws = o.draws ?? PARAMETER_DRAWS;
  const n = Math.min(o.runsPerDraw ?? PARAMETER_RUNS_PER_DRAW, 8192);
  const cols = parameterColumns(model);
  const buf = blockBuffers(model);
  const h = model.years.length;
  const ps = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    // streams far from the main run's blocks, so this never reuses its random numbers
    drawBlock(model, 1_000_000 + d, n, buf.u);
    for (const c of cols) buf.u.fill(buf.u[c * n], c * n, c * n + n);
    simulateBlock(model, n, buf, undefined, t);
    const off = (2 * h + t) * n;
    let k = 0;
    for (let i = 0; i < n; i++) if (buf.vals[off + i] > 0) k++;
    ps[d] = k / n;
  }
  const mean = ps.reduce((a, b) => a + b, 0) / draws;
  ps.sort();
  return {
    year: o.year,
    draws,
    runsPerDraw: n,
    p10: quantileSortedUnchecked(ps, 0.1),
    p50: quantileSortedUnchecked(ps, 0.5),
    p90: quantileSortedUnchecked(ps, 0.9),
    mean,
  };
}

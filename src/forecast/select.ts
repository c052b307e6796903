/**
 * Method dispatch, input checks and fallbacks: `fit` and `forecast`.
 */
import { UsageError, shownArg } from '../errors.js';
import type { ModelFit } from './model.js';
import type { FittedModel, Forecast, ForecastOptions, MethodName } from './types.js';
import { METHOD_NAMES } from './types.js';
import { fitConcrete } from './methods.js';
import type { ConcreteMethod } from './methods.js';
import { chooseAuto } from './auto.js';
import { adjustForEvents, eventCovariance } from './events.js';
import { buildForecast, calibrationFor } from './intervals.js';
import type { Msg } from '../text/messages.js';
import { describedAs, note } from './notes.js';

/** Minimum series length per method (shorter series fall back to drift or naive). */
const MIN_N: Record<ConcreteMethod, number> = {
  naive: 2,
  drift: 3,
  ses: 4,
  holt: 6,
  damped: 7,
  ets: 4,
  arima: 5,
  theta: 4,
  dotm: 5,
  comb: 6,
  global: 3,
  ensemble: 3,
};

/**
 * Check y (finite numbers, at least 3) and throw a UsageError naming the problem.
 *
 * @example
 * checkSeries([1, NaN, 3]) // throws: the series has a missing or non-finite value at index 1 …
 */
export function checkSeries(y: unknown): asserts y is number[] {
  checkValues(y);
  if (y.length < 3) throw new UsageError({ code: 'forecast.err.tooShort', params: { n: y.length } });
}

/**
 * Check that y is an array of finite numbers (of any length), naming the first that is not.
 *
 * @example
 * checkValues([1, 'x']) // throws: the series has a missing or non-finite value at index 1 ("x") …
 */
export function checkValues(y: unknown): asserts y is number[] {
  if (!Array.isArray(y)) throw new UsageError({ code: 'forecast.err.seriesArray', params: { got: shownArg(y) } });
  y.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new UsageError({ code: 'forecast.err.missingValue', params: { i, v: shownArg(v) } });
    }
  });
}

/**
 * Check the options of `forecast` (and the horizon, method and levels of `backtest`): an object whose
 * horizon is a whole number from 1 to 100, method one of `METHOD_NAMES`, levels an array of
 * percentages strictly between 0 and 100 and events an array.
 *
 * @example
 * checkOptions({ horizon: 0 }) // throws: horizon must be a whole number from 1 to 100 (got 0)
 */
export function checkOptions(o: unknown): asserts o is ForecastOptions {
  if (o === null || typeof o !== 'object' || Array.isArray(o))
    throw new UsageError({ code: 'forecast.err.options', params: { got: shownArg(o) } });
  const opts = o as Partial<ForecastOptions>;
  if (typeof opts.horizon !== 'number' || !Number.isInteger(opts.horizon) || opts.horizon < 1 || opts.horizon > 100)
    throw new UsageError({
      code: 'forecast.err.horizon',
      params: { name: 'horizon', max: 100, got: shownArg(opts.horizon) },
    });
  checkMethod(opts.method);
  if (opts.levels !== undefined && !Array.isArray(opts.levels))
    throw new UsageError({ code: 'forecast.err.levelsArray', params: { got: shownArg(opts.levels) } });
  for (const l of opts.levels ?? [])
    if (!(typeof l === 'number' && l > 0 && l < 100))
      throw new UsageError({ code: 'forecast.err.levels', params: { got: shownArg(l) } });
  if (opts.events !== undefined && !Array.isArray(opts.events))
    throw new UsageError({ code: 'forecast.err.eventsArray', params: { name: 'events', got: shownArg(opts.events) } });
}

/** Refuse a method that is not one of `METHOD_NAMES` (absent: auto). */
function checkMethod(method: unknown): void {
  if (method !== undefined && !(METHOD_NAMES as readonly unknown[]).includes(method))
    throw new UsageError({
      code: 'forecast.err.method',
      params: { method: shownArg(method), methods: METHOD_NAMES.join(', ') },
    });
}

function isConstant(y: number[]): boolean {
  return y.every((v) => v === y[0]);
}

/** Fit with events and fallbacks; returns the fit, the method used and notes. */
function fitWithFallback(
  y: number[],
  opts: { method?: MethodName; events?: ForecastOptions['events']; horizon?: number },
): { fit: ModelFit; method: ConcreteMethod; notes: Msg[] } {
  const notes: Msg[] = [];
  const requested = opts.method ?? 'auto';
  const events = opts.events ?? [];
  const adj = events.length ? adjustForEvents(y, events) : undefined;
  const z = adj ? adj.adjusted : y;
  let method: ConcreteMethod;
  if (requested === 'auto') {
    const c = chooseAuto(z, opts.horizon ?? 3);
    method = c.method;
    notes.push(c.note);
  } else method = requested;
  if (isConstant(z) && method !== 'naive') {
    notes.push(note('forecast.note.constant', { method }));
    method = 'naive';
  }
  if ((method === 'global' || method === 'ensemble') && !z.every((v) => v > 0)) {
    const fb: ConcreteMethod = z.length >= MIN_N.comb ? 'comb' : 'drift';
    notes.push(note('forecast.note.needsPositive', { method, used: fb }));
    method = fb;
  }
  if (y.length < MIN_N[method]) {
    const fb = y.length >= MIN_N.drift ? 'drift' : 'naive';
    notes.push(note('forecast.note.needsObservations', { method, min: MIN_N[method], n: y.length, used: fb }));
    method = fb;
  }
  const chain: ConcreteMethod[] = [method, ...(['drift', 'naive'] as const).filter((m) => m !== method)];
  for (const m of chain) {
    try {
      const fit = fitConcrete(z, m);
      const test = fit.predict(2);
      if (!test.point.every(Number.isFinite) || !Array.from(test.cov).every(Number.isFinite))
        throw new Error('non-finite forecast');
      if (m !== method) notes.push(note('forecast.note.failed', { method, used: m }));
      if (adj) wrapEvents(fit, y, adj, events.length, notes);
      return { fit, method: m, notes };
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (m === 'naive') throw e;
    }
  }
  throw new Error('unreachable');
}

function wrapEvents(
  fit: ModelFit,
  y: number[],
  adj: ReturnType<typeof adjustForEvents>,
  k: number,
  notes: Msg[],
): void {
  const n = y.length;
  const inner = fit.predict.bind(fit);
  fit.predict = (h) => {
    const r = inner(h);
    const extra = eventCovariance(adj, n, h);
    return { point: r.point.map((v, i) => v + adj.effect(n + i)), cov: r.cov.map((v, i) => v + extra[i]) };
  };
  fit.model.fitted = fit.model.fitted.map((v, t) => v + adj.effect(t));
  fit.model.residuals = y.map((v, t) => v - fit.model.fitted[t]);
  adj.beta.forEach((b, i) => (fit.model.params[`event${i + 1}`] = b));
  fit.model.descriptionMsg = note(k === 1 ? 'forecast.desc.adjusted1' : 'forecast.desc.adjusted', {
    model: describedAs(fit.model),
    k,
  });
  fit.model.description += ` on the series adjusted for ${k} event ${k === 1 ? 'regressor' : 'regressors'}`;
  notes.push(note('forecast.note.events'));
}

/**
 * Fit a model to y (without forecasting).
 *
 * @example
 * fit([3, 4, 6, 7, 9, 10, 12], { method: 'ets' }).description // e.g. 'ETS(A,A,N)'
 */
export function fit(y: number[], opts: { method?: MethodName; events?: ForecastOptions['events'] } = {}): FittedModel {
  checkSeries(y);
  checkMethod(opts.method);
  if (opts.events !== undefined && !Array.isArray(opts.events))
    throw new UsageError({ code: 'forecast.err.eventsArray', params: { name: 'events', got: shownArg(opts.events) } });
  const r = fitWithFallback(y, opts);
  if (r.notes.length) r.fit.model.notes = [...(r.fit.model.notes ?? []), ...r.notes];
  return r.fit.model;
}

/**
 * Forecast y for `horizon` steps with calibrated intervals.
 *
 * @example
 * const f = forecast([410, 432, 455, 470, 498, 520, 533, 560], { method: 'auto', horizon: 3, levels: [80, 95] });
 * f.point          // three point forecasts
 * f.intervals[1]   // { level: 95, lower: [...], upper: [...] }
 */
export function forecast(y: number[], opts: ForecastOptions): Forecast {
  checkSeries(y);
  checkOptions(opts);
  const S = extremeScale(y);
  if (S !== 1)
    return rescaled(
      forecastChecked(
        y.map((v) => v / S),
        opts,
      ),
      S,
    );
  return forecastChecked(y, opts);
}

/**
 * A power of ten that brings extreme magnitudes (beyond 1e±100, where squares
 * overflow or underflow) into a safe range; 1 for ordinary data.
 */
function extremeScale(y: number[]): number {
  let m = 0;
  for (const v of y) m = Math.max(m, Math.abs(v)); // a loop, not Math.max(...y): no argument-count limit on long series
  if (m === 0 || (m < 1e100 && m > 1e-100)) return 1;
  return 10 ** Math.round(Math.log10(m));
}

/** Undo `extremeScale` on a forecast (parameters stay in scaled units, noted). */
function rescaled(f: Forecast, S: number): Forecast {
  const m = f.model;
  m.fitted = m.fitted.map((v) => v * S);
  m.residuals = m.residuals.map((v) => v * S);
  if (!m.params.relativeSigma) m.sigma *= S;
  (m.notes ??= []).push(note('forecast.note.rescaled', { scale: S.toExponential(0) }));
  const d = f.dist!;
  const mean = d.log ? d.mean.map((v) => v + Math.log(S)) : d.mean.map((v) => v * S);
  const chol = d.log ? d.chol : d.chol.map((v) => v * S);
  return {
    ...f,
    point: f.point.map((v) => v * S),
    intervals: f.intervals.map((iv) => ({
      level: iv.level,
      lower: iv.lower.map((v) => v * S),
      upper: iv.upper.map((v) => v * S),
    })),
    dist: { mean, chol, log: d.log, ...(d.df !== undefined ? { df: d.df } : {}) },
  };
}

function forecastChecked(y: number[], opts: ForecastOptions): Forecast {
  const levels = opts.levels ?? [80, 95];
  const { fit: f, method, notes } = fitWithFallback(y, opts);
  if (notes.length) f.model.notes = [...(f.model.notes ?? []), ...notes];
  const calibration = opts.calibrate === false ? undefined : calibrationFor(method, opts.horizon);
  const out = buildForecast(f, { horizon: opts.horizon, levels, scale: opts.scale ?? 'auto', calibration, y });
  const bad =
    !out.point.every(Number.isFinite) ||
    !out.intervals.every((iv) => iv.lower.every(Number.isFinite) && iv.upper.every(Number.isFinite));
  if (bad) {
    if (method === 'naive') throw new Error('naive forecast produced non-finite values');
    const fb = forecastChecked(y, { ...opts, method: method === 'drift' ? 'naive' : 'drift' });
    (fb.model.notes ??= []).push(note('forecast.note.nonFinite', { method, used: fb.method }));
    return fb;
  }
  return out;
}

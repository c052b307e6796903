/**
 * Forecasting a `Series` (annual, with possible gaps) from the data layer.
 */
import { UsageError } from '../errors.js';
import type { Series } from '../data/types.js';
import type { EventRegressor, Forecast, ForecastOptions } from './types.js';
import { forecast } from './select.js';

/** Options of `forecastSeries`: forecast options, a first year, and events given by year. */
export type SeriesForecastOptions = ForecastOptions & {
  /** first year to fit on (default: all years) */
  from?: number;
  /** events given by calendar year (converted to indexes into the fitted series) */
  eventYears?: { kind: EventRegressor['kind']; year: number }[];
};

/** Years and values to fit on, with gap handling notes. */
export interface FitWindow {
  years: number[];
  values: number[];
  notes: string[];
}

/**
 * Choose the fitting window of a series: points from `from` on with finite
 * values; a single missing year inside the window is filled by linear
 * interpolation (stated in `notes`); before a longer gap the earlier years
 * are dropped (also stated).
 *
 * @example
 * fitWindow(series, 2011).notes // ['2021 missing: linearly interpolated for fitting']
 */
export function fitWindow(s: Series, from?: number): FitWindow {
  const pts = s.points.filter((p) => (from === undefined || p.year >= from) && Number.isFinite(p.value)).sort((a, b) => a.year - b.year);
  const notes: string[] = [];
  let years: number[] = [];
  let values: number[] = [];
  for (const p of pts) {
    const last = years[years.length - 1];
    if (last !== undefined && p.year - last === 2) {
      const v = (values[values.length - 1] + p.value) / 2;
      years.push(last + 1);
      values.push(v);
      notes.push(`${last + 1} missing: linearly interpolated for fitting`);
    } else if (last !== undefined && p.year - last > 2) {
      notes.push(`${last + 1}–${p.year - 1} missing: only ${p.year} onwards is used for fitting`);
      years = [];
      values = [];
    }
    years.push(p.year);
    values.push(p.value);
  }
  return { years, values, notes };
}

/**
 * Forecast a bundled or user series. The result carries the forecast years and
 * a `note` on gaps, fallbacks and interpolation.
 *
 * @example
 * const f = forecastSeries(loadBundled().get('viso.raadgivning.forbrug'), { horizon: 3 });
 * f.years // [2025, 2026, 2027]
 */
export function forecastSeries(s: Series, opts: SeriesForecastOptions): Forecast & { years: number[]; note?: string } {
  const w = fitWindow(s, opts.from);
  if (w.values.length < 3) {
    throw new UsageError(`series ${s.id} has ${w.values.length} usable year(s)${opts.from !== undefined ? ` from ${opts.from}` : ''}: a forecast needs at least 3${w.notes.length ? ` (${w.notes.join('; ')})` : ''}`);
  }
  const events: EventRegressor[] = [...(opts.events ?? [])];
  for (const e of opts.eventYears ?? []) {
    const idx = w.years.indexOf(e.year);
    if (idx < 0) throw new UsageError(`event year ${e.year} is outside the fitted years ${w.years[0]}–${w.years[w.years.length - 1]} of ${s.id}`);
    events.push({ kind: e.kind, start: idx });
  }
  const { from: _from, eventYears: _ey, ...fo } = opts;
  const f = forecast(w.values, { ...fo, events });
  const last = w.years[w.years.length - 1];
  const years = Array.from({ length: f.horizon }, (_, i) => last + 1 + i);
  const notes = [...w.notes, ...(f.model.notes ?? []).filter((n) => !n.startsWith('AICc selection') && !n.startsWith('d = '))];
  const out: Forecast & { years: number[]; note?: string } = { ...f, years };
  if (notes.length) out.note = notes.join('; ');
  return out;
}

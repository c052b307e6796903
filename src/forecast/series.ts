/**
 * Forecasting a `Series` (annual, with possible gaps) from the data layer.
 */
import { UsageError, shownArg } from '../errors.js';
import type { Series } from '../data/types.js';
import type { EventRegressor, Forecast, ForecastOptions } from './types.js';
import { checkOptions, forecast } from './select.js';
import type { Msg } from '../text/messages.js';
import { note, notesMsg } from './notes.js';

/** Options of `forecastSeries`: forecast options, a first year, and events given by year. */
export type SeriesForecastOptions = ForecastOptions & {
  /** first year to fit on (default: all years) */
  from?: number;
  /** events given by calendar year (converted to indexes into the fitted series) */
  eventYears?: { kind: EventRegressor['kind']; year: number }[];
};

/** Years and values to fit on, with gap handling notes (codes of src/text/forecast.ts). */
export interface FitWindow {
  years: number[];
  values: number[];
  notes: Msg[];
}

/**
 * Choose the fitting window of a series: points from `from` on with finite
 * values; a single missing year inside the window is filled by linear
 * interpolation (stated in `notes`); before a longer gap the earlier years
 * are dropped (also stated), unless fewer than 3 years follow that gap: then
 * the gap is bridged by linear interpolation (stated).
 *
 * @example
 * fitWindow(series, 2011).notes // ['2021 missing: linearly interpolated for fitting']
 */
export function fitWindow(s: Series, from?: number): FitWindow {
  const pts = s.points
    .filter((p) => (from === undefined || p.year >= from) && Number.isFinite(p.value))
    .sort((a, b) => a.year - b.year);
  const notes: Msg[] = [];
  // split into segments at gaps of 2+ years; single missing years are interpolated
  const segs: { years: number[]; values: number[]; interp: Msg[] }[] = [];
  for (const p of pts) {
    const seg = segs[segs.length - 1];
    const last = seg?.years[seg.years.length - 1];
    if (seg && last !== undefined && p.year - last === 2) {
      seg.years.push(last + 1);
      seg.values.push((seg.values[seg.values.length - 1] + p.value) / 2);
      seg.interp.push(note('forecast.note.interpolated', { year: last + 1 }));
    } else if (!seg || (last !== undefined && p.year - last > 2)) {
      segs.push({ years: [], values: [], interp: [] });
    }
    const cur = segs[segs.length - 1];
    cur.years.push(p.year);
    cur.values.push(p.value);
  }
  if (segs.length === 0) return { years: [], values: [], notes };
  let k = segs.length - 1;
  if (segs[k].years.length >= 3 || k === 0) {
    if (k > 0) {
      const prev = segs[k - 1];
      notes.push(
        note('forecast.note.onlyFrom', {
          from: prev.years[prev.years.length - 1] + 1,
          to: segs[k].years[0] - 1,
          start: segs[k].years[0],
        }),
      );
    }
    notes.push(...segs[k].interp);
    return { years: segs[k].years, values: segs[k].values, notes };
  }
  // the last segment is too short to fit on: bridge the gap(s) before it by linear interpolation
  while (k > 0 && segs.slice(k).reduce((a, g) => a + g.years.length, 0) < 3) k--;
  const years: number[] = [];
  const values: number[] = [];
  for (let i = k; i < segs.length; i++) {
    const g = segs[i];
    if (years.length) {
      const y0 = years[years.length - 1];
      const v0 = values[values.length - 1];
      const y1 = g.years[0];
      for (let y = y0 + 1; y < y1; y++) {
        years.push(y);
        values.push(v0 + ((g.values[0] - v0) * (y - y0)) / (y1 - y0));
      }
      notes.push(
        note('forecast.note.bridged', {
          from: y0 + 1,
          to: y1 - 1,
          n: segs.slice(i).reduce((a, s2) => a + s2.years.length, 0),
        }),
      );
    }
    notes.push(...g.interp);
    years.push(...g.years);
    values.push(...g.values);
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
export function forecastSeries(s: Series, opts: SeriesForecastOptions): Forecast & { years: number[]; notes?: Msg[] } {
  if (s === null || typeof s !== 'object' || !Array.isArray((s as Partial<Series>).points))
    throw new UsageError({ code: 'forecast.err.seriesObject', params: { got: shownArg(s) } });
  checkOptions(opts);
  if (opts.from !== undefined && !Number.isInteger(opts.from))
    throw new UsageError({ code: 'forecast.err.from', params: { got: shownArg(opts.from) } });
  if (opts.eventYears !== undefined && !Array.isArray(opts.eventYears))
    throw new UsageError({
      code: 'forecast.err.eventsArray',
      params: { name: 'eventYears', got: shownArg(opts.eventYears) },
    });
  const w = fitWindow(s, opts.from);
  if (w.values.length < 3) {
    throw new UsageError({
      code: opts.from !== undefined ? 'forecast.tooFewFrom' : 'forecast.tooFew',
      params: {
        id: s.id,
        n: w.values.length,
        from: opts.from ?? '',
        notes: w.notes.length ? note('forecast.notes.paren', { list: notesMsg(w.notes) }) : '',
      },
    });
  }
  const events: EventRegressor[] = [...(opts.events ?? [])];
  for (const e of opts.eventYears ?? []) {
    const idx = w.years.indexOf(e.year);
    if (idx < 0)
      throw new UsageError({
        code: 'forecast.err.eventYear',
        params: { year: String(e.year), from: w.years[0], to: w.years[w.years.length - 1], id: s.id },
      });
    events.push({ kind: e.kind, start: idx });
  }
  const { from: _from, eventYears: _ey, ...fo } = opts;
  const f = forecast(w.values, { ...fo, events });
  const last = w.years[w.years.length - 1];
  const years = Array.from({ length: f.horizon }, (_, i) => last + 1 + i);
  const notes = [
    ...w.notes,
    ...(f.model.notes ?? []).filter(
      (n) => n.code !== 'forecast.note.etsSelection' && n.code !== 'forecast.note.arimaOrder',
    ),
  ];
  const out: Forecast & { years: number[]; notes?: Msg[] } = { ...f, years };
  if (notes.length) out.notes = notes;
  return out;
}

/** Report step: the time-series forecasts with their backtests, and the one forecast shown as the forbrug fan. */
import { formatNumber, type Lang } from '../../text/number.js';
import { t } from '../../text/report.js';
import type { AccuracyRow, ReportForecast, ReportModel } from '../model.js';
import { timed, type StepContext } from './context.js';

/**
 * Forecast of forbrug (the engine's `auto`) and the rolling-origin backtests of `auto` and naive behind the
 * accuracy table (the backtest's own measures, `forecast/metrics.ts`).
 *
 * @example
 * const { forecasts, accuracy } = await collectForecasts(ctx);
 */
export async function collectForecasts(
  ctx: StepContext,
): Promise<{ forecasts: ReportForecast[]; accuracy: AccuracyRow[] }> {
  const { ds, lang, timings } = ctx;
  const fc = await import('../../forecast/index.js');
  const { seriesPoints } = await import('../fromData.js');
  const { modelText, notesText } = await import('../forecastText.js');
  const forecasts: ReportForecast[] = [];
  const accuracy: AccuracyRow[] = [];
  const targets = [
    {
      id: 'forbrug',
      seriesId: 'viso.raadgivning.forbrug',
      label: t(lang, 'series.forbrug'),
      unit: 'mio. kr.' as const,
    },
  ];
  for (const tg of targets) {
    const s = ds.get(tg.seriesId);
    const f = timed(timings, `forecast:${tg.id}`, () => fc.forecastSeries(s, { horizon: 4, levels: [50, 80, 95] }));
    forecasts.push({
      id: tg.id,
      seriesId: tg.seriesId,
      fan: {
        label: tg.label,
        unit: tg.unit,
        method: modelText(f.model, lang),
        actual: seriesPoints(s),
        years: f.years,
        point: f.point,
        intervals: f.intervals,
      },
      ...(f.notes ? { note: notesText(f.notes, lang) } : {}),
    });
    const w = fc.fitWindow(s);
    const seen = new Set(s.points.filter((p) => Number.isFinite(p.value)).map((p) => p.year));
    const observed = w.years.map((y) => seen.has(y)); // the interpolated 2021 is never a truth or an origin
    for (const method of ['auto', 'naive'] as const) {
      const bt = timed(timings, `backtest:${tg.id}:${method}`, () =>
        fc.backtest(w.values, { method, horizon: 3, levels: [80], observed }),
      );
      const d = bt.details;
      const mape = d.length ? bt.overall.mape / 100 : NaN; // the backtest's MAPE (forecast/metrics.ts), as a share
      accuracy.push({
        series: tg.seriesId,
        method: method === 'auto' ? t(lang, 'bt.auto', { model: modelText(f.model, lang) }) : t(lang, 'bt.naive'),
        horizon: 3,
        mape,
        coverage80: bt.overall.coverage['80'] ?? NaN,
        n: d.length,
      });
    }
  }
  return { forecasts, accuracy };
}

/**
 * Show the one forecast (calibrated driver model) as the forbrug fan, with the time-series forecast as its
 * cross-check (changes `forecasts` in place).
 *
 * @example
 * useOneForecast(forecasts, model.oneForecast, 'da');
 */
export function useOneForecast(
  forecasts: ReportForecast[],
  f: NonNullable<ReportModel['oneForecast']>,
  lang: Lang,
): void {
  const fc = forecasts.find((x) => x.id === 'forbrug');
  if (!fc) return;
  const ys = f.years;
  const ts = fc.fan;
  fc.fan = {
    ...ts,
    method:
      lang === 'da'
        ? `kalibreret driver-model, k = ${formatNumber(f.k, 1, lang)}`
        : `calibrated driver model, k = ${formatNumber(f.k, 1, lang)}`,
    years: ys.map((y) => y.year),
    point: ys.map((y) => y.forecast.p50),
    intervals: [
      { level: 50, lower: ys.map((y) => y.forecast.p25), upper: ys.map((y) => y.forecast.p75) },
      { level: 80, lower: ys.map((y) => y.forecast.p10), upper: ys.map((y) => y.forecast.p90) },
      { level: 95, lower: ys.map((y) => y.forecast.p2_5), upper: ys.map((y) => y.forecast.p97_5) },
    ],
    crossCheck: {
      label: t(lang, 'series.crossCheck'),
      years: ys.map((y) => y.year),
      point: ys.map((y) => y.timeSeries.p50),
      lower: ys.map((y) => y.timeSeries.p10),
      upper: ys.map((y) => y.timeSeries.p90),
    },
  };
  fc.oneForecast = { k: f.k, timeSeriesMethod: ts.method };
}

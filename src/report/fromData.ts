/**
 * Adapters from the dataset (and the cost engine's unit-cost tables) to the chart input
 * tables. Pure functions: same dataset → same rows.
 */
import type { Lang } from '../text/number.js';
import type { Dataset } from '../data/dataset.js';
import type { Event } from '../data/events.js';
import type { Series } from '../data/types.js';
import type { UnitCostTable } from '../cost/unitCost.js';
import type { ActivityRow, BudgetRow, ChartEvent, UnitCostChartRow, YearValue } from './charts/types.js';

/** The hovedområder of henvendelser and forløb, in report order. */
export const ACTIVITY_AREAS = ['voksne', 'boern_unge', 'specialundervisning', 'andet', 'i_alt'] as const;

/**
 * Bevilling and forbrug (rådgivning) for every year that has both; flags and sources are
 * the union of the two points.
 *
 * @example
 * budgetRows(loadBundled()).find((r) => r.year === 2020) // { year: 2020, bevilling: 140.2, forbrug: 143.9, ... }
 */
export function budgetRows(ds: Dataset): BudgetRow[] {
  const bev = ds.get('viso.raadgivning.bevilling');
  const forb = ds.get('viso.raadgivning.forbrug');
  const fb = new Map(forb.points.map((p) => [p.year, p]));
  const rows: BudgetRow[] = [];
  for (const b of bev.points) {
    const f = fb.get(b.year);
    if (!f) continue;
    rows.push({
      year: b.year,
      bevilling: b.value,
      forbrug: f.value,
      flags: [...new Set([...b.flags, ...f.flags])],
      sources: [...new Set([...b.sources, ...f.sources])],
    });
  }
  return rows;
}

/**
 * A series as chart points (`year`, `value`, `flags`, `sources`).
 *
 * @example
 * seriesPoints(loadBundled().get('viso.raadgivning.forloeb.i_alt')).at(-1) // { year: 2024, value: 2543, flags: ['registration_break'], ... }
 */
export function seriesPoints(s: Series): YearValue[] {
  return s.points.map((p) => ({ year: p.year, value: p.value, flags: [...p.flags], sources: [...p.sources] }));
}

/**
 * Henvendelser and forløb (rådgivning) by hovedområde, all years present in the data.
 *
 * @example
 * activityRows(loadBundled()).filter((r) => r.measure === 'forloeb' && r.area === 'i_alt').length // 9
 */
export function activityRows(ds: Dataset): ActivityRow[] {
  const rows: ActivityRow[] = [];
  for (const measure of ['henvendelser', 'forloeb'] as const) {
    for (const area of ACTIVITY_AREAS) {
      const id = `viso.raadgivning.${measure}.${area}`;
      if (!ds.has(id)) continue;
      for (const p of seriesPoints(ds.get(id))) rows.push({ ...p, measure, area });
    }
  }
  return rows;
}

/**
 * Join the current- and fixed-price unit-cost tables into chart rows (kr. per forløb);
 * years without a finite unit cost in either table are dropped.
 *
 * @example
 * unitCostRows(unitCostTable(ds, { prices: 'current' }), unitCostTable(ds, { prices: 'fixed' }))
 */
export function unitCostRows(current: UnitCostTable, fixed: UnitCostTable): UnitCostChartRow[] {
  const fx = new Map(fixed.rows.map((r) => [r.year, r]));
  return current.rows
    .filter((r) => Number.isFinite(r.unitCostKr) && Number.isFinite(fx.get(r.year)?.unitCostKr ?? NaN))
    .map((r) => ({ year: r.year, current: r.unitCostKr, fixed: fx.get(r.year)!.unitCostKr, flags: [...r.flags] }));
}

/**
 * Dataset events as chart events in the report language (optionally only some kinds).
 *
 * @example
 * chartEvents(loadBundled().events, 'en')[0].title // 'Demand-limiting measures introduced'
 */
export function chartEvents(events: readonly Event[], lang: Lang, kinds?: readonly string[]): ChartEvent[] {
  return events
    .filter((e) => !kinds || kinds.includes(e.kind))
    .map((e) => ({ id: e.id, date: e.date, kind: e.kind, title: e.title[lang], source: e.source }));
}

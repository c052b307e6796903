/**
 * Helpers on annual `Series`: extract values, align two series on their
 * common years, sum parts and take ratios. Gaps are never filled: arithmetic
 * is done only for years present in every input. Flags are propagated as a
 * union and sources are concatenated (without duplicates), so a derived
 * number always says what it was made from.
 */
import { UsageError, shownArg } from '../errors.js';
import { UNITS, type Flag, type Observation, type Series, type SeriesPoint, type Unit } from './types.js';

/**
 * Refuse what is not a series before a helper reads its points (a TypeError inside otherwise).
 *
 * @example
 * checkSeriesArg('valueAt(s, year)', 's', undefined) // throws UsageError: valueAt(s, year): s must be a Series (e.g. loadBundled().get(id)), got undefined
 */
export function checkSeriesArg(call: string, name: string, s: unknown): asserts s is Series {
  if (s !== null && typeof s === 'object' && Array.isArray((s as Partial<Series>).points)) return;
  throw new UsageError(`${call}: ${name} must be a Series (e.g. loadBundled().get(id)), got ${shownArg(s)}`);
}

/** Metadata for building a series from plain arrays. */
export interface SeriesMeta {
  id: string;
  unit: Unit;
  area?: string;
  measure?: string;
  category?: string;
  /** Flags given to every point. */
  flags?: Flag[];
  /** Sources given to every point. */
  sources?: string[];
}

/**
 * Years and values of a series, optionally restricted to `from..to` (inclusive).
 * Missing years stay missing: `years` may have gaps.
 *
 * @example
 * const { years, values } = seriesValues(ds.get('viso.raadgivning.forbrug'), 2018, 2022);
 * // years [2018, 2019, 2020, 2022], values [120.9, 136.5, 143.9, 112.3]
 */
export function seriesValues(s: Series, from?: number, to?: number): { years: number[]; values: number[] } {
  checkSeriesArg('seriesValues(s)', 's', s);
  const years: number[] = [];
  const values: number[] = [];
  for (const p of s.points) {
    if (from !== undefined && p.year < from) continue;
    if (to !== undefined && p.year > to) continue;
    years.push(p.year);
    values.push(p.value);
  }
  return { years, values };
}

/**
 * The value of a series in one year, or `undefined` if that year is missing.
 *
 * @example
 * valueAt(ds.get('viso.raadgivning.forbrug'), 2020) // 143.9
 * valueAt(ds.get('viso.raadgivning.forbrug'), 2021) // undefined
 */
export function valueAt(s: Series, year: number): number | undefined {
  checkSeriesArg('valueAt(s, year)', 's', s);
  return pointAt(s, year)?.value;
}

/**
 * The point (value, flags, sources) of a series in one year, or `undefined`.
 *
 * @example
 * pointAt(ds.get('viso.raadgivning.forloeb.i_alt'), 2024)?.flags // ['registration_break']
 */
export function pointAt(s: Series, year: number): SeriesPoint | undefined {
  checkSeriesArg('pointAt(s, year)', 's', s);
  return s.points.find((p) => p.year === year);
}

/**
 * Align two series on the years both have (in increasing order).
 *
 * @example
 * const { years, a, b } = alignSeries(ds.get('viso.raadgivning.forbrug'), ds.get('viso.raadgivning.forloeb.i_alt'));
 * // years 2014..2020, 2023, 2024
 */
export function alignSeries(a: Series, b: Series): { years: number[]; a: number[]; b: number[] } {
  checkSeriesArg('alignSeries(a, b)', 'a', a);
  checkSeriesArg('alignSeries(a, b)', 'b', b);
  const bm = new Map(b.points.map((p) => [p.year, p.value]));
  const years: number[] = [];
  const av: number[] = [];
  const bv: number[] = [];
  for (const p of a.points) {
    const v = bm.get(p.year);
    if (v === undefined) continue;
    years.push(p.year);
    av.push(p.value);
    bv.push(v);
  }
  return { years, a: av, b: bv };
}

/**
 * Union of flag lists, in first-seen order.
 *
 * @example
 * unionFlags(['estimated'], ['derived', 'estimated']) // ['estimated', 'derived']
 */
export function unionFlags(...lists: Flag[][]): Flag[] {
  return [...new Set(lists.flat())];
}

/**
 * Concatenation of source lists without duplicates, in first-seen order.
 *
 * @example
 * concatSources(['aarsrapport2020#tabel7'], ['faktaark2024#oekonomi', 'aarsrapport2020#tabel7'])
 * // ['aarsrapport2020#tabel7', 'faktaark2024#oekonomi']
 */
export function concatSources(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/**
 * Sum several series year by year. A year is included only if every part has
 * it (no silent filling). Units must agree. Flags and sources of the parts are
 * carried along.
 *
 * @example
 * const total = sumSeries('viso.raadgivning.henvendelser.med_covid',
 *   [ds.get('viso.raadgivning.henvendelser.i_alt'), ds.get('viso.covid.henvendelser.i_alt')]);
 * valueAt(total, 2020) // 8631
 */
export function sumSeries(id: string, parts: Series[]): Series {
  if (!Array.isArray(parts))
    throw new UsageError(`sumSeries(${id}, parts): parts must be an array of Series, got ${shownArg(parts)}`);
  parts.forEach((p, i) => checkSeriesArg(`sumSeries(${id}, parts)`, `parts[${i}]`, p));
  if (parts.length === 0) throw new UsageError(`sumSeries(${id}): no parts given`);
  const unit = parts[0].unit;
  for (const p of parts) {
    if (p.unit !== unit) throw new UsageError(`sumSeries(${id}): cannot add ${p.id} (${p.unit}) to ${parts[0].id} (${unit})`);
  }
  const maps = parts.map((s) => new Map(s.points.map((p) => [p.year, p])));
  const points: SeriesPoint[] = [];
  for (const p0 of parts[0].points) {
    const pts = maps.map((m) => m.get(p0.year));
    if (pts.some((p) => p === undefined)) continue;
    const ps = pts as SeriesPoint[];
    points.push({
      year: p0.year,
      value: ps.reduce((acc, p) => acc + p.value, 0),
      flags: unionFlags(...ps.map((p) => p.flags)),
      sources: concatSources(...ps.map((p) => p.sources)),
    });
  }
  return { id, area: commonField(parts, 'area'), measure: commonField(parts, 'measure'), category: 'i_alt', unit, points };
}

/**
 * Ratio of two series on their common years (e.g. forbrug per forløb).
 * Years where the denominator is 0 are left out (the ratio does not exist).
 *
 * @example
 * const perForloeb = ratioSeries('viso.raadgivning.forbrug_pr_forloeb',
 *   ds.get('viso.raadgivning.forbrug'), ds.get('viso.raadgivning.forloeb.i_alt'), 'mio. kr.');
 * valueAt(perForloeb, 2019) // 136.5 / 2065
 */
export function ratioSeries(id: string, num: Series, den: Series, unit: Unit): Series {
  checkSeriesArg(`ratioSeries(${id}, num, den, unit)`, 'num', num);
  checkSeriesArg(`ratioSeries(${id}, num, den, unit)`, 'den', den);
  if (!UNITS.includes(unit))
    throw new UsageError(
      `ratioSeries(${id}, num, den, unit): unit must be one of ${UNITS.map((u) => `"${u}"`).join(', ')}, got ${shownArg(unit)}`,
    );
  const dm = new Map(den.points.map((p) => [p.year, p]));
  const points: SeriesPoint[] = [];
  for (const n of num.points) {
    const d = dm.get(n.year);
    if (!d || d.value === 0) continue;
    points.push({
      year: n.year,
      value: n.value / d.value,
      flags: unionFlags(n.flags, d.flags),
      sources: concatSources(n.sources, d.sources),
    });
  }
  return { id, area: num.area, measure: `${num.measure}/${den.measure}`, category: num.category, unit, points };
}

/**
 * Build a series from parallel arrays of years and values. Years are sorted;
 * a repeated year or a non-finite value is a usage error.
 *
 * @example
 * const s = seriesFromArrays({ id: 'my.series', unit: 'count' }, [2020, 2019], [5, 4]);
 * s.points.map((p) => p.year) // [2019, 2020]
 */
export function seriesFromArrays(meta: SeriesMeta, years: number[], values: number[]): Series {
  const m = meta as Partial<SeriesMeta> | null | undefined;
  if (m == null || typeof m !== 'object' || typeof m.id !== 'string' || m.id === '')
    throw new UsageError(`seriesFromArrays(meta, years, values): meta must be an object { id, unit }, got ${shownArg(meta)}`);
  if (!UNITS.includes(m.unit as Unit))
    throw new UsageError(
      `seriesFromArrays(${m.id}): unit must be one of ${UNITS.map((u) => `"${u}"`).join(', ')}, got ${shownArg(m.unit)}`,
    );
  if (!Array.isArray(years)) throw new UsageError(`seriesFromArrays(${m.id}): years must be an array, got ${shownArg(years)}`);
  if (!Array.isArray(values))
    throw new UsageError(`seriesFromArrays(${m.id}): values must be an array, got ${shownArg(values)}`);
  if (years.length !== values.length) {
    throw new UsageError(`seriesFromArrays(${meta.id}): ${years.length} years but ${values.length} values`);
  }
  const idx = years.map((_, i) => i).sort((i, j) => years[i] - years[j]);
  const points: SeriesPoint[] = [];
  for (const i of idx) {
    if (!Number.isInteger(years[i])) throw new UsageError(`seriesFromArrays(${meta.id}): year ${years[i]} is not an integer`);
    if (!Number.isFinite(values[i])) throw new UsageError(`seriesFromArrays(${meta.id}): value for ${years[i]} is not a finite number`);
    if (points.length && points[points.length - 1].year === years[i]) {
      throw new UsageError(`seriesFromArrays(${meta.id}): year ${years[i]} given twice`);
    }
    points.push({ year: years[i], value: values[i], flags: [...(meta.flags ?? [])], sources: [...(meta.sources ?? [])] });
  }
  return {
    id: meta.id,
    area: meta.area ?? '',
    measure: meta.measure ?? '',
    category: meta.category ?? '',
    unit: meta.unit,
    points,
  };
}

/**
 * Group observations into series (sorted by id, points sorted by year).
 * Observations of one series must agree on area, measure, category and unit,
 * and each year may occur once; otherwise a UsageError names the series.
 *
 * @example
 * const series = seriesFromObservations(obs);
 * series.map((s) => s.id)
 */
export function seriesFromObservations(observations: Observation[]): Series[] {
  const byId = new Map<string, Series>();
  for (const o of observations) {
    let s = byId.get(o.series);
    if (!s) {
      s = { id: o.series, area: o.area, measure: o.measure, category: o.category, unit: o.unit, points: [] };
      byId.set(o.series, s);
    } else {
      for (const k of ['area', 'measure', 'category', 'unit'] as const) {
        if (s[k] !== o[k]) throw new UsageError(`series ${o.series}: ${k} "${o[k]}" in ${o.year} differs from "${s[k]}"`);
      }
    }
    if (s.points.some((p) => p.year === o.year)) throw new UsageError(`series ${o.series}: year ${o.year} given twice`);
    s.points.push({ year: o.year, value: o.value, flags: [...o.flags], sources: o.source ? [o.source] : [] });
  }
  const out = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of out) s.points.sort((a, b) => a.year - b.year);
  return out;
}

/**
 * Flatten series back into observations (one per point; sources joined by ` + `).
 *
 * @example
 * observationsFromSeries([ds.get('viso.kas.bevilling')])[0].value // 106.7
 */
export function observationsFromSeries(series: Series[]): Observation[] {
  const out: Observation[] = [];
  for (const s of series) {
    for (const p of s.points) {
      out.push({
        series: s.id,
        area: s.area,
        measure: s.measure,
        category: s.category,
        year: p.year,
        value: p.value,
        unit: s.unit,
        source: p.sources.join(' + '),
        flags: [...p.flags],
      });
    }
  }
  return out;
}

function commonField(parts: Series[], k: 'area' | 'measure'): string {
  const v = parts[0][k];
  return parts.every((p) => p[k] === v) ? v : '';
}

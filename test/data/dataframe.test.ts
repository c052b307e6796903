import { describe, expect, it } from 'vitest';
import {
  dataFrameColumns,
  forecastFromColumns,
  forecastColumns,
  fromDataFrame,
  scenarioFromColumns,
  scenarioColumns,
  seriesFromColumns,
  seriesColumns,
  columnsToDataFrame,
  toDataFrame,
} from '../../src/data/dataframe.js';
import type { Series } from '../../src/data/types.js';
import { UsageError } from '../../src/errors.js';

const series: Series = {
  id: 'viso.raadgivning.forloeb.i_alt',
  area: 'raadgivning',
  measure: 'forloeb',
  category: 'i_alt',
  unit: 'count',
  points: [
    { year: 2020, value: 1234.5, flags: ['estimated'], sources: ['aarsrapport2020#tabel3'] },
    { year: 2023, value: 1859, flags: ['derived'], sources: ['faktaark2024#s1', 'faktaark2023#s2'] },
    { year: 2024, value: 2543, flags: [], sources: [] },
  ],
};

const fc = {
  point: [10, 11.5],
  years: [2025, 2026],
  intervals: [
    { level: 80, lower: [8, 9], upper: [12, 14] },
    { level: 95, lower: [7, 7.5], upper: [13, 15.5] },
  ],
};

const q = (m: number) => ({ mean: m, p5: m - 5, p10: m - 4, p25: m - 2, p50: m, p75: m + 2, p90: m + 4, p95: m + 5 });
const scenario = {
  id: 'baseline',
  name: 'Basis',
  seed: 1,
  runs: 100,
  baseYear: 2024,
  years: [
    { year: 2025, bevilling: q(100), forbrug: q(104), merforbrug: q(4), pMerforbrug: 0.61, pMerforbrugSe: 0.005, expectedMerforbrug: 5.2 },
    { year: 2026, bevilling: q(101), forbrug: q(107), merforbrug: q(6), pMerforbrug: 0.7, pMerforbrugSe: 0.004, expectedMerforbrug: 7.1 },
  ],
  assumptions: {},
  sources: [],
};

describe('seriesColumns / seriesFromColumns', () => {
  it('puts year, value, flags and sources in columns, joined by |', () => {
    const t = seriesColumns(series);
    expect(t.columns).toEqual(['year', 'value', 'flags', 'source']);
    expect(t.data.year).toEqual([2020, 2023, 2024]);
    expect(t.data.value).toEqual([1234.5, 1859, 2543]);
    expect(t.data.flags).toEqual(['estimated', 'derived', '']);
    expect(t.data.source).toEqual(['aarsrapport2020#tabel3', 'faktaark2024#s1|faktaark2023#s2', '']);
  });

  it('round-trips through a column table', () => {
    const back = seriesFromColumns(seriesColumns(series), { id: series.id, unit: 'count', area: 'raadgivning', measure: 'forloeb', category: 'i_alt' });
    expect(back).toEqual(series);
  });

  it('sorts by year, accepts numeric strings and rejects bad cells with row and column', () => {
    const s = seriesFromColumns({ columns: ['year', 'value'], data: { year: ['2024', 2019], value: ['5', 4] } }, { id: 'x', unit: 'count' });
    expect(s.points.map((p) => [p.year, p.value])).toEqual([
      [2019, 4],
      [2024, 5],
    ]);
    expect(() => seriesFromColumns({ columns: ['year', 'value'], data: { year: [2019], value: ['abc'] } }, { id: 'x', unit: 'count' })).toThrow(
      /row 1, column value: expected a number, found "abc"/,
    );
    expect(() => seriesFromColumns({ columns: ['year'], data: { year: [2019] } }, { id: 'x', unit: 'count' })).toThrow(/missing column "value"/);
    expect(() => seriesFromColumns({ columns: ['year', 'value'], data: { year: [2019, 2019], value: [1, 2] } }, { id: 'x', unit: 'count' })).toThrow(
      /year 2019 occurs twice/,
    );
    expect(() =>
      seriesFromColumns({ columns: ['year', 'value', 'flags'], data: { year: [2019], value: [1], flags: ['nope'] } }, { id: 'x', unit: 'count' }),
    ).toThrow(UsageError);
    expect(() => seriesFromColumns({ columns: ['year', 'value'], data: { year: [2019.5], value: [1] } }, { id: 'x', unit: 'count' })).toThrow(/integer year/);
  });
});

describe('forecastColumns / forecastFromColumns', () => {
  it('has h, year, point and lo/hi per level', () => {
    const t = forecastColumns(fc);
    expect(t.columns).toEqual(['h', 'year', 'point', 'lo80', 'hi80', 'lo95', 'hi95']);
    expect(t.data.h).toEqual([1, 2]);
    expect(t.data.hi95).toEqual([13, 15.5]);
  });

  it('omits year when the forecast has none and rejects ragged intervals', () => {
    expect(forecastColumns({ point: [1], intervals: [] }).columns).toEqual(['h', 'point']);
    expect(() => forecastColumns({ point: [1, 2], intervals: [{ level: 80, lower: [0], upper: [2, 3] }] })).toThrow(/80 % interval/);
    expect(() => forecastColumns({ point: [1, 2], years: [2025], intervals: [] })).toThrow(/1 years but 2/);
  });

  it('round-trips', () => {
    expect(forecastFromColumns(forecastColumns(fc))).toEqual({ h: [1, 2], ...fc });
  });
});

describe('scenarioColumns / scenarioFromColumns', () => {
  it('flattens quantiles to <field>_<quantile> columns, one row per year', () => {
    const t = scenarioColumns(scenario);
    expect(t.columns.slice(0, 4)).toEqual(['year', 'bevilling_mean', 'bevilling_p5', 'bevilling_p10']);
    expect(t.columns).toContain('pMerforbrug');
    expect(t.columns).toContain('merforbrug_p95');
    expect(t.columns.length).toBe(1 + 3 * 8 + 3);
    expect(t.data.year).toEqual([2025, 2026]);
    expect(t.data.merforbrug_p50).toEqual([4, 6]);
    expect(t.data.pMerforbrug).toEqual([0.61, 0.7]);
  });

  it('fills a field missing in one year with NaN', () => {
    const years: { year: number; a?: number }[] = [{ year: 1, a: 1 }, { year: 2 }];
    const t = scenarioColumns({ years });
    expect(t.data.a).toEqual([1, NaN]);
  });

  it('round-trips the per-year records', () => {
    expect(scenarioFromColumns(scenarioColumns(scenario))).toEqual(scenario.years);
  });
});

describe('danfojs DataFrames', () => {
  it('toDataFrame dispatches on the shape and fromDataFrame reads it back', async () => {
    const dfS = await toDataFrame(series);
    expect(dfS.shape).toEqual([3, 4]);
    expect(dfS.columns).toEqual(['year', 'value', 'flags', 'source']);
    expect(fromDataFrame(dfS, 'series', { id: series.id, unit: 'count', area: 'raadgivning', measure: 'forloeb', category: 'i_alt' })).toEqual(series);

    const dfF = await toDataFrame(fc);
    expect(dfF.columns).toEqual(['h', 'year', 'point', 'lo80', 'hi80', 'lo95', 'hi95']);
    expect(fromDataFrame(dfF, 'forecast')).toEqual({ h: [1, 2], ...fc });

    const dfR = await toDataFrame(scenario);
    expect(dfR.shape).toEqual([2, 28]);
    expect(fromDataFrame(dfR, 'scenario')).toEqual(scenario.years);
    expect(fromDataFrame(dfR, 'table').data.merforbrug_p50).toEqual([4, 6]);
  }, 60_000);

  it('keeps numbers exact (no float32 rounding), keeps NaN, and handles empty tables', async () => {
    const df = await columnsToDataFrame({ columns: ['x', 's'], data: { x: [0.1 + 0.2, NaN], s: ['a', ''] } });
    expect(dataFrameColumns(df).data.x).toEqual([0.1 + 0.2, NaN]);
    expect(dataFrameColumns(df).data.s).toEqual(['a', '']);
    const empty = await toDataFrame({ ...series, points: [] });
    expect(empty.shape).toEqual([0, 4]);
    expect(fromDataFrame(empty, 'series', { id: 'e', unit: 'count' }).points).toEqual([]);
  }, 60_000);

  it('rejects what it cannot convert', async () => {
    await expect(toDataFrame({ foo: 1 } as never)).rejects.toThrow(/expected a Series, a Forecast/);
    const df = await toDataFrame(series);
    expect(() => fromDataFrame(df, 'series', undefined as never)).toThrow(/meta/);
  }, 60_000);

  it('null for toDataFrame, and for fromDataFrame anything that is no data frame (a plain object, null, a column table), is a UsageError naming the argument, not a TypeError inside', async () => {
    await expect(toDataFrame(null as never)).rejects.toThrow(
      'toDataFrame: expected a Series, a Forecast, a ScenarioResult or a column table, got null',
    );
    expect(() => fromDataFrame({} as never, 'series', { id: 'a', unit: 'count' })).toThrow(
      "fromDataFrame(df, 'series'): df must be a danfojs DataFrame (with columns and values), got {}",
    );
    expect(() => fromDataFrame(null as never, 'table')).toThrow(UsageError);
    expect(() => fromDataFrame(seriesColumns(series) as never, 'table')).toThrow(/df must be a danfojs DataFrame/);
    const df = await toDataFrame(series);
    expect(() => fromDataFrame(df, 'nope' as never)).toThrow(
      'fromDataFrame: unknown kind "nope" (series, forecast, scenario, table)',
    );
  }, 60_000);
});

describe('with the real engines', () => {
  it('converts a forecastSeries result and a runScenario result', async () => {
    const { loadBundled, forecastSeries, loadScenario, runScenario } = await import('../../src/index.js');
    const f = forecastSeries(loadBundled().get('viso.raadgivning.forbrug'), { horizon: 2, levels: [80, 95] });
    const fc = forecastColumns(f);
    expect(fc.columns).toEqual(['h', 'year', 'point', 'lo80', 'hi80', 'lo95', 'hi95']);
    expect(fc.data.year).toEqual(f.years);
    expect(forecastFromColumns(fc).point).toEqual(f.point);

    const r = runScenario(loadScenario('baseline'), { runs: 2000, seed: 7 });
    const sc = scenarioColumns(r);
    expect(sc.data.year).toEqual(r.years.map((y) => y.year));
    expect(sc.data.pMerforbrug).toEqual(r.years.map((y) => y.pMerforbrug));
    expect(sc.data.merforbrug_p50).toEqual(r.years.map((y) => y.merforbrug.p50));
    // arrays (percentiles, exceedances) are not flattened into columns
    expect(sc.columns.some((c) => c.startsWith('forbrugPercentiles'))).toBe(false);
    const back = fromDataFrame(await toDataFrame(r), 'scenario');
    expect(back[1].forbrug).toEqual(r.years[1].forbrug);
  }, 60_000);
});

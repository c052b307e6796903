import { describe, expect, it } from 'vitest';
import {
  alignSeries,
  observationsFromSeries,
  ratioSeries,
  seriesFromArrays,
  seriesFromObservations,
  seriesValues,
  sumSeries,
  valueAt,
} from '../../src/data/series.js';
import type { Series } from '../../src/data/types.js';
import { UsageError } from '../../src/errors.js';

const a: Series = {
  id: 'a',
  area: 'x',
  measure: 'henvendelser',
  category: 'voksne',
  unit: 'count',
  points: [
    { year: 2019, value: 10, flags: [], sources: ['doc#t1'] },
    { year: 2020, value: 12, flags: ['estimated'], sources: ['doc#t1'] },
    { year: 2022, value: 14, flags: [], sources: ['doc#t2'] },
  ],
};
const b: Series = {
  id: 'b',
  area: 'x',
  measure: 'henvendelser',
  category: 'boern_unge',
  unit: 'count',
  points: [
    { year: 2020, value: 3, flags: ['excludes_covid'], sources: ['doc#t1'] },
    { year: 2021, value: 4, flags: [], sources: ['doc#t1'] },
    { year: 2022, value: 0, flags: ['derived'], sources: ['doc#t3'] },
  ],
};

describe('series helpers', () => {
  it('extracts values in a year range keeping gaps', () => {
    expect(seriesValues(a)).toEqual({ years: [2019, 2020, 2022], values: [10, 12, 14] });
    expect(seriesValues(a, 2020, 2021)).toEqual({ years: [2020], values: [12] });
    expect(valueAt(a, 2021)).toBeUndefined();
    expect(valueAt(a, 2022)).toBe(14);
  });
  it('aligns on common years only', () => {
    expect(alignSeries(a, b)).toEqual({ years: [2020, 2022], a: [12, 14], b: [3, 0] });
  });
  it('sums parts on common years, uniting flags and sources', () => {
    const s = sumSeries('sum', [a, b]);
    expect(s.points).toEqual([
      { year: 2020, value: 15, flags: ['estimated', 'excludes_covid'], sources: ['doc#t1'] },
      { year: 2022, value: 14, flags: ['derived'], sources: ['doc#t2', 'doc#t3'] },
    ]);
    expect(s.measure).toBe('henvendelser');
    expect(() => sumSeries('bad', [a, { ...b, unit: 'mio. kr.' }])).toThrow(UsageError);
  });
  it('takes ratios and drops zero denominators', () => {
    const r = ratioSeries('r', a, b, 'count');
    expect(r.points).toEqual([{ year: 2020, value: 4, flags: ['estimated', 'excludes_covid'], sources: ['doc#t1'] }]);
  });
  it('builds from arrays, sorted, rejecting duplicates and non-finite values', () => {
    const s = seriesFromArrays({ id: 'm', unit: 'count', flags: ['user_supplied'], sources: ['f.csv'] }, [2021, 2019], [2, 1]);
    expect(s.points.map((p) => [p.year, p.value])).toEqual([[2019, 1], [2021, 2]]);
    expect(s.points[0].flags).toEqual(['user_supplied']);
    expect(() => seriesFromArrays({ id: 'm', unit: 'count' }, [2019, 2019], [1, 2])).toThrow(/2019 given twice/);
    expect(() => seriesFromArrays({ id: 'm', unit: 'count' }, [2019], [NaN])).toThrow(UsageError);
    expect(() => seriesFromArrays({ id: 'm', unit: 'count' }, [2019], [])).toThrow(UsageError);
  });
  it('the helpers name an argument that is no Series, and ratioSeries a unit outside UNITS (not a TypeError reading points)', () => {
    expect(() => valueAt(undefined as never, 2020)).toThrow(
      'valueAt(s, year): s must be a Series (e.g. loadBundled().get(id)), got undefined',
    );
    expect(() => seriesValues(null as never)).toThrow(UsageError);
    expect(() => alignSeries(a, {} as never)).toThrow('alignSeries(a, b): b must be a Series (e.g. loadBundled().get(id)), got {}');
    expect(() => sumSeries('s', a as never)).toThrow(/^sumSeries\(s, parts\): parts must be an array of Series, got /);
    expect(() => sumSeries('s', [a, undefined as never])).toThrow(/parts\[1\] must be a Series/);
    expect(() => ratioSeries('r', a, b, 'ratio' as never)).toThrow(
      'ratioSeries(r, num, den, unit): unit must be one of "mio. kr.", "count", "pct", got "ratio"',
    );
  });
  it('names a missing meta, a unit the library does not know and years or values that are no arrays (not a TypeError, not a series in "bananas")', () => {
    expect(() => seriesFromArrays({ id: 'a', unit: 'count' }, [2020, 2021], [1])).toThrow(
      'seriesFromArrays(a): 2 years but 1 values',
    );
    expect(() => seriesFromArrays(undefined as never, [2020], [1])).toThrow(
      'seriesFromArrays(meta, years, values): meta must be an object { id, unit }, got undefined',
    );
    expect(() => seriesFromArrays({ id: 'a', unit: 'DKK' as never }, [2020], [1])).toThrow(
      'seriesFromArrays(a): unit must be one of "mio. kr.", "count", "pct", got "DKK"',
    );
    expect(() => seriesFromArrays({ id: 'a', unit: 'count' }, 2020 as never, [1])).toThrow(
      'seriesFromArrays(a): years must be an array, got 2020',
    );
    expect(() => seriesFromArrays({ id: 'a', unit: 'count' }, [2020], '1' as never)).toThrow(UsageError);
  });
  it('round-trips observations', () => {
    const obs = observationsFromSeries([a, b]);
    expect(obs).toHaveLength(6);
    expect(seriesFromObservations(obs)).toEqual([a, b]);
    expect(() => seriesFromObservations([...obs, obs[0]])).toThrow(/given twice/);
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { Series } from '../../src/data/types.js';
import { fitWindow, forecastSeries } from '../../src/forecast/index.js';
import { sayMsg, type Msg } from '../../src/text/messages.js';

/** The engine's notes (codes) in English, joined. */
const en = (notes: Msg[] | undefined, sep = '; '): string => (notes ?? []).map((m) => sayMsg(m, 'en')).join(sep);

const mk = (pairs: [number, number][]): Series => ({
  id: 'test.series',
  area: 'raadgivning',
  measure: 'forbrug',
  category: 'i_alt',
  unit: 'mio. kr.',
  points: pairs.map(([year, value]) => ({ year, value, flags: [], sources: ['test#1'] })),
});

describe('forecastSeries', () => {
  it('a missing series or options, or a from that is no year, is a UsageError naming it (not a TypeError inside)', () => {
    const s = mk([
      [2017, 100],
      [2018, 104],
      [2019, 108],
    ]);
    expect(() => forecastSeries(undefined as never, { horizon: 2 })).toThrow(UsageError);
    expect(() => forecastSeries(undefined as never, { horizon: 2 })).toThrow(
      /^the series must be a Series .*\(got undefined\)$/,
    );
    expect(() => forecastSeries(s, undefined as never)).toThrow(/^the options must be an object .*\(got undefined\)$/);
    expect(() => forecastSeries(s, { horizon: 2, from: 'x' as never })).toThrow(
      /^from must be a year \(an integer\) \(got "x"\)$/,
    );
    expect(() => forecastSeries({ ...s, points: [] }, { horizon: 2 })).toThrow(/0 usable year\(s\)/);
    // the horizon is checked before the series is cut to its window
    expect(() => forecastSeries({ ...s, points: [] }, { horizon: 0 })).toThrow(/^horizon must be/);
  });
  it('interpolates a single missing interior year and says so', () => {
    const s = mk([
      [2017, 100],
      [2018, 104],
      [2019, 108],
      [2020, 112],
      [2022, 120],
      [2023, 124],
    ]);
    const w = fitWindow(s);
    expect(w.years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(w.values[4]).toBe(116);
    const f = forecastSeries(s, { horizon: 2, method: 'drift' });
    expect(f.years).toEqual([2024, 2025]);
    expect(en(f.notes)).toMatch(/2021 missing: linearly interpolated/);
    expect(f.point[0]).toBeCloseTo(128, 10);
  });
  it('longer gaps: only the years after the gap are used', () => {
    const s = mk([
      [2010, 1],
      [2011, 2],
      [2015, 5],
      [2016, 6],
      [2017, 7],
      [2018, 8],
    ]);
    const f = forecastSeries(s, { horizon: 1, method: 'drift' });
    expect(f.model.n).toBe(4);
    expect(en(f.notes)).toMatch(/2012–2014 missing/);
    expect(() => forecastSeries(s, { horizon: 1, from: 2017 })).toThrow(/2 usable year/);
  });
  it('events by year', () => {
    const s = mk([
      [2015, 10],
      [2016, 11],
      [2017, 12],
      [2018, 20],
      [2019, 21],
      [2020, 22],
    ]);
    const f = forecastSeries(s, {
      horizon: 1,
      method: 'drift',
      eventYears: [{ kind: 'level', year: 2018 }],
      scale: 'linear',
    });
    expect(f.point[0]).toBeCloseTo(23, 8);
  });
});

describe('fitWindow with a long gap near the end', () => {
  it('bridges the gap when fewer than 3 years follow it', () => {
    const s = mk([
      [2014, 10],
      [2015, 11],
      [2016, 12],
      [2017, 13],
      [2020, 22],
      [2021, 23],
    ]);
    const w = fitWindow(s);
    expect(w.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect(w.values).toEqual([10, 11, 12, 13, 16, 19, 22, 23]);
    expect(en(w.notes.slice(0, 1))).toMatch(/2018–2019 missing: linearly interpolated because only 2 year/);
  });
});

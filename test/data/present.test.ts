import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { missingYears, seriesCsv, seriesJson, summarizeSeries, yearRanges } from '../../src/data/present.js';
import { parseBundledObservations } from '../../src/data/bundled.js';

const ds = loadBundled();
const forbrug = ds.get('viso.raadgivning.forbrug');

describe('series presentation', () => {
  it('finds missing years and compresses ranges', () => {
    expect(missingYears(forbrug)).toEqual([2021]);
    expect(yearRanges(forbrug.points.map((p) => p.year))).toBe('2011–2020, 2022–2024');
    expect(yearRanges([2020])).toBe('2020');
  });
  it('summarizes flags', () => {
    const s = summarizeSeries(forbrug);
    expect(s).toMatchObject({ n: 13, unit: 'mio. kr.', flags: { includes_covid: 1, ambiguous_account: 3 }, missingYears: [2021] });
  });
  it('CSV output is the bundled long format and parses back to the same values', () => {
    const csv = seriesCsv(forbrug);
    const back = parseBundledObservations(csv, 'out.csv');
    expect(back.map((o) => [o.year, o.value, o.flags])).toEqual(forbrug.points.map((p) => [p.year, p.value, p.flags]));
  });
  it('JSON output carries the missing years', () => {
    const j = JSON.parse(seriesJson(forbrug));
    expect(j.missingYears).toEqual([2021]);
    expect(j.points).toHaveLength(13);
  });
});

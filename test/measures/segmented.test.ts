import { describe, expect, it } from 'vitest';
import { segmentedRegression } from '../../src/measures/segmented.js';

const step = (t: number) => (t >= 2018 ? 1 : 0);

describe('segmentedRegression', () => {
  it('recovers a known level and slope change', () => {
    const years = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    // pre: 100 + 2(t−2018); post adds −10 level and −1 per year after 2018; small noise
    const noise = [0.3, -0.2, 0.1, -0.3, 0.2, -0.1, 0.2, -0.2, 0.1, -0.1];
    const y = years.map((t, i) => 100 + 2 * (t - 2018) + (t >= 2018 ? -10 - (t - 2018) : 0) + noise[i]);
    const r = segmentedRegression(years, y, 2018, step)!;
    expect(r.model).toBe('level+slope');
    expect(r.level.coef).toBeCloseTo(-10, 0);
    expect(r.slope!.coef).toBeCloseTo(-1, 0);
    expect(r.level.lower95).toBeLessThan(-10);
    expect(r.level.upper95).toBeGreaterThan(-10);
    expect(r.effects.map((e) => e.year)).toEqual([2018, 2019, 2020, 2021]);
    expect(r.effects[3].effect).toBeCloseTo(r.level.coef + 3 * r.slope!.coef, 10);
  });
  it('falls back to a level change with one post point, and to null without', () => {
    const r = segmentedRegression([2014, 2015, 2016, 2017, 2018], [1, 2, 3, 4, 3], 2018, step)!;
    expect(r.model).toBe('level');
    expect(r.level.coef).toBeCloseTo(-2, 10);
    expect(r.notes[0]).toEqual({ code: 'measures.seg.levelOnly', params: { post: 1 } });
    expect(segmentedRegression([2014, 2015, 2016], [1, 2, 3], 2018, step)).toBeNull();
  });
  it('scales the level change by the phase-in share', () => {
    const ph = (t: number) => (t < 2021 ? 0 : t === 2021 ? 0.5 : 1);
    const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
    const y = years.map((t) => 50 + (t - 2021) - 8 * ph(t));
    const r = segmentedRegression(years, y, 2021, ph)!;
    expect(r.level.coef).toBeCloseTo(-8, 8);
    expect(r.effects[0]).toMatchObject({ year: 2021 });
    expect(r.effects[0].effect).toBeCloseTo(-4, 8);
  });
});

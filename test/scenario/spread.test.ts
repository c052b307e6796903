import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareWithInputs } from '../../src/scenario/scenario.js';
import { oneForecast } from '../../src/scenario/headline.js';
import { openingNeeded, widenedOpsparing } from '../../src/scenario/spread.js';

describe('openingNeeded (the smallest opening balance that covers every merforbrug so far)', () => {
  it('with carry-over: the deepest point the running sum of bevilling − forbrug reached; 0 when it never went below 0', () => {
    expect(openingNeeded(true, -12.5, 20)).toBe(12.5);
    expect(openingNeeded(true, 0, 0)).toBe(0);
  });
  it('without carry-over: the merforbrug summed (a mindreforbrug is not saved)', () => {
    expect(openingNeeded(false, -12.5, 20)).toBe(20);
  });
});

describe('widenedOpsparing: need95, the opening balance that covers the merforbrug in 95 % of the runs', () => {
  const def = loadScenario('baseline');
  const { model } = prepareWithInputs(def, {});
  it('is the 95 % quantile (R type 7) over the runs of each run’s deepest running deficit, year by year', () => {
    // 21 runs, 2 years, bevilling 100: run r spends 100 + r in year 1 and 100 − 2r in year 2
    const runs = 21;
    const forbrug = [
      Float64Array.from({ length: runs }, (_, r) => 100 + r),
      Float64Array.from({ length: runs }, (_, r) => 100 - 2 * r),
    ];
    const bevilling = [new Float64Array(runs).fill(100), new Float64Array(runs).fill(100)];
    const y = widenedOpsparing(model, { forbrug, bevilling }, 1);
    // year 1: deficits 0, 1, …, 20 → type 7 at p = 0,95: 19; year 2: the running sum recovers (r − 2r), the deepest point stays
    expect(y[0].need95).toBeCloseTo(19, 12);
    expect(y[1].need95).toBeCloseTo(19, 12);
  });
  it('an opening balance of need95 keeps P(forbrug > bevilling + usable opsparing) at or under 5 % in every year up to it', () => {
    const f = oneForecast(def, { k: 1.5, years: 3, runs: 20_000 });
    const need = f.years[2].opsparing.need95!;
    expect(need).toBeGreaterThan(0);
    const enough = oneForecast({ ...def, budget: { ...def.budget, start: need } }, { k: 1.5, years: 3, runs: 20_000 });
    for (let t = 0; t < 3; t++) expect(enough.years[t].opsparing.pBeyond).toBeLessThanOrEqual(0.05);
    const half = oneForecast(
      { ...def, budget: { ...def.budget, start: need / 2 } },
      { k: 1.5, years: 3, runs: 20_000 },
    );
    expect(Math.max(...half.years.map((y) => y.opsparing.pBeyond))).toBeGreaterThan(0.05);
  });
  it('is left out under rules with a ceiling, a yearly limit or expiry (no closed form)', () => {
    const capped = prepareWithInputs({ ...def, budget: { ...def.budget, cap: 0.5 } }, {}).model;
    const runs = 3;
    const paths = { forbrug: [new Float64Array(runs).fill(110)], bevilling: [new Float64Array(runs).fill(100)] };
    expect(widenedOpsparing(capped, paths, 1)[0].need95).toBeUndefined();
    expect(widenedOpsparing(model, paths, 1)[0].need95).toBe(10);
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadBundled } from '../../src/data/bundled.js';
import { forecast } from '../../src/forecast/index.js';
import { effectFromEvaluation, evaluateMeasure } from '../../src/measures/evaluate.js';
import { findMeasure } from '../../src/measures/load.js';
import { verdictMsg } from '../../src/measures/verdict.js';
import { distMean } from '../../src/stats/distributions.js';

const ds = loadBundled();
const opts = { dataset: ds, resolveEffects: false };

describe('evaluateMeasure: September 2021 tightening from the 2020 vantage point', () => {
  const def = findMeasure('tightening-2021-09', opts);
  const ev = evaluateMeasure(def, ds, { runs: 2000, seed: 7 });
  const forbrug = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forbrug')!;

  it('fits the counterfactual on 2011–2020 (COVID costs removed) and compares with forbrug 2022 = 112.3', () => {
    expect(ev.vantage).toBe(2020);
    expect(forbrug.preYears).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    expect(forbrug.preValues[9]).toBeCloseTo(143.9 - 1.2, 10);
    const y2022 = forbrug.years.find((y) => y.year === 2022)!;
    expect(y2022.actual).toBe(112.3);
    // the counterfactual is exactly the engine's forecast from the pre-period, two years ahead (2021 has no data)
    const f = forecast(forbrug.preValues, { method: 'auto', horizon: 4, levels: [80, 95] });
    expect(y2022.counterfactual).toBeCloseTo(f.point[1], 10);
    expect(y2022.effect).toBeCloseTo(112.3 - f.point[1], 10);
    // from 2020 one expected forbrug to stay near its 2019–2020 level (> 125) …
    expect(y2022.counterfactual).toBeGreaterThan(125);
    // … and 2022 came in more than 10 % below it
    expect(y2022.relative).toBeLessThan(-0.1);
    expect(y2022.relative).toBeCloseTo(112.3 / y2022.counterfactual - 1, 12);
    // the effect interval is the counterfactual interval turned around the actual
    expect(y2022.effectUpper95).toBeCloseTo(112.3 - y2022.cfLower95, 10);
    expect(y2022.effectLower95).toBeCloseTo(112.3 - y2022.cfUpper95, 10);
    expect(y2022.effectLower95).toBeLessThan(y2022.effect);
    // whether 2022 lies outside the interval decides the verdict, and the text says which
    const outside = y2022.effectUpper95 < 0;
    expect(forbrug.verdict).toBe(
      outside
        ? forbrug.years.every((y) => y.effectUpper95 < 0)
          ? 'reduction'
          : 'mixed'
        : forbrug.years.some((y) => y.effectUpper95 < 0 || y.effectLower95 > 0)
          ? 'mixed'
          : 'inconclusive',
    );
    expect(y2022.phase).toBe(1);
    // 2021 is a real gap: not evaluated, and the cumulative effect says which years it sums
    expect(forbrug.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(forbrug.cumulative!.years).toEqual([2022, 2023, 2024]);
    // notes and reasons are codes (worded in src/report/measuresText.ts, tested in test/report/measuresText.test.ts)
    expect(forbrug.notes).toContainEqual({
      code: 'measures.note.cumulativePartial',
      params: { n: 3, years: '2022, 2023, 2024' },
    });
  });

  it('says plainly what cannot be separated or compared', () => {
    expect(ev.confounded).toEqual(['initiatives-2021-05']);
    expect(ev.notes).toContainEqual({ code: 'measures.note.gap2021' });
    const forloeb = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forloeb.i_alt')!;
    expect(forloeb.years.map((y) => y.year)).toEqual([2023]);
    expect(forloeb.excluded).toEqual([{ year: 2024, reason: { code: 'measures.excluded.registrationBreak' } }]);
    // forløb effect in mio. kr. = forløb effect × marginal unit cost
    const y = forloeb.years[0];
    expect(y.mio!.effect).toBeCloseTo((y.effect * ev.unitCostKr.mean) / 1e6, 10);
    expect(y.mio!.lower95).toBeLessThan(y.mio!.upper95);
  });

  it('converts henvendelser and visitation-rate effects to forløb and mio. kr. where the year is comparable', () => {
    const vis = ev.outcomes.find((o) => o.outcome === 'visitation.i_alt')!.years[0];
    expect(vis.year).toBe(2023);
    expect(vis.forloeb!.effect).toBeCloseTo(vis.effect * 4466, 8);
    expect(vis.mio!.effect).toBeCloseTo((vis.effect * 4466 * ev.unitCostKr.mean) / 1e6, 8);
    const hen = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.henvendelser.i_alt')!;
    expect(hen.years[0].forloeb!.effect).toBeCloseTo(hen.years[0].effect * (1859 / 4466), 8);
    expect(hen.years[1].year).toBe(2024);
    expect(hen.years[1].forloeb).toBeUndefined(); // 2024 forløb are not comparable
    expect(hen.cumulative!.mio).toBeUndefined();
  });

  it('gives a segmented-regression estimate for comparison', () => {
    expect(forbrug.segmented!.model).toBe('level+slope');
    expect(forbrug.segmented!.n).toBe(13);
    expect(forbrug.segmented!.level.coef).toBeLessThan(0);
    const forloeb = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forloeb.i_alt')!;
    expect(forloeb.segmented!.model).toBe('level'); // one comparable post year
  });

  it('is deterministic for a seed', () => {
    const again = evaluateMeasure(def, ds, { runs: 2000, seed: 7 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(ev));
  });

  it('turns into the effect distribution of a new measure', () => {
    const spec = effectFromEvaluation(ev, 'viso.raadgivning.forloeb.i_alt');
    expect(spec.dist).toBe('empirical');
    const y = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forloeb.i_alt')!.years[0];
    // the mean of the percentiles is close to the simulated relative effect
    expect(distMean(spec)).toBeGreaterThan(y.relativeLower95);
    expect(distMean(spec)).toBeLessThan(y.relativeUpper95);
  });
});

describe('evaluateMeasure: 2018 measures', () => {
  const ev = evaluateMeasure(findMeasure('measures-2018', opts), ds, { runs: 2000 });
  it('stops before the 2021 measures and flags the 4-year forløb pre-period as too short', () => {
    expect(ev.until).toBe(2020);
    const forloeb = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forloeb.i_alt')!;
    expect(forloeb.preYears).toEqual([2014, 2015, 2016, 2017]);
    expect(forloeb.verdict).toBe('too_short');
    expect(verdictMsg(forloeb)).toMatchObject({
      code: 'measures.verdict.too_short',
      params: { preN: 4, span: '2014–2017' },
    });
    expect(forloeb.years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
    expect(forloeb.years[0].actual).toBe(1827);
    const forbrug = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forbrug')!;
    expect(forbrug.preYears).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017]);
    expect(forbrug.verdict).not.toBe('too_short');
    expect(forbrug.years[0]).toMatchObject({ year: 2018, actual: 120.9 });
    expect(forbrug.years[0].effect).toBeLessThan(0);
  });
});

describe('evaluateMeasure: edge cases', () => {
  it('reports too short instead of failing when fewer than 3 pre-period years exist', () => {
    const def = {
      ...findMeasure('measures-2018', opts),
      id: 'late',
      start: '2024-03-01',
      phaseIn: [0.83, 1],
      evaluation: { outcomes: ['viso.raadgivning.forloeb.i_alt', 'viso.raadgivning.forbrug'] },
    };
    const ev = evaluateMeasure(def, ds, { runs: 200 });
    // forløb: 2021–2022 missing, so only 2023 precedes the start
    expect(ev.outcomes[0].verdict).toBe('too_short');
    expect(ev.outcomes[0].years).toEqual([]);
    // forbrug: the single missing year 2021 is interpolated for the forecast (and said so)
    const fb = ev.outcomes[1];
    expect(fb.preYears).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(fb.preValues[10]).toBeCloseTo((143.9 - 1.2 + 112.3) / 2, 10);
    expect(fb.notes).toContainEqual({ code: 'measures.note.preInterpolated', params: { year: 2021 } });
    expect(fb.years.map((y) => y.year)).toEqual([2024]);
  });
});

describe('evaluateMeasure: bad arguments', () => {
  it('runs outside 1–1.000.000 (as --runs of viso measure evaluate), a seed that is no integer 0–4294967295 and what is no measure are UsageErrors before any fit', () => {
    const def = findMeasure('tightening-2021-09', opts);
    expect(() => evaluateMeasure(def, ds, { runs: 0 })).toThrow('runs must be an integer from 1 to 1,000,000, got 0');
    expect(() => evaluateMeasure(def, ds, { runs: 1e12 })).toThrow(UsageError);
    expect(() => evaluateMeasure(def, ds, { runs: 1.5 })).toThrow(UsageError);
    // 1.5 was truncated by | 0 to seed 1 and NaN to 0, without a word
    expect(() => evaluateMeasure(def, ds, { runs: 100, seed: 1.5 })).toThrow(
      'seed must be an integer from 0 to 4,294,967,295, got 1.5',
    );
    expect(() => evaluateMeasure(undefined as never, ds)).toThrow(
      'the measure must be a definition from findMeasure(...) or loadMeasure(...), got undefined',
    );
  });
});

/**
 * A measure's savings across years under the cohort timing of a forløb's cost (models/timing.yaml):
 * a tightening from September saves mostly in the following year, in the split and in the engine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { durationDist, FLAT_START_PROFILE } from '../../src/cost/timing.js';
import { durationForYear, loadTimingAssumptions } from '../../src/cost/timingAssumptions.js';
import { costPhase, measureCostSplit } from '../../src/measures/costTiming.js';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareScenario, runScenario } from '../../src/scenario/scenario.js';

const tmp = mkdtempSync(join(tmpdir(), 'viso-cost-timing-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('measureCostSplit', () => {
  it('the cost of starts cut from 1 September (flat starts, 7 months) falls 10/28 in the start year and 18/28 in the next', () => {
    const s = measureCostSplit('2021-09-01', FLAT_START_PROFILE, durationDist({ 7: 1 }));
    expect(s.startYear[0]).toBeCloseTo(10 / 28, 12);
    expect(s.startYear[1]).toBeCloseTo(18 / 28, 12);
    expect(s.fullYear).toEqual([0.75, 0.25].map((x) => expect.closeTo(x, 12)) as unknown as number[]);
    // from 1 January the start year's split is the whole year's
    expect(measureCostSplit('2026-01-01', FLAT_START_PROFILE, durationDist({ 7: 1 })).startYear[0]).toBeCloseTo(
      0.75,
      12,
    );
  });
  it('with models/timing.yaml (6–8 months, annual report 2020) a measure from 20 September 2021 saves mostly in 2022', () => {
    const t = loadTimingAssumptions();
    const s = measureCostSplit('2021-09-20', t.startProfile.shares, durationForYear(t, 2021));
    expect(s.startYear[0] + s.startYear[1]).toBeCloseTo(1, 12);
    expect(s.startYear[1]).toBeGreaterThan(0.6);
    expect(s.startYear[0]).toBeCloseTo(0.3, 1);
  });
  it('costPhase reaches the phase of starts once it stops changing', () => {
    const split = measureCostSplit('2026-09-01', FLAT_START_PROFILE, durationDist({ 7: 1 }));
    const c = costPhase({ start: '2026-09-01' }, [2026, 2027, 2028], [1 / 3, 1, 1], split);
    expect(c[0]).toBeCloseTo((1 / 3) * (10 / 28), 12);
    expect(c[1]).toBeCloseTo((1 / 3) * (18 / 28) + 0.75, 12);
    expect(c[2]).toBeCloseTo(1, 12);
  });
});

describe('cohort timing in the scenario engine', () => {
  const scenario = (timing: 'cohort' | 'none', measure: boolean) => {
    const f = join(tmp, `s-${timing}-${measure}.yaml`);
    writeFileSync(
      f,
      [
        `id: sept-${timing}`,
        'name: September',
        'extends: baseline',
        'costs:',
        `  timing: ${timing}`,
        ...(measure
          ? ['measures:', '  - id: tightening-2021-09', '    start: 2026-09-01', '    phaseIn: [0.334, 1]']
          : ['measures: []']),
      ].join('\n') + '\n',
    );
    return runScenario(loadScenario(f), { runs: 8192 });
  };
  it('a tightening from September 2026 saves in 2026 only a third of what it saves with no timing; from 2028 the same', () => {
    const base = scenario('none', false);
    const none = scenario('none', true);
    const cohort = scenario('cohort', true);
    const saved = (r: typeof base, y: number) =>
      base.years.find((v) => v.year === y)!.forbrug.mean - r.years.find((v) => v.year === y)!.forbrug.mean;
    expect(saved(none, 2025)).toBe(0);
    expect(saved(cohort, 2026)).toBeGreaterThan(0);
    expect(saved(cohort, 2026) / saved(none, 2026)).toBeLessThan(0.45);
    expect(saved(cohort, 2027)).toBeLessThan(saved(none, 2027));
    expect(saved(cohort, 2027)).toBeGreaterThan(2 * saved(cohort, 2026));
    expect(saved(cohort, 2028) / saved(none, 2028)).toBeCloseTo(1, 6);
    // forløb are counted in the year they start: the same with and without timing
    expect(cohort.years.map((y) => y.forloeb.mean)).toEqual(none.years.map((y) => y.forloeb.mean));
  });
  it('without measures, or with timing: none, nothing changes (the default)', () => {
    const m = prepareScenario(loadScenario('tightening-2021'));
    expect(m.measures[0].costPhase).toBeUndefined();
  });
});

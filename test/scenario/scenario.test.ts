/**
 * The scenario API's argument checks (src/scenario/scenario.ts): what a script passes to
 * runScenario and prepareScenario is refused at the boundary with a one-line UsageError.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { UsageError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { checkLevers, prepareScenario, runScenario } from '../../src/scenario/scenario.js';
import { scenarioDir, TOY } from './helpers.js';

const toy = () => loadScenario(join(scenarioDir({ 's.yaml': TOY }), 's.yaml'));

describe('runScenario and prepareScenario: bad arguments', () => {
  it('what is not a scenario definition is a UsageError saying where one comes from (not a TypeError inside the engine)', () => {
    for (const bad of [undefined, {}, 'baseline']) {
      expect(() => runScenario(bad as never, { runs: 100 })).toThrow(UsageError);
      expect(() => runScenario(bad as never, { runs: 100 })).toThrow(
        /^the scenario must be a definition from loadScenario\(\.\.\.\), got /,
      );
    }
    expect(() => prepareScenario(undefined as never)).toThrow(UsageError);
  });
  it('a seed that is no integer from 0 to 4294967295 is refused before the run (was truncated, NaN ran as seed 0 and was echoed as the seed)', () => {
    const def = toy();
    for (const seed of [NaN, 1.5, -1, 2 ** 40, 'x'])
      expect(() => runScenario(def, { runs: 100, seed: seed as never })).toThrow(
        /^seed must be an integer from 0 to 4294967295, got /,
      );
    expect(runScenario(def, { runs: 100, seed: 0 }).seed).toBe(0);
    expect(runScenario(def, { runs: 100, seed: 4294967295 }).seed).toBe(4294967295);
  });
  it('1e12 runs are refused before anything is allocated', () => {
    const t0 = Date.now();
    expect(() => runScenario(toy(), { runs: 1e12 })).toThrow(
      'runs must be an integer from 1 to 100,000,000, got 1000000000000',
    );
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  it('thresholds that are no finite amounts or name a year not simulated are refused (they were skipped, so no P(forbrug > x) came out)', () => {
    const def = toy();
    expect(() => runScenario(def, { runs: 100, thresholds: 'x' as never })).toThrow(
      /^thresholds must be an array of amounts in mio\. kr\. .*, got "x"$/,
    );
    expect(() => runScenario(def, { runs: 100, thresholds: [NaN] })).toThrow(
      'thresholds: expected finite numbers (mio. kr.), got NaN',
    );
    expect(() => runScenario(def, { runs: 100, thresholds: { 2040: [30] } })).toThrow(
      'thresholds: 2040 is not a simulated year (2025–2026)',
    );
    expect(() => runScenario(def, { runs: 100, thresholds: { 2025: 30 } as never })).toThrow(
      /^thresholds\[2025\] must be an array/,
    );
    // valid thresholds, as an array and per year, still give their probabilities
    expect(runScenario(def, { runs: 100, thresholds: [30] }).years[0].forbrugAbove.map((e) => e.threshold)).toEqual([
      30,
    ]);
    const perYear = runScenario(def, { runs: 100, thresholds: { 2026: [30] } });
    expect(perYear.years.map((y) => y.forbrugAbove.length)).toEqual([0, 1]);
  });
  it('levers with an unknown key or a value that is no finite number are refused (an unknown key was ignored without a word)', () => {
    const def = toy();
    expect(() => runScenario(def, { runs: 100, levers: { visitation: 0.9 } as never })).toThrow(
      'levers.visitation: expected one of visitationMult, demandMult, bevillingAdd, unitMult',
    );
    expect(() => runScenario(def, { runs: 100, levers: { visitationMult: NaN } })).toThrow(
      'levers.visitationMult must be a finite number, got NaN',
    );
    expect(() => checkLevers(0.9)).toThrow(/^levers must be an object with the keys visitationMult, .*, got 0\.9$/);
    // a known lever still acts: fewer forløb, lower forbrug
    const base = runScenario(def, { runs: 100 }).years[0].forbrug.mean;
    const lower = runScenario(def, { runs: 100, levers: { visitationMult: 0.9 } }).years[0].forbrug.mean;
    expect(lower).toBeLessThan(base);
  });
});

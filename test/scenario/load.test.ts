import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario, checkRuns, checkSeed, listBundledScenarios, MAX_SEED } from '../../src/scenario/load.js';
import { InputError, UsageError } from '../../src/errors.js';
import { scenarioDir, TOY } from './helpers.js';

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('loadScenario', () => {
  it('loads the bundled baseline: every input estimated, the base-year actuals from the data', () => {
    const d = loadScenario('baseline');
    expect(listBundledScenarios()).toEqual(['baseline', 'high-demand', 'tightening-2021']);
    expect(d.baseYear).toBe(2024);
    expect(d.horizon).toBe(2030);
    expect(d.actual).toEqual({}); // nothing hand-set: bevilling, forbrug, forløb and henvendelser 2024 come from the data
    expect(d.demand).toEqual({ model: 'growth', growth: 'estimated', noiseSd: 'estimated' });
    expect(d.visitation).toEqual({ rate: 'estimated', drift: 'estimated', noiseSd: 'estimated' });
    expect(d.costs).toEqual({ fixed: 'estimated', unit: 'estimated', noiseSd: 'estimated', priceGrowth: 'estimated' });
    expect(d.bevilling).toMatchObject({ amounts: {}, growth: 'estimated', noiseSd: 'estimated', pl: false });
    expect(d.measures).toEqual([]);
    expect(d.pl.default).toBe(0.02);
    expect(d.written.size).toBe(0);
  });
  it('merges extends section by section; a hand-set value records its file and line', () => {
    const d = loadScenario('high-demand');
    expect(d.id).toBe('high-demand');
    expect(d.seed).toBe(20240101); // inherited: common random numbers with the baseline
    expect(d.variables.growth2024).toBeCloseTo(5122 / 4466 - 1, 12);
    expect(d.demand).toEqual({
      model: 'growth',
      growth: { dist: 'normal', mean: 5122 / 4466 - 1, sd: 0.025 },
      noiseSd: 'estimated',
    });
    expect(d.visitation).toEqual(loadScenario('baseline').visitation);
    expect(d.correlations).toEqual([{ between: ['demand', 'visitationDrift'], rank: -0.3 }]);
    expect(d.files).toEqual(['high-demand', 'models/scenarios/baseline.yaml']);
    expect(d.written.get('demand.growth')).toEqual({ file: 'models/scenarios/high-demand.yaml', line: 20, column: 11 });
  });
  it('name_en: the English name goes with the name beside it, never inherited by a file that renames', () => {
    expect(loadScenario('baseline').nameEn).toBe('Baseline – no new measures');
    expect(loadScenario('high-demand').nameEn).toBe('High demand growth');
    const dir = scenarioDir({
      'toy.yaml': TOY + 'name_en: Toy in English\n',
      'renamed.yaml': 'id: renamed\nname: Omdøbt\nextends: toy.yaml\n',
      'same.yaml': 'id: same\nextends: toy.yaml\nseed: 8\n',
    });
    expect(loadScenario(join(dir, 'renamed.yaml')).nameEn).toBeUndefined();
    expect(loadScenario(join(dir, 'same.yaml')).nameEn).toBe('Toy in English');
    expect(() => loadScenario(join(scenarioDir({ 'e.yaml': TOY + 'name_en: ""\n' }), 'e.yaml'))).toThrow(/name_en/);
  });
  it('assumption labels in English: label_en beside label, else the English form of a generated label', () => {
    const b = loadScenario('baseline');
    expect(b.pl.label).toMatch(/2,0 %/);
    expect(b.pl.labelEn).toMatch(/2\.0%/); // from models/cost.yaml default_label_en
    const dir = scenarioDir({
      'toy.yaml': TOY.replace('pl: { default: 0, label: no PL }', 'pl: { default: 0.025 }').replace(
        'bevilling: { pl: false, growth: 0, noiseSd: 0 }',
        'bevilling: { pl: false, growth: 0, noiseSd: 0, label: Egen antagelse, label_en: Own assumption }',
      ),
      'child.yaml': 'id: child\nextends: toy.yaml\nbevilling: { label: Ny antagelse }\n',
    });
    const toy = loadScenario(join(dir, 'toy.yaml'));
    expect(toy.pl.label).toBe('Antagelse: PL-regulering 2,5 % om året');
    expect(toy.pl.labelEn).toBe('Assumption: PL indexation of 2.5% a year');
    expect(toy.bevilling.labelEn).toBe('Own assumption');
    const child = loadScenario(join(dir, 'child.yaml'));
    expect(child.bevilling.label).toBe('Ny antagelse');
    expect(child.bevilling.labelEn).toBeUndefined(); // the parent's English text belongs to the parent's label
  });
  it('detects cyclic extends at the extends line', () => {
    const dir = scenarioDir({ 'a.yaml': 'id: a\nname: A\nextends: b.yaml\n', 'b.yaml': 'id: b\nextends: a.yaml\n' });
    const e = errorOf(() => loadScenario(join(dir, 'a.yaml')));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/b\.yaml:2:10: expected extends without a cycle, found "a\.yaml → b\.yaml → a\.yaml"/);
  });
  it('reports schema errors with line and column', () => {
    const dir = scenarioDir({
      's.yaml': TOY.replace('visitation: { rate: 0.5, drift: 0, noiseSd: 0 }', 'visitation:\n  rate: 0.5\n  ratee: 2'),
    });
    expect(errorOf(() => loadScenario(join(dir, 's.yaml'))).message).toMatch(
      /s\.yaml:12:3: expected visitation: only known keys, found "unknown key ratee; did you mean rate\?"/,
    );
    const dir2 = scenarioDir({ 's.yaml': TOY.replace('horizon: 2026', 'horizon: soon') });
    expect(errorOf(() => loadScenario(join(dir2, 's.yaml'))).message).toMatch(
      /s\.yaml:5:10: expected horizon: a number, found "soon"/,
    );
  });
  it('reports a bad distribution, a bad expression and a missing section at their lines', () => {
    const bad = scenarioDir({
      's.yaml': TOY.replace(
        'costs: { fixed: 10, unit: 20, noiseSd: 0, priceGrowth: pl }',
        'costs:\n  fixed: { dist: uniform, min: 5, max: 1 }\n  unit: 20',
      ),
    });
    expect(errorOf(() => loadScenario(join(bad, 's.yaml'))).message).toMatch(
      /s\.yaml:12:10: expected a valid distribution, found "uniform needs min < max/,
    );
    const expr = scenarioDir({
      's.yaml': TOY.replace('visitation: { rate: 0.5, drift: 0, noiseSd: 0 }', 'visitation:\n  rate: "import(1)"'),
    });
    expect(errorOf(() => loadScenario(join(expr, 's.yaml'))).message).toMatch(
      /s\.yaml:11:9: expected a valid expression \(function import is not allowed/,
    );
    const missing = scenarioDir({ 's.yaml': TOY.replace('name: Toy\n', '') });
    expect(errorOf(() => loadScenario(join(missing, 's.yaml'))).message).toMatch(/expected a name: section/);
  });
  it('rejects runs <= 0 and absurdly many runs', () => {
    const dir = scenarioDir({
      's.yaml': TOY.replace('runs: 1000', 'runs: 0'),
      't.yaml': TOY.replace('runs: 1000', 'runs: 1000000000'),
    });
    expect(errorOf(() => loadScenario(join(dir, 's.yaml'))).message).toMatch(
      /s\.yaml:7:7: expected runs: an integer from 1 to 100,000,000, found "0"/,
    );
    expect(errorOf(() => loadScenario(join(dir, 't.yaml'))).message).toMatch(/t\.yaml:7:7/);
    expect(() => checkRuns(-5)).toThrow(UsageError);
    expect(() => checkRuns(1e8)).not.toThrow();
  });
  it('a seed given to the API is an integer from 0 to 4294967295, as seed: in a file and --seed take; anything else is refused, not truncated', () => {
    expect(() => checkSeed(0)).not.toThrow();
    expect(() => checkSeed(MAX_SEED)).not.toThrow();
    for (const [bad, shown] of [
      [1.5, '1.5'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-1, '-1'],
      [MAX_SEED + 1, '4294967296'],
      ['7', '"7"'],
    ] as const) {
      expect(() => checkSeed(bad)).toThrow(UsageError);
      expect(() => checkSeed(bad)).toThrow(`seed must be an integer from 0 to 4294967295, got ${shown}`);
    }
  });
  it('a reference that is no text, or an empty one, is a UsageError listing the bundled scenarios (not a TypeError from node:path)', () => {
    for (const [ref, shown] of [
      [undefined, 'undefined'],
      ['', '""'],
      [42, '42'],
    ] as const) {
      expect(() => loadScenario(ref as never)).toThrow(UsageError);
      expect(() => loadScenario(ref as never)).toThrow(
        `loadScenario(ref): ref must be the name of a bundled scenario (baseline, high-demand, tightening-2021) or a YAML file, got ${shown}`,
      );
    }
  });
  it('rejects an unknown scenario reference', () => {
    expect(errorOf(() => loadScenario('no-such-scenario')).message).toMatch(
      /not found.*baseline, high-demand, tightening-2021/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { sensitivity, ranks, pearson } from '../../src/scenario/sensitivity.js';
import { imanConover } from '../../src/scenario/iman-conover.js';
import { Rng } from '../../src/stats/rng.js';
import { scenarioDir, TOY } from './helpers.js';

describe('sensitivity', () => {
  it('runs, seed and year are checked, not capped or misread: 0, -5, 1.5 and 1e12 runs, seed NaN and year "2026" are UsageErrors', () => {
    const def = loadScenario(join(scenarioDir({ 's.yaml': TOY }), 's.yaml'));
    for (const runs of [0, -5, 1.5, 1e12]) {
      expect(() => sensitivity(def, { runs })).toThrow(UsageError);
      expect(() => sensitivity(def, { runs })).toThrow(/^runs must be an integer from 1 to 100,000,000, got /);
    }
    expect(() => sensitivity(def, { seed: NaN })).toThrow('seed must be an integer from 0 to 4294967295, got NaN');
    expect(() => sensitivity(def, { year: '2026' as never })).toThrow('year must be a year (an integer), got "2026"');
    // within the range, runs are still capped at the scenario's runs as before
    expect(() => sensitivity(def, { runs: 5000, year: 2026 })).not.toThrow();
  });
  it('swings each input from P10 to P90 with the others at their median', () => {
    const def = loadScenario(
      join(
        scenarioDir({
          's.yaml': TOY.replace(
            'visitation: { rate: 0.5, drift: 0, noiseSd: 0 }',
            'visitation: { rate: { dist: uniform, min: 0.4, max: 0.6 }, drift: 0, noiseSd: 0 }',
          ).replace(
            'costs: { fixed: 10, unit: 20, noiseSd: 0, priceGrowth: pl }',
            'costs: { fixed: { dist: uniform, min: 5, max: 15 }, unit: 20, noiseSd: 0, priceGrowth: pl }',
          ),
        }),
        's.yaml',
      ),
    );
    const s = sensitivity(def, { year: 2025, runs: 20000 });
    // merforbrug = fixed + 22 v − 30; median 10 + 11 − 30 = −9
    expect(s.median).toBeCloseTo(-9, 9);
    const fixed = s.tornado.find((r) => r.input === 'fixedCost')!;
    const vis = s.tornado.find((r) => r.input === 'visitation')!;
    expect(fixed.swing).toBeCloseTo(8, 9); // fixed 6 → 14
    expect(vis.swing).toBeCloseTo(22 * 0.16, 9); // v 0.42 → 0.58
    expect(s.tornado[0].input).toBe('fixedCost');
    // merforbrug is linear in two independent uniforms with weights 10 and 4.4: Spearman ≈ 0.91 and 0.40
    const rc = Object.fromEntries(s.rankCorrelations.map((r) => [r.input, r.rho]));
    expect(rc.fixedCost).toBeCloseTo(0.91, 1);
    expect(rc.visitation).toBeCloseTo(0.4, 1);
  });
  it('ranks the baseline inputs', () => {
    const s = sensitivity(loadScenario('baseline'), { runs: 5000 });
    expect(s.year).toBe(2026);
    expect(s.tornado.map((r) => r.input).sort()).toEqual([
      'bevillingGrowth',
      'bevillingNoise',
      'costNoise',
      'demand',
      'demandNoise',
      'fixedCost',
      'priceGrowth',
      'unitCost',
      'visitationDrift',
      'visitationNoise',
    ]);
    // the bevilling is an uncertain input: a higher bevilling lowers merforbrug
    const bev = s.tornado.find((r) => r.input === 'bevillingNoise')!;
    expect(bev.high).toBeLessThan(bev.low);
    for (const r of s.rankCorrelations) expect(Math.abs(r.rho)).toBeLessThanOrEqual(1);
    // fixed and unit cost are drawn jointly (the cost model's correlation): said, since a higher fixed cost then
    // brings a lower unit cost, and the fixed cost's bar runs the other way round
    expect(s.costCorrelation).toBeLessThan(-0.9);
    const fixed = s.tornado.find((r) => r.input === 'fixedCost')!;
    expect(fixed.high).toBeLessThan(fixed.low);
  });
  it('ranks with ties and correlates', () => {
    expect(Array.from(ranks(Float64Array.from([10, 30, 20, 20])))).toEqual([1, 4, 2.5, 2.5]);
    expect(pearson(Float64Array.from([1, 2, 3]), Float64Array.from([3, 2, 1]))).toBeCloseTo(-1, 12);
  });
});

describe('imanConover', () => {
  it('induces the target rank correlation and keeps the marginals', () => {
    const n = 8192;
    const rng = new Rng(3);
    const u = Float64Array.from({ length: 3 * n }, () => rng.uniform());
    const before = [0, 2].map((c) => u.slice(c * n, c * n + n).sort());
    const rho = 2 * Math.sin((Math.PI * 0.6) / 6); // Pearson target for Spearman 0.6
    imanConover(u, n, [0, 2], Float64Array.from([1, rho, rho, 1]), rng);
    const after = [0, 2].map((c) => u.slice(c * n, c * n + n).sort());
    expect(after).toEqual(before);
    const rs = pearson(ranks(u.slice(0, n)), ranks(u.slice(2 * n, 3 * n)));
    expect(rs).toBeGreaterThan(0.57);
    expect(rs).toBeLessThan(0.63);
    expect(Math.abs(pearson(ranks(u.slice(0, n)), ranks(u.slice(n, 2 * n))))).toBeLessThan(0.05);
  });
});

describe('scenario correlations', () => {
  it('high-demand gets rank correlation −0.3 between demand growth and the visitation drift in every block', async () => {
    const { prepareScenario } = await import('../../src/scenario/scenario.js');
    const { blockBuffers, drawBlock } = await import('../../src/scenario/engine.js');
    const m = prepareScenario(loadScenario('high-demand'));
    const buf = blockBuffers(m);
    const n = 8192;
    for (const b of [0, 5]) {
      drawBlock(m, b, n, buf.u);
      const col = (c: number) => buf.u.slice(c * n, c * n + n);
      expect(pearson(ranks(col(m.growth.col)), ranks(col(m.visDrift.col)))).toBeCloseTo(-0.3, 1);
    }
  });
});

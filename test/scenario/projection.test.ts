import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareScenario } from '../../src/scenario/scenario.js';
import { centralProjection, engineCentralPath, projectionInputs } from '../../src/scenario/projection.js';

describe('central projection: the formulas of the projection sheet equal the engine run with every uniform at ½', () => {
  for (const id of ['baseline', 'tightening-2021', 'high-demand']) {
    it(id, () => {
      const m = prepareScenario(loadScenario(id));
      const engine = engineCentralPath(m);
      const formulas = centralProjection(projectionInputs(m));
      expect(formulas.map((y) => y.year)).toEqual(engine.map((y) => y.year));
      for (let t = 0; t < engine.length; t++) {
        for (const k of ['henvendelser', 'forloeb', 'forbrug', 'bevilling', 'merforbrug'] as const) {
          const rel = Math.abs(formulas[t][k] - engine[t][k]) / Math.max(1, Math.abs(engine[t][k]));
          expect([id, engine[t].year, k, rel < 1e-7]).toEqual([id, engine[t].year, k, true]);
        }
      }
    });
  }
  it('a changed growth rate changes the path (the inputs are what the path depends on)', () => {
    const p = projectionInputs(prepareScenario(loadScenario('baseline')));
    const a = centralProjection(p);
    const b = centralProjection({ ...p, demand: { kind: 'growth', growth: 0, noiseSd: 0 } });
    expect(b[2].henvendelser).toBeCloseTo(p.henvendelser0, 9);
    expect(a[2].forbrug).toBeGreaterThan(b[2].forbrug);
  });
});

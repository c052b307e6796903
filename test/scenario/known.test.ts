import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { loadScenario } from '../../src/scenario/load.js';
import { resolveInputs } from '../../src/scenario/inputs.js';
import { prepareScenario, runScenario } from '../../src/scenario/scenario.js';
import { centralProjection, engineCentralPath, projectionInputs } from '../../src/scenario/projection.js';
import { PATH_TOY, scenarioDir, TOY } from './helpers.js';

const dir = scenarioDir({
  's.yaml': TOY,
  'own2025.yaml': TOY.replace('bevilling: { pl: false,', 'bevilling: { amounts: { 2025: 50 }, pl: false,'),
  // demand as a path of the forecasting engine (not the growth model), at the data's scale
  'path.yaml': PATH_TOY,
});
/** A user's file of later years (long layout, Danish), merged into the bundled data as `--data` does. */
async function data(rows: string[]) {
  const file = join(dir, `d${rows.length}-${rows.join('').length}.csv`);
  writeFileSync(file, ['serie;år;værdi;enhed', ...rows].join('\n') + '\n');
  return { file, ds: await loadDataset({ files: [file] }) };
}
const year = (r: ReturnType<typeof runScenario>, y: number) => r.years.find((v) => v.year === y)!;

describe('known years after the base year: the data’s bevilling and forbrug are used, not simulated', () => {
  it('takes the data’s bevilling of a later year as that year’s known amount, cited as file:line', async () => {
    const { file, ds } = await data(['viso.raadgivning.bevilling;2025;40;mio. kr.']);
    const def = loadScenario(join(dir, 's.yaml'), { dataset: ds });
    expect(def.bevilling.amounts['2025']).toEqual({ dist: 'fixed', value: 40 });
    expect(def.bevilling.fromData).toEqual({ '2025': `${file}:2` });
    const x = resolveInputs(def).inputs.find((v) => v.input === 'bevilling.amounts.2025')!;
    expect(x.source).toMatchObject({ kind: 'data', at: `${file}:2` });
    expect(x.source.text.da).toContain(`${file}:2`);
    // the toy's bevilling is 30 each year without it; 2026 goes on from the known 40 (growth 0)
    const r = runScenario(def, { runs: 1000 });
    expect([year(r, 2025).bevilling.p50, year(r, 2026).bevilling.p50]).toEqual([40, 40]);
  });

  it('keeps a year the scenario file writes under bevilling.amounts: the file’s amount, shown as its assumption', async () => {
    const { ds } = await data(['viso.raadgivning.bevilling;2025;40;mio. kr.']);
    const def = loadScenario(join(dir, 'own2025.yaml'), { dataset: ds });
    expect(def.bevilling.amounts['2025']).toEqual({ dist: 'fixed', value: 50 });
    expect(def.bevilling.fromData).toEqual({});
    expect(resolveInputs(def).inputs.find((v) => v.input === 'bevilling.amounts.2025')!.source.kind).toBe('assumption');
  });

  it('fixes a known year’s forbrug and scales each run’s activity to it; the later years go on from that level', async () => {
    // the toy by hand: 2025 1.100 henvendelser, 550 forløb, forbrug 10 + 0,02 · 550 = 21 mio. kr.; known 25 instead:
    // r = (25 − 10)/(21 − 10) = 15/11, so 1.500 henvendelser and 750 forløb; 2026: 1.650, 825, 10 + 16,5 = 26,5
    const { file, ds } = await data(['viso.raadgivning.forbrug;2025;25;mio. kr.']);
    const def = loadScenario(join(dir, 's.yaml'), { dataset: ds });
    expect(def.knownForbrug).toEqual({ '2025': { value: 25, at: `${file}:2` } });
    const r = runScenario(def, { runs: 1000 });
    const [a, b] = [year(r, 2025), year(r, 2026)];
    expect([a.forbrug.p5, a.forbrug.p95]).toEqual([25, 25]);
    expect(a.henvendelser.p50).toBeCloseTo(1500, 9);
    expect(a.forloeb.p50).toBeCloseTo(750, 9);
    expect(b.henvendelser.p50).toBeCloseTo(1650, 9);
    expect(b.forbrug.p50).toBeCloseTo(26.5, 9);
    // the opsparing of 2025 changes by the known mindreforbrug, 30 − 25 = 5, under the bundled rules (carried over)
    const start = r.inputs.find((v) => v.input === 'opsparing.start')!.value as number;
    expect(a.opsparing.p50).toBeCloseTo(start + 5, 9);
    const input = r.inputs.find((v) => v.input === 'known.forbrug.2025')!;
    expect(input.source).toMatchObject({ kind: 'data', at: `${file}:2` });
  });

  it('draws no activity below zero when the known forbrug is under the fixed cost (r = 0)', async () => {
    const { ds } = await data(['viso.raadgivning.forbrug;2025;8;mio. kr.']);
    const r = runScenario(loadScenario(join(dir, 's.yaml'), { dataset: ds }), { runs: 1000 });
    expect([year(r, 2025).forbrug.p50, year(r, 2025).forloeb.p50, year(r, 2026).forloeb.p50]).toEqual([8, 0, 0]);
  });

  it('the projection sheet’s formulas follow the engine through a known forbrug year (growth and forecast demand)', async () => {
    const { ds } = await data([
      'viso.raadgivning.bevilling;2025;161,2;mio. kr.',
      'viso.raadgivning.forbrug;2025;152,4;mio. kr.',
    ]);
    for (const id of ['baseline', 'high-demand', join(dir, 'path.yaml')]) {
      const m = prepareScenario(loadScenario(id, { dataset: ds }));
      const engine = engineCentralPath(m);
      const formulas = centralProjection(projectionInputs(m));
      expect(engine[0].forbrug).toBeCloseTo(152.4, 9);
      for (let t = 0; t < engine.length; t++)
        for (const k of ['henvendelser', 'forloeb', 'forbrug', 'bevilling'] as const) {
          const rel = Math.abs(formulas[t][k] - engine[t][k]) / Math.max(1, Math.abs(engine[t][k]));
          expect([id, engine[t].year, k, rel < 1e-7]).toEqual([id, engine[t].year, k, true]);
        }
    }
  });
});

/**
 * The live what-if without a browser: the controls change the compiled model exactly as the equivalent
 * scenario file does (so the page and `viso scenario run` give the same numbers), the model survives its
 * JSON encoding, and the engine files the page bundles import nothing Node-only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareScenario, runScenario } from '../../src/scenario/scenario.js';
import { resolveScenarioPath } from '../../src/scenario/load.js';
import { applyLiveInputs, liveScenarioYaml, neutralInputs, type LiveInputs } from '../../src/report/live/apply.js';
import { decodeModel, encodeModel } from '../../src/report/live/codec.js';
import { liveRun } from '../../src/report/live/compute.js';
import { livePayload } from '../../src/report/live/payload.js';
import type { CompiledModel } from '../../src/scenario/model.js';

/** The model without its id (the equivalent file has its own). */
const comparable = (m: CompiledModel) => ({ ...m, id: '' });

function setup(id: string, seed?: number) {
  const def = loadScenario(id);
  const model = prepareScenario(def, seed !== undefined ? { seed } : {});
  const result = runScenario(def, { runs: 2_000, ...(seed !== undefined ? { seed } : {}) });
  const payload = livePayload(def, model, {
    file: resolveScenarioPath(id),
    result,
    focusYear: 2026,
    history: [],
    name: def.name,
  });
  return { def, model, payload };
}

function fromYaml(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'viso-live-'));
  writeFileSync(join(dir, 'live.yaml'), yaml);
  return loadScenario(join(dir, 'live.yaml'));
}

const CASES: [string, Partial<LiveInputs>][] = [
  ['nothing changed', {}],
  ['demand growth 14 %', { demandGrowth: 0.14 }],
  [
    'a tightening of henvendelser by 12 % from March 2026',
    { tightening: { stage: 'henvendelser', size: 0.12, start: '2026-03' } },
  ],
  [
    'a tightening of the visitation rate by 8 % from September 2025',
    { tightening: { stage: 'visitation', size: 0.08, start: '2025-09' } },
  ],
  [
    'a tightening of the cost per forløb by 5 % from 2027',
    { tightening: { stage: 'unit_cost', size: 0.05, start: '2027-01' } },
  ],
  ['bevilling 2026 and 2028 set', { bevilling: { '2026': 171.5, '2028': 180 } }],
  ['cost per forløb +7 %', { unitCostChange: 0.07 }],
  ['PL 2 % a year', { priceGrowth: 0.02 }],
  [
    'everything at once',
    {
      demandGrowth: 0.05,
      tightening: { stage: 'henvendelser', size: 0.1, start: '2026-07' },
      bevilling: { '2027': 175 },
      unitCostChange: -0.04,
      priceGrowth: 0.015,
    },
  ],
];

describe('live what-if: the controls as a scenario file', () => {
  const base = setup('baseline', 11);
  for (const [what, x] of CASES) {
    it(`${what}: the page's model is the model compiled from the equivalent file`, () => {
      const inputs = { ...neutralInputs(3_000), ...x };
      const page = applyLiveInputs(base.model, base.payload.info, inputs);
      const yaml = liveScenarioYaml(base.payload.info, inputs, 'da');
      const cli = prepareScenario(fromYaml(yaml));
      expect(comparable(page)).toEqual(comparable(cli));
      expect(cli.seed).toBe(11);
    });
  }
  it('and the same runs give the same numbers as runScenario on that file, to the last bit', () => {
    const inputs = { ...neutralInputs(9_000), ...CASES[CASES.length - 1][1] };
    const page = liveRun(applyLiveInputs(base.model, base.payload.info, inputs), inputs.runs);
    const cli = runScenario(fromYaml(liveScenarioYaml(base.payload.info, inputs, 'en')));
    expect(cli.runs).toBe(9_000);
    expect(page.years.map((y) => y.p)).toEqual(cli.years.map((y) => y.pMerforbrug));
    expect(page.years.map((y) => y.forbrug)).toEqual(cli.years.map((y) => y.forbrug));
    expect(page.years.map((y) => y.expectedOverspend)).toEqual(cli.years.map((y) => y.expectedOverspend));
    expect(page.years.map((y) => y.merforbrugPercentiles)).toEqual(cli.years.map((y) => y.merforbrugPercentiles));
    // the tightening and the lower growth lower P(merforbrug) against the unchanged scenario
    const start = liveRun(base.model, 9_000);
    expect(page.years[2].p).toBeLessThan(start.years[2].p);
  });
  it('a scenario with measures of its own keeps them in the equivalent file (tightening-2021)', () => {
    const s = setup('tightening-2021');
    expect(s.payload.info.extendsRef).toBe('tightening-2021');
    expect(s.payload.info.measureEntries).toEqual(['{"id":"tightening-like-2021"}']);
    const inputs = {
      ...neutralInputs(2_000),
      tightening: { stage: 'visitation' as const, size: 0.05, start: '2027-04' },
    };
    const page = applyLiveInputs(s.model, s.payload.info, inputs);
    expect(page.measures.map((m) => m.id)).toEqual(['tightening-like-2021', 'live-tightening']);
    expect(comparable(page)).toEqual(comparable(prepareScenario(fromYaml(liveScenarioYaml(s.payload.info, inputs)))));
  });
  it('never changes the column layout (which uniform drives which input)', () => {
    const m = applyLiveInputs(base.model, base.payload.info, {
      ...neutralInputs(1_000),
      ...CASES[CASES.length - 1][1],
    });
    expect(m.nCols).toBe(base.model.nCols);
    expect(m.measures.every((x) => x.input.col === -1)).toBe(true);
    expect(base.model.measures).toEqual([]); // the base model is not changed
  });
  it('refuses what the controls never send', () => {
    expect(() =>
      applyLiveInputs(base.model, base.payload.info, { ...neutralInputs(1_000), bevilling: { '2040': 100 } }),
    ).toThrow(/2040/);
    expect(() =>
      applyLiveInputs(base.model, base.payload.info, {
        ...neutralInputs(1_000),
        tightening: { stage: 'henvendelser', size: 0.1, start: '2026-13' },
      }),
    ).toThrow(/YYYY-MM/);
  });
});

describe('live what-if: the model as JSON', () => {
  it('round-trips typed arrays, NaN and Infinity exactly (the Gaussian-path baseline and a forecast-demand model)', () => {
    const m = prepareScenario(loadScenario('baseline'));
    const back = decodeModel<CompiledModel>(JSON.parse(JSON.stringify(encodeModel(m))));
    expect(back).toEqual(m);
    expect(back.bevKnown).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(back.bevKnown[0])).toBe(true);
    expect(back.pathDf).toBe(Infinity);
    expect(liveRun(back, 2_000)).toEqual(liveRun(m, 2_000));
  });
});

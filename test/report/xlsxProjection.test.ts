import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareScenario, runScenario } from '../../src/scenario/scenario.js';
import { knownBevillingSource } from '../../src/report/summary.js';
import { engineCentralPath, projectionInputs, type ProjectionYear } from '../../src/scenario/projection.js';
import {
  knownColumns,
  knownNote,
  PROJECTION_COLUMNS as C,
  writeProjectionInputs,
  writeProjectionSheet,
  type KnownSources,
} from '../../src/report/xlsxProjection.js';
import { TestWorkbook } from '../helpers/formula.js';
import { PATH_TOY, scenarioDir, TOY } from '../scenario/helpers.js';

const dir = scenarioDir({
  // demand as a path of the forecasting engine (not the growth model), at the data's scale
  'path.yaml': PATH_TOY,
  // the growth model at the data's scale, with the 2026 bevilling written in the scenario file (not a path of the engine)
  'amounts.yaml': TOY.replace(
    'actual: { bevilling: 30, forbrug: 20, forloeb: 500, henvendelser: 1000 }',
    'actual: { bevilling: 158, forbrug: 143.5, forloeb: 2543, henvendelser: 5122 }',
  ).replace(
    'bevilling: { pl: false, growth: 0, noiseSd: 0 }',
    'bevilling: { pl: false, growth: 0, noiseSd: 0, amounts: { 2026: 165 } }',
  ),
});
const KNOWN = join(dir, 'known2025.csv');
writeFileSync(
  KNOWN,
  'serie;år;værdi;enhed\nviso.raadgivning.bevilling;2025;161,2;mio. kr.\nviso.raadgivning.forbrug;2025;152,4;mio. kr.\n',
);

/** The projection sheet of a scenario written into a test workbook, its formulas evaluated year by year. */
async function sheet(id: string, data: boolean, sources?: KnownSources) {
  const ds = data ? await loadDataset({ files: [KNOWN] }) : undefined;
  const m = prepareScenario(loadScenario(id, ds ? { dataset: ds } : {}));
  const p = projectionInputs(m);
  const engine = engineCentralPath(m);
  const wb = new TestWorkbook();
  const cells = writeProjectionInputs(wb.sheet('Antagelser'), 1, 'Antagelser', p, 'da', id);
  writeProjectionSheet(wb.sheet('Fremskrivning'), p, engine, cells, 'da', sources);
  const v = (r: number, c: number) => wb.value('Fremskrivning', r, c);
  const path: ProjectionYear[] = p.years.map((year, t) => ({
    year,
    henvendelser: v(t + 2, C.henvendelser) as number,
    forloeb: v(t + 2, C.forloeb) as number,
    forbrug: v(t + 2, C.forbrug) as number,
    bevilling: v(t + 2, C.bevilling) as number,
    merforbrug: v(t + 2, C.merforbrug) as number,
  }));
  return { p, engine, wb, v, path, ws: wb.sheet('Fremskrivning') };
}

function expectSamePath(id: string, got: ProjectionYear[], want: ProjectionYear[]) {
  expect(got.map((y) => y.year)).toEqual(want.map((y) => y.year));
  for (let t = 0; t < want.length; t++)
    for (const k of ['henvendelser', 'forloeb', 'forbrug', 'bevilling', 'merforbrug'] as const) {
      const rel = Math.abs(got[t][k] - want[t][k]) / Math.max(1, Math.abs(want[t][k]));
      expect([id, want[t].year, k, rel < 1e-9]).toEqual([id, want[t].year, k, true]);
    }
}

describe('the projection sheet: its formulas recompute the engine’s central run, a known forbrug year included', () => {
  for (const id of ['baseline', 'tightening-2021', 'high-demand', join(dir, 'path.yaml')])
    it(`${id.split('/').pop()}: the formulas give the engine's path without --data and with 2025's forbrug known`, async () => {
      const plain = await sheet(id, false);
      expectSamePath(id, plain.path, plain.engine);
      expect(knownColumns(plain.p)).toEqual({});
      const known = await sheet(id, true);
      expect(known.engine[0].year).toBe(2025);
      expect(known.engine[0].forbrug).toBeCloseTo(152.4, 9);
      expectSamePath(id, known.path, known.engine);
    });

  it('a known forbrug year is the known value, marked, its difference formula − engine 0, cited with file:line', async () => {
    const sources: KnownSources = {
      bevilling: [{ at: `${KNOWN}:2`, set: 'data' }, null, null, null, null, null],
      forbrug: [`${KNOWN}:3`, null, null, null, null, null],
    };
    const { p, v, ws } = await sheet('baseline', true, sources);
    const K = knownColumns(p, sources);
    expect(K.forbrug).toBe(C.phase0 + p.measures.length);
    expect(K.from).toBe(K.forbrug! + 2);
    expect(v(1, K.forbrug!)).toBe('Kendt forbrug (mio. kr.)');
    expect(v(1, K.from!)).toBe('Kendt fra (fil:linje)');
    expect(v(2, K.forbrug!)).toBe(152.4);
    expect(v(2, C.forbrug)).toBeCloseTo(152.4, 12);
    expect(v(2, C.diff)).toBeCloseTo(0, 12);
    expect(v(2, K.from!)).toBe(`bevilling ${KNOWN}:2; forbrug ${KNOWN}:3`);
    // the later years are projected: no known value, no source, a scale of 1, henvendelser going on from 2025's scaled level
    expect(v(3, K.forbrug!)).toBeUndefined();
    expect(v(3, K.from!)).toBeUndefined();
    expect(v(3, K.scale!)).toBe(1);
    expect(v(2, K.scale!)).not.toBeCloseTo(1, 3);
    expect(ws.getCell(2, C.forbrug).fill).toBeDefined();
    expect(ws.getCell(2, K.forbrug!).fill).toBeDefined();
    expect(ws.getCell(3, C.forbrug).fill).toBeUndefined();
    // a note under the table says what the marking means
    const notes = [...ws.cells.values()]
      .map((c) => c.value)
      .filter((x) => typeof x === 'string' && x.startsWith('Gul'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      new RegExp(
        `^Gul baggrund: kendt, ikke fremskrevet \\(kolonnen »Kendt fra«\\): bevilling 2025 fra data \\(${KNOWN}:2\\), forbrug 2025 fra data \\(${KNOWN}:3\\)\\. Et år med kendt forbrug`,
      ),
    );
  });

  it('the note says what each marked cell is: a value from the data or an amount set in the scenario file, each with its file:line', () => {
    const years = [2025, 2026, 2027];
    const sources: KnownSources = {
      bevilling: [{ at: 'mine.csv:2', set: 'data' }, { at: 'scenarios/mine.yaml:9', set: 'scenario' }, null],
      forbrug: ['mine.csv:3', null, null],
    };
    expect(knownNote(sources, years, 'da')).toBe(
      'Gul baggrund: kendt, ikke fremskrevet (kolonnen »Kendt fra«): bevilling 2025 fra data (mine.csv:2), forbrug 2025 fra data (mine.csv:3), bevilling 2026 sat i scenariefilen (scenarios/mine.yaml:9).',
    );
    expect(knownNote(sources, years, 'en')).toBe(
      'Yellow background: known, not projected (the column "Known from"): appropriation 2025 from the data (mine.csv:2), spending 2025 from the data (mine.csv:3), appropriation 2026 set in the scenario file (scenarios/mine.yaml:9).',
    );
    // without sources (a known forbrug is from the data)
    expect(knownNote(undefined, years, 'da')).toBe('Gul baggrund: kendt fra data, ikke fremskrevet.');
  });

  it('a bevilling amount written in the scenario file is marked and its note says »sat i scenariefilen« with its file:line, a data value »fra data«', async () => {
    const file = join(dir, 'amounts.yaml');
    const ds = await loadDataset({ files: [KNOWN] });
    const result = runScenario(loadScenario(file, { dataset: ds }), { runs: 200 });
    const years = [2025, 2026];
    const sources: KnownSources = {
      bevilling: years.map((y) => knownBevillingSource({ file, files: [file], result }, y) ?? null),
      forbrug: years.map(() => null),
    };
    // the amount's line and column (of its value, 165)
    const lines = readFileSync(file, 'utf8').split('\n');
    const n = lines.findIndex((l) => l.includes('amounts:'));
    const line = `${n + 1}:${lines[n].indexOf('165') + 1}`;
    expect(sources.bevilling).toEqual([
      { at: `${KNOWN}:2`, set: 'data' },
      { at: `${file}:${line}`, set: 'scenario' },
    ]);
    const { p, ws } = await sheet(file, true, sources);
    expect(p.years).toEqual(years);
    expect(ws.getCell(3, C.bevilling).fill).toBeDefined();
    expect(ws.getCell(3, C.known).fill).toBeDefined();
    const notes = [...ws.cells.values()]
      .map((c) => c.value)
      .filter((x) => typeof x === 'string' && x.startsWith('Gul'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(
      `: bevilling 2025 fra data (${KNOWN}:2), bevilling 2026 sat i scenariefilen (${file}:${line}).`,
    );
  });
});

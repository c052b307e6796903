/**
 * The assumptions workbook: scenario → workbook → scenario gives the same results for the same
 * seed; numbers are numbers, the kinds are a drop-down list; problems name Sheet!Cell; a workbook
 * that is not an assumptions workbook, or a binary file, is one line (never its bytes).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { scenarioWorkbook } from '../../src/report/scenarioWorkbook.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/scenario.js';
import { loadScenarioWorkbook } from '../../src/scenario/workbook.js';
import { viso } from '../helpers/cli.js';
import { InputError, userMessage } from '../../src/errors.js';

const tmp = mkdtempSync(join(tmpdir(), 'viso-wb-'));

async function template(id: string): Promise<string> {
  const file = join(tmp, `${id}.xlsx`);
  writeFileSync(file, await scenarioWorkbook(id, 'da'));
  return file;
}

/** Edit one cell of a workbook (as a user in Excel would) and save it under a new name. */
async function edit(
  file: string,
  sheet: string,
  find: string,
  col: number,
  value: unknown,
): Promise<{ file: string; row: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  let row = 0;
  ws.eachRow((r, n) => {
    if (String(r.getCell(1).value) === find) row = n;
  });
  ws.getCell(row, col).value = value as ExcelJS.CellValue;
  const out = join(tmp, `edited-${sheet}-${row}-${col}.xlsx`);
  await wb.xlsx.writeFile(out);
  return { file: out, row };
}

describe('scenario → workbook → scenario', () => {
  for (const id of ['baseline', 'tightening-2021', 'high-demand']) {
    it(`${id}: the same results for the same seed`, async () => {
      const file = await template(id);
      const a = runScenario(loadScenario(id), { runs: 3000 });
      const b = runScenario(await loadScenarioWorkbook(file), { runs: 3000 });
      expect(b.years).toEqual(a.years);
      expect(b.inputs.map((x) => [x.input, x.value])).toEqual(a.inputs.map((x) => [x.input, x.value]));
      expect([b.id, b.name, b.seed, b.baseYear]).toEqual([a.id, a.name, a.seed, a.baseYear]);
    });
  }
  it('the same scenario gives the same bytes; numbers are numbers; the kind column is a drop-down list', async () => {
    expect(
      Buffer.from(await scenarioWorkbook('baseline', 'da')).equals(
        Buffer.from(await scenarioWorkbook('baseline', 'da')),
      ),
    ).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await template('tightening-2021'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Scenarie', 'Input', 'Tiltag', 'Korrelationer']);
    const sc = wb.getWorksheet('Scenarie')!;
    let seed: unknown;
    sc.eachRow((r) => void (r.getCell(1).value === 'seed' && (seed = r.getCell(2).value)));
    expect(typeof seed).toBe('number');
    const inp = wb.getWorksheet('Input')!;
    expect(inp.getCell(2, 2).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"estimated,value,fixed,normal,lognormal,triangular,uniform,empirical"'],
    });
    const ms = wb.getWorksheet('Tiltag')!;
    expect(ms.getCell(2, 1).value).toBe('tightening-like-2021');
  });
  it('a changed input changes the result; a wrong one is named by its cell', async () => {
    const file = await template('baseline');
    const changed = await edit(file, 'Input', 'demand.growth', 2, 'value');
    const changed2 = await edit(changed.file, 'Input', 'demand.growth', 3, 0);
    const flat = runScenario(await loadScenarioWorkbook(changed2.file), { runs: 2000 });
    const base = runScenario(loadScenario('baseline'), { runs: 2000 });
    expect(flat.years[2].henvendelser.p50).toBeLessThan(base.years[2].henvendelser.p50);
    // the value set in the workbook is an assumption that names its cell (not a line of the YAML made from it)
    expect(flat.inputs.find((x) => x.input === 'demand.growth')!.source).toMatchObject({
      kind: 'assumption',
      file: changed2.file,
      cell: `Input!C${changed2.row}`,
    });
    const bad = await edit(file, 'Input', 'demand.growth', 2, 'normall');
    await expect(loadScenarioWorkbook(bad.file)).rejects.toThrow(
      `${bad.file}: Input!B${bad.row}: expected a kind for demand.growth: estimated, value, fixed, normal, lognormal, triangular, uniform, empirical, found "normall"`,
    );
    const noSd = await edit(file, 'Input', 'demand.growth', 2, 'normal');
    await expect(loadScenarioWorkbook(noSd.file)).rejects.toThrow(
      `${noSd.file}: Input!D${noSd.row}: expected the parameter mean of a normal distribution for demand.growth, found ""`,
    );
    const text = await edit(
      (await edit(file, 'Input', 'visitation.rate', 2, 'value')).file,
      'Input',
      'visitation.rate',
      3,
      'abc',
    );
    await expect(loadScenarioWorkbook(text.file)).rejects.toThrow(
      new RegExp(`^${text.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: Input!C${text.row}: expected`),
    );
  });

  it('a misspelt input key is named at its key cell (column A), with the known key it is nearest to', async () => {
    const file = await template('baseline');
    const typo = await edit(file, 'Input', 'demand.growth', 1, 'demand.grwoth');
    await expect(loadScenarioWorkbook(typo.file)).rejects.toThrow(
      `${typo.file}: Input!A${typo.row}: expected demand: only known keys, found "unknown key grwoth; did you mean growth?"`,
    );
    // a key near no known one is named without a guess, still at its key cell
    const far = await edit(file, 'Input', 'demand.growth', 1, 'demand.xyzzyq');
    await expect(loadScenarioWorkbook(far.file)).rejects.toThrow(
      `${far.file}: Input!A${far.row}: expected demand: only known keys, found "unknown key xyzzyq"`,
    );
  });

  it('words its problems in Danish by default (a kind, a parameter, a value the scenario loader refuses)', async () => {
    const file = await template('baseline');
    const da = async (f: string) => {
      const e: unknown = await loadScenarioWorkbook(f).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(InputError);
      return userMessage(e as InputError, 'da');
    };
    const bad = await edit(file, 'Input', 'demand.growth', 2, 'normall');
    expect(await da(bad.file)).toBe(
      `${bad.file}: Input!B${bad.row}: forventede en type for demand.growth: estimated, value, fixed, normal, lognormal, triangular, uniform, empirical, fandt "normall"`,
    );
    const noSd = await edit(file, 'Input', 'demand.growth', 2, 'normal');
    expect(await da(noSd.file)).toBe(
      `${noSd.file}: Input!D${noSd.row}: forventede parameteren mean i en normal-fordeling for demand.growth, fandt ""`,
    );
    const text = await edit(
      (await edit(file, 'Input', 'visitation.rate', 2, 'value')).file,
      'Input',
      'visitation.rate',
      3,
      'abc',
    );
    expect(await da(text.file)).toMatch(
      new RegExp(
        `^${text.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: Input!C${text.row}: forventede et gyldigt udtryk \\(ukendt variabel abc; kendte: `,
      ),
    );
  });
});

describe('the CLI reads the workbook, and never echoes a binary file', () => {
  it('scenario template, then scenario run FILE.xlsx and report --scenario FILE.xlsx', () => {
    const file = join(tmp, 'cli.xlsx');
    const t = viso('scenario', 'template', 'baseline', '--xlsx', file);
    expect(t.code).toBe(0);
    const a = viso('scenario', 'run', file, '--runs', '2000', '--json');
    const b = viso('scenario', 'run', 'baseline', '--runs', '2000', '--json');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out).years).toEqual(JSON.parse(b.out).years);
    const rep = viso('report', '--scenario', file, '--runs', '2000', '--no-png', '--out', join(tmp, 'rep'));
    expect(rep.code).toBe(0);
    expect(rep.out).toContain('Basisforløb');
  });
  it('a data workbook or a binary file given as a scenario is one line, exit 2, no bytes', () => {
    const data = viso('scenario', 'run', 'test/fixtures/excel/budget.xlsx');
    expect(data.code).toBe(2);
    expect(data.err).toBe(
      'test/fixtures/excel/budget.xlsx: forventede en projektmappe med antagelser med arkene Scenarie og Input (viso scenario template --xlsx FIL skriver en), fandt "Forside, Økonomi, Aktivitet"\n',
    );
    const bin = join(tmp, 'budget.xls');
    writeFileSync(bin, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 1, 2, 3]));
    const r = viso('scenario', 'run', bin);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${bin}: forventede en scenarie-YAML-fil (eller en .xlsx-projektmappe med antagelser: viso scenario template --xlsx FIL), fandt "binært indhold"\n`,
    );
    expect(viso('scenario', 'run', bin, '--lang', 'en').err).toBe(
      `${bin}: expected a scenario YAML file (or an .xlsx assumptions workbook: viso scenario template --xlsx FILE), found "binary content"\n`,
    );
  });
});

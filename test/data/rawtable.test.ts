/**
 * How the raw tables (src/data/rawtable.ts) name their columns in messages: the header name, for
 * XLSX the column letter with it; a blank spreadsheet header worded in the user's language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvTable, readRawTable } from '../../src/data/rawtable.js';
import { columnCode, formatInputProblem, InputError } from '../../src/errors.js';
import { validationJson } from '../../src/data/load.js';

const tmp = mkdtempSync(join(tmpdir(), 'viso-rawtable-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('columnLabels', () => {
  it('XLSX: letter and header name; a blank header is "(tom)" in Danish and "(blank)" in English', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addRow(['series', 'unit', '', '2020']);
    ws.addRow(['viso.raadgivning.forbrug', 'mio. kr.', 'x', 3]);
    const f = join(tmp, 'blank.xlsx');
    await wb.xlsx.writeFile(f);
    const t = await readRawTable(f);
    expect(t.columnLabels[0]).toBe('A (series)');
    const at = { file: 'blank.xlsx', line: 2, column: t.columnLabels[2] };
    expect(formatInputProblem(at, { code: 'data.yearSuchAs' }, 'x', 'da')).toBe(
      'blank.xlsx:2: kolonne C (tom): forventede et årstal som 2020, fandt "x"',
    );
    expect(formatInputProblem(at, { code: 'data.yearSuchAs' }, 'x', 'en')).toBe(
      'blank.xlsx:2: column C (blank): expected a year such as 2020, found "x"',
    );
    // --json: language-neutral, the blank header as its bare letter (no "(tom)", no "(blank)")
    expect(columnCode(t.columnLabels[2])).toBe('C');
    expect(columnCode(t.columnLabels[1])).toBe('B (unit)');
    const json = validationJson([
      { file: 'blank.xlsx', ok: false, observations: 0, series: 0, problems: [new InputError(at, { code: 'data.yearSuchAs' }, 'x')] },
    ]) as { problems: Record<string, unknown>[] }[];
    expect(json[0].problems[0]).toEqual({
      file: 'blank.xlsx',
      line: 2,
      column: 'C',
      expected: 'a year such as 2020',
      found: 'x',
      message: 'blank.xlsx:2: column C (blank): expected a year such as 2020, found "x"',
    });
  });
  it('CSV: the header name, or the column number when it is blank', () => {
    expect(csvTable('series,,value\nx,1,2\n', 'a.csv').columnLabels).toEqual(['series', '2', 'value']);
    expect(csvTable('series,,value\nx,1,2\n', 'a.csv').columnLabels.map(columnCode)).toEqual(['series', '2', 'value']);
  });
});

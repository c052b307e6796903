/**
 * How the raw tables (src/data/rawtable.ts) name their columns in messages: the header name, for
 * XLSX the column letter with it; a blank spreadsheet header worded in the user's language.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvTable, readRawTable } from '../../src/data/rawtable.js';
import { columnCode, formatInputProblem, InputError, userMessage } from '../../src/errors.js';
import { loadDataFile, validateFile, validationJson } from '../../src/data/load.js';

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

describe('csvTable: the delimiter is the one that splits the most lines into the same number of fields', () => {
  const table = 'serie;år;værdi;enhed\nviso.raadgivning.bevilling;2025;161,2;mio. kr.\nviso.raadgivning.forbrug;2025;152,4;mio. kr.\nviso.raadgivning.forloeb.i_alt;2025;2.655;antal\n';
  it('a title with a comma above a semicolon table is a title, and 161,2 is one cell', () => {
    const t = csvTable('Regnskab 2025, VISO\n' + table, 'a.csv');
    expect(t.delimiter).toBe(';');
    expect(t.preamble).toEqual([{ line: 1, text: 'Regnskab 2025, VISO' }]);
    expect(t.header).toEqual(['serie', 'år', 'værdi', 'enhed']);
    expect(t.problems).toEqual([]);
    expect([...t.rows].map((r) => r.cells[2])).toEqual(['161,2', '152,4', '2.655']);
  });
  it('a title with a semicolon, or with both, above a semicolon table', () => {
    for (const title of ['Regnskab 2025; VISO', 'Regnskab 2025, VISO; 1.000 kr.', 'Bevillinger, løbende priser, 1.000 kr.']) {
      const t = csvTable(title + '\n' + table, 'a.csv');
      expect(t.delimiter).toBe(';');
      expect(t.headerLine).toBe(2);
      expect(t.problems).toEqual([]);
      expect(t.rowCount).toBe(3);
    }
  });
  it('a title with a semicolon above a comma table with quoted Danish decimals', () => {
    const t = csvTable('Regnskab; VISO\nserie,år,værdi\nviso.raadgivning.forbrug,2025,"152,4"\nviso.raadgivning.bevilling,2025,"161,2"\n', 'a.csv');
    expect(t.delimiter).toBe(',');
    expect([...t.rows].map((r) => r.cells[2])).toEqual(['152,4', '161,2']);
  });
  it('Danish decimal commas in every value cell do not make comma the delimiter (a tie goes to semicolon)', () => {
    const t = csvTable('serie;værdi\nx;1,5\ny;2,5\n', 'a.csv', () => true);
    expect(t.delimiter).toBe(';');
    expect(csvTable('a;b,c\n1;2,5\n', 'a.csv', () => true).delimiter).toBe(';');
  });
  it('tab and comma tables, and a single line without a delimiter, as before', () => {
    expect(csvTable('Titel, med komma\nseries\tyear\nx\t2020\ny\t2021\n', 'a.csv', (c) => c[0] === 'series').delimiter).toBe('\t');
    expect(csvTable('series,year,value,unit\nx,2020,1.5,count\n', 'a.csv').delimiter).toBe(',');
    expect(csvTable('series\n', 'a.csv', () => true).delimiter).toBe(',');
  });
});

describe('a row with more fields than the header', () => {
  it('a decimal comma unquoted in a comma-separated file is named as the likely cause, with the number as written', () => {
    const t = csvTable('series,year,value,unit\nviso.raadgivning.forbrug,2019,136.5,mio. kr.\nviso.raadgivning.forbrug,2020,143,9,mio. kr.\n', 'a.csv');
    expect(t.problems.map((p) => userMessage(p, 'da'))).toEqual([
      'a.csv:3: forventede 4 felter som i overskriften (skilletegn ","); et decimalkomma i en kommasepareret fil deler tallet ("143,9"): skriv det i anførselstegn, eller gem filen med semikolon, fandt "5 felter"',
    ]);
    // a year and a value, or a stray cell, are not a split number
    const other = csvTable('series,year,value,unit\nviso.raadgivning.forbrug,2020,1,mio. kr.,x\nviso.raadgivning.forbrug,2019,1,mio. kr.\n', 'b.csv');
    expect(other.problems.map((p) => p.message)).toEqual(['b.csv:2: expected 4 fields as in the header (delimiter ","), found "5 fields"']);
  });
});

describe('text encodings of a data file', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  it('a UTF-8 byte-order mark before Windows-1252 bytes (æøå as E6 F8 E5) is read as Windows-1252: labels without replacement characters', async () => {
    const f = join(tmp, 'bom-1252.csv');
    writeFileSync(f, Buffer.concat([BOM, Buffer.from('Tekst;enhed;2025\nForbrug, rådgivning (æøå);mio. kr.;152,4\n', 'latin1')]));
    const t = await readRawTable(f);
    expect(t.encoding).toBe('windows-1252');
    expect(t.header).toEqual(['Tekst', 'enhed', '2025']);
    expect([...t.rows][0].cells[0]).toBe('Forbrug, rådgivning (æøå)');
    const map = join(tmp, 'bom-1252.yaml');
    writeFileSync(map, 'series:\n  "Forbrug, rådgivning (æøå)": viso.raadgivning.forbrug\n');
    const ds = await loadDataFile(f, { map });
    expect(ds.get('viso.raadgivning.forbrug').points).toMatchObject([{ year: 2025, value: 152.4 }]);
    expect(await validateFile(f, { map })).toMatchObject({ ok: true, encoding: 'windows-1252' });
  });
  it('UTF-8 and single-byte æøå in one file is refused at the line of the first byte that is not UTF-8, in one line', async () => {
    const f = join(tmp, 'mixed.csv');
    const body = Buffer.concat([Buffer.from('series;year;value;unit;source\nviso.raadgivning.forbrug;2024;1;mio. kr.;årsrapport\n'), Buffer.from('viso.raadgivning.forbrug;2025;2;mio. kr.;forbrug på ø\n', 'latin1')]);
    for (const bytes of [body, Buffer.concat([BOM, body])]) {
      writeFileSync(f, bytes);
      const r = await validateFile(f);
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => userMessage(p, 'da'))).toEqual([`${f}:3: forventede tekst i én tegnkodning, UTF-8 eller Windows-1252 (filen har begge; gem den igen som CSV UTF-8), fandt "byten 0xE5, som ikke er UTF-8, i en fil med tegn i UTF-8"`]);
      expect(r.problems[0].message).toBe(`${f}:3: expected text in one encoding, UTF-8 or Windows-1252 (the file has both; save it again as CSV UTF-8), found "the byte 0xE5, not UTF-8, in a file with characters in UTF-8"`);
    }
  });
});

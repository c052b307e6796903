/**
 * Odd user data files through the CLI, in `viso data validate` and in `--data` (report, scenario run,
 * forecast) alike: a misspelt series id, a UTF-8 byte-order mark before Windows-1252 bytes, and an XLSX
 * whose problems are named by sheet and cell. A refused file: one line per problem, exit code 2, no
 * stack trace, nothing on stdout and no report written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ODD_XLSX_ROWS } from '../fixtures/odd-xlsx-rows.js';
import { viso } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'viso-odd-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A refused command: exit 2, the expected stderr, nothing on stdout, no stack trace. */
function refused(args: string[], err: string): void {
  const r = viso(...args);
  expect(r.code, r.err).toBe(2);
  expect(r.err).toBe(err);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.out).toBe('');
}

describe('a misspelt series id', () => {
  let f = '';
  let line = 0;
  beforeAll(() => {
    const rows = readFileSync('data/viso.csv', 'utf8').split('\n');
    line = rows.findIndex((l) => l.startsWith('viso.raadgivning.forbrug,raadgivning,forbrug,i_alt,2020,')) + 1;
    rows[line - 1] = rows[line - 1].replace('viso.raadgivning.forbrug,', 'viso.raadgivning.forbrg,');
    f = join(tmp, 'typo.csv');
    writeFileSync(f, rows.join('\n'));
  });
  it('is refused by data validate and by --data of report, scenario run and forecast with the known id, in Danish and English', () => {
    const da = `${f}:${line}: kolonne series: forventede et kendt serie-id (ukendt serie "viso.raadgivning.forbrg"; mente du "viso.raadgivning.forbrug"?), fandt "viso.raadgivning.forbrg"\n`;
    const en = `${f}:${line}: column series: expected a known series id (unknown series "viso.raadgivning.forbrg"; did you mean "viso.raadgivning.forbrug"?), found "viso.raadgivning.forbrg"\n`;
    refused(['data', 'validate', f], da);
    refused(['data', 'validate', f, '--lang', 'en'], en);
    const out = join(tmp, 'report-typo');
    refused(['report', '--data', f, '--out', out, '--runs', '200', '--no-png'], da);
    expect(existsSync(out)).toBe(false);
    refused(['scenario', 'run', 'baseline', '--data', f, '--runs', '200'], da);
    refused(['forecast', 'viso.raadgivning.forbrug', '--data', f, '--lang', 'en'], en);
  });
  it('an id far from every known one is accepted by validate and listed as a new series by --data', () => {
    const g = join(tmp, 'new.csv');
    writeFileSync(g, 'series,year,value,unit\nviso.mine.henvendelser,2025,3,count\n');
    const v = viso('data', 'validate', g);
    expect(v.code, v.err).toBe(0);
    const r = viso('data', 'list', '--data', g);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`viso.mine.henvendelser: ny serie 2025 (fra ${g})`);
  });
});

describe('a UTF-8 byte-order mark before Windows-1252 bytes', () => {
  it('is read as Windows-1252 (labels mapped, no replacement characters); UTF-8 and single bytes mixed are refused at the line', () => {
    const f = join(tmp, 'bom-1252.csv');
    writeFileSync(
      f,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('Tekst;enhed;2025\nForbrug, rådgivning;mio. kr.;152,4\n', 'latin1'),
      ]),
    );
    const map = join(tmp, 'map.yaml');
    writeFileSync(map, 'series:\n  "Forbrug, rådgivning": viso.raadgivning.forbrug\n');
    const v = viso('data', 'validate', f, '--map', map);
    expect(v.code, v.err).toBe(0);
    expect(v.out).toBe(`ok: ${f} (bred form, dansk talformat, windows-1252; 1 værdi i 1 serie)\n`);
    const s = viso('data', 'show', 'viso.raadgivning.forbrug', '--data', f, '--map', map, '--format', 'csv');
    expect(s.code, s.err).toBe(0);
    expect(s.out).toMatch(/2025,152\.4/);
    const m = join(tmp, 'mixed.csv');
    writeFileSync(
      m,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('Tekst;enhed;2024\nForbrug, rådgivning;mio. kr.;1\n'),
        Buffer.from('Bevilling, rådgivning;mio. kr.;2\n', 'latin1'),
      ]),
    );
    refused(
      ['data', 'validate', m, '--map', map, '--lang', 'en'],
      `${m}:3: expected text in one encoding, UTF-8 or Windows-1252 (the file has both; save it again as CSV UTF-8), found "the byte 0xE5, not UTF-8, in a file with characters in UTF-8"\n`,
    );
    refused(
      ['forecast', 'viso.raadgivning.forbrug', '--data', m, '--map', map],
      `${m}:3: forventede tekst i én tegnkodning, UTF-8 eller Windows-1252 (filen har begge; gem den igen som CSV UTF-8), fandt "byten 0xE5, som ikke er UTF-8, i en fil med tegn i UTF-8"\n`,
    );
  });
});

describe('XLSX in --data: each problem names the sheet, the cell and the column with its header, as data validate does', () => {
  it('bad number, bad year, unknown unit, misspelt series, duplicate, kr. in mio. kr.', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Regnskab');
    for (const r of [['series', 'year', 'value', 'unit'], ...ODD_XLSX_ROWS]) ws.addRow(r);
    const f = join(tmp, 'budget.xlsx');
    await wb.xlsx.writeFile(f);
    const en =
      [
        `${f}: Regnskab!C2: column C (value): expected a number, found "abc"`,
        `${f}: Regnskab!B3: column B (year): expected a year such as 2020, found "20x5"`,
        `${f}: Regnskab!D4: column D (unit): expected a unit: mio. kr., count, pct (or antal, %, mio.kr.), found "furlongs"`,
        `${f}: Regnskab!A5: column A (series): expected a known series id (unknown series "viso.raadgivning.forbrg"; did you mean "viso.raadgivning.forbrug"?), found "viso.raadgivning.forbrg"`,
        `${f}: Regnskab!B7: column B (year): expected one value per series and year (viso.raadgivning.bevilling 2025 is already on Regnskab!C6), found "2025"`,
        `${f}: Regnskab!C8: column C (value): expected an amount in DKK million on the bundled data's scale (viso.raadgivning.bevilling 2024: DKK 158m); did you mean 161.2?, found "161200000"`,
      ].join('\n') + '\n';
    refused(['data', 'validate', f, '--lang', 'en'], en);
    const out = join(tmp, 'report-xlsx');
    refused(['report', '--data', f, '--out', out, '--runs', '200', '--no-png', '--lang', 'en'], en);
    expect(existsSync(out)).toBe(false);
    refused(['scenario', 'run', 'baseline', '--data', f, '--runs', '200', '--lang', 'en'], en);
    refused(['forecast', 'viso.raadgivning.forbrug', '--data', f, '--lang', 'en'], en);
  });
});

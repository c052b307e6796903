/**
 * The Excel side of the CLI end to end: `--map` and `data map --suggest` on the files of
 * test/fixtures/excel, and `--out FILE.xlsx|FILE.csv` on the scenario commands (numbers stored
 * as numbers, the same as --json, the same bytes for the same seed).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/io/xlsx.js';
import { viso } from '../helpers/cli.js';

const DIR = 'test/fixtures/excel';
const tmp = mkdtempSync(join(tmpdir(), 'viso-excel-'));

/** The cells of a sheet of a workbook, by row. */
async function sheetRows(file: string, sheet: string) {
  const wb = await openXlsx(file);
  const s = wb.sheets.find((x) => x.name === sheet)!;
  return [...(await wb.rows(s))].map((r) => r.cells.map((c) => c.value));
}

describe('viso data with files as Excel saves them', () => {
  it('validate --map reads every layout and encoding; without it an unmapped label is one line per label with the cell, exit 2', () => {
    const files = [
      'regnskab-1252.csv',
      'forloeb-utf16.txt',
      'henvendelser-utf16be.txt',
      'finanslov.csv',
      'statbank.csv',
      'budget.xlsx',
    ].map((f) => `${DIR}/${f}`);
    const ok = viso('data', 'validate', ...files, '--map', `${DIR}/map.yaml`, '--lang', 'en');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`ok: ${DIR}/regnskab-1252.csv (columns, da, windows-1252; 12 values in 3 series)`);
    expect(ok.out).toContain(`ok: ${DIR}/budget.xlsx (columns, sheets Økonomi, Aktivitet; 16 values in 4 series)`);
    // one series is "1 serie" in Danish
    const one = viso('data', 'validate', `${DIR}/henvendelser-utf16be.txt`, '--map', `${DIR}/map.yaml`);
    expect(one.out).toMatch(/; 4 værdier i 1 serie\)\n$/);
    const bad = viso('data', 'validate', `${DIR}/budget.xlsx`);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err.split('\n')[0]).toBe(
      `${DIR}/budget.xlsx: Økonomi!B4: forventede et serie-id som kolonnenavn eller en afbildning --map map.yaml (viso data map --suggest FIL foreslår en), der navngiver "Bevilling", fandt "Bevilling (mio. kr.)"`,
    );
    expect(viso('data', 'validate', `${DIR}/budget.xlsx`, '--lang', 'en').err.split('\n')[0]).toBe(
      `${DIR}/budget.xlsx: Økonomi!B4: expected a series id as column name, or a mapping --map map.yaml (viso data map --suggest FILE proposes one) naming "Bevilling", found "Bevilling (mio. kr.)"`,
    );
    expect(bad.err).not.toMatch(/\bat .*\.js:\d+/);
  });
  it('data map --suggest prints a mapping that --map then reads', () => {
    const r = viso('data', 'map', '--suggest', `${DIR}/regnskab-1252.csv`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('"Forløb": viso.raadgivning.forloeb.i_alt');
    // its comments: Danish by default, English with --lang en (the mapping itself the same)
    const f = `${DIR}/regnskab-1252.csv`;
    expect(r.out.split('\n').slice(0, 4)).toEqual([
      `# Foreslået af viso data map --suggest ${f}: kontrollér hver linje, og giv derefter filen med --map.`,
      '# null: ingen serie passede; skriv et serie-id (viso data list viser dem).',
      'series:',
      `  "Bevilling": viso.raadgivning.bevilling  # ${f}:3; eller viso.kas.bevilling, viso.samlet.bevilling`,
    ]);
    const en = viso('data', 'map', '--suggest', f, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out.split('\n').slice(0, 4)).toEqual([
      `# Proposed by viso data map --suggest ${f}: check every line, then pass this file with --map.`,
      '# null: no series matched; write a series id (viso data list shows them).',
      'series:',
      `  "Bevilling": viso.raadgivning.bevilling  # ${f}:3; or viso.kas.bevilling, viso.samlet.bevilling`,
    ]);
    expect(
      en.out
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .map((l) => l.replace(/ {2}#.*/, '')),
    ).toEqual(
      r.out
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .map((l) => l.replace(/ {2}#.*/, '')),
    );
    const file = join(tmp, 'map.yaml');
    writeFileSync(file, r.out);
    const show = viso(
      'data',
      'show',
      'viso.raadgivning.forloeb.i_alt',
      '--data',
      `${DIR}/regnskab-1252.csv`,
      '--map',
      file,
      '--no-bundled',
    );
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/^2019\s+2\.065\s+Brugerdata/m);
  });
});

describe('--out FILE.xlsx|FILE.csv on the scenario commands', () => {
  it('scenario run: the workbook holds the numbers of --json as numbers; same seed, same bytes; CSV in the Danish convention', async () => {
    const json = JSON.parse(viso('scenario', 'run', 'baseline', '--runs', '2000', '--json').out);
    const a = join(tmp, 'a.xlsx');
    const b = join(tmp, 'b.xlsx');
    expect(viso('scenario', 'run', 'baseline', '--runs', '2000', '--out', a).code).toBe(0);
    expect(viso('scenario', 'run', 'baseline', '--runs', '2000', '--out', b).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const rows = await sheetRows(a, 'Resultat');
    expect(rows[0][1]).toBe('År');
    expect(rows[0][7]).toBe('Forbrug P50 (mio. kr.)');
    expect(rows[1][1]).toBe(json.years[0].year);
    expect(rows[1][7]).toBeCloseTo(json.years[0].forbrug.p50, 9);
    expect(typeof rows[1][19]).toBe('number');
    expect(rows[1][19]).toBeCloseTo(json.years[0].pMerforbrug, 12);
    const q = await sheetRows(a, 'Kvantiler');
    expect(q.length).toBe(1 + 6 * json.years.length);
    const csvFile = join(tmp, 'a.csv');
    expect(viso('scenario', 'run', 'baseline', '--runs', '2000', '--out', csvFile).code).toBe(0);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFFScenarie;År;Bevilling P50 (mio. kr.);')).toBe(true);
    const first = csv.split('\r\n')[1].split(';');
    expect(Number(first[7].replace(',', '.'))).toBeCloseTo(json.years[0].forbrug.p50, 9);
  });
  it('compare, goal-seek, sensitivity and backtest write their tables; another extension is refused before running', async () => {
    const c = join(tmp, 'c.xlsx');
    expect(viso('scenario', 'compare', 'baseline', 'high-demand', '--runs', '1000', '--out', c).code).toBe(0);
    const rows = await sheetRows(c, 'Resultat');
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(2);
    const g = join(tmp, 'g.csv');
    expect(
      viso(
        'scenario',
        'goal-seek',
        'baseline',
        '--lever',
        'visitation',
        '--target',
        'P(merforbrug>0, 2026) <= 0.2',
        '--runs',
        '2000',
        '--out',
        g,
        '--lang',
        'en',
      ).code,
    ).toBe(0);
    expect(readFileSync(g, 'utf8').split('\r\n')[1]).toMatch(
      /^baseline,visitation,"P\(merforbrug>0, 2026\) <= 0\.2",-0\.\d+,/,
    );
    const s = join(tmp, 's.xlsx');
    expect(viso('scenario', 'sensitivity', 'baseline', '--runs', '2000', '--out', s).code).toBe(0);
    expect((await sheetRows(s, 'Tornado'))[0][0]).toBe('Input');
    const bt = join(tmp, 'bt.csv');
    expect(viso('scenario', 'backtest', 'baseline', '--runs', '200', '--vantage', '2019', '--out', bt).code).toBe(0);
    expect(readFileSync(bt, 'utf8').split('\r\n').length).toBeGreaterThan(2);
    const bad = viso('scenario', 'run', 'baseline', '--out', join(tmp, 'r.txt'));
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`--out skal være en .xlsx- eller .csv-fil, fik ${join(tmp, 'r.txt')}\n`);
    expect(bad.out).toBe('');
  });
});

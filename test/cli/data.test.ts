/**
 * `viso data` end to end: spawns the compiled CLI (`npm test` builds first;
 * if dist/ is missing the test compiles once).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { viso } from '../helpers/cli.js';
import { loadBundled } from '../../src/data/bundled.js';
import { EXPECTED } from '../fixtures/bad-messages.js';

describe('viso data', () => {
  it('list shows the bundled series', () => {
    const r = viso('data', 'list');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^viso\.raadgivning\.forbrug\s+mio\. kr\.\s+2011–2020, 2022–2024\s+13/m);
    const j = JSON.parse(viso('data', 'list', '--json').out);
    expect(j.find((s: { id: string }) => s.id === 'viso.kas.forbrug')).toMatchObject({
      years: [2020, 2022, 2023, 2024],
      n: 4,
    });
  });
  it('show prints 2011-2024 with the 2021 gap visible', () => {
    const r = viso('data', 'show', 'viso.raadgivning.forbrug');
    expect(r.code).toBe(0);
    const years = r.out
      .split('\n')
      .filter((l) => /^\d{4}\s/.test(l))
      .map((l) => l.slice(0, 4));
    expect(years).toEqual([
      '2011',
      '2012',
      '2013',
      '2014',
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
    expect(r.out).toMatch(/^2021\s+–\s+mangler/m);
    expect(r.out).toMatch(/^2011\s+108,9\s/m);
    expect(viso('data', 'show', 'viso.raadgivning.forbrug', '--lang', 'en').out).toMatch(/^2021\s+–\s+missing/m);
    expect(viso('data', 'show', 'viso.raadgivning.forbrug', '--format', 'csv').out.split('\n')[1]).toBe(
      'viso.raadgivning.forbrug,raadgivning,forbrug,i_alt,2011,108.9,mio. kr.,aarsrapport2020#tabel7,',
    );
    expect(JSON.parse(viso('data', 'show', 'viso.raadgivning.forbrug', '--format', 'json').out).missingYears).toEqual([
      2021,
    ]);
    // --json as in every other command: the same JSON; with another --format it is refused
    expect(viso('data', 'show', 'viso.raadgivning.forbrug', '--json').out).toBe(
      viso('data', 'show', 'viso.raadgivning.forbrug', '--format', 'json').out,
    );
    const both = viso('data', 'show', 'viso.raadgivning.forbrug', '--json', '--format', 'csv');
    expect(both.code).toBe(2);
    expect(both.err).toBe('--json er det samme som --format json; angiv ikke også --format csv\n');
  });
  it('show of an unknown series: one line, exit 2, suggestion, no stack trace', () => {
    const r = viso('data', 'show', 'viso.raadgivning.forbrg');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'ukendt serie "viso.raadgivning.forbrg"; mente du viso.raadgivning.forbrug? (se viso data list)\n',
    );
    expect(viso('data', 'show', 'viso.raadgivning.forbrg', '--lang', 'en').err).toBe(
      'unknown series "viso.raadgivning.forbrg"; did you mean viso.raadgivning.forbrug? (see viso data list)\n',
    );
    expect(r.out).toBe('');
  });
  it('show can read a user file with --data', () => {
    const r = viso(
      'data',
      'show',
      'viso.kas.forbrug',
      '--data',
      'test/fixtures/bad/ambiguous-locale.csv',
      '--locale',
      'da',
      '--no-bundled',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2018\s+1\.436\s+Brugerdata\s+test\/fixtures\/bad\/ambiguous-locale\.csv$/m);
  });
  it('validate accepts the Danish export and the wide XLSX', () => {
    const r = viso('data', 'validate', 'test/fixtures/good/viso-da.csv', 'test/fixtures/good/viso-wide.xlsx');
    expect(r.code).toBe(0);
    const n = loadBundled().observations().length;
    const k = loadBundled().list().length;
    expect(r.out).toBe(
      `ok: test/fixtures/good/viso-da.csv (lang form, dansk talformat; ${n} værdier i ${k} serier)\nok: test/fixtures/good/viso-wide.xlsx (bred form; ${n} værdier i ${k} serier)\n`,
    );
    expect(r.err).toBe('');
  });
  it('validate lists every problem of every bad file, one per line, exit 2, no stack trace', () => {
    const files = Object.keys(EXPECTED).map((f) => `test/fixtures/bad/${f}`);
    const r = viso('data', 'validate', ...files, '--lang', 'en');
    expect(r.code).toBe(2);
    const expected = Object.entries(EXPECTED).flatMap(([f, ms]) =>
      ms.map((m) => m.replace('FILE', `test/fixtures/bad/${f}`)),
    );
    expect(r.err.trimEnd().split('\n')).toEqual(expected);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
    expect(r.out).toBe('');
  });
  it('validate --locale settles an ambiguous file; --json reports for scripts', () => {
    expect(viso('data', 'validate', 'test/fixtures/bad/ambiguous-locale.csv', '--locale', 'da').code).toBe(0);
    const r = viso('data', 'validate', 'test/fixtures/bad/duplicate.csv', '--json');
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j[0].problems[0]).toMatchObject({
      file: 'test/fixtures/bad/duplicate.csv',
      line: 4,
      column: 'year',
      found: '2019',
    });
  });
  it('validate --json is language-neutral: the same bytes with --lang da and --lang en, messages in English', () => {
    const files = [
      'test/fixtures/bad/non-numeric.csv',
      'test/fixtures/bad/duplicate-header.csv',
      'test/fixtures/bad/wide-duplicate.xlsx',
    ];
    const da = viso('data', 'validate', ...files, '--json');
    const en = viso('data', 'validate', ...files, '--json', '--lang', 'en');
    expect([da.code, en.code]).toEqual([2, 2]);
    expect(da.out).toBe(en.out);
    const j = JSON.parse(da.out) as { problems: { message: string; expected: string }[] }[];
    expect(j.flatMap((r) => r.problems).length).toBeGreaterThanOrEqual(3);
    expect(j[0].problems[0].message).toMatch(/: column value: expected a number like 1,234\.5, found "abc"$/);
    // the text output is Danish (the JSON is not the text output in another form)
    expect(viso('data', 'validate', files[0]).err).toMatch(/kolonne value: forventede et tal/);
  });
  it('events lists the dated events; --json for scripts', () => {
    const r = viso('data', 'events');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2021-09-20\s+tiltag\s+Skærpede visitationskriterier/m);
    const j = JSON.parse(viso('data', 'events', '--json').out);
    expect(j.map((e: { id: string }) => e.id)).toContain('registration-change-2023-11');
  });
  it('data without a subcommand is a usage error', () => {
    const r = viso('data');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Angiv list, show, validate, map eller events.');
  });
});

describe('data validate: one problem per bad cell', () => {
  it('a bad year in a row of several value columns is reported once (not once per column)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'viso-year-'));
    const file = join(dir, 't.csv');
    writeFileSync(file, 'År;Bevilling;Forbrug\n2024;158,0;143,5\nB2025;161,2;152,4\n');
    writeFileSync(
      join(dir, 'map.yaml'),
      'series:\n  Bevilling: viso.raadgivning.bevilling\n  Forbrug: viso.raadgivning.forbrug\n',
    );
    const r = viso('data', 'validate', file, '--map', join(dir, 'map.yaml'));
    expect([r.code, r.err]).toEqual([2, `${file}:3: kolonne År: forventede et årstal som 2020, fandt "B2025"\n`]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('data validate: files as finance staff save them', () => {
  const rows =
    'serie;år;værdi;enhed\nviso.raadgivning.bevilling;2025;161,2;mio. kr.\nviso.raadgivning.forbrug;2025;152,4;mio. kr.\n';
  const write = (name: string, text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'viso-staff-'));
    const file = join(dir, name);
    writeFileSync(file, text);
    return { file, done: () => rmSync(dir, { recursive: true, force: true }) };
  };
  it('a title row with a comma above a semicolon table is skipped, as the README says', () => {
    const f = write('title.csv', 'Regnskab 2025, VISO\n' + rows);
    const r = viso('data', 'validate', f.file);
    expect([r.code, r.err, r.out]).toEqual([
      0,
      '',
      `ok: ${f.file} (lang form, dansk talformat; 2 værdier i 2 serier)\n`,
    ]);
    f.done();
  });
  it('a skipped sum row is named in the ok line with its line (Danish and English) and in --json as sumRows', () => {
    const f = write(
      'sum.csv',
      'serie;enhed;2023;2024\nviso.raadgivning.forbrug;mio. kr.;150,1;143,5\nI alt;mio. kr.;150,1;143,5\n',
    );
    const da = viso('data', 'validate', f.file);
    expect([da.code, da.err, da.out]).toEqual([
      0,
      '',
      `ok: ${f.file} (bred form, dansk talformat; 2 værdier i 1 serie; sumrække sprunget over: linje 3)\n`,
    ]);
    const en = viso('data', 'validate', f.file, '--lang', 'en');
    expect(en.out).toBe(`ok: ${f.file} (wide, da; 2 values in 1 series; sum row skipped: line 3)\n`);
    const json = JSON.parse(viso('data', 'validate', f.file, '--json').out);
    expect(json[0].sumRows).toEqual([{ file: f.file, line: 3 }]);
    f.done();
  });
  it('an amount in kroner in a mio. kr. column is refused by validate and by report --data: one line, exit 2, no output', () => {
    const f = write('kr.csv', rows.replace('152,4', '152.400.000'));
    const expected = `${f.file}:3: kolonne værdi: forventede et beløb i mio. kr. på de indbyggede datas niveau (viso.raadgivning.forbrug 2024: 143,5 mio. kr.); mente du 152,4?, fandt "152.400.000"\n`;
    expect(loadBundled().get('viso.raadgivning.forbrug').points.at(-1)).toMatchObject({ year: 2024, value: 143.5 });
    const v = viso('data', 'validate', f.file);
    expect([v.code, v.out, v.err]).toEqual([2, '', expected]);
    const out = join(f.file, '..', 'r');
    const r = viso('report', '--data', f.file, '--out', out);
    expect([r.code, r.out, r.err]).toEqual([2, '', expected]);
    expect(existsSync(out)).toBe(false);
    f.done();
  });
});

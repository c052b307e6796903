/**
 * The last English-only problems of data files carry codes: a mapping file's errors
 * (`--map map.yaml`, read by `viso data validate FILE --map` and every `--data` command) and the
 * line that counts the problems beyond LIMITS.problemsPerFile. Danish by default, English with
 * --lang en (the English unchanged); one line, exit code 2, no stack trace.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';
import { loadSeriesMap } from '../../src/data/mapping.js';
import { InputError, userMessage } from '../../src/errors.js';
import { LIMITS } from '../../src/io/limits.js';
import { makeZip, row, workbookEntries, zeroBomb, type ZipInput } from '../helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'viso-err-data-'));
const write = (name: string, text: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const DATA = write('ok.csv', 'series,year,value,unit\nviso.raadgivning.forbrug,2020,1,mio. kr.\n');

/** The Danish and the English output on stderr of a refused command (one line each, no stack). */
function both(...args: string[]): { da: string; en: string } {
  const da = viso(...args);
  const en = viso(...args, '--lang', 'en');
  for (const r of [da, en]) {
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
  }
  return { da: da.err.trimEnd(), en: en.err.trimEnd() };
}

/** `viso data validate ok.csv --map FILE` with the mapping `text`: its one-line error in both languages. */
function mapError(name: string, text: string): { da: string; en: string } {
  const m = write(name, text);
  const r = both('data', 'validate', DATA, '--map', m);
  expect(r.da.split('\n')).toHaveLength(1);
  expect(r.en.split('\n')).toHaveLength(1);
  return { da: r.da.replace(`${dir}/`, ''), en: r.en.replace(`${dir}/`, '') };
}

describe('viso data validate FILE --map MAP: a bad mapping file', () => {
  it('not a mapping, a key beside series:, series: not a mapping', () => {
    expect(mapError('m1.yaml', '42\n')).toEqual({
      da: 'm1.yaml:1: forventede en afbildning med nøglen series: (etiket: serie-id), fandt "42"',
      en: 'm1.yaml:1: expected a mapping with a key series: (label: series id), found "42"',
    });
    expect(mapError('m2.yaml', 'series:\n  A: viso.a\nextra: 1\n')).toEqual({
      da: 'm2.yaml:3:8: forventede kun nøglen series: (etiket: serie-id) for extra, fandt "extra"',
      en: 'm2.yaml:3:8: expected only the key series: (label: series id) for extra, found "extra"',
    });
    expect(mapError('m3.yaml', 'series: [a]\n')).toEqual({
      da: 'm3.yaml:1:9: forventede poster af formen etiket: serie-id for series, fandt "[a]"',
      en: 'm3.yaml:1:9: expected label: series id entries for series, found "[a]"',
    });
  });
  it('an entry with another key, a bad unit, no series:', () => {
    expect(mapError('m4.yaml', 'series:\n  A:\n    series: viso.a\n    colour: red\n')).toEqual({
      da: 'm4.yaml:4:13: forventede kun series: og unit: for series.A.colour, fandt "colour"',
      en: 'm4.yaml:4:13: expected only series: and unit: for series.A.colour, found "colour"',
    });
    expect(mapError('m5.yaml', 'series:\n  A:\n    series: viso.a\n    unit: stk\n')).toEqual({
      da: 'm5.yaml:4:11: forventede en enhed: mio. kr., 1.000 kr., kr., antal eller pct for series.A.unit, fandt "stk"',
      en: 'm5.yaml:4:11: expected a unit: mio. kr., 1.000 kr., kr., antal or pct for series.A.unit, found "stk"',
    });
    expect(mapError('m6.yaml', 'series:\n  A:\n    unit: antal\n')).toEqual({
      da: 'm6.yaml:3:5: forventede series: et serie-id for series.A, fandt "unit: antal"',
      en: 'm6.yaml:3:5: expected series: a series id for series.A, found "unit: antal"',
    });
  });
  it('a series id that is not one, a label twice', () => {
    expect(mapError('m7.yaml', 'series:\n  A: Viso.A\n')).toEqual({
      da: 'm7.yaml:2:6: forventede et serie-id for etiketten "A" (små bogstaver, cifre, _ og ., f.eks. viso.raadgivning.forbrug) for series.A, fandt "Viso.A"',
      en: 'm7.yaml:2:6: expected a series id for the label "A" (lower-case letters, digits, _ and ., e.g. viso.raadgivning.forbrug) for series.A, found "Viso.A"',
    });
    const twice = mapError('m8.yaml', 'series:\n  Bevilling: viso.a\n  BEVILLING: viso.b\n');
    expect(twice.da).toBe(
      `m8.yaml:3:14: forventede hver etiket én gang ("BEVILLING" står også på ${dir}/m8.yaml:2) for series.BEVILLING, fandt "BEVILLING"`,
    );
    expect(twice.en).toBe(
      `m8.yaml:3:14: expected each label once ("BEVILLING" is also on ${dir}/m8.yaml:2) for series.BEVILLING, found "BEVILLING"`,
    );
  });
  it('the same through --data on another command, and through the API (English message, code kept)', () => {
    const m = write('m9.yaml', 'series:\n  A:\n    series: viso.a\n    colour: red\n');
    const r = both('data', 'list', '--data', DATA, '--map', m);
    expect(r.da).toBe(`${m}:4:13: forventede kun series: og unit: for series.A.colour, fandt "colour"`);
    expect(r.en).toBe(`${m}:4:13: expected only series: and unit: for series.A.colour, found "colour"`);
    let e: unknown;
    try {
      loadSeriesMap(m);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe(r.en);
    expect((e as InputError).msg).toMatchObject({
      code: 'yaml.for',
      params: { what: { code: 'data.err.mapSeriesUnit' } },
    });
    expect(userMessage(e as InputError, 'da')).toBe(r.da);
  });
});

describe('viso data validate FILE: more problems than are listed', () => {
  it('the last line counts the rest, in both languages', () => {
    const extra = 5;
    const rows = Array.from({ length: LIMITS.problemsPerFile + extra }, () => 'viso.x,abc,1,antal');
    const f = write('many.csv', ['series,year,value,unit', ...rows].join('\n') + '\n');
    const r = both('data', 'validate', f);
    const da = r.da.split('\n');
    const en = r.en.split('\n');
    expect(da).toHaveLength(LIMITS.problemsPerFile + 1);
    expect(en).toHaveLength(LIMITS.problemsPerFile + 1);
    expect(da.at(-2)).toBe(
      `${f}:${LIMITS.problemsPerFile + 1}: kolonne year: forventede et årstal som 2020, fandt "abc"`,
    );
    expect(da.at(-1)).toBe(
      `${f}: forventede højst 1.000 problemer vises pr. fil (de første fundne står ovenfor), fandt "${extra} flere"`,
    );
    expect(
      userMessage(
        new InputError(
          { file: 'f.csv' },
          { code: 'data.err.problemsListed', params: { n: 1000 } },
          { code: 'data.err.more', params: { n: 4_199_000 } },
        ),
        'da',
      ),
    ).toBe(
      'f.csv: forventede højst 1.000 problemer vises pr. fil (de første fundne står ovenfor), fandt "4.199.000 flere"',
    );
    expect(en.at(-1)).toBe(
      `${f}: expected at most 1000 problems listed per file (the first ones found are above), found "${extra} more"`,
    );
  });
});

/** Patch a copy of a zip archive: `f` gets the buffer and the offsets of its first central entry and its end record. */
function patched(zip: Buffer, f: (b: Buffer, cen: number, eocd: number) => void): Buffer {
  const b = Buffer.from(zip);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  f(b, b.readUInt32LE(eocd + 16), eocd);
  return b;
}

describe('viso data validate FILE: reading a data file, Danish by default, English with --lang en', () => {
  const wb = workbookEntries([{ name: 'Data', rows: row(1, ['series', 'year', 'value', 'unit']) }]);
  const good = makeZip(wb);
  const withWorkbook = (change: Partial<ZipInput>): Buffer =>
    makeZip(wb.map((e) => (e.name === 'xl/workbook.xml' ? { ...e, ...change } : e)));
  // file → its content, its one line in Danish and in English (FILE: the file's name)
  const cases: [string, string | Buffer, string, string][] = [
    [
      'noext',
      'series,year,value,unit\n',
      'FILE: forventede en .csv-, .tsv-, .txt-, .xlsx- eller .json-fil, fandt "(ingen filendelse)"',
      'FILE: expected a .csv, .tsv, .txt, .xlsx or .json file, found "(no extension)"',
    ],
    [
      'fields.csv',
      'series,year,value,unit\nviso.raadgivning.forbrug,2020,1,mio. kr.,x\n',
      'FILE:2: forventede 4 felter som i overskriften (skilletegn ","), fandt "5 felter"',
      'FILE:2: expected 4 fields as in the header (delimiter ","), found "5 fields"',
    ],
    [
      'empty.csv',
      '',
      'FILE:1: forventede en overskriftslinje, fandt "en tom fil"',
      'FILE:1: expected a header line, found "an empty file"',
    ],
    [
      'flag.csv',
      'series,year,value,unit,flags\nviso.raadgivning.forbrug,2020,1,mio. kr.,guessed\n',
      'FILE:2: kolonne flags: forventede markeringer adskilt af | blandt estimated, registration_break, uncertain_registration, includes_covid, excludes_covid, derived, ambiguous_account, user_supplied, illustrative, fandt "guessed"',
      'FILE:2: column flags: expected flags separated by | from estimated, registration_break, uncertain_registration, includes_covid, excludes_covid, derived, ambiguous_account, user_supplied, illustrative, found "guessed"',
    ],
    [
      'wide-year.csv',
      'series,unit,1899,2020\nviso.raadgivning.forbrug,mio. kr.,1,2\n',
      'FILE:1: kolonne 1899: forventede et årstal mellem 1990 og 2100, fandt "1899"',
      'FILE:1: column 1899: expected a year between 1990 and 2100, found "1899"',
    ],
    // JSON: each syntax error of the strict parser, its nesting limit and a duplicate key
    [
      'j-control.json',
      '["a\tb"]',
      'FILE:1:4: forventede gyldig JSON (ugyldigt kontroltegn i en streng), fandt "\\tb\\"]"',
      'FILE:1:4: expected valid JSON (bad control character in string literal), found "\\tb\\"]"',
    ],
    [
      'j-string.json',
      '["abc',
      'FILE:1:2: forventede gyldig JSON (uafsluttet streng), fandt "\\"abc"',
      'FILE:1:2: expected valid JSON (unterminated string), found "\\"abc"',
    ],
    [
      'j-unicode.json',
      '["\\u12G4"]',
      'FILE:1:3: forventede gyldig JSON (ugyldig Unicode-escape), fandt "\\\\u12G4\\"]"',
      'FILE:1:3: expected valid JSON (bad Unicode escape), found "\\\\u12G4\\"]"',
    ],
    [
      'j-escape.json',
      '["\\q"]',
      'FILE:1:3: forventede gyldig JSON (ugyldigt escapet tegn), fandt "\\\\q\\"]"',
      'FILE:1:3: expected valid JSON (bad escaped character), found "\\\\q\\"]"',
    ],
    [
      'j-minus.json',
      '[-x]',
      'FILE:1:2: forventede gyldig JSON (intet tal efter minustegnet), fandt "-x]"',
      'FILE:1:2: expected valid JSON (no number after minus sign), found "-x]"',
    ],
    [
      'j-fraction.json',
      '[1.]',
      'FILE:1:2: forventede gyldig JSON (uafsluttet decimaltal), fandt "1.]"',
      'FILE:1:2: expected valid JSON (unterminated fractional number), found "1.]"',
    ],
    [
      'j-exponent.json',
      '[1e]',
      'FILE:1:2: forventede gyldig JSON (eksponenten mangler et tal), fandt "1e]"',
      'FILE:1:2: expected valid JSON (exponent part is missing a number), found "1e]"',
    ],
    [
      'j-token.json',
      '[tru]',
      'FILE:1:2: forventede gyldig JSON (uventet tegn), fandt "tru]"',
      'FILE:1:2: expected valid JSON (unexpected token), found "tru]"',
    ],
    [
      'j-empty.json',
      '',
      'FILE:1:1: forventede gyldig JSON (uventet slutning på JSON-input), fandt "filens slutning"',
      'FILE:1:1: expected valid JSON (unexpected end of JSON input), found "end of file"',
    ],
    [
      'j-after.json',
      '[] x',
      'FILE:1:4: forventede gyldig JSON (uventet tegn efter JSON), fandt "x"',
      'FILE:1:4: expected valid JSON (unexpected non-whitespace character after JSON), found "x"',
    ],
    [
      'j-element.json',
      '[1 2]',
      "FILE:1:4: forventede gyldig JSON (forventede ',' eller ']' efter et listeelement), fandt \"2]\"",
      "FILE:1:4: expected valid JSON (expected ',' or ']' after array element), found \"2]\"",
    ],
    [
      'j-value.json',
      '[{"series": "viso.a", "year": 2020',
      "FILE:1:35: forventede gyldig JSON (forventede ',' eller '}' efter en egenskabsværdi), fandt \"filens slutning\"",
      "FILE:1:35: expected valid JSON (expected ',' or '}' after property value), found \"end of file\"",
    ],
    [
      'j-comma.json',
      '[{"a": 1,}]',
      'FILE:1:10: forventede gyldig JSON (en egenskab efter kommaet), fandt "}]"',
      'FILE:1:10: expected valid JSON (a property after the comma), found "}]"',
    ],
    [
      'j-name.json',
      '[{a: 1}]',
      'FILE:1:3: forventede gyldig JSON (forventede et egenskabsnavn i dobbelte anførselstegn), fandt "a: 1}]"',
      'FILE:1:3: expected valid JSON (expected double-quoted property name), found "a: 1}]"',
    ],
    [
      'j-colon.json',
      '[{"a" 1}]',
      'FILE:1:7: forventede gyldig JSON (forventede \':\' efter egenskabsnavnet), fandt "1}]"',
      'FILE:1:7: expected valid JSON (expected \':\' after property name), found "1}]"',
    ],
    [
      'j-key.json',
      '[{"series": "viso.a", "series": "viso.b"}]',
      'FILE:1:23: forventede et objekt med entydige nøgler ("series" står to gange), fandt "\\"series\\": \\"viso.b\\"}]"',
      'FILE:1:23: expected an object with unique keys ("series" appears twice), found "\\"series\\": \\"viso.b\\"}]"',
    ],
    [
      'j-deep.json',
      '['.repeat(70),
      'FILE:1:65: forventede JSON indlejret højst 64 niveauer dybt (se README, grænser), fandt "[[[[[["',
      'FILE:1:65: expected JSON nested at most 64 levels deep (see README, limits), found "[[[[[["',
    ],
    // XLSX: not a workbook, a damaged one, one with a DTD
    [
      'not-zip.xlsx',
      'series,year,value,unit\n',
      'FILE: forventede en .xlsx-projektmappe (en zip-fil), fandt "en fil, der ikke er et zip-arkiv"',
      'FILE: expected an .xlsx workbook (a zip file), found "a file that is not a zip archive"',
    ],
    [
      'no-workbook.xlsx',
      makeZip([{ name: 'a.txt', data: 'hello' }]),
      'FILE: forventede en .xlsx-projektmappe (xl/workbook.xml i zip-filen), fandt "en zip-fil, der ikke er en projektmappe"',
      'FILE: expected an .xlsx workbook (xl/workbook.xml in the zip), found "a zip file that is not a workbook"',
    ],
    [
      'no-sheet.xlsx',
      makeZip(wb.filter((e) => !e.name.startsWith('xl/worksheets/'))),
      'FILE: forventede arket Data (xl/worksheets/sheet1.xml i zip-filen), fandt "en beskadiget projektmappe"',
      'FILE: expected the sheet Data (xl/worksheets/sheet1.xml in the zip), found "a damaged workbook"',
    ],
    [
      'doctype.xlsx',
      withWorkbook({ data: `<!DOCTYPE x>${String(wb[0].data)}` }),
      'FILE: forventede en projektmappe uden XML-dokumenttyper (xl/workbook.xml erklærer en; entiteter læses ikke), fandt "<!DOCTYPE"',
      'FILE: expected a workbook without XML document types (xl/workbook.xml declares one; entities are not read), found "<!DOCTYPE"',
    ],
    // the zip reader's refusals (a found part over 60 characters is shortened, as always)
    [
      'no-directory.xlsx',
      good.subarray(0, good.length - 22),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "ingen zip-indholdsfortegnelse (en beskadiget eller afkort..."',
      'FILE: expected a readable .xlsx workbook (a zip file), found "no zip directory (a damaged or truncated file)"',
    ],
    [
      'zip64.xlsx',
      patched(good, (b, _c, e) => b.writeUInt16LE(0xffff, e + 10)),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "et zip64-arkiv (større end en projektmappe kan være her; ..."',
      'FILE: expected a readable .xlsx workbook (a zip file), found "a zip64 archive (larger than a workbook can be here; see ..."',
    ],
    [
      'entries.xlsx',
      makeZip([...wb, ...Array.from({ length: 10_000 }, (_, i) => ({ name: `x/${i}`, data: '' }))]),
      'FILE: forventede en projektmappe med højst 10.000 zip-poster (se README, grænser), fandt "10.003 poster"',
      'FILE: expected a workbook of at most 10000 zip entries (see README, limits), found "10003 entries"',
    ],
    [
      'outside.xlsx',
      patched(good, (b, _c, e) => b.writeUInt32LE(e, e + 16)),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "en zip-indholdsfortegnelse uden for filen"',
      'FILE: expected a readable .xlsx workbook (a zip file), found "a zip directory outside the file"',
    ],
    [
      'directory.xlsx',
      patched(good, (b, _c, e) => b.writeUInt16LE(b.readUInt16LE(e + 10) + 1, e + 10)),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "en beskadiget zip-indholdsfortegnelse"',
      'FILE: expected a readable .xlsx workbook (a zip file), found "a damaged zip directory"',
    ],
    [
      'zip64-entry.xlsx',
      patched(good, (b, c) => b.writeUInt32LE(0xffffffff, c + 24)),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "en zip64-post (større end en projektmappe kan være her; s..."',
      'FILE: expected a readable .xlsx workbook (a zip file), found "a zip64 entry (larger than a workbook can be here; see RE..."',
    ],
    [
      'declared.xlsx',
      makeZip([...wb, { name: 'xl/big.bin', deflated: Buffer.from([3, 0]), size: 0x20000000 }]),
      'FILE: forventede en projektmappe på højst 400 MiB ukomprimeret (se README, grænser), fandt "mere end 400 MiB angivet i dens zip-indholdsfortegnelse"',
      'FILE: expected a workbook of at most 400 MiB uncompressed (see README, limits), found "more than 400 MiB declared in its zip directory"',
    ],
    [
      'encrypted.xlsx',
      patched(good, (b, c) => b.writeUInt16LE(1, c + 8)),
      'FILE: forventede en projektmappe uden adgangskode, fandt "en krypteret projektmappe"',
      'FILE: expected a workbook without a password, found "an encrypted workbook"',
    ],
    [
      'local.xlsx',
      patched(good, (b) => b.writeUInt16LE(0, 2)),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "en beskadiget zip-post xl/workbook.xml"',
      'FILE: expected a readable .xlsx workbook (a zip file), found "a damaged zip entry xl/workbook.xml"',
    ],
    [
      'truncated.xlsx',
      patched(good, (b, c) => b.writeUInt32LE(b.length, c + 20)),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "en afkortet zip-post xl/workbook.xml"',
      'FILE: expected a readable .xlsx workbook (a zip file), found "a truncated zip entry xl/workbook.xml"',
    ],
    [
      'bomb.xlsx',
      withWorkbook({ deflated: zeroBomb(1), size: 4096, crc: 0 }),
      'FILE: forventede zip-poster, der ikke pakkes ud til mere end deres angivne størrelse (en zip-bombe?), fandt "xl/workbook.xml ud over 4 KiB"',
      'FILE: expected zip entries inflating to no more than their declared size (a zip bomb?), found "xl/workbook.xml beyond 4 KiB"',
    ],
    [
      'method.xlsx',
      patched(good, (b, c) => b.writeUInt16LE(12, c + 10)),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "zip-posten xl/workbook.xml komprimeret med metode 12 (kun..."',
      'FILE: expected a readable .xlsx workbook (a zip file), found "zip entry xl/workbook.xml compressed with method 12 (only..."',
    ],
    [
      'size.xlsx',
      withWorkbook({ size: Buffer.byteLength(String(wb[0].data)) + 1 }),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "zip-posten xl/workbook.xml med en anden størrelse end ang..."',
      'FILE: expected a readable .xlsx workbook (a zip file), found "zip entry xl/workbook.xml of another size than declared"',
    ],
    [
      'checksum.xlsx',
      withWorkbook({ crc: 1 }),
      'FILE: forventede en læsbar .xlsx-projektmappe (en zip-fil), fandt "en beskadiget zip-post xl/workbook.xml (forkert kontrolsum)"',
      'FILE: expected a readable .xlsx workbook (a zip file), found "a damaged zip entry xl/workbook.xml (checksum mismatch)"',
    ],
  ];
  it('one line per file, exit 2, no stack trace', () => {
    const paths = cases.map(([name, content]) => write(name, content));
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'series,year,value,unit\n');
    truncateSync(big, LIMITS.dataFileBytes + 1);
    const r = both('data', 'validate', ...paths, big);
    const named = (i: number, line: string) => line.replace(/^FILE/, paths[i]);
    expect(r.da.split('\n')).toEqual([
      ...cases.map((c, i) => named(i, c[2])),
      `${big}: forventede en fil på højst 100 MiB (se README, grænser), fandt "100,0 MiB"`,
    ]);
    expect(r.en.split('\n')).toEqual([
      ...cases.map((c, i) => named(i, c[3])),
      `${big}: expected a file of at most 100 MiB (see README, limits), found "100.0 MiB"`,
    ]);
  });
  it('a --data file without a single value: no data rows', () => {
    const f = write('blank.csv', 'series,unit,2020\nviso.raadgivning.forbrug,mio. kr.,\n');
    expect(both('data', 'list', '--data', f)).toEqual({
      da: `${f}: forventede mindst én værdi, fandt "ingen datarækker"`,
      en: `${f}: expected at least one value, found "no data rows"`,
    });
  });
  it('a file that grew while it was read (a race the CLI cannot stage): the codes in both languages', () => {
    const e = new InputError(
      { file: 'f.csv' },
      { code: 'io.err.maxSize', params: { size: '1.5 KiB' } },
      { code: 'io.err.moreThan', params: { size: '1.5 KiB' } },
    );
    expect(userMessage(e, 'da')).toBe(
      'f.csv: forventede en fil på højst 1,5 KiB (se README, grænser), fandt "mere end 1,5 KiB"',
    );
    expect(userMessage(e, 'en')).toBe(
      'f.csv: expected a file of at most 1.5 KiB (see README, limits), found "more than 1.5 KiB"',
    );
    expect(e.message).toBe(userMessage(e, 'en'));
  });
});

describe('viso data validate FILE --map MAP: a YAML file that is not valid YAML or over its limits', () => {
  it("a syntax error and a key twice (the parser's own text stays as it is)", () => {
    expect(mapError('y1.yaml', 'series: [a\n')).toEqual({
      da: 'y1.yaml:2:1: forventede gyldig YAML, fandt "Flow sequence in block collection must be sufficiently in..."',
      en: 'y1.yaml:2:1: expected valid YAML, found "Flow sequence in block collection must be sufficiently in..."',
    });
    expect(mapError('y2.yaml', 'series:\n  A: viso.a\n  A: viso.b\n')).toEqual({
      da: 'y2.yaml:3:3: forventede gyldig YAML, fandt "Map keys must be unique"',
      en: 'y2.yaml:3:3: expected valid YAML, found "Map keys must be unique"',
    });
  });
  it('nesting, values and alias expansions over the limits', () => {
    expect(mapError('y3.yaml', `series: ${'['.repeat(70)}\n`)).toEqual({
      da: 'y3.yaml:1:72: forventede YAML indlejret højst 64 niveauer dybt (se README, grænser)',
      en: 'y3.yaml:1:72: expected YAML nested at most 64 levels deep (see README, limits)',
    });
    const keys = Array.from({ length: LIMITS.yamlValues + 1 }, (_, i) => `  k${i}: viso.a`).join('\n');
    expect(mapError('y4.yaml', `series:\n${keys}\n`)).toEqual({
      da: `y4.yaml:${LIMITS.yamlValues + 1}:3: forventede en YAML-fil med højst 50.000 værdier (se README, grænser; en liste af tal skrevet [1, 2, …] tæller som én værdi), fandt "flere"`,
      en: `y4.yaml:${LIMITS.yamlValues + 1}:3: expected a YAML file of at most 50000 values (see README, limits; a list of numbers written [1, 2, …] counts as one value), found "more"`,
    });
    const levels = Array.from({ length: 8 }, (_, k) =>
      k === 0
        ? '  l0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'
        : `  l${k}: &a${k} [${Array(10)
            .fill(`*a${k - 1}`)
            .join(', ')}]`,
    );
    expect(mapError('y5.yaml', `x:\n${levels.join('\n')}\n`)).toEqual({
      da: 'y5.yaml:3:12: forventede højst 100 udfoldninger af YAML-aliasser (*navn) (se README, grænser), fandt "flere (en aliasbombe?)"',
      en: 'y5.yaml:3:12: expected at most 100 YAML alias (*name) expansions (see README, limits), found "more (an alias bomb?)"',
    });
  });
});

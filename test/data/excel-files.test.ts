/**
 * Files as a Danish finance office saves them (test/fixtures/excel, made by
 * scripts/make-excel-fixtures.mjs from the bundled numbers): every layout and encoding loads
 * to the bundled series and values; labels that are not series ids need a mapping, and an
 * unmapped label is one line naming the file and the cell.
 */
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { loadDataFile, validateFile } from '../../src/data/load.js';
import { loadSeriesMap } from '../../src/data/mapping.js';
import { readRawTables } from '../../src/data/rawtable.js';
import { mappingYaml, matchLabel, suggestLabels } from '../../src/data/suggest-map.js';
import { decodeText, detectEncoding } from '../../src/io/encoding.js';
import { readNumber, readWholeNumber } from '../../src/data/numbers.js';
import { convertValue, parseUnit, splitHeaderUnit, unitInText } from '../../src/data/units.js';

const DIR = 'test/fixtures/excel';
const MAP = `${DIR}/map.yaml`;
const bundled = loadBundled();
const R = 'viso.raadgivning';

/** Every point of the file's series, as series|year|value, and the bundled values of the same. */
async function compare(file: string, map?: string) {
  const ds = await loadDataFile(`${DIR}/${file}`, map ? { map } : {});
  const got: string[] = [];
  const want: string[] = [];
  for (const s of ds.list()) {
    if (!s.points[0]?.flags.includes('user_supplied')) continue;
    for (const p of s.points) {
      got.push(`${s.id}|${p.year}|${p.value}|${s.unit}`);
      const b = bundled.get(s.id);
      const bp = b.points.find((x) => x.year === p.year);
      want.push(`${s.id}|${p.year}|${bp?.value}|${b.unit}`);
    }
  }
  return { got, want, ds };
}

describe('each layout and encoding loads with the right series and values', () => {
  it('Windows-1252 semicolon CSV, title rows, years as rows, units in the headers, a note row below', async () => {
    const r = await validateFile(`${DIR}/regnskab-1252.csv`, { map: MAP });
    expect(r).toMatchObject({ ok: true, layout: 'columns', locale: 'da', encoding: 'windows-1252', observations: 12, series: 3 });
    const { got, want } = await compare('regnskab-1252.csv', MAP);
    expect(got).toEqual(want);
    expect(got).toContain(`${R}.forloeb.i_alt|2019|2065|count`);
    expect(got).toContain(`${R}.bevilling|2017|135.3|mio. kr.`);
  });
  it('UTF-16 LE with BOM (Unicode-tekst), tabs, series ids, years as columns, 1.941 as a count', async () => {
    expect(await validateFile(`${DIR}/forloeb-utf16.txt`)).toMatchObject({ ok: true, layout: 'wide', encoding: 'utf-16le', observations: 20, series: 5 });
    const { got, want } = await compare('forloeb-utf16.txt');
    expect(got).toEqual(want);
    expect(got).toContain(`${R}.forloeb.i_alt|2020|2164|count`);
  });
  it('UTF-16 BE, a no-break space between thousands', async () => {
    expect(await validateFile(`${DIR}/henvendelser-utf16be.txt`)).toMatchObject({ ok: true, encoding: 'utf-16be', observations: 4 });
    const { got, want } = await compare('henvendelser-utf16be.txt');
    expect(got).toEqual(want);
    expect(got).toContain(`${R}.henvendelser.i_alt|2019|5545|count`);
  });
  it('ministry export: Finanslovskonto;Tekst;2020;…, 1.000 kr. stated in the title, converted to mio. kr.', async () => {
    expect(await validateFile(`${DIR}/finanslov.csv`, { map: MAP })).toMatchObject({ ok: true, layout: 'wide', encoding: 'utf-8', observations: 5, series: 2 });
    const { got, want } = await compare('finanslov.csv', MAP);
    expect(got).toEqual(want);
    expect(got).toContain(`${R}.bevilling|2024|158|mio. kr.`);
    expect(got).toContain('viso.kas.bevilling|2020|106.7|mio. kr.');
  });
  it('StatBank style FORMAAL;TID;INDHOLD, unit in the title, a space between thousands', async () => {
    expect(await validateFile(`${DIR}/statbank.csv`, { map: MAP })).toMatchObject({ ok: true, layout: 'long', observations: 16, series: 4 });
    const { got, want } = await compare('statbank.csv', MAP);
    expect(got).toEqual(want);
    expect(got).toContain(`${R}.henvendelser.voksne|2020|2935|count`);
  });
  it('a workbook: a cover sheet left out, two sheets with title and note rows, years as rows', async () => {
    expect(await validateFile(`${DIR}/budget.xlsx`, { map: MAP })).toMatchObject({ ok: true, layout: 'columns', sheets: ['Økonomi', 'Aktivitet'], observations: 16, series: 4 });
    const { got, want } = await compare('budget.xlsx', MAP);
    expect(got).toEqual(want);
    expect(got).toContain(`${R}.forbrug|2018|120.9|mio. kr.`);
    expect(got).toContain(`${R}.henvendelser.i_alt|2017|4801|count`);
  });
});

describe('labels that are not series ids', () => {
  it('an unmapped column label is one line naming the file and the cell', async () => {
    const r = await validateFile(`${DIR}/budget.xlsx`);
    expect(r.ok).toBe(false);
    expect(r.problems[0].message).toBe(
      `${DIR}/budget.xlsx: Økonomi!B4: expected a series id as column name, or a mapping --map map.yaml (viso data map --suggest FILE proposes one) naming "Bevilling", found "Bevilling (mio. kr.)"`,
    );
    expect(r.problems.map((p) => p.location.cell)).toEqual(['Økonomi!B4', 'Økonomi!C4', 'Aktivitet!B4', 'Aktivitet!C4']);
  });
  it('an unmapped row label is reported once, at its first line', async () => {
    const r = await validateFile(`${DIR}/statbank.csv`);
    expect(r.problems.map((p) => p.message)).toEqual(
      [
        [4, 'Voksne'],
        [8, 'Børn og unge'],
        [12, 'Specialundervisning'],
        [16, 'Andet'],
      ].map(([l, x]) => `${DIR}/statbank.csv:${l}: column FORMAAL: expected a series id, or a mapping --map map.yaml (viso data map --suggest FILE proposes one) naming this label, found "${x}"`),
    );
  });
  it('the suggested mapping names the same series as the hand-written one', async () => {
    const map = loadSeriesMap(MAP);
    for (const f of ['regnskab-1252.csv', 'finanslov.csv', 'statbank.csv', 'budget.xlsx']) {
      const s = (await readRawTables(`${DIR}/${f}`)).flatMap((t) => suggestLabels(t, bundled.ids()));
      expect(s.length).toBeGreaterThan(0);
      for (const x of s) expect([f, x.label, x.series]).toEqual([f, x.label, map.lookup(x.label)?.series]);
      expect(mappingYaml(f, s)).toContain(`"${s[0].label}": ${s[0].series}`);
    }
    expect(matchLabel('Koordination af specialrådgivning', '', bundled.ids())[0]).toBe('viso.kas.bevilling');
    expect(matchLabel('Ukendt konto', '', bundled.ids())).toEqual([]);
  });
  it('a mapping entry that is not a series id is an error at its line', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/viso-map-');
    writeFileSync(`${dir}/m.yaml`, 'series:\n  Bevilling: null\n');
    expect(() => loadSeriesMap(`${dir}/m.yaml`)).toThrow(`${dir}/m.yaml:2:14: expected a series id for the label "Bevilling" (lower-case letters, digits, _ and ., e.g. viso.raadgivning.forbrug) for series.Bevilling, found "null"`);
  });
});

describe('encodings, numbers and units', () => {
  it('detects UTF-8 with and without BOM, UTF-16 LE/BE with and without BOM, Windows-1252', () => {
    expect(detectEncoding(Buffer.from('\uFEFFår', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('år;værdi', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('år;værdi', 'latin1'))).toBe('windows-1252');
    expect(detectEncoding(Buffer.from('serie;år\n', 'utf16le'))).toBe('utf-16le');
    const be = Buffer.from('serie;år\n', 'utf16le').swap16();
    expect(detectEncoding(be)).toBe('utf-16be');
    expect(decodeText(be).text).toBe('serie;år\n');
    expect(decodeText(Buffer.from([0x96, 0x80])).text).toBe('–€');
  });
  it('reads space and no-break space as thousands separators; counts 5.480 = 5480', () => {
    expect(readNumber('1 234,5')).toEqual({ da: 1234.5 });
    expect(readNumber('1\u00a0234.5')).toEqual({ en: 1234.5 });
    expect(readNumber('1 234')).toEqual({ da: 1234, en: 1234 });
    expect(readNumber('12 34')).toEqual({});
    expect(readWholeNumber('5.480')).toBe(5480);
    expect(readWholeNumber('5,480')).toBe(5480);
    expect(readWholeNumber('5\u00a0480')).toBe(5480);
    expect(readWholeNumber('54,80')).toBeUndefined();
  });
  it('reads units from headers, with the scaling to mio. kr.', () => {
    expect(splitHeaderUnit('Bevilling (mio. kr.)')).toMatchObject({ label: 'Bevilling', unit: { unit: 'mio. kr.', divide: 1 } });
    expect(splitHeaderUnit('Forbrug, 1.000 kr.')).toMatchObject({ label: 'Forbrug', unit: { unit: 'mio. kr.', divide: 1000 } });
    expect(splitHeaderUnit('Forløb (antal)')).toMatchObject({ label: 'Forløb', unit: { unit: 'count' } });
    expect(splitHeaderUnit('Udgift i kr.')).toMatchObject({ label: 'Udgift', unit: { divide: 1_000_000 } });
    expect(splitHeaderUnit('Forløb')).toEqual({ label: 'Forløb' });
    expect(unitInText('Bevillinger, løbende priser, 1.000 kr.')?.divide).toBe(1000);
    expect(convertValue(158300, parseUnit('1.000 kr.'))).toBe(158.3);
    expect(convertValue(1.5, parseUnit('mia. kr.'))).toBe(1500);
  });
});

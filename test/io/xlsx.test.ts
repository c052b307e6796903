import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/io/xlsx.js';
import { openZip } from '../../src/io/zip.js';
import { sayMsg } from '../../src/text/messages.js';
import { makeZip, row, workbookEntries, zeroBomb } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'viso-xlsx-'));
const write = (name: string, data: Buffer) => {
  const f = join(tmp, name);
  writeFileSync(f, data);
  return f;
};
const rejection = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('did not throw');
};

describe('openZip: sizes checked before anything is inflated', () => {
  it('refuses an archive whose directory declares more than the limit (a 4 GiB zip bomb, at once)', async () => {
    const zip = makeZip([{ name: 'xl/worksheets/sheet1.xml', deflated: zeroBomb(4095), size: 4095 * 2 ** 20, crc: 0 }]);
    expect(zip.length).toBeLessThan(5e6);
    const t0 = performance.now();
    expect(() => openZip(zip, 'bomb.xlsx', { maxEntries: 100, maxTotalBytes: 400 * 2 ** 20 })).toThrow(
      'bomb.xlsx: expected a workbook of at most 400 MiB uncompressed (see README, limits), found "more than 400 MiB declared in its zip directory"',
    );
    expect(performance.now() - t0).toBeLessThan(1000);
  });
  it('stops an entry that inflates beyond its declared size at that size', async () => {
    const zip = makeZip([{ name: 'a', deflated: zeroBomb(64), size: 1000, crc: 0 }]);
    const z = openZip(zip, 'liar.xlsx', { maxEntries: 100, maxTotalBytes: 1e9 });
    expect(await rejection(z.read('a'))).toBe(
      'liar.xlsx: expected zip entries inflating to no more than their declared size (a zip bomb?), found "a beyond 1000 bytes"',
    );
  });
  it('refuses too many entries and a corrupt checksum', async () => {
    const many = makeZip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    expect(() => openZip(many, 'm.xlsx', { maxEntries: 10, maxTotalBytes: 1e9 })).toThrow(
      'm.xlsx: expected a workbook of at most 10 zip entries (see README, limits), found "20 entries"',
    );
    const bad = openZip(
      makeZip([{ name: 'a', data: 'hello', crc: (crc32(Buffer.from('hello')) + 1) >>> 0 }]),
      'c.xlsx',
      { maxEntries: 10, maxTotalBytes: 1e9 },
    );
    expect(await rejection(bad.read('a'))).toMatch(/checksum mismatch/);
  });
});

describe('openXlsx', () => {
  it('reads values, knows hidden sheets and flags formulas without a saved result or into another workbook', async () => {
    const f = write(
      'wb.xlsx',
      makeZip(
        workbookEntries([
          { name: 'Secret', state: 'veryHidden', rows: row(1, ['series', 'year', 'value', 'unit']) },
          {
            name: 'Data',
            rows:
              row(1, ['series', 'year', 'value']) +
              '<row r="2"><c r="A2" t="inlineStr"><is><t>a &amp; b</t></is></c><c r="B2"><f>1+1</f><v>2</v></c><c r="C2"><f>[1]Sheet1!A1</f><v>5</v></c></row>' +
              row(3, ['x', '=SUM(A1:A2)']),
          },
        ]),
      ),
    );
    const wb = await openXlsx(f, 'wb.xlsx');
    expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Secret', 'veryHidden'],
      ['Data', 'visible'],
    ]);
    const rows = [...(await wb.rows(wb.sheets[1]))];
    expect(rows[1].cells.map((c) => c.value)).toEqual(['a & b', 2, 5]);
    expect(rows[1].cells[2].problem?.found).toBe('=[1]Sheet1!A1');
    expect(rows[2].cells[1].problem?.expected).toEqual({ code: 'xlsx.unsavedFormula' });
    expect(sayMsg(rows[2].cells[1].problem!.expected, 'en')).toMatch(/^a formula with a saved result/);
    expect(sayMsg(rows[1].cells[2].problem!.expected, 'da')).toMatch(
      /^en værdi eller en formel inden for denne projektmappe/,
    );
    expect(rows[2].cells[1].value).toBe('');
  });
  it('refuses a document type declaration (no entity is ever expanded)', async () => {
    const entries = workbookEntries([{ name: 'D', rows: row(1, ['series']) }]);
    entries[0] = {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook><sheets><sheet name="&e;" r:id="rId1"/></sheets></workbook>',
    };
    expect(await rejection(openXlsx(write('xxe.xlsx', makeZip(entries)), 'xxe.xlsx'))).toMatch(
      /^xxe\.xlsx: expected a workbook without XML document types/,
    );
  });
});

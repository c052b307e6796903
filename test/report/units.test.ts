/** Small pure pieces of the report: escaping, ZIP timestamps, goal seek on the grid, strings, tables. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdownCell, inlineScript, neutraliseCell, scriptJson } from '../../src/report/escape.js';
import { inputLabel } from '../../src/report/chartInputs.js';
import { STRING_KEYS, t, label } from '../../src/text/report.js';
import { zipFixedDates, FIXED_DOS_DATE } from '../../src/report/zip.js';
import { markdownTable } from '../../src/report/markdown.js';
import { htmlTable } from '../../src/report/html.js';
import { num, pct, txt, type ReportTable } from '../../src/report/tables.js';

describe('escaping', () => {
  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('makes JSON safe inside <script>', () => {
    const s = scriptJson({ n: '</script><!-- \u2028 &' });
    expect(s).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(s)).toEqual({ n: '</script><!-- \u2028 &' });
  });
  it('splits </script in inlined libraries', () => {
    expect(inlineScript('x="</SCRIPT>"')).toBe('x="<\\/SCRIPT>"');
  });
  it('escapes Markdown table cells', () => {
    expect(escapeMarkdownCell('a|b\nc <d>')).toBe('a\\|b c &lt;d&gt;');
  });
  it('neutralises spreadsheet formula starts', () => {
    for (const s of [
      '=1+1',
      '+1',
      '-1+1',
      '-2+3+cmd|x',
      '-1–=A1',
      '-1 (sd =1)',
      '@SUM(A1)',
      '\tx',
      '\rx',
      ' =x',
      '\n=x',
      ' \n +cmd',
    ])
      expect(neutraliseCell(s)).toBe(`'${s}`);
    for (const s of ['Basis', '1,5', ' x', '']) expect(neutraliseCell(s)).toBe(s);
  });
  it("leaves the report's negative numbers and ranges as text without an apostrophe (no formula fits in them)", () => {
    for (const s of [
      '-1',
      '-7,9–9,2',
      '-5,9–-0,3',
      '-5,9 til -0,3',
      '-15,8 %',
      '-1.234,5',
      '-15,98 %–-15,62 %',
      '-2,9 % (sd 1,9 pct.-point)',
      '-2.9% (sd 1.9 pp)',
    ])
      expect(neutraliseCell(s)).toBe(s);
  });
});

function zipEntryDates(buf: Uint8Array): { local: number[]; central: number[] } {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const local: number[] = [];
  const central: number[] = [];
  for (let i = 0; i + 4 <= buf.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50) local.push(dv.getUint16(i + 12, true));
    if (sig === 0x02014b50) central.push(dv.getUint16(i + 14, true));
  }
  return { local, central };
}

describe('zipFixedDates', () => {
  it('sets every entry of an exceljs workbook to 1980-01-01 and keeps it loadable', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell(1, 1).value = 42;
    const raw = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const before = zipEntryDates(raw);
    expect(before.central.length).toBeGreaterThan(3);
    expect(before.central.every((d) => d === FIXED_DOS_DATE)).toBe(false); // exceljs stamps today's date
    const fixed = zipFixedDates(raw);
    const after = zipEntryDates(fixed);
    expect(after.central.every((d) => d === FIXED_DOS_DATE)).toBe(true);
    expect(after.local.every((d) => d === FIXED_DOS_DATE)).toBe(true);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(fixed) as never);
    expect(back.getWorksheet('A')!.getCell(1, 1).value).toBe(42);
  });
  it('rejects non-ZIP input', () => {
    expect(() => zipFixedDates(new Uint8Array(100))).toThrow(/not a ZIP/);
  });
});

describe('strings', () => {
  it('every key has Danish and English text with the same placeholders', () => {
    for (const k of STRING_KEYS) {
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(t('da', k).length, k).toBeGreaterThan(0);
      expect(ph(t('en', k)), k).toEqual(ph(t('da', k)));
    }
  });
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('da', 'chart.fan.title', { series: 'Forbrug' })).toBe('Prognose: Forbrug');
    expect(t('da', 'chart.fan.title')).toBe('Prognose: {series}');
    expect(label('en', 'area', 'boern_unge')).toBe('Children and young people');
    expect(label('da', 'flag', 'unknown_flag')).toBe('unknown_flag');
    expect(inputLabel('measure:tightening-2021-09', 'da')).toBe('Tiltagets effekt: tightening-2021-09');
  });
});

describe('table rendering', () => {
  const tb: ReportTable = {
    id: 'x',
    sheet: 'sheet.summary',
    caption: 'Cap <1>',
    columns: ['Navn', 'Værdi', 'Andel'],
    numeric: [false, true, true],
    rows: [[txt('A|<b>'), num(1234.5, 1, 'da'), pct(0.208, 'da')]],
  };
  it('Markdown: right-aligned numeric columns, escaped cells, Danish numbers', () => {
    expect(markdownTable(tb)).toBe(
      [
        '**Cap &lt;1&gt;**',
        '',
        '| Navn | Værdi | Andel |',
        '| --- | ---: | ---: |',
        '| A\\|&lt;b&gt; | 1.234,5 | 20,8 % |',
        '',
      ].join('\n'),
    );
  });
  it('HTML: escaped, numeric cells classed', () => {
    const h = htmlTable(tb);
    expect(h).toContain('<td>A|&lt;b&gt;</td><td class="n">1.234,5</td><td class="n">20,8 %</td>');
    expect(h).toContain('<caption>Cap &lt;1&gt;</caption>');
  });
  it('number cells keep raw values for spreadsheets; non-finite shows a dash', () => {
    expect(num(1234.5, 1, 'en')).toEqual({ text: '1,234.5', value: 1234.5, numFmt: '#,##0.0' });
    expect(num(NaN, 1, 'da')).toEqual({ text: '–' });
  });
});

describe('headless text widths', () => {
  it('uses DejaVu Sans advance widths (bold 10 % wider), not 0.8 em per character', async () => {
    const { textWidth, itemTextWidth } = await import('../../src/report/textWidth.js');
    expect(textWidth('2024', 10)).toBeCloseTo(25.44, 2);
    expect(textWidth('Il', 10)).toBeCloseTo(5.73, 2);
    expect(itemTextWidth({ fontSize: 10, fontWeight: 'bold' }, ' 2024 ')).toBeCloseTo(27.984, 3);
    expect(itemTextWidth({ fontWeight: 600 }, 'm')).toBeCloseTo(0.974 * 11 * 1.1, 6);
    expect(itemTextWidth({ fontSize: 11 }, 'Bevilling og forbrug')).toBeLessThan(0.8 * 20 * 11 * 0.75);
  });
});

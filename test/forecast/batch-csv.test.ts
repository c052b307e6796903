import { describe, expect, it } from 'vitest';
import { CsvRecordReader, CsvSyntaxError, csvField, neutraliseFormula } from '../../src/forecast/batch-csv.js';
import type { CsvRecord } from '../../src/forecast/batch-csv.js';

function read(chunks: string[], max?: number): CsvRecord[] {
  const r = new CsvRecordReader(max);
  const out: CsvRecord[] = [];
  for (const c of chunks) r.push(c, (x) => out.push(x));
  r.end((x) => out.push(x));
  return out;
}

const TEXT = '\uFEFFid,t,value\r\n"a,1",1,2\n"say ""hi""",2,3\r"multi\r\nline\nid",3,4\n\n\nlast,5,6';

describe('CsvRecordReader (RFC 4180, incremental)', () => {
  it('reads quoted commas, doubled quotes, CR/LF inside quotes, CRLF, LF and lone CR; skips blank lines and the BOM; numbers each record by its first line', () => {
    expect(read([TEXT])).toEqual([
      { line: 1, fields: ['id', 't', 'value'] },
      { line: 2, fields: ['a,1', '1', '2'] },
      { line: 3, fields: ['say "hi"', '2', '3'] },
      { line: 4, fields: ['multi\r\nline\nid', '3', '4'] },
      { line: 9, fields: ['last', '5', '6'] },
    ]);
  });
  it('gives the same records however the text is split into chunks (every split point, and one character at a time)', () => {
    const whole = read([TEXT]);
    for (let k = 0; k <= TEXT.length; k++) expect(read([TEXT.slice(0, k), TEXT.slice(k)])).toEqual(whole);
    expect(read([...TEXT])).toEqual(whole);
  });
  it('marks text after a closing quote as a malformed record (the caller reports it) and reads on', () => {
    const r = read(['id,v\n"ab"c,1\nx,2\n']);
    expect(r[1]).toEqual({ line: 2, fields: ['abc', '1'], error: 'a comma or line end after a closing quote' });
    expect(r[2]).toEqual({ line: 3, fields: ['x', '2'] });
  });
  it('an unterminated quote is an error on the line where the field starts', () => {
    expect(() => read(['id,v\na,1\n"b,2\nc,3\n'])).toThrow(CsvSyntaxError);
    expect(() => read(['id,v\na,1\n"b,2\nc,3\n'])).toThrow(
      'line 3: expected a closing quote (a quoted field starts on this line and never ends)',
    );
  });
  it('bounds memory: a record longer than the limit is an error, also when it arrives in small chunks', () => {
    expect(() => read(['id,v\n', '"' + 'x'.repeat(60), 'y'.repeat(60)], 100)).toThrow(
      'line 2: expected a closing quote within 100 characters',
    );
    expect(() => read(['id,v\n' + 'z'.repeat(150) + '\n'], 100)).toThrow(
      'line 2: expected a record of at most 100 characters',
    );
    expect(read(['id,v\n' + 'z'.repeat(90) + '\n' + 'w'.repeat(90) + '\n'], 100)).toHaveLength(3); // the limit is per record
  });
  it('keeps blanks inside fields (RFC 4180: spaces are part of a field)', () => {
    expect(read([' a , 1 \n'])[0].fields).toEqual([' a ', ' 1 ']);
  });
  it('a quoted empty field is a record, an empty line is not', () => {
    expect(read(['""\n\n'])).toEqual([{ line: 1, fields: [''] }]);
  });
});

describe('csvField / neutraliseFormula', () => {
  it('quotes a field holding a comma, quote, CR or LF, doubling quotes; leaves others alone', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('Y1')).toBe('Y1');
  });
  it('prefixes an apostrophe to texts starting with = + - @ tab or CR, nothing else', () => {
    for (const s of ['=HYPERLINK("http://x")', "+cmd|'/C calc'!A0", '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['Y1', ' =1', "'=1", 'a=b', '']) expect(neutraliseFormula(s)).toBe(s);
  });
  it('a neutralised id with CR survives a round trip through the reader', () => {
    const id = '\r=1+1';
    const line = csvField(neutraliseFormula(id)) + ',x\n';
    expect(read([line])[0].fields).toEqual([`'${id}`, 'x']);
  });
});

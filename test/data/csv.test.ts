import { describe, expect, it } from 'vitest';
import { csvCell, detectDelimiter, parseDelimited } from '../../src/data/csv.js';

describe('delimited text', () => {
  it('splits rows and keeps line numbers, skipping blank lines', () => {
    expect(parseDelimited('a;b\r\n\r\n1;2\n', ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
    ]);
  });
  it('handles quotes: delimiters, doubled quotes and newlines inside', () => {
    const rows = parseDelimited('a,b\n"x,y","say ""hi"""\n"multi\nline",3\nlast,4', ',');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x,y', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', '3'] },
      { line: 5, cells: ['last', '4'] },
    ]);
  });
  it('drops a byte-order mark and reports an unclosed quote', () => {
    const errs: number[] = [];
    const rows = parseDelimited('\uFEFFa,b\n"open,1\n', ',', (line) => errs.push(line));
    expect(rows[0].cells).toEqual(['a', 'b']);
    expect(errs).toEqual([2]);
  });
  it('detects the delimiter from the header', () => {
    expect(detectDelimiter('serie;år;værdi\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a,b,c\n')).toBe(',');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
  });
  it('quotes cells only when needed', () => {
    expect(csvCell('mio. kr.')).toBe('mio. kr.');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
  });
});

/** textTable: the first row is the header; widths in characters; two spaces between columns; first column left, others right. */
import { describe, expect, it } from 'vitest';
import { textTable } from '../../src/text/table.js';

describe('textTable', () => {
  it('left-aligns the first column and right-aligns the rest, trimming trailing spaces', () => {
    expect(
      textTable([
        ['År', 'P'],
        ['2026', '21 %'],
      ]),
    ).toBe('År       P\n2026  21 %');
    expect(
      textTable([
        ['Serie', 'Værdi'],
        ['a', '1'],
        ['bbbbbb', '10'],
      ]),
    ).toBe('Serie   Værdi\na           1\nbbbbbb     10');
  });
  it('counts characters, not UTF-16 units (æøå and beyond)', () => {
    expect(
      textTable([
        ['x', 'y'],
        ['😀', '1'],
      ]),
    ).toBe('x  y\n😀  1'); // the emoji is one character (two UTF-16 units)
  });
  it('indent prefixes every line; textLastLeft left-aligns a last column holding text', () => {
    expect(
      textTable(
        [
          ['År', 'Forløb'],
          ['2019', '2.065'],
        ],
        { indent: '  ' },
      ),
    ).toBe('  År    Forløb\n  2019   2.065');
    expect(
      textTable(
        [
          ['År', 'Note'],
          ['2019', 'skøn'],
          ['2020', '–'],
        ],
        { textLastLeft: true },
      ),
    ).toBe('År    Note\n2019  skøn\n2020  –');
    expect(
      textTable(
        [
          ['År', 'Note'],
          ['2019', '1'],
          ['2020', '–'],
        ],
        { textLastLeft: true },
      ),
    ).toBe('År    Note\n2019     1\n2020     –');
  });
  it('align sets each column: here a right-aligned id and a left-aligned name', () => {
    expect(
      textTable(
        [
          ['Id', 'Navn'],
          ['1', 'a'],
        ],
        { align: ['right', 'left'] },
      ),
    ).toBe('Id  Navn\n 1  a');
  });
  it('treats a missing cell as empty and an empty table as no text', () => {
    expect(textTable([['a', 'b'], ['x']])).toBe('a  b\nx');
    expect(textTable([])).toBe('');
  });
});

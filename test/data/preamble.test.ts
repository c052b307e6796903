import { describe, expect, it } from 'vitest';
import { csvTable } from '../../src/data/rawtable.js';

describe('csvTable: # comment lines above the header are the preamble', () => {
  it('keeps line numbers and finds the delimiter from the header', () => {
    const t = csvTable('# ILLUSTRATIVE; not real data\n# Opgjort pr. 30.06.2025\n\nmåned;forbrug\n2025-01;12,5\n', 'a.csv');
    expect(t.preamble).toEqual([{ line: 1, text: 'ILLUSTRATIVE; not real data' }, { line: 2, text: 'Opgjort pr. 30.06.2025' }]);
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['måned', 'forbrug']);
    expect(t.headerLine).toBe(4);
    expect([...t.rows]).toEqual([{ line: 5, cells: ['2025-01', '12,5'] }]);
  });
  it('leaves files without comments as they were (no preamble), with CRLF and a byte-order mark', () => {
    const t = csvTable('\uFEFFseries,year\r\nx,2020\r\n', 'a.csv');
    expect(t.preamble).toBeUndefined();
    expect(t.header).toEqual(['series', 'year']);
    const c = csvTable('\uFEFF# note\r\nseries,year\r\nx,2020\r\n', 'a.csv');
    expect(c.preamble).toEqual([{ line: 1, text: 'note' }]);
    expect([...c.rows]).toEqual([{ line: 3, cells: ['x', '2020'] }]);
  });
  it('a # inside the table is data, not a comment', () => {
    const t = csvTable('series,year\n#x,2020\n', 'a.csv');
    expect([...t.rows][0].cells[0]).toBe('#x');
  });
});

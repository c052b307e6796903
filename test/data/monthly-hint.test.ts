import { describe, expect, it } from 'vitest';
import { csvTable } from '../../src/data/rawtable.js';
import { interpretTable } from '../../src/data/records.js';

describe('annual loader: monthly figures are pointed to viso follow-up', () => {
  it('a month where a year is expected', () => {
    const r = interpretTable(csvTable('serie;år;værdi;enhed\nviso.raadgivning.forbrug;2025-01;12,5;mio. kr.\n', 'a.csv'));
    expect(r.problems.map((p) => p.message)).toEqual(['a.csv:2: column år: expected a year such as 2020 (monthly or quarterly figures such as 2025-01 are read by viso follow-up --actuals FILE), found "2025-01"']);
    const y = interpretTable(csvTable('serie;år;værdi;enhed\nviso.raadgivning.forbrug;tyve;12,5;mio. kr.\n', 'a.csv'));
    expect(y.problems[0].message).toBe('a.csv:2: column år: expected a year such as 2020, found "tyve"');
  });
  it('a monthly table given to the annual loader', () => {
    const r = interpretTable(csvTable('måned;forbrug\n2025-01;12,5\n', 'a.csv'));
    expect(r.problems[0].message).toBe('a.csv:1: expected columns series, year, value, unit (long layout), series, unit and year columns such as 2020 (wide layout), or a year column beside columns such as "Forbrug (mio. kr.)" (columns layout); monthly or quarterly figures such as 2025-01 are read by viso follow-up --actuals FILE, found "måned;forbrug"');
  });
});

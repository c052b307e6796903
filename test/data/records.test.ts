import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/data/dataset.js';
import { csvTable, jsonTable } from '../../src/data/rawtable.js';
import { detectLayout, findColumn, interpretTable } from '../../src/data/records.js';
import { userMessage } from '../../src/errors.js';
import { nearestKnownId } from '../../src/data/suggest.js';

describe('layout detection', () => {
  it('tells long from wide by the header', () => {
    expect(detectLayout(['series', 'year', 'value', 'unit'])).toBe('long');
    expect(detectLayout(['serie', 'år', 'værdi', 'enhed'])).toBe('long');
    expect(detectLayout(['series', 'unit', '2019', '2020'])).toBe('wide');
    expect(detectLayout(['name', 'amount'])).toBeUndefined();
    expect(findColumn(['Serie', ' ÅR '], 'year')).toBe(1);
  });
  it('can be forced', () => {
    const t = csvTable('series,unit,2019\nx.a,count,5\n', 'w.csv');
    expect(interpretTable(t, { layout: 'long' }).problems.map((p) => p.message)).toEqual([
      'w.csv:1: expected columns year, value (long layout), found "series,unit,2019"',
    ]);
  });
});

describe('a problem of the whole header shows it as the file wrote it', () => {
  it("its cells joined by the file's own delimiter (semicolons, tabs), by commas in a comma file", () => {
    const found = (text: string) => interpretTable(csvTable(text, 'h.csv')).problems.map((p) => p.found);
    expect(found('serie;dato;værdi;enhed\nviso.x.a;2025;152,4;mio. kr.\n')).toEqual(['serie;dato;værdi;enhed']);
    expect(found('serie\tdato\tværdi\tenhed\nviso.x.a\t2025\t152,4\tmio. kr.\n')).toEqual(['serie\tdato\tværdi\tenhed']);
    expect(found('serie,dato,værdi,enhed\nviso.x.a,2025,152.4,mio. kr.\n')).toEqual(['serie,dato,værdi,enhed']);
  });
});

describe('wide layout', () => {
  it('turns each year cell into an observation, skipping gaps', () => {
    const t = csvTable('series;unit;2019;2020;2021\nviso.x.henv.voksne;antal;1.941;-;2.012,0\nviso.x.f;mio. kr.;147,7;;1,5\n', 'w.csv');
    const r = interpretTable(t);
    expect(r.problems).toEqual([]);
    expect(r.locale).toBe('da');
    expect(r.observations.map((o) => [o.series, o.year, o.value, o.unit, o.category])).toEqual([
      ['viso.x.henv.voksne', 2019, 1941, 'count', 'voksne'],
      ['viso.x.henv.voksne', 2021, 2012, 'count', 'voksne'],
      ['viso.x.f', 2019, 147.7, 'mio. kr.', 'i_alt'],
      ['viso.x.f', 2021, 1.5, 'mio. kr.', 'i_alt'],
    ]);
  });
  it('a row whose series is not an id is one problem, at its series cell, not one per year cell', () => {
    const t = csvTable('serie;enhed;2023;2024;2025\nviso.x.f;mio. kr.;140;143,5;152,4\nRådgivning;mio. kr.;140;143,5;152,4\n', 'w.csv');
    const r = interpretTable(t);
    expect(r.problems.map((p) => [p.location.line, p.location.column, p.found])).toEqual([[3, 'serie', 'Rådgivning']]);
    expect(r.observations).toHaveLength(3);
  });
  it('a sum row (I alt, Total, Sum in any case in the series cell) is skipped, as in the long layout: the file loads as without it', () => {
    const body = 'serie;enhed;2023;2024;2025\nviso.x.f;mio. kr.;140;143,5;152,4\nviso.x.henv;antal;1.200;1.250;1.310\n';
    const without = interpretTable(csvTable(body, 'w.csv'));
    expect(without.problems).toEqual([]);
    for (const label of ['I alt', 'TOTAL', 'sum', 'I alt 2025']) {
      const r = interpretTable(csvTable(`${body}${label};mio. kr.;140;143,5;152,4\n`, 'w.csv'));
      expect(r.problems, label).toEqual([]);
      expect(r.observations, label).toEqual(without.observations);
      expect(r.locale, label).toBe(without.locale);
    }
  });
  it('a sum row labelled in the first label column (no series column, --map) is skipped too', () => {
    const t = csvTable('område;enhed;2024;2025\nRådgivning;mio. kr.;143,5;152,4\nI alt;mio. kr.;143,5;152,4\n', 'w.csv');
    const r = interpretTable(t);
    expect(r.problems.map((p) => [p.location.line, p.found])).toEqual([[2, 'Rådgivning']]);
  });
});

describe('long layout', () => {
  it('a sum row (I alt, Total, Sum in any case in the series cell, the year cell empty) is skipped, not data', () => {
    for (const label of ['I alt', 'TOTAL', 'sum']) {
      const t = csvTable(`serie;år;værdi;enhed\nviso.raadgivning.forbrug;2025;152,4;mio. kr.\n${label};;152,4;\n`, 'l.csv');
      const r = interpretTable(t);
      expect(r.problems).toEqual([]);
      expect(r.observations.map((o) => [o.series, o.year, o.value])).toEqual([['viso.raadgivning.forbrug', 2025, 152.4]]);
    }
  });
  it('a total label with a year is still refused for its series id', () => {
    const t = csvTable('serie;år;værdi;enhed\nviso.raadgivning.forbrug;2025;152,4;mio. kr.\nI alt;2025;152,4;mio. kr.\n', 'l.csv');
    expect(interpretTable(t).problems.map((p) => [p.location.line, p.location.column, p.found])).toEqual([[3, 'serie', 'I alt']]);
  });
  it("the problems of one line are listed in column order (the year before the unit)", () => {
    const t = csvTable('serie;år;værdi;enhed\nviso.raadgivning.forbrug;2025;152,4;mio. kr.\nviso.x.y;;152,4;\n', 'l.csv');
    expect(interpretTable(t).problems.map((p) => [p.location.line, p.location.column])).toEqual([
      [3, 'år'],
      [3, 'enhed'],
    ]);
  });
});

describe('columns layout (years as rows)', () => {
  it('a sum row (I alt, Total, Sum in the year cell) is skipped, as in the other layouts: the file loads as without it', () => {
    const body = 'år;viso.x.bevilling (mio. kr.);viso.x.forbrug (mio. kr.)\n2023;140;143,5\n2024;145;152,4\n';
    const without = interpretTable(csvTable(body, 'c.csv'));
    expect(without.problems).toEqual([]);
    expect(without.observations).toHaveLength(4);
    for (const label of ['I alt', 'TOTAL', 'sum']) {
      const r = interpretTable(csvTable(`${body}${label};285;295,9\n`, 'c.csv'));
      expect(r.problems, label).toEqual([]);
      expect(r.observations, label).toEqual(without.observations);
    }
  });
  it('another text in the year cell is still refused as a year', () => {
    const t = csvTable('år;viso.x.forbrug (mio. kr.)\n2024;152,4\nGennemsnit;152,4\n', 'c.csv');
    expect(interpretTable(t).problems.map((p) => [p.location.line, p.location.column, p.found])).toEqual([[3, 'år', 'Gennemsnit']]);
  });
});

describe('a series id in the wrong case', () => {
  it('equal to a known id ignoring case: refused for its form once, with the known id suggested; another stays refused for its form at each row', () => {
    const t = csvTable('serie;år;værdi;enhed\nViso.Raadgivning.Forbrug;2025;152,4;mio. kr.\nViso.Raadgivning.Forbrug;2024;146,0;mio. kr.\nViso.Nyt.X;2024;1;mio. kr.\n', 's.csv');
    const r = interpretTable(t, { misspeltOf: (id) => nearestKnownId(id, ['viso.raadgivning.forbrug']) });
    expect(r.problems.map((p) => userMessage(p, 'da'))).toEqual([
      's.csv:2: kolonne serie: forventede et serie-id af små bogstaver, cifre, _ og . (mente du "viso.raadgivning.forbrug"?), fandt "Viso.Raadgivning.Forbrug"',
      's.csv:4: kolonne serie: forventede et serie-id af små bogstaver, cifre, _ og . (fx viso.raadgivning.forbrug), fandt "Viso.Nyt.X"',
    ]);
    expect(r.observations).toEqual([]);
  });
});

describe('mixed number formats', () => {
  it('two cells of one line in different formats are named by their columns, not as »line 2 … this line«; cells of two lines by the other line', () => {
    const t = csvTable('serie;år;værdi;enhed\nviso.x.a;2025;152,4;mio. kr.\nviso.x.b;2025;1.5;mio. kr.\n', 'm.csv');
    // (another line: named by its line, as before)
    expect(userMessage(interpretTable(t).problems[0], 'en')).toBe(
      'm.csv:3: column værdi: expected numbers in one format: line 2 uses Danish "152,4", this line international; give --locale da or --locale en, found "1.5"',
    );
    const same = csvTable('år;viso.x.a (mio. kr.);viso.x.b (mio. kr.)\n2025;152,4;1.5\n', 'm.csv');
    expect(userMessage(interpretTable(same).problems[0], 'da')).toBe(
      'm.csv:2: kolonne viso.x.b (mio. kr.): forventede tal i ét format: kolonne viso.x.a (mio. kr.) "152,4" er dansk, kolonne viso.x.b (mio. kr.) "1.5" internationalt; angiv --locale da eller --locale en, fandt "1.5"',
    );
  });
  it('a year written with decimals (2025.0 beside 152,4) is refused at its year cell, naming both cells and saying a year has no decimals', () => {
    const t = csvTable('serie;år;værdi;enhed\nviso.raadgivning.forbrug;2025.0;152,4;mio. kr.\n', 'm.csv');
    const [p] = interpretTable(t).problems;
    expect(userMessage(p, 'da')).toBe(
      'm.csv:2: kolonne år: forventede tal i ét format: kolonne værdi "152,4" er dansk, kolonne år "2025.0" internationalt (et årstal skrives uden decimaler: 2025); angiv --locale da eller --locale en, fandt "2025.0"',
    );
    const da = csvTable('serie;år;værdi;enhed\nviso.raadgivning.forbrug;2025,0;152.4;mio. kr.\n', 'm.csv');
    expect(userMessage(interpretTable(da).problems[0], 'en')).toBe(
      'm.csv:2: column år: expected numbers in one format: column år "2025,0" is Danish, column værdi "152.4" international (a year is written without decimals: 2025); give --locale da or --locale en, found "2025,0"',
    );
    // a file in one format reads 2025.0 as the year 2025, as before
    const one = csvTable('serie;år;værdi;enhed\nviso.raadgivning.forbrug;2025.0;152.4;mio. kr.\n', 'm.csv');
    expect(interpretTable(one).observations.map((o) => [o.year, o.value])).toEqual([[2025, 152.4]]);
  });
});

describe('JSON records', () => {
  it('knows the line where each record starts', () => {
    const text = '[\n  {"series": "x.a", "year": 2019, "value": 1, "unit": "count"},\n\n  {"series": "x.a",\n   "year": 2019, "value": 2, "unit": "count"}\n]';
    const t = jsonTable(text, 'a.json');
    expect([...t.rows].map((r) => r.line)).toEqual([2, 4]);
    expect(interpretTable(t).problems.map((p) => p.message)).toEqual([
      'a.json:4: column year: expected one value per series and year (x.a 2019 is already on line 2), found "2019"',
    ]);
  });
});

describe('Dataset', () => {
  it('replaces and adds series with withSeries, keeping events and sources', () => {
    const a = { id: 'a', area: '', measure: '', category: '', unit: 'count' as const, points: [{ year: 2020, value: 1, flags: [], sources: [] }] };
    const ds = new Dataset([a], [], []);
    const b = { ...a, id: 'b' };
    const a2 = { ...a, points: [{ year: 2020, value: 2, flags: [], sources: [] }] };
    const merged = ds.withSeries([b, a2]);
    expect(merged.ids()).toEqual(['a', 'b']);
    expect(merged.get('a').points[0].value).toBe(2);
    expect(ds.get('a').points[0].value).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { formatEvents, formatSeriesList, formatSeriesTable } from '../../src/report/dataText.js';

const ds = loadBundled();
const forbrug = ds.get('viso.raadgivning.forbrug');

describe('the data tables for people', () => {
  it('shows the 2021 gap as its own row, Danish numbers by default', () => {
    const lines = formatSeriesTable(forbrug).split('\n');
    expect(lines[0]).toBe('viso.raadgivning.forbrug  (raadgivning / forbrug / i_alt)');
    expect(lines.find((l) => l.startsWith('2021'))).toMatch(/^2021\s+–\s+mangler \(ingen værdi i kilderne\)$/);
    expect(lines.find((l) => l.startsWith('2020'))).toMatch(
      /^2020\s+143,9\s+Inkl\. COVID-19\s+aarsrapport2020#tabel7$/,
    );
    expect(lines.filter((l) => /^\d{4}/.test(l))).toHaveLength(14);
    const en = formatSeriesTable(ds.get('viso.raadgivning.henvendelser.voksne'), 'en');
    expect(en).toMatch(/^2014\s+1,941\s+aarsrapport2020#tabel1$/m);
    expect(formatSeriesTable(ds.get('viso.raadgivning.henvendelser.voksne'))).toMatch(
      /^2014\s+1\.941\s+aarsrapport2020#tabel1$/m,
    );
  });
  it('lists every series with unit, years, n and flags', () => {
    const lines = formatSeriesList(ds).trimEnd().split('\n');
    expect(lines).toHaveLength(ds.list().length + 1);
    expect(lines.find((l) => l.startsWith('viso.raadgivning.forbrug '))).toMatch(
      /mio\. kr\.\s+2011–2020, 2022–2024\s+13\s+Inkl\. COVID-19 \(1\), Uklar konto \(3\)$/,
    );
  });
  it('lists events with the date as precise as the source', () => {
    const out = formatEvents(ds.events, 'en');
    expect(out).toMatch(/^2018\s+measure\s+Demand-limiting measures introduced\s+aarsrapport2020#kap8$/m);
    expect(out).toMatch(/^2021-05\s+measure\s+/m);
    expect(out).toMatch(/^2021-09-20\s+measure\s+Tightened visitation criteria/m);
    expect(out).toMatch(/^2023-11\s+registration break\s+/m);
    expect(formatEvents(ds.events)).toMatch(/^2020-03-18\s+covid\s+COVID-19-hotline åbner i VISO/m);
  });
});

/** Adapters from the bundled dataset to chart rows, pinned with values from the sources. */
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { unitCostTable } from '../../src/cost/unitCost.js';
import { activityRows, budgetRows, chartEvents, unitCostRows } from '../../src/report/fromData.js';

const ds = loadBundled();

describe('report adapters', () => {
  it('budgetRows: years with both bevilling and forbrug, 2021 absent, flags and sources merged', () => {
    const rows = budgetRows(ds);
    expect(rows.map((r) => r.year)).toEqual([
      2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024,
    ]);
    expect(rows.find((r) => r.year === 2020)).toMatchObject({
      bevilling: 140.2,
      forbrug: 143.9,
      flags: ['includes_covid'],
      sources: ['aarsrapport2020#tabel7'],
    });
    expect(rows.find((r) => r.year === 2024)).toMatchObject({
      bevilling: 158.0,
      forbrug: 143.5,
      flags: ['ambiguous_account'],
    });
  });

  it('activityRows: henvendelser and forløb by hovedområde, totals to 2024 with the registration break', () => {
    const rows = activityRows(ds);
    const forloebTotal = rows.filter((r) => r.measure === 'forloeb' && r.area === 'i_alt');
    expect(forloebTotal.map((r) => r.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2023, 2024]);
    expect(forloebTotal.at(-1)).toMatchObject({ year: 2024, value: 2543, flags: ['registration_break'] });
    expect(forloebTotal.find((r) => r.year === 2020)?.flags).toContain('estimated');
    expect(
      rows
        .filter((r) => r.measure === 'henvendelser' && r.year === 2019 && r.area !== 'i_alt')
        .reduce((a, r) => a + r.value, 0),
    ).toBe(5545);
  });

  it('unitCostRows: kr. per forløb in current and fixed prices (136,5 mio. kr. / 2.065 forløb in 2019)', () => {
    const rows = unitCostRows(unitCostTable(ds, { prices: 'current' }), unitCostTable(ds, { prices: 'fixed' }));
    const r2019 = rows.find((r) => r.year === 2019)!;
    expect(r2019.current).toBeCloseTo((136.5 * 1e6) / 2065, 6);
    expect(r2019.fixed).toBeGreaterThan(r2019.current); // 2024 prices are higher than 2019 prices
    expect(rows.find((r) => r.year === 2024)!.current).toBeCloseTo((143.5 * 1e6) / 2543, 6);
  });

  it('chartEvents: titles in the requested language, optionally only some kinds', () => {
    const en = chartEvents(ds.events, 'en', ['registration_break']);
    expect(en).toEqual([
      {
        id: 'registration-change-2023-11',
        date: '2023-11-01',
        kind: 'registration_break',
        title: 'New types of advisory cases and changed registration practice',
        source: 'faktaark2024#raadgivningsforloeb',
      },
    ]);
    expect(chartEvents(ds.events, 'da').length).toBe(ds.events.length);
  });
});

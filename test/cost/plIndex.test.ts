import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCostAssumptions, loadCostAssumptions } from '../../src/cost/assumptions.js';
import { plIndex, plRate, toFixedPrices } from '../../src/cost/plIndex.js';
import { unitCostTable } from '../../src/cost/unitCost.js';
import { loadBundled } from '../../src/data/bundled.js';

describe('PL index', () => {
  const a = { pl: { defaultRate: 0.02, defaultLabel: 'x', overrides: { 2023: 0.05 } } };
  it('compounds the default and the overrides', () => {
    expect(plIndex(a, 2024, 2024)).toBe(1);
    expect(plRate(a, 2023)).toBe(0.05);
    expect(plIndex(a, 2022, 2024)).toBeCloseTo(1 / (1.05 * 1.02), 14);
    expect(plIndex(a, 2026, 2024)).toBeCloseTo(1.02 * 1.02, 14);
    expect(toFixedPrices(a, 100, 2023, 2024)).toBeCloseTo(102, 12);
  });
  it('loads the bundled models/cost.yaml', () => {
    const c = loadCostAssumptions();
    expect(c.baseYear).toBe(2024);
    expect(c.pl.defaultRate).toBe(0.02);
    expect(c.pl.defaultLabel).toMatch(/2,0 %/);
    expect(c.pl.defaultLabelEn).toMatch(/2\.0%/);
    expect(c.costModel.breakYear).toBe(2024);
  });
  it('reports bad assumptions with line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cost-'));
    const p = join(dir, 'cost.yaml');
    writeFileSync(p, 'base_year: 2024\npl_index:\n  default_rate: 2\n  default_label: x\n');
    expect(() => loadCostAssumptions(p)).toThrow(`${p}:3:17: expected`);
    writeFileSync(
      p,
      'base_year: 2024\npl_index:\n  default_rate: 0.02\n  default_label: x\n  overrides: {20x2: 0.1}\n',
    );
    expect(() => loadCostAssumptions(p)).toThrow(/cost\.yaml:5:\d+: expected/);
  });
});

describe('unitCostTable', () => {
  const ds = loadBundled();
  it('divides forbrug by forløb (kr.)', () => {
    const t = unitCostTable(ds, { prices: 'current' });
    expect(t.rows.find((r) => r.year === 2020)!.notes[0]).toEqual({ code: 'cost.row.covid', params: { mio: 1.2 } });
    const r2019 = t.rows.find((r) => r.year === 2019)!;
    expect(r2019.unitCostKr).toBeCloseTo((136.5 * 1e6) / 2065, 6);
    const r2020 = t.rows.find((r) => r.year === 2020)!;
    expect(r2020.unitCostKr).toBeCloseTo(((143.9 - 1.2) * 1e6) / 2164, 6);
    expect(r2020.notes.map((n) => n.code)).toContain('cost.row.covid');
    const r2022 = t.rows.find((r) => r.year === 2022)!;
    expect(Number.isNaN(r2022.unitCostKr)).toBe(true);
    expect(t.rows.find((r) => r.year === 2024)!.notes).toContainEqual({ code: 'cost.row.registrationBreak' });
  });
  it('fixed prices use the PL index to the base year', () => {
    const t = unitCostTable(ds, { prices: 'fixed', assumptions: defaultCostAssumptions(), baseYear: 2024 });
    const r2019 = t.rows.find((r) => r.year === 2019)!;
    expect(r2019.unitCostKr).toBeCloseTo(((136.5 * 1e6) / 2065) * 1.02 ** 5, 4);
    expect(t.rows.find((r) => r.year === 2024)!.plIndex).toBe(1);
  });
});

describe('PL index: years that are no years', () => {
  it('a year or base year that is no integer, or more than 500 years apart, is a UsageError (NaN gave an index of 1, 1e9 a loop of seconds to Infinity)', () => {
    const a = defaultCostAssumptions();
    expect(() => plIndex(a, NaN, 2024)).toThrow(UsageError);
    expect(() => plIndex(a, NaN, 2024)).toThrow(
      'plIndex: year and baseYear must be years (integers) at most 500 years apart, got year NaN and baseYear 2024',
    );
    expect(() => plIndex(a, 1e9, 2024)).toThrow(/got year 1000000000 and baseYear 2024$/);
    expect(() => toFixedPrices(a, 100, 2023.5, 2024)).toThrow(UsageError);
    expect(plIndex(a, 2024, 2024)).toBe(1);
  });
});

describe('unitCostTable: prices', () => {
  it('prices other than "current" or "fixed" are a UsageError (any other text was taken as current prices and echoed as the table\'s prices)', () => {
    expect(() => unitCostTable(loadBundled(), { prices: 'foo' as never })).toThrow(
      'prices must be "current" or "fixed", got "foo"',
    );
    expect(unitCostTable(loadBundled(), { prices: 'fixed' }).prices).toBe('fixed');
  });
  it('a ds that is no Dataset is a UsageError saying a Dataset is expected (a TypeError reading get of undefined inside before)', () => {
    expect(() => unitCostTable(undefined as never)).toThrow(
      new UsageError({ code: 'cost.err.dataset', params: { name: 'unitCostTable: ds', got: 'undefined' } }),
    );
    expect(() => unitCostTable(undefined as never)).toThrow(
      'unitCostTable: ds must be a Dataset (e.g. loadBundled()), got undefined',
    );
    expect(() => unitCostTable(Promise.resolve(loadBundled()) as never)).toThrow(
      /got a Promise \(await loadDataset\)$/,
    );
  });
});

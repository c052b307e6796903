import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { csvTable } from '../../src/data/rawtable.js';
import { loadTimingAssumptions } from '../../src/cost/timingAssumptions.js';
import { interpretActuals } from '../../src/followup/actuals.js';
import { loadFollowUpAssumptions } from '../../src/followup/assumptions.js';
import { backtestFollowUp } from '../../src/followup/backtest.js';
import { followUpSetup } from '../../src/followup/model.js';

const ds = loadBundled();
const text = readFileSync('data/viso-monthly-illustrative.csv', 'utf8');
const setupOf = (t: string) =>
  followUpSetup(
    interpretActuals(csvTable(t, 'x.csv'), { reference: ds }),
    loadFollowUpAssumptions(),
    loadTimingAssumptions(),
    2025,
  );

describe('backtestFollowUp: month by month over the complete earlier years', () => {
  it('projects every complete year at months 1–11 and scores the intervals by month', async () => {
    const bt = await backtestFollowUp(setupOf(text), { runs: 2000, seed: 1, dataset: ds, before: 2025 });
    expect(bt.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024]);
    expect(bt.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(bt.details).toHaveLength(110);
    expect(bt.illustrative).toBe(true);
    for (const m of bt.months) {
      expect(m.n).toBe(10);
      const rows = bt.details.filter((d) => d.month === m.month);
      expect(m.coverage80).toBe(rows.filter((d) => d.actual >= d.p10 && d.actual <= d.p90).length / 10);
      expect(m.dataCoverage95).toBe(rows.filter((d) => d.actual >= d.data.p025 && d.actual <= d.data.p975).length / 10);
    }
    const d2020 = bt.details.find((d) => d.year === 2020 && d.month === 6)!;
    expect(d2020.actual).toBeCloseTo(143.9, 9);
    expect(d2020.p10).toBeLessThan(d2020.p50);
    // the interval of a year narrows as months come in, and the prior's weight falls
    const y = bt.details.filter((d) => d.year === 2019);
    expect(y[10].p90 - y[10].p10).toBeLessThan(y[0].p90 - y[0].p10);
    expect(y[10].priorWeight).toBeLessThan(y[0].priorWeight);
  });
  it("uses only what was known then: changing a later year leaves an earlier year's projections unchanged", async () => {
    const changed = text.replace(/^2024-0(\d);[\d,]+;/gm, (_m, d: string) => `2024-0${d};20,00;`);
    expect(changed).not.toBe(text);
    const a = await backtestFollowUp(setupOf(text), { runs: 2000, seed: 1, dataset: ds, before: 2025 });
    const b = await backtestFollowUp(setupOf(changed), { runs: 2000, seed: 1, dataset: ds, before: 2025 });
    const pick = (bt: typeof a, year: number) => bt.details.filter((d) => d.year === year);
    expect(pick(b, 2019)).toEqual(pick(a, 2019));
    expect(pick(b, 2023)).toEqual(pick(a, 2023));
    expect(pick(b, 2024)).not.toEqual(pick(a, 2024));
  });
});

/**
 * The distribution views of merforbrug: P(merforbrug > x) and histograms read from the percentiles 1..99
 * a run keeps (checked against the run's own exact values), the compare table's differences and range, and
 * the expected overrun E[max(merforbrug, 0)] in the tables.
 */
import { describe, expect, it } from 'vitest';
import { exceedanceAt, histogramFromPercentiles, niceStep } from '../../src/report/charts/distribution.js';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareScenario, runScenario } from '../../src/scenario/scenario.js';
import { blockBuffers, drawBlock, simulateBlock, NV } from '../../src/scenario/engine.js';
import { scenarioCompareTable, scenarioSummaryTable, scenarioTable } from '../../src/report/tables.js';
import type { ReportModel } from '../../src/report/model.js';
import { formatPct } from '../../src/text/number.js';

const uniform = Array.from({ length: 99 }, (_, i) => i + 1); // percentiles of X ~ uniform(0, 100)

describe('P(X > x) from the percentiles 1..99 (linear between them)', () => {
  it('is exact at the percentiles and linear between them; only a bound outside the 1st–99th', () => {
    expect(exceedanceAt(uniform, 50)).toBeCloseTo(0.5, 12);
    expect(exceedanceAt(uniform, 25.5)).toBeCloseTo(0.745, 12);
    expect(exceedanceAt(uniform, 0.2)).toBe(0.99);
    expect(exceedanceAt(uniform, 99)).toBe(0.01);
    expect(exceedanceAt(uniform, 1000)).toBe(0.01);
    // ties (an atom) are stepped over: P(X > 5) with percentiles 1..10 all at 5 is 0.9
    const atom = uniform.map((x) => (x <= 10 ? 5 : x));
    expect(exceedanceAt(atom, 5)).toBeCloseTo(0.9, 12);
    expect(() => exceedanceAt([1, 2, 3], 2)).toThrow(/99 percentiles/);
  });
  it('matches the share of a real run’s merforbrug above x to within the percentile grid (baseline 2026, 20.000 runs)', () => {
    const def = loadScenario('baseline');
    const r = runScenario(def, { runs: 20_000, seed: 5 });
    const y = r.years[1];
    // the same runs' merforbrug, exactly, from the engine
    const m = prepareScenario(def, { seed: 5 });
    const h = m.years.length;
    const buf = blockBuffers(m);
    const values: number[] = [];
    for (let b = 0, done = 0; done < 20_000; b++) {
      const n = Math.min(8192, 20_000 - done);
      drawBlock(m, b, n, buf.u);
      simulateBlock(m, n, buf);
      for (let i = 0; i < n; i++) values.push(buf.vals[(2 * h + 1) * n + i]);
      done += n;
    }
    expect(NV).toBe(8); // bevilling, forbrug, merforbrug, henvendelser, forløb, unit cost, opsparing, beyond the opsparing
    for (const x of [-20, 0, 10, 30]) {
      const share = values.filter((v) => v > x).length / values.length;
      expect(Math.abs(exceedanceAt(y.merforbrugPercentiles, x) - share)).toBeLessThan(0.005);
    }
    expect(values.filter((v) => v > 0).length / values.length).toBe(y.pMerforbrug);
    // E[max(merforbrug, 0)] is the mean of the positive parts
    expect(values.reduce((s, v) => s + Math.max(v, 0), 0) / values.length).toBeCloseTo(y.expectedOverspend, 9);
  });
});

describe('histogram from percentiles', () => {
  it('round bins with 0 as an edge, shares adding up to the 98 % between the 1st and 99th percentile', () => {
    expect(niceStep(3.7)).toBe(5);
    expect(niceStep(0.21)).toBe(0.25);
    expect(niceStep(10)).toBe(10);
    const bins = histogramFromPercentiles(uniform, 10);
    expect(bins[0]).toEqual({ lo: 0, hi: 10, share: 0.09 });
    expect(bins.map((b) => b.hi - b.lo).every((w) => Math.abs(w - 10) < 1e-9)).toBe(true);
    expect(bins.reduce((s, b) => s + b.share, 0)).toBeCloseTo(0.98, 9);
    const shifted = histogramFromPercentiles(
      uniform.map((x) => x - 43.7),
      30,
    );
    expect(shifted.some((b) => b.lo === 0)).toBe(true);
    expect(shifted.reduce((s, b) => s + b.share, 0)).toBeCloseTo(0.98, 9);
  });
});

describe('report tables: expected overrun and the comparison with differences', () => {
  const results = ['baseline', 'tightening-2021', 'high-demand'].map((id) =>
    runScenario(loadScenario(id), { runs: 4_000 }),
  );
  const m = {
    lang: 'da',
    focusYear: 2026,
    scenarios: results.map((result) => ({ file: result.id, files: [], result })),
  } as unknown as ReportModel;
  it('every scenario table and the summary show E[max(merforbrug, 0)]', () => {
    const t = scenarioTable(m, m.scenarios[0]);
    const k = t.columns.indexOf('Forventet overskridelse');
    expect(k).toBeGreaterThan(0);
    expect(t.rows[1][k].value).toBeCloseTo(results[0].years[1].expectedOverspend, 9);
    expect(scenarioSummaryTable(m).columns).toContain('Forventet overskridelse');
  });
  it('differences against the first scenario per year, in pct.-point for P, and the range across the scenarios', () => {
    const t = scenarioCompareTable(m)!;
    expect(t.columns).toEqual([
      'År',
      'Scenarie',
      'P(merforbrug)',
      'Forskel i P (pct.-point)',
      'Forventet forbrug',
      'Forskel i forventet forbrug',
      'Forventet merforbrug',
      'Forskel i forventet merforbrug',
      'Forventet overskridelse',
      'Forskel i forventet overskridelse',
    ]);
    const y26 = t.rows.filter((r) => r[0].text === '2026');
    expect(y26).toHaveLength(4); // three scenarios and the range
    const [b, tight, high, range] = y26;
    expect(b[3].text).toBe('');
    const dp = (results[1].years[1].pMerforbrug - results[0].years[1].pMerforbrug) * 100;
    expect(tight[3].value).toBeCloseTo(dp, 9);
    expect(tight[3].text).toMatch(/^-\d+,\d$/);
    expect(high[3].text).toMatch(/^\+\d+,\d$/);
    expect(high[7].value).toBeCloseTo(
      results[2].years[1].expectedMerforbrug - results[0].years[1].expectedMerforbrug,
      9,
    );
    expect(range[1].text).toBe('Spænd på tværs af scenarierne');
    const ps = results.map((r) => r.years[1].pMerforbrug);
    expect(range[2].text).toBe(`${formatPct(Math.min(...ps), 'da', 1)}–${formatPct(Math.max(...ps), 'da', 1)}`);
    expect(t.note).toMatch(/fælles seed/);
  });
  it('has no comparison for a single scenario', () => {
    expect(scenarioCompareTable({ ...m, scenarios: m.scenarios.slice(0, 1) } as ReportModel)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadBundled } from '../../src/data/bundled.js';
import { forecastFunnel, funnel, funnelByArea } from '../../src/cost/funnel.js';
import { forloebMix } from '../../src/cost/mix.js';

const ds = loadBundled();

describe('funnel', () => {
  it('links henvendelser, visitation rate, forløb and forbrug in total', () => {
    const f = funnel(ds);
    expect(f.years[0]).toBe(2011);
    expect(f.years[f.years.length - 1]).toBe(2024);
    const i = f.years.indexOf(2019);
    expect(f.henvendelser[i]).toBe(5545);
    expect(f.forloeb[i]).toBe(2065);
    expect(f.visitationRate[i]).toBeCloseTo(2065 / 5545, 14);
    expect(f.forbrug[i]).toBe(136.5);
    expect(f.unitCost[f.years.indexOf(2020)]).toBeCloseTo((143.9 - 1.2) / 2164, 14);
    expect(Number.isNaN(f.forloeb[f.years.indexOf(2021)])).toBe(true);
    expect(f.flags[f.years.indexOf(2024)]).toContain('registration_break');
  });
  it('exists per hovedområde without forbrug', () => {
    const all = funnelByArea(ds);
    expect(all.map((f) => f.area)).toEqual(['voksne', 'boern_unge', 'specialundervisning', 'andet', 'i_alt']);
    const v = all[0];
    expect(v.visitationRate[v.years.indexOf(2018)]).toBeCloseTo(927 / 2194, 14);
    expect(v.forbrug.every(Number.isNaN)).toBe(true);
  });
  it('forecasts and simulates every link', () => {
    const f = forecastFunnel(ds, { horizon: 3, runs: 1000, seed: 3 });
    expect(f.years).toEqual([2025, 2026, 2027]);
    // the notes are codes (worded in src/report/costText.ts, tested in test/report/costText.test.ts)
    expect(f.notes).toContainEqual({
      code: 'cost.funnel.interpolated',
      params: { what: { code: 'cost.funnel.henvendelser' }, span: '2021–2022' },
    });
    expect(f.notes).toContainEqual({ code: 'cost.funnel.rateBreak', params: { year: 2024 } });
    for (const k of ['henvendelser', 'visitationRate', 'forloeb'] as const) {
      for (const q of f[k]) {
        expect(q.p5).toBeLessThanOrEqual(q.p50);
        expect(q.p50).toBeLessThanOrEqual(q.p95);
      }
    }
    expect(f.forbrug![0].p50).toBeGreaterThan(50);
    expect(JSON.stringify(forecastFunnel(ds, { horizon: 3, runs: 1000, seed: 3 }))).toBe(JSON.stringify(f));
    const v = forecastFunnel(ds, { area: 'voksne', horizon: 2, runs: 500 });
    expect(v.years).toEqual([2021, 2022]);
    expect(v.forbrug).toBeUndefined();
  });
});

describe('forloebMix', () => {
  it('reports the forløb types the data has', () => {
    const m = forloebMix(ds);
    expect(m.notes[0]).toEqual({ code: 'cost.mix.noCostByType' });
    const r2024 = m.rows.find((r) => r.year === 2024)!;
    expect(r2024).toMatchObject({ total: 2543, maalgruppe: 83, tema: 80, enkelt: 2543 - 163 });
    const r2019 = m.rows.find((r) => r.year === 2019)!;
    expect(r2019.shares.gruppe).toBeCloseTo(66 / 2065, 14);
    expect(Number.isNaN(r2019.tema)).toBe(true);
    expect(m.notes.map((n) => n.code)).toEqual([
      'cost.mix.noCostByType',
      'cost.mix.gruppeShare',
      'cost.mix.newTypes',
      'cost.mix.totalIncludes',
    ]);
  });
});

describe('forecastFunnel: bad runs and seed', () => {
  it('runs outside 1–1.000.000 and a seed that is no integer 0–4294967295 are refused before any fit (0 runs gave NaN quantiles, 1e12 a failed allocation)', () => {
    for (const runs of [0, 1.5, 1e12])
      expect(() => forecastFunnel(ds, { runs })).toThrow(/^runs must be an integer from 1 to 1,000,000, got /);
    expect(() => forecastFunnel(ds, { runs: 100, seed: NaN })).toThrow(UsageError);
    expect(() => forecastFunnel(ds, { runs: 100, seed: NaN })).toThrow(
      'seed must be an integer from 0 to 4,294,967,295, got NaN',
    );
  });
});

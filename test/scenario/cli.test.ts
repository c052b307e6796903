import { describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';

describe('viso scenario (CLI)', () => {
  it('runs the bundled scenarios with Danish numbers', () => {
    for (const id of ['baseline', 'tightening-2021', 'high-demand']) {
      const r = viso('scenario', 'run', id, '--runs', '5000', '--threshold', '160');
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/5\.000 kørsler/);
      expect(r.out).toMatch(/^2026 +\d{3},\d/m);
      expect(r.out).toMatch(/P\(forbrug>160\)/);
      expect(r.out).toMatch(/Antagelse: bevillingen efter 2024 er ukendt/);
    }
  });
  it('gives byte-identical JSON for any number of threads', () => {
    const one = viso('scenario', 'run', 'high-demand', '--runs', '40000', '--json', '--threads', '1');
    const two = viso('scenario', 'run', 'high-demand', '--runs', '40000', '--json', '--threads', '2');
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    const r = JSON.parse(one.out);
    expect(r.years[0].year).toBe(2025);
    expect(r.runs).toBe(40000);
  });
  it('compares, goal-seeks and runs sensitivity', () => {
    const c = viso('scenario', 'compare', 'baseline', 'high-demand', '--runs', '5000', '--lang', 'en');
    expect(c.code, c.err).toBe(0);
    expect(c.out).toMatch(/baseline P\(overspend>0\).*high-demand P\(overspend>0\)/);
    const g = viso('scenario', 'goal-seek', 'baseline', '--lever', 'bevilling', '--target', 'P(merforbrug>0, 2026) <= 0.2', '--runs', '5000');
    expect(g.code, g.err).toBe(0);
    expect(g.out).toMatch(/Mindste ændring af bevillingen|allerede opfyldt/);
    const s = viso('scenario', 'sensitivity', 'baseline', '--runs', '2000');
    expect(s.code, s.err).toBe(0);
    expect(s.out).toMatch(/Rangkorrelation/);
  });
});

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// runs the compiled CLI (`npm test` builds dist/ first)
const main = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const viso = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });

describe('viso scenario (CLI)', () => {
  it('runs the bundled scenarios with Danish numbers', () => {
    for (const id of ['baseline', 'tightening-2021', 'high-demand']) {
      const r = viso('scenario', 'run', id, '--runs', '5000', '--threshold', '160');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/5\.000 kørsler/);
      expect(r.stdout).toMatch(/^2026 +\d{3},\d/m);
      expect(r.stdout).toMatch(/P\(forbrug>160\)/);
      expect(r.stdout).toMatch(/Antagelse: bevillingen efter 2024 er ukendt/);
    }
  });
  it('gives byte-identical JSON for any number of threads', () => {
    const one = viso('scenario', 'run', 'high-demand', '--runs', '40000', '--json', '--threads', '1');
    const two = viso('scenario', 'run', 'high-demand', '--runs', '40000', '--json', '--threads', '2');
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const r = JSON.parse(one.stdout);
    expect(r.years[0].year).toBe(2025);
    expect(r.runs).toBe(40000);
  });
  it('compares, goal-seeks and runs sensitivity', () => {
    const c = viso('scenario', 'compare', 'baseline', 'high-demand', '--runs', '5000', '--lang', 'en');
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/baseline P\(overspend>0\).*high-demand P\(overspend>0\)/);
    const g = viso('scenario', 'goal-seek', 'baseline', '--lever', 'bevilling', '--target', 'P(merforbrug>0, 2026) <= 0.2', '--runs', '5000');
    expect(g.status, g.stderr).toBe(0);
    expect(g.stdout).toMatch(/Mindste ændring af bevillingen|allerede opfyldt/);
    const s = viso('scenario', 'sensitivity', 'baseline', '--runs', '2000');
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/Rangkorrelation/);
  });
});

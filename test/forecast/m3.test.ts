import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { forecast, smape } from '../../src/forecast/index.js';

// Fast subset of the M3 yearly benchmark (bench/m3/run.mjs runs all 323 series).
const dir = [process.env.M3_DIR, resolve(__dirname, '../../../shared/bench/m3'), '/work/shared/bench/m3'].find(
  (d) => d && existsSync(`${d}/m3_yearly_dev.csv`),
);

describe.skipIf(!dir)('M3 yearly subset (30 series)', () => {
  it('comb is accurate, finite and beats naive on average', () => {
    const lines = readFileSync(`${dir}/m3_yearly_dev.csv`, 'utf8').trim().split('\n').slice(1);
    const by = new Map<string, { train: number[]; test: number[] }>();
    for (const l of lines) {
      const [id, , split, , , value] = l.split(',');
      if (!by.has(id)) by.set(id, { train: [], test: [] });
      (split === 'train' ? by.get(id)!.train : by.get(id)!.test).push(Number(value));
    }
    const ids = [...by.keys()]
      .sort()
      .filter((_, i) => i % 10 === 0)
      .slice(0, 30);
    let sComb = 0,
      sNaive = 0,
      in95 = 0;
    for (const id of ids) {
      const s = by.get(id)!;
      const f = forecast(s.train, { method: 'comb', horizon: 6 });
      const all = [...f.point, ...f.intervals.flatMap((iv) => [...iv.lower, ...iv.upper])];
      expect(all.every(Number.isFinite)).toBe(true);
      sComb += smape(s.test, f.point);
      sNaive += smape(s.test, forecast(s.train, { method: 'naive', horizon: 6 }).point);
      s.test.forEach((y, i) => (in95 += y >= f.intervals[1].lower[i] && y <= f.intervals[1].upper[i] ? 1 : 0));
    }
    expect(sComb / ids.length).toBeLessThan(20);
    expect(sComb).toBeLessThan(sNaive);
    expect(in95 / (6 * ids.length)).toBeGreaterThan(0.8);
  });
});

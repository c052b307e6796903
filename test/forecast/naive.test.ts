import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/index.js';

// M3 N0001 training part; reference numbers from R forecast 8.20: rwf(x, h = 6, level = c(80, 95)) and rwf(..., drift = TRUE)
const N0001 = [
  940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63, 4387.88,
  4936.99,
];
const raw = { calibrate: false, scale: 'linear' as const, horizon: 6, levels: [80, 95] };
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('naive and drift match R rwf (closed-form intervals)', () => {
  it('naive', () => {
    const f = forecast(N0001, { ...raw, method: 'naive' });
    expect(f.point).toEqual(new Array(6).fill(4936.99));
    const lo80 = [4505.996512, 4327.473163, 4190.48738, 4075.003023, 3973.259262, 3881.275871];
    const hi95 = [5596.137659, 5869.16556, 6078.667236, 6255.285319, 6410.888974, 6551.565431];
    f.intervals[0].lower.forEach((v, i) => expect(rel(v, lo80[i])).toBeLessThan(1e-8));
    f.intervals[1].upper.forEach((v, i) => expect(rel(v, hi95[i])).toBeLessThan(1e-8));
  });
  it('drift', () => {
    const f = forecast(N0001, { ...raw, method: 'drift' });
    const point = [5244.4, 5551.81, 5859.22, 6166.63, 6474.04, 6781.45];
    const lo95 = [4955.6729, 5129.156803, 5324.601295, 5530.306463, 5741.983189, 5957.547242];
    const hi80 = [5433.188503, 5828.168071, 6208.788382, 6582.699597, 6952.706221, 7320.171057];
    f.point.forEach((v, i) => expect(rel(v, point[i])).toBeLessThan(1e-9));
    f.intervals[1].lower.forEach((v, i) => expect(rel(v, lo95[i])).toBeLessThan(1e-8));
    f.intervals[0].upper.forEach((v, i) => expect(rel(v, hi80[i])).toBeLessThan(1e-8));
  });
  it('naive variance is h·σ² (random walk closed form)', () => {
    const y = [1, 3, 2, 4, 3];
    const f = forecast(y, { ...raw, method: 'naive', horizon: 4, levels: [95] });
    const s2 = (4 + 1 + 4 + 1) / 4;
    f.intervals[0].upper.forEach((u, i) => expect(u).toBeCloseTo(3 + 1.959963984540054 * Math.sqrt(s2 * (i + 1)), 10));
  });
});

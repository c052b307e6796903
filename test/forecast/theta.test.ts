import { describe, expect, it } from 'vitest';
import { dotmFit, forecast } from '../../src/forecast/index.js';

const N0001 = [
  940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63, 4387.88,
  4936.99,
];

describe('Theta', () => {
  it('standard Theta matches R thetaf() on M3 N0001', () => {
    const f = forecast(N0001, { method: 'theta', horizon: 6, levels: [80, 95], calibrate: false, scale: 'linear' });
    const point = [5085.069837, 5233.189782, 5381.309727, 5529.429672, 5677.549617, 5825.669562];
    const lo95 = [4398.948616, 4262.916367, 4192.992147, 4157.29016, 4143.458678, 4145.16274];
    f.point.forEach((v, i) => expect(Math.abs(v / point[i] - 1)).toBeLessThan(1e-6));
    f.intervals[1].lower.forEach((v, i) => expect(Math.abs(v / lo95[i] - 1)).toBeLessThan(1e-6));
  });
  it('DOTM: the recursive trend line (A_n, B_n) equals the least-squares line on t = 1..n', () => {
    const y = [3, 5, 4, 8, 9, 11, 10, 14, 13];
    const m = dotmFit(y);
    const n = y.length;
    const tm = (n + 1) / 2;
    const ym = y.reduce((a, b) => a + b, 0) / n;
    let sxy = 0,
      sxx = 0;
    y.forEach((v, i) => {
      sxy += (i + 1 - tm) * (v - ym);
      sxx += (i + 1 - tm) ** 2;
    });
    expect(m.model.params.B).toBeCloseTo(sxy / sxx, 10);
    expect(m.model.params.A).toBeCloseTo(ym - (sxy / sxx) * tm, 10);
    expect(m.model.params.theta).toBeGreaterThanOrEqual(1);
  });
});

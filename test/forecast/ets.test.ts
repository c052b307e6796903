import { describe, expect, it } from 'vitest';
import { etsFit, etsAuto, forecast, nelderMead } from '../../src/forecast/index.js';
import { ETS_AICC_TOLERANCE } from '../../src/forecast/ets.js';
import { sayMsg, type Msg } from '../../src/text/messages.js';

/** The engine's notes (codes) in English, joined. */
const en = (notes: Msg[] | undefined, sep = '; '): string => (notes ?? []).map((m) => sayMsg(m, 'en')).join(sep);

const N0001 = [
  940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63, 4387.88,
  4936.99,
];

describe('ETS', () => {
  it('Nelder–Mead finds a quadratic minimum', () => {
    const r = nelderMead(([a, b]) => (a - 1) ** 2 + 3 * (b + 2) ** 2, [0, 0]);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(-2, 4);
  });
  it('SES with α = 1 is the naive forecast', () => {
    const y = [5, 7, 6, 9, 8];
    const m = etsFit(y, { error: 'A', trend: 'N' }, { alpha: 1 });
    expect(m.predict(3).point).toEqual([8, 8, 8]);
    expect(m.model.residuals.slice(1)).toEqual([2, -1, 3, -1]);
  });
  it('SES forecast variance σ²(1 + (h−1)α²)', () => {
    const y = [10, 12, 11, 13, 12, 14, 13, 15];
    const m = etsFit(y, { error: 'A', trend: 'N' }, { alpha: 0.5 });
    const { cov } = m.predict(3);
    const s2 = m.model.sigma ** 2;
    expect(cov[0]).toBeCloseTo(s2, 10);
    expect(cov[4]).toBeCloseTo(s2 * 1.25, 10);
    expect(cov[8]).toBeCloseTo(s2 * 1.5, 10);
  });
  it('automatic ETS on M3 N0001 matches R ets() (ETS(M,A,N), points within 0.1 %)', () => {
    const f = forecast(N0001, { method: 'ets', horizon: 6, calibrate: false, scale: 'linear' });
    expect(f.model.description).toBe('ETS(M,A,N)');
    const r = [5486.428978, 6035.864978, 6585.300977, 7134.736977, 7684.172976, 8233.608976];
    f.point.forEach((v, i) => expect(Math.abs(v / r[i] - 1)).toBeLessThan(1e-3));
  });
  it('multiplicative error only for positive series; AICc chosen model explains itself', () => {
    const m = etsAuto([3, -1, 2, 4, 3, 5, 4, 6]);
    expect(m.model.description).toMatch(/^ETS\(A,/);
    expect(m.model.aicc).toBeTypeOf('number');
    expect(en(m.model.notes?.slice(0, 1))).toMatch(/AICc selection/);
    expect(m.model.fitted).toHaveLength(8);
  });
});

describe('ETS parsimony rule (M3 N0021)', () => {
  const N0021 = [
    1938.89, 2583.13, 2775.33, 3132.66, 4526.67, 6161.95, 6833.85, 6788.55, 7334.6, 8165.85, 7495.8, 7834.55, 8585.1,
    9043.9,
  ];
  it('keeps ETS(A,N,N) like R ets() although ETS(M,A,N) has an AICc 0.6 lower (within 2 units)', () => {
    const m = etsAuto(N0021);
    const ic = Object.fromEntries(
      [...en(m.model.notes!.slice(0, 1)).matchAll(/(ETS\(\S+\)) AICc (-?[\d.]+)/g)].map((x) => [x[1], Number(x[2])]),
    );
    expect(ic['ETS(M,A,N)']).toBeLessThan(ic['ETS(A,N,N)']);
    expect(ic['ETS(A,N,N)'] - ic['ETS(M,A,N)']).toBeLessThan(ETS_AICC_TOLERANCE);
    expect(m.model.description).toBe('ETS(A,N,N)');
    // R: alpha 0.9999, flat forecast 9043.854
    expect(Math.abs(m.predict(6).point[5] / 9043.854 - 1)).toBeLessThan(1e-4);
  });
});

describe('ETS against R on a level series (M3 N0005)', () => {
  const N0005 = [
    4977.18, 5248, 5370, 6184.89, 7137.19, 6743, 7298, 5260.29, 4898.18, 5392.04, 5117.64, 4332.9, 4620.5, 5488.8,
  ];
  it('selects ETS(M,N,N) like R ets(); point and 1-step 95 % interval within 0.01 %', () => {
    const f = forecast(N0005, { method: 'ets', horizon: 2, levels: [80, 95], calibrate: false, scale: 'linear' });
    expect(f.model.description).toBe('ETS(M,N,N)');
    expect(Math.abs(f.point[0] / 5488.71263 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(f.intervals[1].lower[0] / 4035.509496 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(f.intervals[1].upper[0] / 6941.915765 - 1)).toBeLessThan(1e-4);
    // h = 2: the exact ETS(M,N,N) variance, as R
    expect(Math.abs(f.intervals[1].upper[1] / 7553.101676 - 1)).toBeLessThan(1e-4);
  });
  it('Theta within 0.02 % of R thetaf()', () => {
    const f = forecast(N0005, { method: 'theta', horizon: 6, calibrate: false, scale: 'linear' });
    const r = [5426.597188, 5389.94443, 5353.291672, 5316.638914, 5279.986155, 5243.333397];
    f.point.forEach((v, i) => expect(Math.abs(v / r[i] - 1)).toBeLessThan(2e-4));
  });
});

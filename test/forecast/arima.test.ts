import { describe, expect, it } from 'vitest';
import { arimaAuto, arimaFit, kpssStat, ndiffs } from '../../src/forecast/index.js';
import { sayMsg, type Msg } from '../../src/text/messages.js';

/** The engine's notes (codes) in English, joined. */
const en = (notes: Msg[] | undefined, sep = '; '): string => (notes ?? []).map((m) => sayMsg(m, 'en')).join(sep);

describe('ARIMA', () => {
  it('KPSS: a trend is not level-stationary, alternating noise is', () => {
    expect(kpssStat(Array.from({ length: 20 }, (_, i) => i))).toBeGreaterThan(0.463);
    expect(kpssStat(Array.from({ length: 20 }, (_, i) => (i % 2 ? 1 : -1)))).toBeLessThan(0.463);
    expect(ndiffs(Array.from({ length: 20 }, (_, i) => i * i))).toBeGreaterThanOrEqual(1);
  });
  it('ARIMA(0,1,0) with drift: drift = mean difference, forecast = last + h·drift', () => {
    const y = [10, 12, 13, 17, 18, 21, 22, 26, 27, 30];
    const m = arimaFit(y, 0, 1, 0, true)!;
    const d = (30 - 10) / 9;
    expect(m.model.params.drift).toBeCloseTo(d, 4);
    m.predict(3).point.forEach((v, i) => expect(v).toBeCloseTo(30 + (i + 1) * d, 3));
  });
  it('AR(1) ψ-weights give the textbook forecast variance', () => {
    const y = [0.5, 1.2, 0.3, -0.4, 0.8, 1.5, 0.9, -0.2, 0.1, 0.7, 1.1, 0.4, -0.6, 0.2, 0.9];
    const m = arimaFit(y, 1, 0, 0, false)!;
    const phi = m.model.params.ar1;
    const { cov } = m.predict(2);
    expect(cov[3] / cov[0]).toBeCloseTo(1 + phi * phi, 10);
  });
  it('automatic ARIMA describes itself', () => {
    const m = arimaAuto([12, 14, 15, 17, 20, 21, 24, 25, 27, 30, 31, 34]);
    expect(m.model.description).toMatch(/^ARIMA\(\d,\d,\d\)/);
    expect(en(m.model.notes, ' ')).toMatch(/KPSS/);
  });
});

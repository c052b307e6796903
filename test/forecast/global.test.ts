import { describe, expect, it } from 'vitest';
import {
  dotmFit,
  ensembleFit,
  ENSEMBLE_WEIGHTS,
  etsAuto,
  forecast,
  globalFeatures,
  globalFit,
  globalPoint,
  naiveFit,
} from '../../src/forecast/index.js';
import { GLOBAL_WEIGHTS } from '../../src/forecast/global-weights.js';
import { sayMsg, type Msg } from '../../src/text/messages.js';

/** The engine's notes (codes) in English, joined. */
const en = (notes: Msg[] | undefined, sep = '; '): string => (notes ?? []).map((m) => sayMsg(m, 'en')).join(sep);

const y = [100, 104, 110, 113, 120, 126, 131, 135, 140, 138, 150];

describe('global network (weights trained on the M4 training parts, applied unchanged)', () => {
  it('the weights are data with provenance and the declared shape', () => {
    expect(GLOBAL_WEIGHTS.provenance).toMatch(/bench\/m4\/train-global\.mjs/);
    expect(GLOBAL_WEIGHTS.provenance).toMatch(/test parts not used/);
    for (const net of GLOBAL_WEIGHTS.nets) {
      expect(net.W1).toHaveLength((GLOBAL_WEIGHTS.L + 1) * GLOBAL_WEIGHTS.hidden);
      expect(net.W2).toHaveLength(GLOBAL_WEIGHTS.hidden * GLOBAL_WEIGHTS.H);
      expect(net.b2).toHaveLength(GLOBAL_WEIGHTS.H);
      expect(net.W1.some((w) => w !== 0)).toBe(true);
    }
  });
  it('features: log ratios to the last value, padded with the first value, padded share, constant', () => {
    const f = globalFeatures([1, 2, 4], 4, 4);
    expect(Array.from(f)).toEqual([Math.log(1 / 4), Math.log(1 / 4), Math.log(2 / 4), 0.25, 1]);
    expect(globalFeatures([1, 1e6], 3, 4)[1]).toBe(-4); // clipped
  });
  it('scale-free: forecasting c·y gives c times the forecast of y', () => {
    const a = globalPoint(y, 6);
    const b = globalPoint(
      y.map((v) => v * 1000),
      6,
    );
    a.forEach((v, i) => expect(b[i] / v).toBeCloseTo(1000, 9));
  });
  it('horizons beyond the network output feed the forecasts back; the first 6 are unchanged', () => {
    const six = globalPoint(y, 6);
    const ten = globalPoint(y, 10);
    expect(ten).toHaveLength(10);
    expect(ten.slice(0, 6)).toEqual(six);
    expect(ten.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
  });
  it('a growing series is forecast to keep growing, a flat one to stay near its level', () => {
    const up = globalPoint(y, 3);
    expect(up[2]).toBeGreaterThan(150);
    const flat = globalPoint([50, 51, 50, 49, 50, 51, 50, 50], 3);
    for (const v of flat) expect(Math.abs(v / 50 - 1)).toBeLessThan(0.1);
  });
  it('fitted values are the one-step forecasts from each earlier point', () => {
    const f = globalFit(y).model;
    for (let t = 3; t < y.length; t++) expect(f.fitted[t]).toBeCloseTo(globalPoint(y.slice(0, t), 1)[0], 10);
    expect(f.fitted.slice(0, 3)).toEqual(y.slice(0, 3));
  });
  it('needs a strictly positive series (forecast falls back with a note)', () => {
    expect(() => globalPoint([3, 0, 4], 2)).toThrow(RangeError);
    const f = forecast([3, -1, 4, 2, 5, 6, 4, 7], { method: 'global', horizon: 2 });
    expect(f.method).toBe('comb');
    expect(en(f.model.notes, ' ')).toMatch(/needs a strictly positive series/);
  });
});

describe('ensemble: 0.5 × global + 0.25 × ETS + 0.25 × DOTM', () => {
  it('point = the weighted mean of its members', () => {
    const p = ensembleFit(y).predict(4).point;
    const g = globalFit(y).predict(4).point,
      e = etsAuto(y).predict(4).point,
      d = dotmFit(y).predict(4).point;
    p.forEach((v, i) =>
      expect(v).toBeCloseTo(
        ENSEMBLE_WEIGHTS.global * g[i] + ENSEMBLE_WEIGHTS.ets * e[i] + ENSEMBLE_WEIGHTS.dotm * d[i],
        9,
      ),
    );
  });
  it('3–4 points: 0.5 × global + 0.5 × naive', () => {
    const s = [10, 12, 11, 13];
    const p = ensembleFit(s).predict(2).point;
    const g = globalFit(s).predict(2).point,
      nv = naiveFit(s).predict(2).point;
    p.forEach((v, i) => expect(v).toBeCloseTo(0.5 * g[i] + 0.5 * nv[i], 12));
  });
  it('is what auto uses for a positive series, and describes its members', () => {
    const f = forecast(y, { horizon: 3 });
    expect(f.method).toBe('ensemble');
    expect(f.model.description).toMatch(
      /^Ensemble: 0\.5 × Global network .* \+ 0\.25 × ETS\(.*\) \+ 0\.25 × Dynamic optimised Theta/,
    );
    expect(f.model.members).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultPhaseIn, firstYearShare, measureFactor, phaseShare } from '../../src/measures/phase.js';

describe('phase-in', () => {
  it('gives a September start a partial first year', () => {
    expect(firstYearShare('2021-09-20')).toBeCloseTo(103 / 365, 14);
    expect(firstYearShare('2018-01-01')).toBe(1);
    expect(firstYearShare('2024-07-01')).toBeCloseTo(184 / 366, 14); // leap year
    expect(defaultPhaseIn('2021-09-20')).toEqual([0.28, 1]);
    expect(defaultPhaseIn('2018-01-01')).toEqual([1]);
  });
  it('applies phase-in, holds the last value and decays afterwards', () => {
    const def = { start: '2021-09-20', phaseIn: [0.28, 1], decay: 0.1 };
    expect(phaseShare(def, 2020)).toBe(0);
    expect(phaseShare(def, 2021)).toBe(0.28);
    expect(phaseShare(def, 2022)).toBe(1);
    expect(phaseShare(def, 2023)).toBeCloseTo(0.9, 14);
    expect(phaseShare(def, 2024)).toBeCloseTo(0.81, 14);
  });
  it('turns a drawn effect into a multiplicative factor', () => {
    const def = { start: '2021-09-20', phaseIn: [0.28, 1] };
    expect(measureFactor(def, 2020, -0.08)).toBe(1);
    expect(measureFactor(def, 2021, -0.08)).toBeCloseTo(1 - 0.08 * 0.28, 14);
    expect(measureFactor(def, 2030, -0.08)).toBeCloseTo(0.92, 14);
  });
});

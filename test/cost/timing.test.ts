import { describe, expect, it } from 'vitest';
import {
  FLAT_START_PROFILE,
  cohortSpend,
  cohortYearSplit,
  costShareByMonth,
  costShareByYear,
  cumulativeSum,
  durationDist,
  lagWeights,
  meanDuration,
  partialCohortYearSplit,
  remainingCost,
  shiftDuration,
  startProfile,
  steadyStateProfile,
} from '../../src/cost/timing.js';

/** The bundled default of models/timing.yaml: 80 % of forløb 6–8 months. */
const DEFAULT = durationDist({ 4: 0.03, 5: 0.07, 6: 0.25, 7: 0.3, 8: 0.25, 9: 0.06, 10: 0.04 });
const close = (a: number[], b: number[], digits = 12) => {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(x, `index ${i}`).toBeCloseTo(b[i], digits));
};

describe('duration distributions (index d − 1 holds P(D = d months))', () => {
  it('normalises weights given by months or as an array', () => {
    expect(durationDist({ 6: 1, 7: 2, 8: 1 })).toEqual([0, 0, 0, 0, 0, 0.25, 0.5, 0.25]);
    expect(durationDist([0, 1, 1])).toEqual([0, 0.5, 0.5]);
    expect(durationDist({ 3: 1, 9: 0 })).toEqual([0, 0, 1]); // trailing zero weights do not lengthen it
  });
  it('refuses durations outside 1–60 months, negative weights and all-zero weights', () => {
    expect(() => durationDist({ 0: 1 })).toThrow(/1–60/);
    expect(() => durationDist({ 61: 1 })).toThrow(/1–60/);
    expect(() => durationDist({ 6.5: 1 })).toThrow(/whole number/);
    expect(() => durationDist({ 6: -1, 7: 2 })).toThrow(/≥ 0/);
    expect(() => durationDist({ 6: 0 })).toThrow(/positive/);
  });
  it('has the mean of its months; a shift lengthens every forløb', () => {
    expect(meanDuration(durationDist({ 6: 1, 8: 1 }))).toBe(7);
    expect(meanDuration(DEFAULT)).toBeCloseTo(7.01, 12);
    expect(shiftDuration(durationDist({ 6: 1, 7: 1 }), 1)).toEqual([0, 0, 0, 0, 0, 0, 0.5, 0.5]);
    expect(meanDuration(shiftDuration(DEFAULT, 1))).toBeCloseTo(8.01, 12);
    expect(shiftDuration(durationDist({ 1: 1, 3: 1 }), -2)).toEqual([1]); // shorter than a month piles at 1
  });
});

describe('lag weights w(k) = Σ_{d>k} P(D=d)/d', () => {
  it('match R for the default 6–8 month distribution and sum to 1', () => {
    // R: p <- c(0,0,0,.03,.07,.25,.30,.25,.06,.04); d <- seq_along(p); sapply(0:9, function(k) sum(p[d>k]/d[d>k]))
    close(
      lagWeights(DEFAULT),
      [
        0.147940476190476, 0.147940476190476, 0.147940476190476, 0.147940476190476, 0.140440476190476,
        0.126440476190476, 0.0847738095238095, 0.0419166666666667, 0.0106666666666667, 0.004,
      ],
    );
    expect(lagWeights(DEFAULT).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
  });
  it('are 1/D in each month for a fixed duration D', () => {
    close(lagWeights(durationDist({ 4: 1 })), [0.25, 0.25, 0.25, 0.25]);
    close(lagWeights(durationDist({ 2: 1, 4: 1 })), [0.375, 0.375, 0.125, 0.125]);
  });
});

describe('a forløb across months and years (start month 1 = January)', () => {
  it('a 7-month forløb from September costs 4/7 this year and 3/7 the next', () => {
    close(costShareByYear(9, durationDist({ 7: 1 })), [4 / 7, 3 / 7]);
    close(costShareByYear(1, durationDist({ 7: 1 })), [1]);
    close(costShareByYear(12, durationDist({ 14: 1 })), [1 / 14, 12 / 14, 1 / 14]);
  });
  it('spreads by calendar month from January of the start year, padded to whole years', () => {
    const m = costShareByMonth(11, durationDist({ 3: 1 }));
    expect(m.length).toBe(24);
    close(m.slice(9, 14), [0, 1 / 3, 1 / 3, 1 / 3, 0]);
    expect(() => costShareByMonth(13, DEFAULT)).toThrow(/1–12/);
  });
  it('a year of evenly spread starts falls 75 % in its own year with the default durations (R: 0.749583)', () => {
    expect(cohortYearSplit(FLAT_START_PROFILE, DEFAULT)[0]).toBeCloseTo(0.749583333333333, 12);
    close(cohortYearSplit(FLAT_START_PROFILE, durationDist({ 7: 1 })), [0.75, 0.25]);
  });
  it('starts cut from September save more in the following year than in the year the cut begins', () => {
    const split = partialCohortYearSplit(9, FLAT_START_PROFILE, durationDist({ 7: 1 }));
    close(split, [10 / 84, 18 / 84]);
    // a measure cutting starts by 10 % from September: year t saves 10 % × 10/84 of a year's cohort cost,
    // year t+1 the rest of those cohorts plus a whole year of smaller cohorts in t+1 (75 % of which falls in t+1)
    const full = cohortYearSplit(FLAT_START_PROFILE, durationDist({ 7: 1 }));
    const savingT = 0.1 * split[0];
    const savingT1 = 0.1 * (split[1] + full[0]);
    expect(savingT1).toBeGreaterThan(5 * savingT);
  });
});

describe('cohort spending (convolution of starts with the lag weights)', () => {
  it('matches R convolve(starts, rev(w), type = "open")', () => {
    close(
      cohortSpend([180, 210, 220, 205, 190, 200], lagWeights(DEFAULT)),
      [
        26.6292857143, 57.6967857143, 90.2436904762, 120.571488095, 147.330178571, 172.82327381, 160.73327381,
        139.651488095, 111.564821429, 81.6720833333, 53.174702381, 27.9855952381, 11.23, 2.89333333333, 0.8,
      ],
      8,
    );
  });
  it('multiplies by the cost per forløb and keeps the total', () => {
    expect(cohortSpend([10, 20], lagWeights(durationDist({ 2: 1 })), 3)).toEqual([15, 45, 30]);
    const spend = cohortSpend([5, 0, 7], lagWeights(DEFAULT), 2);
    expect(spend.reduce((s, x) => s + x, 0)).toBeCloseTo(24, 12);
    expect(cohortSpend([], lagWeights(DEFAULT))).toEqual([]);
  });
  it('remaining cost: what started cohorts still cost after a month', () => {
    const w = lagWeights(durationDist({ 3: 1 }));
    expect(remainingCost([12, 12, 12], 2, w)).toBeCloseTo(12, 12);
    expect(remainingCost([12, 12, 12], 2, w, 3)).toBeCloseTo(8, 12); // only month 3
    expect(remainingCost([12, 12, 12], 0, w, Infinity, 1000)).toBeCloseTo(8000, 9);
    // cost already spent + remaining = everything started
    const starts = [180, 210, 220, 205, 190, 200];
    const spent = cohortSpend(starts, lagWeights(DEFAULT))
      .slice(0, 6)
      .reduce((s, x) => s + x, 0);
    expect(spent + remainingCost(starts, 5, lagWeights(DEFAULT))).toBeCloseTo(1205, 9);
  });
});

describe('start-month profile and the steady-state spending profile', () => {
  it('normalises 12 weights and refuses other lengths', () => {
    const p = startProfile([1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1, 0.5]);
    expect(p[0]).toBeCloseTo(1 / 11, 14);
    expect(p[6]).toBeCloseTo(1 / 22, 14);
    expect(() => startProfile([1, 2])).toThrow(/12 weights/);
    expect(() => startProfile(new Array(12).fill(0))).toThrow(/positive/);
  });
  it('is flat for flat starts, matches R for a July dip, and mixes in fixed costs evenly', () => {
    close(steadyStateProfile(FLAT_START_PROFILE, DEFAULT), new Array(12).fill(1 / 12));
    const prof = startProfile([1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1, 0.8]);
    const ss = steadyStateProfile(prof, DEFAULT);
    close(
      ss,
      [
        0.0821261061946903, 0.0840224399494311, 0.085405183312263, 0.0858329119258323, 0.0862576906868942,
        0.0869951538137379, 0.0812076485461441, 0.0817607458912769, 0.0818787399915718, 0.0819495364517488,
        0.0822813948588285, 0.0802824483775811,
      ],
    );
    const mixed = steadyStateProfile(prof, DEFAULT, 0.25);
    expect(mixed[0]).toBeCloseTo(0.75 * ss[0] + 0.25 / 12, 14);
    expect(mixed.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
  });
  it('cumulative sums', () => expect(cumulativeSum([1, 2, 3])).toEqual([1, 3, 6]));
});

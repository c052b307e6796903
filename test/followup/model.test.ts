import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { csvTable } from '../../src/data/rawtable.js';
import { quantileSorted } from '../../src/stats/distributions.js';
import { invNorm } from '../../src/stats/normal.js';
import { Rng } from '../../src/stats/rng.js';
import { cohortSpend, durationDist, lagWeights } from '../../src/cost/timing.js';
import { interpretActuals } from '../../src/followup/actuals.js';
import { followUp } from '../../src/followup/model.js';
import { readMonthlyActuals } from '../../src/followup/actuals.js';
import { UsageError } from '../../src/errors.js';
import { combineWithPrior, fromPercentiles, quantilesOf, summarizeDraws } from '../../src/followup/prior.js';
import { residualModel } from '../../src/followup/projection.js';

const ds = loadBundled();
const fmt = (x: number) => x.toFixed(4);

/**
 * A synthetic file: years with 200 starts a month and forbrug = fixed + cost × cohorts (no noise),
 * the running year `run` with `months` months (starts `pace` a month).
 */
function synthetic(opts: {
  years: number[];
  run: number;
  months: number;
  pace?: number;
  fixed?: number;
  cost?: number;
  starts?: boolean;
}): string {
  const w = lagWeights(durationDist({ 4: 0.03, 5: 0.07, 6: 0.25, 7: 0.3, 8: 0.25, 9: 0.06, 10: 0.04 }));
  const fixed = opts.fixed ?? 3;
  const cost = opts.cost ?? 0.045;
  const lines = [opts.starts === false ? 'måned;forbrug' : 'måned;forbrug;startede forløb'];
  const all = [...opts.years, opts.run];
  for (const y of all) {
    const pace = y === opts.run ? (opts.pace ?? 200) : 200;
    const prevPace = all.includes(y - 1) ? (y - 1 === opts.run ? (opts.pace ?? 200) : 200) : pace;
    const starts = [...new Array(12).fill(prevPace), ...new Array(12).fill(pace)];
    const spend = cohortSpend(starts, w, cost);
    const n = y === opts.run ? opts.months : 12;
    for (let j = 0; j < n; j++)
      lines.push(
        `${y}-${String(j + 1).padStart(2, '0')};${fmt(fixed + spend[12 + j])}${opts.starts === false ? '' : `;${pace}`}`,
      );
  }
  return lines.join('\n') + '\n';
}
const actualsOf = (text: string) => interpretActuals(csvTable(text, 'synthetic.csv'), { reference: ds, locale: 'en' });

describe('followUp on synthetic data with a known answer', () => {
  it('projects the year end of steady spending and narrows as months come in (no prior)', async () => {
    const truth = 3 * 12 + 0.045 * 200 * 12; // steady state: every forløb's cost falls within the years
    const widths: number[] = [];
    for (const m of [2, 6, 10]) {
      const r = await followUp(actualsOf(synthetic({ years: [2022, 2023, 2024], run: 2025, months: m })), {
        scenario: 'none',
        bevilling: 150,
        backtest: false,
        runs: 20_000,
      });
      expect(r.asOf).toBe(m);
      expect(Math.abs(r.yearEnd.p50 / truth - 1)).toBeLessThan(0.005);
      expect(r.yearEnd.p10).toBeLessThan(truth);
      expect(r.yearEnd.p90).toBeGreaterThan(truth);
      widths.push(r.yearEnd.p90 - r.yearEnd.p10);
      expect(r.priorWeight).toBe(0);
    }
    expect(widths[1]).toBeLessThan(widths[0]);
    expect(widths[2]).toBeLessThan(widths[1]);
  });

  it('a complete year is its own outturn', async () => {
    const r = await followUp(actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 12 })), {
      scenario: 'none',
      bevilling: 150,
      backtest: false,
    });
    const total = r.months.reduce((s, m) => s + (m.forbrug ?? 0), 0);
    expect(r.yearEnd.p025).toBeCloseTo(total, 9);
    expect(r.yearEnd.p975).toBeCloseTo(total, 9);
    expect(r.notes.map((n) => n.code)).toContain('complete');
  });

  it('more starts than last year raise the projection beyond the plain profile ratio (cohorts still to be paid)', async () => {
    const base = actualsOf(synthetic({ years: [2022, 2023, 2024], run: 2025, months: 4, pace: 200 }));
    const more = actualsOf(synthetic({ years: [2022, 2023, 2024], run: 2025, months: 4, pace: 260 }));
    const r0 = await followUp(base, { scenario: 'none', bevilling: 150, backtest: false });
    const r1 = await followUp(more, { scenario: 'none', bevilling: 150, backtest: false });
    const ratio0 = r0.yearEnd.p50 / r0.toDate.forbrug;
    const ratio1 = r1.yearEnd.p50 / r1.toDate.forbrug;
    expect(ratio1).toBeGreaterThan(ratio0 * 1.03); // the new cohorts' cost mostly falls after April
    // truth for the faster pace: its forbrug over the whole year (carry-in at 200, then 260 a month)
    const w = lagWeights(durationDist({ 4: 0.03, 5: 0.07, 6: 0.25, 7: 0.3, 8: 0.25, 9: 0.06, 10: 0.04 }));
    const spend = cohortSpend([...new Array(12).fill(200), ...new Array(12).fill(260)], w, 0.045);
    const truth = 36 + spend.slice(12, 24).reduce((s, x) => s + x, 0);
    expect(Math.abs(r1.yearEnd.p50 / truth - 1)).toBeLessThan(0.01);
  });

  it('the fan starts at forbrug to date and ends at the forventet regnskab', async () => {
    const r = await followUp(actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 6 })), {
      scenario: 'none',
      bevilling: 150,
      backtest: false,
    });
    const june = r.months[5];
    expect(june.fan?.p10).toBeCloseTo(r.toDate.forbrug, 9);
    expect(june.fan?.p90).toBeCloseTo(r.toDate.forbrug, 9);
    expect(r.months[11].fan?.p50).toBeCloseTo(r.yearEnd.p50, 9);
    for (let j = 6; j < 11; j++) expect(r.months[j + 1].fan!.p50).toBeGreaterThan(r.months[j].fan!.p50);
    expect(r.months[6].cumulative).toBeUndefined();
  });

  it('P(merforbrug) is the share of draws above the bevilling; beyond opsparing is smaller', async () => {
    const a = actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 6 }));
    const mid = await followUp(a, { scenario: 'none', backtest: false, bevilling: 144, opsparing: 0 });
    expect(mid.pMerforbrug).toBeGreaterThan(0.2);
    expect(mid.pMerforbrug).toBeLessThan(0.8);
    expect(mid.pBeyondOpsparing).toBe(mid.pMerforbrug);
    const withSavings = await followUp(a, { scenario: 'none', backtest: false, bevilling: 144, opsparing: 3 });
    expect(withSavings.pBeyondOpsparing).toBeLessThan(withSavings.pMerforbrug);
    expect(withSavings.pMerforbrug).toBe(mid.pMerforbrug);
    expect(mid.merforbrug.p50).toBeCloseTo(mid.yearEnd.p50 - 144, 6);
    const low = await followUp(a, { scenario: 'none', backtest: false, bevilling: 120 });
    expect(low.pMerforbrug).toBeGreaterThan(0.99);
  });

  it('the afvigelsesforklaring adds up; on-budget volume and price leave only timing', async () => {
    const a = actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 6 }));
    const r = await followUp(a, { scenario: 'none', backtest: false, bevilling: 144, budgetForloeb: 2400 });
    const d = r.deviation!;
    expect(d.volume + d.price + d.timing).toBeCloseTo(d.deviation, 9);
    expect(Math.abs(d.volume)).toBeLessThan(1e-9); // 200 a month = 2.400 budgeted, flat start profile
    expect(d.startsActual).toBe(1200);
    expect(d.costPerForloebActual * 1000).toBeCloseTo(((d.actual - d.fixedToDate) / d.exposureActual) * 1000, 9);
    const more = await followUp(actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 6, pace: 240 })), {
      scenario: 'none',
      backtest: false,
      bevilling: 144,
      budgetForloeb: 2400,
    });
    expect(more.deviation!.volume).toBeGreaterThan(0);
    expect(more.deviation!.startsActual - more.deviation!.startsBudget).toBeCloseTo(240, 9);
  });

  it('works without started forløb (steady-state profile) and says the deviation cannot be split', async () => {
    const r = await followUp(actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 6, starts: false })), {
      scenario: 'none',
      bevilling: 150,
      backtest: false,
    });
    expect(r.projection.sizes).toBe('none');
    expect(r.deviation).toBeUndefined();
    expect(r.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['deviation.noStarts', 'noSizes']));
    expect(Math.abs(r.yearEnd.p50 / (36 + 0.045 * 2400) - 1)).toBeLessThan(0.005);
  });

  it('same inputs and seed give identical results; another seed differs', async () => {
    const a = actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 5 }));
    const o = { scenario: 'none' as const, bevilling: 150, runs: 5000 };
    const r1 = JSON.stringify(await followUp(a, o));
    const r2 = JSON.stringify(await followUp(a, o));
    expect(r1).toBe(r2);
    expect(JSON.stringify(await followUp(a, { ...o, seed: 3 }))).not.toBe(r1);
  });

  it('needs a bevilling from somewhere, and the running year from January', async () => {
    const a = actualsOf(synthetic({ years: [2024], run: 2025, months: 3 }));
    await expect(followUp(a, { scenario: 'none', backtest: false })).rejects.toThrow(
      'no appropriation for 2025 in synthetic.csv, the data or a scenario: give --bevilling (mio. kr.)',
    );
    await expect(followUp(a, { scenario: 'none', backtest: false, bevilling: 150, year: 2023 })).rejects.toThrow(
      '--year 2023: synthetic.csv has spending for 2024, 2025',
    );
    const late = actualsOf('måned;forbrug\n2025-03;12\n2025-04;12\n');
    await expect(followUp(late, { scenario: 'none', bevilling: 150 })).rejects.toThrow(
      'synthetic.csv:2: column måned: expected the running year 2025 from January (earlier months of 2025 are missing), found "2025-03"',
    );
  });
});

describe('the prior and the update', () => {
  it('with the bundled baseline scenario as prior for 2025: weight between 0 and 1, combined estimate between the two', async () => {
    const a = actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 3, fixed: 3.5, cost: 0.05 }));
    const r = await followUp(a, { backtest: false, runs: 10_000 });
    expect(r.prior?.scenario).toBe('baseline');
    expect(r.priorWeight).toBeGreaterThan(0);
    expect(r.priorWeight).toBeLessThan(1);
    const [lo, hi] = [Math.min(r.prior!.p50, r.data.p50), Math.max(r.prior!.p50, r.data.p50)];
    expect(r.yearEnd.p50).toBeGreaterThan(lo);
    expect(r.yearEnd.p50).toBeLessThan(hi);
    // the bevilling is the scenario's mean for the year (estimated from the bevilling history since the headline work)
    const bev = r.assumptions.find((x) => x.code === 'bevilling.scenario')?.params.value as number;
    expect(bev).toBeGreaterThan(150);
    expect(bev).toBeLessThan(170);
    const later = await followUp(
      actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 9, fixed: 3.5, cost: 0.05 })),
      { backtest: false, runs: 10_000 },
    );
    expect(later.priorWeight).toBeLessThan(r.priorWeight);
  });

  it("the scenario's estimate of the bevilling is drawn with the forbrug: P(merforbrug) and the merforbrug carry its spread; a given bevilling is fixed", async () => {
    const a = actualsOf(synthetic({ years: [2023, 2024], run: 2025, months: 6, fixed: 3.5, cost: 0.05 }));
    const r = await followUp(a, { backtest: false, runs: 20_000 });
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { runScenario } = await import('../../src/scenario/scenario.js');
    const sc = runScenario(loadScenario('baseline'), { runs: 20_000 }).years.find((y) => y.year === 2025)!.bevilling;
    const b = r.bevillingDrawn!;
    // log-normal on the scenario's P10/P50/P90: its quantiles come back to Monte Carlo precision
    expect(Math.abs(b.p50 / sc.p50 - 1)).toBeLessThan(0.003);
    expect(Math.abs(b.p10 / sc.p10 - 1)).toBeLessThan(0.005);
    expect(Math.abs(b.p90 / sc.p90 - 1)).toBeLessThan(0.005);
    expect(r.assumptions.find((x) => x.code === 'bevilling.scenario')?.params.kind).toBe('randomWalk');
    // forbrug and bevilling independent: the merforbrug's spread adds both (sd² ≈ sd²_forbrug + sd²_bevilling)
    const sd = (q: { p10: number; p90: number }) => (q.p90 - q.p10) / (2 * invNorm(0.9));
    expect(sd(r.merforbrug) / Math.hypot(sd(r.yearEnd), sd(b))).toBeCloseTo(1, 1);
    expect(sd(r.merforbrug)).toBeGreaterThan(sd(r.yearEnd) * 1.2);
    const fixed = await followUp(a, { backtest: false, runs: 20_000, bevilling: r.bevilling });
    expect(fixed.bevillingDrawn).toBeUndefined();
    expect(fixed.merforbrug.p50).toBeCloseTo(fixed.yearEnd.p50 - r.bevilling, 9);
    expect(fixed.pMerforbrug).not.toBe(r.pMerforbrug);
  });

  it('the projection can be recomputed by hand: central = C_m / (P_m · e^location), location = K·ē/(κ₀ + K), near the P50', async () => {
    const a = actualsOf(synthetic({ years: [2022, 2023, 2024], run: 2025, months: 6, fixed: 3.5, cost: 0.05 }));
    const r = await followUp(a, { scenario: 'none', bevilling: 150, backtest: false, runs: 20_000 });
    const p = r.projection;
    const K = p.residual.years;
    expect(K).toBe(3);
    expect(p.residual.location).toBeCloseTo((K * p.residual.mean) / (p.residual.biasPriorYears + K), 15);
    expect(p.central).toBeCloseTo(r.toDate.forbrug / (p.share * Math.exp(p.residual.location)), 12);
    expect(p.share).toBeGreaterThan(0.3);
    expect(p.share).toBeLessThan(0.7);
    expect(Math.abs(p.central / r.data.p50 - 1)).toBeLessThan(0.01);
  });

  it('a year the scenario does not simulate has no prior (noted)', async () => {
    const a = actualsOf(synthetic({ years: [2022, 2023], run: 2024, months: 6 }));
    const r = await followUp(a, { backtest: false, runs: 5000 });
    expect(r.prior).toBeUndefined();
    expect(r.notes.find((n) => n.code === 'prior.outside')?.params).toMatchObject({
      scenario: 'baseline',
      year: 2024,
      from: 2025,
    });
    expect(r.bevilling).toBe(158); // the bundled data has 2024's bevilling
  });

  it('for normal draws, the precision-weighted combination has the Bayesian posterior mean and variance', () => {
    const n = 200_000;
    const rng = new Rng(5, 0);
    const m0 = Math.log(150),
      s0 = 0.04,
      md = Math.log(160),
      sd = 0.03;
    const prior = new Float64Array(n).map(() => Math.exp(m0 + s0 * invNorm(rng.uniform())));
    const data = new Float64Array(n).map(() => Math.exp(md + sd * invNorm(rng.uniform())));
    const { draws, priorWeight } = combineWithPrior(data, prior, 0);
    expect(priorWeight).toBeCloseTo((sd * sd) / (sd * sd + s0 * s0), 2);
    const logs = Array.from(draws, Math.log);
    const mean = logs.reduce((a, x) => a + x, 0) / n;
    const v = logs.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
    const pm = (m0 / s0 ** 2 + md / sd ** 2) / (1 / s0 ** 2 + 1 / sd ** 2);
    const pv = 1 / (1 / s0 ** 2 + 1 / sd ** 2);
    expect(mean).toBeCloseTo(pm, 3);
    expect(Math.sqrt(v)).toBeCloseTo(Math.sqrt(pv), 3);
  });

  it('draws from percentiles 1–99 interpolate inside and have log-normal tails', () => {
    const p = Array.from({ length: 99 }, (_, i) => 100 + i);
    expect(fromPercentiles(p, 0.5)).toBe(149);
    expect(fromPercentiles(p, 0.255)).toBeCloseTo(124.5, 9);
    expect(fromPercentiles(p, 0.001)).toBeLessThan(100);
    expect(fromPercentiles(p, 0.999)).toBeGreaterThan(198);
  });

  it('quantiles by quickselect equal sorting (R type 7)', () => {
    const rng = new Rng(9, 0);
    for (const n of [1, 2, 5, 1000, 4001]) {
      const x = new Float64Array(n).map(() => rng.uniform());
      const s = Float64Array.from(x).sort();
      const ps = [0, 0.025, 0.1, 0.5, 0.9, 0.975, 1];
      expect(quantilesOf(x, ps)).toEqual(ps.map((p) => quantileSorted(s, p)));
    }
    expect(summarizeDraws(Float64Array.of(1, 2, 3, 4, 5))).toEqual({
      mean: 3,
      p025: 1.1,
      p10: 1.4,
      p50: 3,
      p90: 4.6,
      p975: 4.9,
    });
  });

  it('the residual model: Student t with ν₀ + K degrees of freedom, scale from the prior noise when there is no history', () => {
    const noise = { monthlyCv: 0.15, priorYears: 4, biasPriorYears: 1, startsCv: 0.1 };
    const none = residualModel(6, [], noise);
    expect(none.df).toBe(4);
    expect(none.location).toBe(0);
    expect(none.scale).toBeCloseTo(0.15 * Math.sqrt(1 / 6 - 1 / 12) * Math.sqrt(2), 12);
    const some = residualModel(6, [0.02, 0.03, 0.025], noise);
    expect(some.df).toBe(7);
    expect(some.location).toBeCloseTo((3 * 0.025) / 4, 12);
    expect(residualModel(12, [0, 0], noise).scale).toBe(0);
  });
});

describe('followUp: spending that is zero or negative', () => {
  it('refuses to project from forbrug to date of 0 or less, naming the row', async () => {
    const a = actualsOf('måned;forbrug\n2025-01;0\n');
    await expect(followUp(a, { scenario: 'none', bevilling: 150 })).rejects.toThrow(
      'synthetic.csv:2: column måned: expected spending to date above 0 to project 2025 from (the months up to 2025-01 sum to 0), found "2025-01"',
    );
  });
  it("a history year with a negative first month (a correction) is left out of that month's calibration only", async () => {
    const text = synthetic({ years: [2023, 2024], run: 2025, months: 3 }).replace(/^2023-01;[\d.]+/m, '2023-01;-1.5');
    const r = await followUp(actualsOf(text), { scenario: 'none', bevilling: 150, backtest: false });
    expect(Number.isFinite(r.yearEnd.p50)).toBe(true);
    expect(r.projection.residual.years).toBe(2);
    const jan = residualModel(1, [Number.NaN, 0.01], {
      monthlyCv: 0.15,
      priorYears: 4,
      biasPriorYears: 1,
      startsCv: 0.1,
    });
    expect(jan.years).toBe(1);
  });
});

describe('followUp: bad arguments', () => {
  it('actuals that are no readMonthlyActuals result, or its Promise not awaited, are UsageErrors saying so (a TypeError reading years before)', async () => {
    await expect(followUp(undefined as never)).rejects.toThrow(
      'followUp(actuals): actuals must be a result of readMonthlyActuals(file), got undefined',
    );
    const pending = readMonthlyActuals('data/viso-monthly-illustrative.csv');
    await expect(followUp(pending as never)).rejects.toThrow(
      'followUp(actuals): actuals is a Promise; write await readMonthlyActuals(file)',
    );
    await pending;
  });
  it('runs outside 1.000–10.000.000 (as runs: in followup.yaml and --runs) and a seed that is no integer are refused before any draw (0 ran, 1e12 failed to allocate)', async () => {
    const a = await readMonthlyActuals('data/viso-monthly-illustrative.csv');
    await expect(followUp(a, { runs: 0 })).rejects.toThrow('runs must be an integer from 1,000 to 10,000,000, got 0');
    await expect(followUp(a, { runs: 1e12 })).rejects.toThrow(UsageError);
    await expect(followUp(a, { seed: 1.5 })).rejects.toThrow(
      'seed must be an integer from 0 to 4,294,967,295, got 1.5',
    );
  });
});

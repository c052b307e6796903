/**
 * The live what-if without a browser: the controls change the compiled model exactly as the equivalent
 * scenario file does (so the page and `viso scenario run` give the same numbers), the model survives its
 * JSON encoding, and the engine files the page bundles import nothing Node-only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareScenario, runScenario } from '../../src/scenario/scenario.js';
import { resolveScenarioPath } from '../../src/scenario/load.js';
import { applyLiveInputs, liveScenarioYaml, neutralInputs, type LiveInputs } from '../../src/report/live/apply.js';
import { decodeModel, encodeModel } from '../../src/report/live/codec.js';
import { liveRun } from '../../src/report/live/compute.js';
import { livePayload } from '../../src/report/live/payload.js';
import type { CompiledModel } from '../../src/scenario/model.js';
import { oneForecast } from '../../src/scenario/headline.js';
import { yearSample } from '../../src/scenario/run.js';
import { widenedYear } from '../../src/scenario/widen.js';
import { runRequest } from '../../src/report/live/worker.js';
import { livePanel, liveTableHeaders } from '../../src/report/live/panel.js';
import { K_MARK, liveChanges, liveTableRows, signedPp } from '../../src/report/live/rows.js';
import { kHorizons, spanText, spreadKFrom, yearsBeyondHorizons } from '../../src/report/kHorizon.js';

/** The model without its id (the equivalent file has its own). */
const comparable = (m: CompiledModel) => ({ ...m, id: '' });

function setup(id: string, seed?: number) {
  const def = loadScenario(id);
  const model = prepareScenario(def, seed !== undefined ? { seed } : {});
  const result = runScenario(def, { runs: 2_000, ...(seed !== undefined ? { seed } : {}) });
  const payload = livePayload(def, model, {
    file: resolveScenarioPath(id),
    result,
    focusYear: 2026,
    history: [],
    name: def.name,
  });
  return { def, model, payload };
}

function fromYaml(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'viso-live-'));
  writeFileSync(join(dir, 'live.yaml'), yaml);
  return loadScenario(join(dir, 'live.yaml'));
}

const CASES: [string, Partial<LiveInputs>][] = [
  ['nothing changed', {}],
  ['demand growth 14 %', { demandGrowth: 0.14 }],
  [
    'a tightening of henvendelser by 12 % from March 2026',
    { tightening: { stage: 'henvendelser', size: 0.12, start: '2026-03' } },
  ],
  [
    'a tightening of the visitation rate by 8 % from September 2025',
    { tightening: { stage: 'visitation', size: 0.08, start: '2025-09' } },
  ],
  [
    'a tightening of the cost per forløb by 5 % from 2027',
    { tightening: { stage: 'unit_cost', size: 0.05, start: '2027-01' } },
  ],
  ['bevilling 2026 and 2028 set', { bevilling: { '2026': 171.5, '2028': 180 } }],
  ['cost per forløb +7 %', { unitCostChange: 0.07 }],
  ['PL 2 % a year', { priceGrowth: 0.02 }],
  [
    'everything at once',
    {
      demandGrowth: 0.05,
      tightening: { stage: 'henvendelser', size: 0.1, start: '2026-07' },
      bevilling: { '2027': 175 },
      unitCostChange: -0.04,
      priceGrowth: 0.015,
    },
  ],
];

describe('live what-if: the controls as a scenario file', () => {
  const base = setup('baseline', 11);
  for (const [what, x] of CASES) {
    it(`${what}: the page's model is the model compiled from the equivalent file`, () => {
      const inputs = { ...neutralInputs(3_000), ...x };
      const page = applyLiveInputs(base.model, base.payload.info, inputs);
      const yaml = liveScenarioYaml(base.payload.info, inputs, 'da');
      const cli = prepareScenario(fromYaml(yaml));
      expect(comparable(page)).toEqual(comparable(cli));
      expect(cli.seed).toBe(11);
    });
  }
  it('and the same runs give the same numbers as runScenario on that file, to the last bit', () => {
    const inputs = { ...neutralInputs(9_000), ...CASES[CASES.length - 1][1] };
    const page = liveRun(applyLiveInputs(base.model, base.payload.info, inputs), inputs.runs);
    const cli = runScenario(fromYaml(liveScenarioYaml(base.payload.info, inputs, 'en')));
    expect(cli.runs).toBe(9_000);
    expect(page.years.map((y) => y.p)).toEqual(cli.years.map((y) => y.pMerforbrug));
    expect(page.years.map((y) => y.forbrug)).toEqual(cli.years.map((y) => y.forbrug));
    expect(page.years.map((y) => y.expectedOverspend)).toEqual(cli.years.map((y) => y.expectedOverspend));
    expect(page.years.map((y) => y.merforbrugPercentiles)).toEqual(cli.years.map((y) => y.merforbrugPercentiles));
    // the tightening and the lower growth lower P(merforbrug) against the unchanged scenario
    const start = liveRun(base.model, 9_000);
    expect(page.years[2].p).toBeLessThan(start.years[2].p);
  });
  it('a scenario with measures of its own keeps them in the equivalent file (tightening-2021)', () => {
    const s = setup('tightening-2021');
    expect(s.payload.info.extendsRef).toBe('tightening-2021');
    expect(s.payload.info.measureEntries).toEqual(['{"id":"tightening-like-2021"}']);
    const inputs = {
      ...neutralInputs(2_000),
      tightening: { stage: 'visitation' as const, size: 0.05, start: '2027-04' },
    };
    const page = applyLiveInputs(s.model, s.payload.info, inputs);
    expect(page.measures.map((m) => m.id)).toEqual(['tightening-like-2021', 'live-tightening']);
    expect(comparable(page)).toEqual(comparable(prepareScenario(fromYaml(liveScenarioYaml(s.payload.info, inputs)))));
  });
  it('never changes the column layout (which uniform drives which input)', () => {
    const m = applyLiveInputs(base.model, base.payload.info, {
      ...neutralInputs(1_000),
      ...CASES[CASES.length - 1][1],
    });
    expect(m.nCols).toBe(base.model.nCols);
    expect(m.measures.every((x) => x.input.col === -1)).toBe(true);
    expect(base.model.measures).toEqual([]); // the base model is not changed
  });
  it('refuses what the controls never send', () => {
    expect(() =>
      applyLiveInputs(base.model, base.payload.info, { ...neutralInputs(1_000), bevilling: { '2040': 100 } }),
    ).toThrow(/2040/);
    expect(() =>
      applyLiveInputs(base.model, base.payload.info, {
        ...neutralInputs(1_000),
        tightening: { stage: 'henvendelser', size: 0.1, start: '2026-13' },
      }),
    ).toThrow(/YYYY-MM/);
  });
});

describe('live what-if: the model as JSON', () => {
  it('round-trips typed arrays, NaN and Infinity exactly (the Gaussian-path baseline and a forecast-demand model)', () => {
    const m = prepareScenario(loadScenario('baseline'));
    const back = decodeModel<CompiledModel>(JSON.parse(JSON.stringify(encodeModel(m))));
    expect(back).toEqual(m);
    expect(back.bevKnown).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(back.bevKnown[0])).toBe(true);
    expect(back.pathDf).toBe(Infinity);
    expect(liveRun(back, 2_000)).toEqual(liveRun(m, 2_000));
  });
});

describe('live what-if: the one forecast beside the driver model', () => {
  const base = setup('baseline', 11);
  const K = 1.6;
  const RUNS = 20_000;
  it('at no change it is the headline’s one forecast (oneForecast with the same k, runs and seed), to the last bit', () => {
    const live = liveRun(base.model, RUNS, K);
    const head = oneForecast(base.def, { k: K, years: base.model.years.length, runs: RUNS, seed: 11 });
    expect(live.k).toBe(K);
    expect(head.years.map((y) => y.year)).toEqual(live.years.map((y) => y.year));
    for (const [t, h] of head.years.entries()) {
      const one = live.years[t].one!;
      expect(one.p, `${h.year}`).toBe(h.p.forecast);
      expect(one.pSe, `${h.year}`).toBe(h.pSe);
      expect(one.forbrugMean, `${h.year}`).toBe(h.forecastMean);
      // P10/P90 of the widened runs: the driver's quantiles widened (k > 0 keeps the order), to rounding
      expect(one.forbrugP10).toBeCloseTo(h.forecast.p10, 9);
      expect(one.forbrugP90).toBeCloseTo(h.forecast.p90, 9);
      // and the driver's P beside it is the uncalibrated driver's of the same runs
      expect(live.years[t].p, `${h.year}`).toBe(h.p.driver);
    }
    // the widening spreads the forbrug: the one forecast's 80 % interval is wider by k
    const y = live.years[1];
    expect(y.one!.forbrugP90 - y.one!.forbrugP10).toBeCloseTo(K * (y.forbrug.p90 - y.forbrug.p10), 9);
  });
  it('with inputs changed it is widenedYear on the same sample of the changed model, and k changes nothing else', () => {
    const inputs = { ...neutralInputs(7_000), ...CASES[CASES.length - 1][1] };
    const m = applyLiveInputs(base.model, base.payload.info, inputs);
    const live = liveRun(m, inputs.runs, K);
    const plain = liveRun(m, inputs.runs);
    expect(plain.k).toBeUndefined();
    expect(plain.years.every((y) => y.one === undefined)).toBe(true);
    expect(live.years.map(({ one: _one, ...rest }) => rest)).toEqual(plain.years);
    for (const t of [0, 1, 3]) {
      const w = widenedYear(yearSample(m, inputs.runs, t), K);
      expect(live.years[t].one!.p).toBe(w.pMerforbrug);
      expect(live.years[t].one!.forbrugMean).toBe(w.expectedForbrug);
      expect(live.years[t].one!.expectedMerforbrug).toBe(w.expectedMerforbrug);
    }
    // k = 1: the driver model itself
    const k1 = liveRun(m, inputs.runs, 1);
    expect(k1.years.map((y) => y.one!.p)).toEqual(plain.years.map((y) => y.p));
    expect(() => liveRun(m, 1_000, 0)).toThrow(/spread factor/);
  });
  it('the worker passes the payload’s k on (and leaves it out without one)', () => {
    const r = runRequest(
      {
        seq: 3,
        jobs: [
          { key: 'start', model: base.model, runs: 2_000, k: K },
          { key: 'current', model: base.model, runs: 2_000 },
        ],
      },
      () => 0,
    );
    if ('error' in r) throw new Error(r.error);
    expect(r.results[0].result.years[1].one?.p).toBe(liveRun(base.model, 2_000, K).years[1].one!.p);
    expect(r.results[1].result.years[1].one).toBeUndefined();
  });
});

describe('live what-if: the panel names which P is which', () => {
  const def = loadScenario('baseline');
  const model = prepareScenario(def, { seed: 11 });
  const result = runScenario(def, { runs: 2_000, seed: 11 });
  const payload = (one?: { k: number; runs: number; horizons?: number[] }) =>
    livePayload(def, model, {
      file: resolveScenarioPath('baseline'),
      result,
      focusYear: 2026,
      history: [],
      name: def.name,
      ...(one ? { one } : {}),
    });
  it('with a backtest: the driver model’s P and the one forecast’s (k) side by side, the note says which is which', () => {
    const p = payload({ k: 1.6, runs: 20_000 });
    expect([p.k, p.oneForecastRuns]).toEqual([1.6, 20_000]);
    expect(liveTableHeaders('da', 1.6).slice(1, 6)).toEqual([
      'P(merforbrug), scenariemodellen',
      'MC-usikkerhed (pct.-point)',
      'Ændring i P, scenariemodellen (pct.-point)',
      'P(merforbrug), den ene prognose (k = 1,6)',
      'Ændring i P, den ene prognose (pct.-point)',
    ]);
    expect(liveTableHeaders('en', 1.6).slice(1, 6)).toEqual([
      'P(overspend), scenario model',
      'MC error (percentage points)',
      'Change in P, scenario model (percentage points)',
      'P(overspend), the one forecast (k = 1.6)',
      'Change in P, the one forecast (percentage points)',
    ]);
    // no unqualified change column beside two P's
    expect(liveTableHeaders('da', 1.6)).not.toContain('Ændring i P (pct.-point)');
    const da = livePanel(p, 'da', 'Basis');
    expect(da).toContain('<th class="n">P(merforbrug), den ene prognose (k = 1,6)</th>');
    expect(da).toContain('»P(merforbrug), den ene prognose (k = 1,6)« er overskriftens tal');
    expect(da).toContain('»Ændring i P, den ene prognose« er ændringen i netop den P');
    expect(da).toContain('Med uændrede input og 20.000 kørsler er den ene prognoses P(merforbrug) overskriftens.');
    expect(da).not.toContain('uden den kalibrering');
    const en = livePanel(p, 'en', 'Baseline');
    expect(en).toContain('“P(overspend), the one forecast (k = 1.6)” is the headline’s number');
    expect(en).toContain('“Change in P, the one forecast” is the change of that P');
    expect(en).toContain(
      'With the inputs unchanged and 20,000 runs the one forecast’s P(overspend) is the headline’s.',
    );
    // the headline's runs not among the page's: no such promise
    expect(livePanel(payload({ k: 1.6, runs: 12_345 }), 'da', 'Basis')).not.toContain('overskriftens.');
    // the report's runs the headline's too (the default report, 100.000): one sentence for both
    const both = livePanel({ ...p, reportRuns: 20_000 }, 'da', 'Basis');
    expect(both).toContain(
      'Med uændrede input og 20.000 kørsler er scenariemodellens tal dem i scenarietabellen for »Basis«, og den ene prognoses P(merforbrug) er overskriftens.',
    );
    expect(both).not.toContain('kørsler er den ene prognoses');
  });
  it('k beyond the replays’ horizons: the note names the extrapolated years (da, en)', () => {
    expect(model.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    const p = payload({ k: 1.6, runs: 20_000, horizons: [1, 2] });
    expect(p.kHorizons).toEqual([1, 2]);
    expect(livePanel(p, 'da', 'Basis')).toContain(
      '¹ k er målt på genkørsler 1–2 år frem; for 2027–2030 er den ekstrapoleret.',
    );
    expect(livePanel(p, 'en', 'Baseline')).toContain(
      '¹ k was measured on replays 1–2 years ahead; for 2027–2030 it is extrapolated.',
    );
    // other horizons, other years: computed, not fixed text
    const h3 = livePanel(payload({ k: 1.6, runs: 20_000, horizons: [1, 2, 3] }), 'da', 'Basis');
    expect(h3).toContain('¹ k er målt på genkørsler 1–3 år frem; for 2028–2030 er den ekstrapoleret.');
    expect(livePanel(payload({ k: 1.6, runs: 20_000, horizons: [1] }), 'en', 'Baseline')).toContain(
      '¹ k was measured on replays 1 year ahead; for 2026–2030 it is extrapolated.',
    );
    // every year within the horizons, no horizons recorded, or no k: no such sentence
    expect(livePanel(payload({ k: 1.6, runs: 20_000, horizons: [1, 2, 3, 4, 5, 6] }), 'da', 'Basis')).not.toContain(
      'ekstrapoleret',
    );
    expect(livePanel(payload({ k: 1.6, runs: 20_000 }), 'da', 'Basis')).not.toContain('ekstrapoleret');
    expect(livePanel(payload(), 'en', 'Baseline')).not.toContain('extrapolated');
  });
  it('yearsBeyondHorizons and spanText', () => {
    expect(yearsBeyondHorizons(2024, [1, 2], [2025, 2026, 2027, 2028])).toEqual([2027, 2028]);
    expect(yearsBeyondHorizons(2024, [1, 2, 3, 4], [2025, 2026, 2027, 2028])).toEqual([]);
    expect(yearsBeyondHorizons(2024, [], [2030])).toEqual([]);
    expect(spanText(1, 2)).toBe('1–2');
    expect(spanText(2028, 2028)).toBe('2028');
  });
  it('spreadKFrom: where a fitted k comes from, extrapolated only beyond its largest horizon', () => {
    const bt = { scenario: 'baseline', runs: 20_000, calibration: { horizons: [1, 2] } };
    expect(spreadKFrom(bt, 2024, 2026)).toEqual({
      backtest: 'baseline',
      runsPerReplay: 20_000,
      horizons: [1, 2],
      extrapolated: false,
    });
    expect(spreadKFrom(bt, 2024, 2027).extrapolated).toBe(true);
    expect(spreadKFrom({ ...bt, calibration: { horizons: [] } }, 2024, 2030).extrapolated).toBe(false);
  });
  it("kHorizons: the backtest horizons only when the backtest replayed the one forecast's own scenario", () => {
    const tr = { scenario: 'baseline', calibration: { horizons: [1, 2] } };
    expect(kHorizons(tr, 'baseline')).toEqual([1, 2]);
    expect(kHorizons(tr, 'high-demand')).toEqual([]);
    expect(kHorizons(tr, undefined)).toEqual([]);
    expect(kHorizons(undefined, 'baseline')).toEqual([]);
  });
  it('without a backtest (no k): only the driver model, as before', () => {
    const p = payload();
    expect(p.k).toBeUndefined();
    expect(liveTableHeaders('da')).toHaveLength(10);
    expect(liveTableHeaders('da')[1]).toBe('P(merforbrug)');
    expect(liveTableHeaders('da')[3]).toBe('Ændring i P (pct.-point)');
    const da = livePanel(p, 'da', 'Basis');
    expect(da).not.toContain('den ene prognose (k');
    expect(da).toContain(
      'Tallene er scenariemodellens (driver-modellen, som viso scenario run); rapporten har ingen backtest',
    );
  });
});

describe('live what-if: the change in P of each model (the table rows the page draws)', () => {
  const base = setup('baseline', 11);
  const K = 1.6;
  const RUNS = 8_000;
  const inputs = { ...neutralInputs(RUNS), ...CASES[CASES.length - 1][1] };
  const changed = applyLiveInputs(base.model, base.payload.info, inputs);
  const res = liveRun(changed, RUNS, K);
  const start = liveRun(base.model, RUNS, K);
  /** The cells of a row (text and attributes) by the headers' order. */
  const cells = (row: string) =>
    [...row.matchAll(/<td class="n"([^>]*)>([^<]*)<\/td>/g)].map((m) => ({ attrs: m[1], text: m[2] }));

  it('the one forecast’s change is its own P against its own unchanged P, not the driver model’s change', () => {
    const ch = liveChanges(res, start);
    expect(ch.map((c) => c.year)).toEqual(res.years.map((y) => y.year));
    for (const [t, c] of ch.entries()) {
      expect(c.dp, `${c.year}`).toBe((res.years[t].p - start.years[t].p) * 100);
      expect(c.dpOne, `${c.year}`).toBe((res.years[t].one!.p - start.years[t].one!.p) * 100);
    }
    // the widening makes the two changes differ (a column that showed the driver's change would fail here)
    expect(ch.filter((c) => Math.abs(c.dpOne! - c.dp) > 0.05).length).toBeGreaterThan(0);
    // unchanged inputs: no change in either model
    expect(liveChanges(start, start).every((c) => c.dp === 0 && c.dpOne === 0)).toBe(true);
    // without k: no one forecast, no change of it
    expect(liveChanges(liveRun(changed, RUNS), liveRun(base.model, RUNS)).every((c) => c.dpOne === undefined)).toBe(
      true,
    );
    // a start with other runs or another k is refused (the change would mix Monte Carlo noise in)
    expect(() => liveChanges(res, liveRun(base.model, RUNS + 1, K))).toThrow(/same runs/);
    expect(() => liveChanges(res, liveRun(base.model, RUNS))).toThrow(/spread factor/);
  });

  for (const lang of ['da', 'en'] as const) {
    it(`every row has a cell per header, the change next to each P is that model’s (${lang})`, () => {
      const heads = liveTableHeaders(lang, K);
      const ch = liveChanges(res, start);
      const rows = liveTableRows(res, start, lang);
      expect(rows).toHaveLength(res.years.length);
      const at = (h: string) => heads.indexOf(h);
      const iDp = at(
        lang === 'da'
          ? 'Ændring i P, scenariemodellen (pct.-point)'
          : 'Change in P, scenario model (percentage points)',
      );
      const iOne = at(
        lang === 'da' ? 'P(merforbrug), den ene prognose (k = 1,6)' : 'P(overspend), the one forecast (k = 1.6)',
      );
      const iDpOne = at(
        lang === 'da'
          ? 'Ændring i P, den ene prognose (pct.-point)'
          : 'Change in P, the one forecast (percentage points)',
      );
      expect([iDp, iOne, iDpOne].every((i) => i > 0)).toBe(true);
      expect(iDpOne).toBe(iOne + 1);
      for (const [t, row] of rows.entries()) {
        const c = cells(row);
        expect(c, row).toHaveLength(heads.length);
        expect(c[0].text).toBe(String(res.years[t].year));
        expect(c[iDp].attrs).toContain(`data-dp="${ch[t].dp}"`);
        expect(c[iDp].text).toBe(signedPp(ch[t].dp, lang));
        expect(c[iOne].attrs).toContain(`data-p-one="${res.years[t].one!.p}"`);
        expect(c[iDpOne].attrs).toContain(`data-dp-one="${ch[t].dpOne}"`);
        expect(c[iDpOne].text).toBe(signedPp(ch[t].dpOne!, lang));
      }
      // k extrapolated beyond the replays' 1–2 years: the mark exactly on those years' one-forecast P
      const kx = yearsBeyondHorizons(
        2024,
        [1, 2],
        res.years.map((y) => y.year),
      );
      expect(kx).toEqual([2027, 2028, 2029, 2030]);
      const marked = liveTableRows(res, start, lang, kx);
      for (const [t, row] of marked.entries()) {
        const c = cells(row);
        expect(c, row).toHaveLength(heads.length);
        const has = c[iOne].text.includes(K_MARK);
        expect(has, `${res.years[t].year}`).toBe(kx.includes(res.years[t].year));
        // nowhere else in the row
        expect(c.filter((x) => x.text.includes(K_MARK))).toHaveLength(has ? 1 : 0);
      }
      expect(marked.filter((r) => r.includes(K_MARK))).toHaveLength(4);
      // without k: one P, one change, the table's ten columns
      const plain = liveTableRows(liveRun(changed, RUNS), liveRun(base.model, RUNS), lang);
      expect(cells(plain[0])).toHaveLength(liveTableHeaders(lang).length);
      expect(plain[0]).not.toContain('data-dp-one');
    });
  }

  it('signedPp: one decimal in the language, a plus only when it rounds above zero', () => {
    expect(signedPp(2.345, 'da')).toBe('+2,3');
    expect(signedPp(2.345, 'en')).toBe('+2.3');
    expect(signedPp(-0.81, 'da')).toBe('-0,8');
    expect(signedPp(0.04, 'da')).toBe('0,0');
    expect(signedPp(0, 'en')).toBe('0.0');
  });
});

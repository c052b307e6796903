/**
 * The words of the cost engine's results (src/report/costText.ts, src/text/cost.ts): the engine returns
 * codes; these tests pin what they say in Danish and English.
 */
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { forecastFunnel } from '../../src/cost/funnel.js';
import { forloebMix } from '../../src/cost/mix.js';
import { bootstrapCostModel, costModelSensitivity, fitCostModel } from '../../src/cost/model.js';
import { loadPlTable, plOf } from '../../src/cost/plTable.js';
import { unitCostTable } from '../../src/cost/unitCost.js';
import {
  coefficientLabel,
  costReportJson,
  formatCostReport,
  funnelNotes,
  plLabel,
  unitCostYears,
} from '../../src/report/costText.js';
import { sayMsg } from '../../src/text/messages.js';

const ds = loadBundled();
const words = (ns: Parameters<typeof sayMsg>[0][], lang: 'da' | 'en') => ns.map((n) => sayMsg(n, lang)).join(' ');

describe('the notes of the unit-cost table', () => {
  it('say why a row is special, with the Danish decimal comma in Danish', () => {
    const t = unitCostTable(ds, { prices: 'current' });
    const r2020 = t.rows.find((r) => r.year === 2020)!;
    expect(sayMsg(r2020.notes[0], 'da')).toBe('ekskl. COVID-19-merudgifter 1,2 mio. kr.');
    expect(sayMsg(r2020.notes[0], 'en')).toBe('excl. COVID-19 extra costs DKK 1.2m');
    // the value has the COVID-19 costs subtracted: its flag says so (the published forbrug's flag is includes_covid)
    expect(r2020.unitCostKr).toBeCloseTo(((143.9 - 1.2) * 1e6) / 2164, 6);
    expect(r2020.flags).toEqual(['excludes_covid', 'estimated']);
    const kept = unitCostTable(ds, { prices: 'current', excludeCovidCosts: false }).rows.find((r) => r.year === 2020)!;
    expect(kept.flags).toEqual(['includes_covid', 'estimated']);
    expect(words(t.rows.find((r) => r.year === 2024)!.notes, 'en')).toMatch(/registration break/);
    expect(words(t.rows.find((r) => r.year === 2022)!.notes, 'da')).toMatch(/ingen forløb/);
  });
});

describe('the cost model in words', () => {
  it('words the diagnostics and the alternative specifications', () => {
    const m = fitCostModel(ds, { breakYear: 2023 });
    expect(words(m.diagnostics.notes, 'en')).toMatch(/Tiny sample: 9 years, 6 residual degrees of freedom/);
    expect(words(m.diagnostics.notes, 'da')).toMatch(/Meget lille stikprøve: 9 år, 6 frihedsgrader/);
    const sens = costModelSensitivity(ds);
    expect(sayMsg(sens[0].label, 'da')).toBe('hovedmodel: løbende priser, brud 2024');
    expect(sayMsg(sens[0].label, 'en')).toBe('main: current prices, break 2024');
    expect(sayMsg(sens[4].label, 'da')).toBe('faste priser');
    expect(sayMsg(sens[5].label, 'da')).toMatch(
      /^kohorte-timing: forbrug fra forløb startet i året og året før \(\d+ % \/ \d+ %, models\/timing\.yaml\)$/,
    );
    expect(sayMsg(sens[5].label, 'en')).toMatch(/^cohort timing: .*\(\d+% \/ \d+%, models\/timing\.yaml\)$/);
  });

  it('formats the report of viso cost and words the same report for --json', () => {
    const opts = { prices: 'fixed' as const };
    const model = fitCostModel(ds, opts);
    const report = {
      table: unitCostTable(ds, opts),
      model,
      bootstrap: bootstrapCostModel(model, { runs: 200, seed: 1 }),
      sensitivity: costModelSensitivity(ds, opts),
      mix: forloebMix(ds),
    };
    const da = formatCostReport(report);
    expect(da).toMatch(/^Enhedsomkostning pr. rådgivningsforløb \(faste 2024-priser\)\nPL-antagelse: /);
    expect(da).toContain('- Meget lille stikprøve');
    expect(formatCostReport(report, 'en')).toContain('- Spending is not reported by case type');
    const j = costReportJson(report, 'en');
    expect(Object.keys(j)).toEqual(['table', 'model', 'bootstrap', 'sensitivity', 'mix']);
    expect(j.table.plLabel).toBe(report.table.plLabel.en);
    expect(j.table.rows.find((r) => r.year === 2020)!.notes[0]).toBe('excl. COVID-19 extra costs DKK 1.2m');
    expect(j.model.diagnostics.notes[0]).toMatch(/^Tiny sample/);
    expect(j.sensitivity![0].label).toBe('main: fixed prices, break 2024');
    expect(j.mix.notes[0]).toMatch(/cannot be estimated/);
    // the engine's numbers are carried as they are
    expect(j.model.unit).toEqual(model.unit);
  });
});

describe('the notes of the forløb mix and the funnel', () => {
  it('word the mix notes in both languages', () => {
    const m = forloebMix(ds);
    expect(sayMsg(m.notes[0], 'da')).toMatch(/kan ikke estimeres/);
    expect(words(m.notes, 'en')).toMatch(/cannot be estimated/);
    expect(sayMsg(m.notes[1], 'da')).toMatch(/^Gruppeforløb udgjorde \d+,\d–\d+,\d % af alle forløb 2015–2020/);
    expect(sayMsg(m.notes[1], 'en')).toMatch(
      /^Group cases \(gruppeforløb\) were \d+\.\d–\d+\.\d % of all cases 2015–2020/,
    );
  });
  it('word the funnel notes, the link named in the language', () => {
    const f = forecastFunnel(ds, { horizon: 3, runs: 500, seed: 3 });
    expect(funnelNotes(f, 'en').join(' ')).toMatch(/requests: 2021–2022 missing; linearly interpolated/);
    expect(funnelNotes(f, 'en').join(' ')).toMatch(/level shift from 2024/);
    expect(funnelNotes(f).join(' ')).toMatch(/visitationsrate: niveauskift fra 2024 \(registreringsbrud\)/);
    const v = forecastFunnel(ds, { area: 'voksne', horizon: 2, runs: 200 });
    expect(funnelNotes(v, 'en').at(-1)).toBe(
      'spending is only modelled in total (no spending by main area in the data)',
    );
  });
});

describe('plLabel', () => {
  it('names the index, its listed rates with sources and the default for other years', () => {
    const t = loadPlTable();
    expect(plLabel(t, 'wage', 'da')).toBe(
      'Statens lønindeks (models/pl.yaml): 2025 4,1 % (Finansministeriets forudsætninger for 2025); øvrige år 2,0 % (Antagelse: 2,0 % om året, ikke en officiel sats)',
    );
    expect(plLabel(t, 'wage', 'en')).toBe(
      'State wage index (models/pl.yaml): 2025 4.1% (Danish Ministry of Finance assumptions for 2025); other years 2.0% (Assumption: 2.0% a year, not an official rate)',
    );
    // the cost assumptions of an index carry both labels
    expect(plOf(t, 'wage').pl.defaultLabel).toBe(plLabel(t, 'wage', 'da'));
    expect(plOf(t, 'wage').pl.defaultLabelEn).toBe(plLabel(t, 'wage', 'en'));
  });
});

describe('coefficientLabel', () => {
  it("names the cost model's coefficients in the report's words with their unit, the engine's name otherwise", () => {
    const m = fitCostModel(ds, { prices: 'current' });
    const names = m.diagnostics.coefficients.map((c) => c.name);
    expect(names).toEqual(['fixed', 'unit', 'break_2024']);
    // with the level shift the intercept is the fixed cost before the break (the current regime's is intercept + shift)
    expect(names.map((n) => coefficientLabel(n, 'da', true))).toEqual([
      'Faste omkostninger før bruddet, mio. kr.',
      'Marginal omkostning pr. forløb, mio. kr.',
      'Niveauskift fra 2024, mio. kr.',
    ]);
    expect(names.map((n) => coefficientLabel(n, 'en', true))).toEqual([
      'Fixed cost before the break, DKK m',
      'Marginal cost per case, DKK m',
      'Level shift from 2024, DKK m',
    ]);
    expect(coefficientLabel('fixed', 'da')).toBe('Faste omkostninger, mio. kr.');
    expect(m.diagnostics.coefficients[0].coef).toBeCloseTo(m.preBreakFixed.mean, 12);
    expect(coefficientLabel('other', 'da')).toBe('other');
  });
});

describe('unitCostYears', () => {
  const current = unitCostTable(ds, { prices: 'current' });
  const fixed = unitCostTable(ds, { prices: 'fixed' });
  it('one row per year with a unit cost in current prices; a year missing forbrug or forløb (2021 gap, 2022 forløb) is left out', () => {
    const rows = unitCostYears(current, fixed);
    const years = current.rows.filter((r) => Number.isFinite(r.unitCostKr)).map((r) => r.year);
    expect(rows.map((r) => r.year)).toEqual(years);
    expect(years).not.toContain(2022);
    expect(current.rows.map((r) => r.year)).toContain(2022);
  });
  it('the current and the fixed unit cost of the same year side by side, forbrug and forløb as the current table used them', () => {
    const r2019 = unitCostYears(current, fixed).find((r) => r.year === 2019)!;
    const c = current.rows.find((r) => r.year === 2019)!;
    const f = fixed.rows.find((r) => r.year === 2019)!;
    expect(r2019).toEqual({
      year: 2019,
      forbrug: c.forbrug,
      forloeb: 2065,
      current: c.unitCostKr,
      fixed: f.unitCostKr,
      note: '',
    });
    expect(r2019.fixed).not.toBe(r2019.current);
  });
  it("the year's notes worded in the language and joined by »; «; a year the fixed table lacks has fixed NaN", () => {
    const r2020 = unitCostYears(current, fixed).find((r) => r.year === 2020)!;
    expect(r2020.note).toBe('ekskl. COVID-19-merudgifter 1,2 mio. kr.; forløb indeholder en estimeret andel');
    expect(unitCostYears(current, fixed, 'en').find((r) => r.year === 2020)!.note).toMatch(/^excl\. COVID-19 .*; /);
    const none = unitCostYears(current, { ...fixed, rows: fixed.rows.filter((r) => r.year !== 2020) });
    expect(none.find((r) => r.year === 2020)!.fixed).toBeNaN();
  });
});

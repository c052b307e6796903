/** Chart inputs from engine results (shared by the report and the notebooks). */
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/index.js';
import { evaluateMeasure } from '../../src/measures/evaluate.js';
import { findMeasure } from '../../src/measures/load.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/scenario.js';
import { sensitivity } from '../../src/scenario/sensitivity.js';
import { measureChartInput, scenarioYearRows, tornadoRows } from '../../src/report/chartInputs.js';
import { tighteningGrid } from '../../src/scenario/whatif.js';
import { measureChart, pMerforbrugChart, goalSeekChart, tornadoChart } from '../../src/report/charts/index.js';

type Row = Record<string, unknown>;
/** Every inline dataset (`data: { values }`) of a Vega-Lite spec, in document order. */
function inlineValues(spec: unknown): Row[][] {
  const out: Row[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const data = (node as { data?: { values?: unknown } }).data;
      if (Array.isArray(data?.values)) out.push(data.values as Row[]);
      for (const [k, v] of Object.entries(node)) if (k !== 'data') walk(v);
    }
  };
  walk(spec);
  return out;
}

describe('measureChartInput', () => {
  const ev = evaluateMeasure(findMeasure('tightening-2021-09'), loadBundled(), { runs: 2000, seed: 7 });
  const o = ev.outcomes.find((x) => x.outcome === 'viso.raadgivning.forbrug')!;
  const input = measureChartInput('Stramning', '2021-09-20', o);
  it('actual = pre-period + evaluated years; the band branches off at the vantage point with zero width', () => {
    expect(input.actual.map((p) => p.year)).toEqual([...o.preYears, ...o.years.map((y) => y.year)]);
    const first = input.counterfactual[0];
    expect(first.year).toBe(o.preYears.at(-1));
    expect(first.lower).toBe(first.upper);
    expect(first.point).toBe(o.preValues.at(-1));
    expect(input.counterfactual.slice(1).map((c) => c.year)).toEqual(o.years.map((y) => y.year));
    expect(input.counterfactual.slice(1).every((c) => c.lower <= c.point && c.point <= c.upper)).toBe(true);
    expect(input.unit).toBe('mio. kr.');
    expect(input.quantity).toBe('Forbrug (mio. kr.)');
    expect(measureChartInput('x', '2021-09-20', o, 'en').quantity).toBe('Spending (DKK m)');
    // the chart draws these inputs: the band from the counterfactual, the line from the actual values
    const [band, lines] = inlineValues(measureChart(input));
    expect(band).toEqual(input.counterfactual);
    const actualSeries = lines[0].series;
    expect(lines.filter((l) => l.series === actualSeries && l.value !== null).map((l) => [l.year, l.value])).toEqual(
      input.actual.map((a) => [a.year, a.value]),
    );
    expect(lines.filter((l) => l.series !== actualSeries).map((l) => [l.year, l.value])).toEqual(
      input.counterfactual.map((c) => [c.year, c.point]),
    );
  });
  it("the y axis names the unit once: an outcome whose name carries it keeps it, a count gets '(antal)'", () => {
    const yTitle = (spec: unknown) =>
      (spec as { layer: { encoding: { y: { title?: string } } }[] }).layer[1].encoding.y.title;
    expect(yTitle(measureChart(input))).toBe('Forbrug (mio. kr.)');
    expect(yTitle(measureChart(measureChartInput('x', '2021-09-20', o, 'en'), { lang: 'en' }))).toBe(
      'Spending (DKK m)',
    );
    const fl = ev.outcomes.find((x) => x.outcome === 'viso.raadgivning.forloeb.i_alt')!;
    expect(yTitle(measureChart(measureChartInput('Stramning', '2021-09-20', fl)))).toBe(
      'Rådgivningsforløb, i alt (antal)',
    );
  });
});

describe('scenario rows, tightening grid, tornado', () => {
  const base = loadScenario('baseline');
  const rs = [runScenario(base, { runs: 4000 }), runScenario(loadScenario('high-demand'), { runs: 4000 })];
  it('scenarioYearRows: every year or only the asked ones, names in the language asked', () => {
    expect(scenarioYearRows(rs)).toHaveLength(rs[0].years.length + rs[1].years.length);
    const two = scenarioYearRows(rs, { years: [2026] });
    expect(two.map((r) => [r.scenario, r.year])).toEqual([
      ['Basisforløb – ingen nye tiltag', 2026],
      ['Høj efterspørgselsvækst', 2026],
    ]);
    expect(scenarioYearRows(rs, { years: [2026], lang: 'en' }).map((r) => r.scenario)).toEqual([
      'Baseline – no new measures',
      'High demand growth',
    ]);
    const y = rs[0].years.find((v) => v.year === 2026)!;
    expect(two[0]).toMatchObject({
      bevilling: y.bevilling.mean,
      pMerforbrug: y.pMerforbrug,
      pMerforbrugSe: y.pMerforbrugSe,
    });
    expect(inlineValues(pMerforbrugChart(two))[0].map((v) => [v.scenario, v.year, v.p])).toEqual(
      two.map((r) => [r.scenario, r.year, r.pMerforbrug]),
    );
  });
  it('goalSeekChart draws the what-if grid (tightening in %) and the target', () => {
    const g = tighteningGrid(base, { tightenings: [0, 0.05, 0.1], year: 2026, runs: 4000 });
    const [curve, target] = inlineValues(goalSeekChart(g, 2026, 0.1));
    expect(curve.map((v) => [v.pct, v.pMerforbrug])).toEqual(g.map((x) => [x.tightening * 100, x.pMerforbrug]));
    expect(target).toMatchObject([{ target: 0.1 }]);
  });
  it('tornadoRows: readable names and value labels with Danish decimals, in the order of the sensitivity result', () => {
    const s = sensitivity(base, { year: 2026, runs: 4000 });
    const rows = tornadoRows(s);
    expect(rows.map((r) => r.low)).toEqual(s.tornado.map((x) => x.low));
    expect(rows.find((r) => s.tornado[rows.indexOf(r)].input === 'demand')!.parameter).toBe('Vækst i henvendelser');
    expect(rows.find((r) => s.tornado[rows.indexOf(r)].input === 'bevillingNoise')!.parameter).toBe(
      'Årlige udsving i bevillingen (z-værdi)',
    );
    expect(rows.every((r) => !/\d\.\d/.test(r.lowLabel!) && !/\d\.\d/.test(r.highLabel!))).toBe(true);
    expect(tornadoRows(s, 'en').some((r) => /\d\.\d/.test(r.lowLabel!))).toBe(true);
    // a growth rate's values in per cent (as the input table writes it), a rate's cell formatted as one
    const demand = rows[s.tornado.findIndex((x) => x.input === 'demand')];
    expect(demand.lowLabel).toMatch(/^\d+,\d %$/);
    expect(demand.valueFormat).toBe('0.0%');
    const unit = rows[s.tornado.findIndex((x) => x.input === 'unitCost')];
    expect(unit.parameter).toBe('Pris pr. forløb (1.000 kr.)');
    expect(unit.lowLabel).toMatch(/^\d+,\d$/);
    const [bars, medianRule] = inlineValues(tornadoChart(rows, s.median, s.year));
    expect(bars.map((b) => [b.parameter, b.value])).toEqual(
      rows.flatMap((r) => [
        [r.parameter, r.low],
        [r.parameter, r.high],
      ]),
    );
    expect(medianRule).toEqual([{ base: s.median }]);
  });
});

/**
 * Chart inputs from engine results: the glue between the engines (measure
 * evaluation, scenarios, sensitivity) and the chart functions, shared by the
 * report and by scripts and notebooks, so both draw the same thing.
 */
import type { Lang } from '../text/number.js';
import type { OutcomeEvaluation } from '../measures/evaluate.js';
import { scenarioName } from './scenarioText.js';
import type { SensitivityResult } from '../scenario/sensitivity.js';
import type { ScenarioResult } from '../scenario/types.js';
import type { MeasureChartInput, ScenarioYearRow, TornadoChartRow, TrackRecordRow } from './charts/types.js';
import type { ScenarioBacktest } from '../scenario/backtest.js';
import { t } from '../text/report.js';
import { sayMsg } from '../text/messages.js';
import { inputName, sampledNumFmt, sampledValueText } from '../text/terms.js';

/**
 * The `measureChart` input for one evaluated outcome of a measure: the pre-period and the evaluated
 * years as actual values; the counterfactual band starts at the vantage point (the last pre-period
 * year, zero width) so it visibly branches off the actual series.
 *
 * @example
 * const ev = evaluateMeasure(findMeasure('tightening-2021-09'), loadBundled(), { runs: 2000, seed: 1 });
 * measureChart(measureChartInput('Skærpede visitationskriterier', '2021-09-20', ev.outcomes[0]))
 */
export function measureChartInput(
  name: string,
  start: string,
  o: OutcomeEvaluation,
  lang: Lang = 'da',
  level = 95,
): MeasureChartInput {
  const unit = o.kind === 'mio' ? 'mio. kr.' : o.kind === 'ratio' ? 'ratio' : 'count';
  const input: MeasureChartInput = {
    name,
    unit,
    quantity: sayMsg(o.label, lang),
    start,
    level,
    actual: [
      ...o.preYears.map((year, i) => ({ year, value: o.preValues[i], flags: [] as string[] })),
      ...o.years.map((y) => ({ year: y.year, value: y.actual, flags: [...y.flags] })),
    ],
    counterfactual: o.years.map((y) => ({
      year: y.year,
      point: y.counterfactual,
      lower: y.cfLower95,
      upper: y.cfUpper95,
    })),
  };
  if (input.counterfactual.length && o.preYears.length) {
    const year = o.preYears[o.preYears.length - 1];
    const v = o.preValues[o.preValues.length - 1];
    input.counterfactual.unshift({ year, point: v, lower: v, upper: v });
  }
  return input;
}

/**
 * Rows for the scenario comparison charts (`scenarioComparisonChart`, `pMerforbrugChart`): every year
 * of every result, or only `years`; scenario names in `lang` (`name_en` for English where given).
 *
 * @example
 * const rs = ['baseline', 'high-demand'].map((id) => runScenario(loadScenario(id), { runs: 20_000 }));
 * pMerforbrugChart(scenarioYearRows(rs, { years: [2025, 2026] }))
 */
export function scenarioYearRows(
  results: ScenarioResult[],
  opts: { years?: number[]; lang?: Lang } = {},
): ScenarioYearRow[] {
  return results.flatMap((r) =>
    r.years
      .filter((y) => opts.years === undefined || opts.years.includes(y.year))
      .map((y) => ({
        scenario: scenarioName(r, opts.lang),
        year: y.year,
        forbrug: y.forbrug,
        bevilling: y.bevilling.mean,
        pMerforbrug: y.pMerforbrug,
        pMerforbrugSe: y.pMerforbrugSe,
      })),
  );
}

/**
 * Track-record rows for `trackRecordChart`: every backtest point of the calibrated driver (the one forecast),
 * labelled by mode and horizon in `lang`.
 *
 * @example
 * trackRecordChart(trackRecordRows(backtestScenario(loadScenario('baseline'), { runs: 5000 })))
 */
export function trackRecordRows(b: Pick<ScenarioBacktest, 'points'>, lang: Lang = 'da'): TrackRecordRow[] {
  return b.points
    .filter((p) => p.calibrated)
    .map((p) => {
      const q = p.calibrated!.quantiles;
      return {
        target: p.target,
        vantage: p.vantage,
        h: p.h,
        key: t(lang, 'bt.key', { mode: t(lang, p.mode === 'asKnown' ? 'bt.asKnown' : 'bt.withDecisions'), h: p.h }),
        actual: p.actual,
        p2_5: q.p2_5,
        p10: q.p10,
        p50: q.p50,
        p90: q.p90,
        p97_5: q.p97_5,
      };
    });
}

/**
 * Tornado bars for `tornadoChart` from a `sensitivity` result: readable input names in `lang`, the
 * merforbrug at each input's 10th and 90th percentile, and the input values as labels.
 *
 * @example
 * const s = sensitivity(loadScenario('baseline'), { year: 2026, runs: 20_000 });
 * tornadoChart(tornadoRows(s), s.median, s.year)
 */
export function tornadoRows(s: SensitivityResult, lang: Lang = 'da'): TornadoChartRow[] {
  return s.tornado.map((r) => {
    // in the input's unit, as the input table writes it (a growth rate 7,3 %, not 0,073)
    const [lowLabel, highLabel] = sampledValueText(r.input, [r.lowValue, r.highValue], lang);
    return {
      parameter: inputLabel(r.input, lang),
      low: r.low,
      high: r.high,
      lowValue: r.lowValue,
      highValue: r.highValue,
      lowLabel,
      highLabel,
      valueFormat: sampledNumFmt(r.input),
    };
  });
}

/**
 * Readable name of a scenario input (`demand`, `visitation`, `measure:<id>`, ...).
 *
 * @example
 * inputLabel('visitation', 'da') // 'Visitationsrate (forløb pr. henvendelse)'
 */
export function inputLabel(input: string, lang: Lang): string {
  return inputName(input, lang);
}

/**
 * The charts of a report, derived from the model: one list used by the HTML report
 * (embedded specs), the Markdown report (PNG files) and `viso chart <name>`.
 */
import { scenarioYearRows, trackRecordRows } from './chartInputs.js';
import { t } from '../text/report.js';
import type { TopLevelSpec } from 'vega-lite';
import { merforbrugDistributionChart, type MerforbrugDistRow } from './charts/distribution.js';
import {
  activityChart,
  budgetChart,
  fanChart,
  goalSeekChart,
  measureChart,
  pMerforbrugChart,
  scenarioComparisonChart,
  tornadoChart,
  trackRecordChart,
  unitCostChart,
} from './charts/index.js';
import type { ChartEvent, ScenarioYearRow } from './charts/types.js';
import { chartEvents } from './fromData.js';
import { followUpReportChart } from './followupSection.js';
import type { ReportModel } from './model.js';
import { primaryScenario } from './summary.js';

/** Which report section a chart belongs to. */
export type ChartSection =
  'trackrecord' | 'history' | 'forecasts' | 'scenarios' | 'whatif' | 'sensitivity' | 'measures' | 'followup';

/** One chart of the report. */
export interface ReportChart {
  /** File-name-safe id (`budget`, `forecast-forbrug`, `measure-<id>`, ...). */
  id: string;
  section: ChartSection;
  spec: TopLevelSpec;
  /** Interactive charts are shown only in HTML (a static image would hide the control). */
  interactiveOnly?: boolean;
}

/** Event kinds drawn on time axes: all of them (supplier events with a short label, see `eventLayers`). */
export const CHART_EVENT_KINDS = ['measure', 'covid', 'registration_break', 'supply'] as const;

/**
 * Scenario rows for the comparison charts (all years of all scenarios).
 *
 * @example
 * scenarioRows(model).filter((r) => r.year === 2026).map((r) => r.pMerforbrug)
 */
export function scenarioRows(m: ReportModel): ScenarioYearRow[] {
  return scenarioYearRows(m.scenarios.map((s) => s.result)); // names are already in the report's language
}

/**
 * Merforbrug's distribution per scenario and year (percentiles 1..99, P(merforbrug), expected overrun) for the
 * distribution views, the primary scenario first.
 *
 * @example
 * distributionRows(model).filter((r) => r.year === 2026).map((r) => r.p)
 */
export function distributionRows(m: ReportModel): MerforbrugDistRow[] {
  const p = primaryScenario(m);
  const ordered = p ? [p, ...m.scenarios.filter((s) => s !== p)] : m.scenarios;
  return ordered.flatMap((s) =>
    s.result.years
      .filter((y) => y.merforbrugPercentiles?.length === 99)
      .map((y) => ({
        scenario: s.result.name,
        year: y.year,
        percentiles: y.merforbrugPercentiles,
        p: y.pMerforbrug,
        expectedOverspend: y.expectedOverspend,
      })),
  );
}

/**
 * Make an id safe for file names.
 *
 * @example
 * slug('Tightening 2021-09!') // 'tightening-2021-09'
 */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

/**
 * All charts of the report in reading order.
 *
 * @example
 * reportCharts(model).map((c) => c.id) // ['budget', 'activity', 'unit-cost', 'forecast-forbrug', ...]
 */
export function reportCharts(m: ReportModel): ReportChart[] {
  const lang = m.lang;
  const ev: ChartEvent[] = chartEvents(m.events, lang, CHART_EVENT_KINDS);
  const forbrugFlags = new Map(m.history.budget.map((b) => [b.year, b.flags]));
  const out: ReportChart[] = [];
  if (m.trackRecord?.points.length)
    out.push({
      id: 'track-record',
      section: 'trackrecord',
      spec: trackRecordChart(
        trackRecordRows(m.trackRecord, lang).map((r) => ({ ...r, flags: forbrugFlags.get(r.target) ?? [] })),
        { lang },
        ev,
      ),
    });
  if (m.history.budget.length)
    out.push({ id: 'budget', section: 'history', spec: budgetChart(m.history.budget, ev, { lang }) });
  if (m.history.activity.length)
    out.push({ id: 'activity', section: 'history', spec: activityChart(m.history.activity, ev, { lang }) });
  if (m.history.unitCost?.rows.length)
    out.push({
      id: 'unit-cost',
      section: 'history',
      spec: unitCostChart(m.history.unitCost.rows, m.history.unitCost.baseYear, ev, { lang }),
    });
  for (const f of m.forecasts)
    out.push({ id: `forecast-${slug(f.id)}`, section: 'forecasts', spec: fanChart(f.fan, ev, { lang }) });
  const rows = scenarioRows(m);
  if (rows.length) {
    const firstYear = Math.min(...rows.map((r) => r.year));
    const history = m.history.budget
      .filter((b) => b.year >= firstYear - 5)
      .map((b) => ({ year: b.year, forbrug: b.forbrug, bevilling: b.bevilling, flags: b.flags }));
    out.push({ id: 'scenarios', section: 'scenarios', spec: scenarioComparisonChart(rows, { lang }, history, ev) });
    out.push({ id: 'p-merforbrug', section: 'scenarios', spec: pMerforbrugChart(rows, { lang }, ev) });
    out.push({
      id: 'merforbrug-distribution',
      section: 'scenarios',
      spec: merforbrugDistributionChart(distributionRows(m), {
        lang,
        year: m.focusYear,
        primary: primaryScenario(m)?.result.name,
      }),
    });
  }
  if (m.whatIf && m.whatIf.grid.length > 1) {
    const lever = t(lang, m.whatIf.lever === 'demand' ? 'lever.demand' : 'lever.visitation');
    out.push({
      id: 'goal-seek',
      section: 'whatif',
      spec: goalSeekChart(m.whatIf.grid, m.whatIf.year, m.whatIf.target, m.whatIf.solution, { lang, lever }),
    });
  }
  if (m.sensitivity && m.sensitivity.rows.length)
    out.push({
      id: 'tornado',
      section: 'sensitivity',
      spec: tornadoChart(m.sensitivity.rows, m.sensitivity.base, m.sensitivity.year, { lang }),
    });
  for (const x of m.measures)
    if (x.chart)
      out.push({ id: `measure-${slug(x.id)}`, section: 'measures', spec: measureChart(x.chart, { lang }, ev) });
  if (m.followUp) out.push({ id: 'followup', section: 'followup', spec: followUpReportChart(m.followUp, lang) });
  return out;
}

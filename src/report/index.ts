/**
 * Reports: Vega-Lite chart specs, headless SVG/PNG rendering, and the HTML, Markdown and
 * XLSX scenario reports (`buildReport`, `writeReport`).
 */
export * from './charts/index.js';
export { renderSvg, svgToPng, renderChart, compileSpec, type ChartFormat } from './render.js';
export { buildReport, writeReport, type BuildReportOptions, type BuiltReport } from './build.js';
export {
  collectReport,
  DEFAULT_REPORT_RUNS,
  DEFAULT_GRID,
  REPORT_PARTS,
  type CollectOptions,
  type ReportPart,
} from './collect.js';
export { reportCharts, scenarioRows, CHART_EVENT_KINDS, type ReportChart, type ChartSection } from './reportCharts.js';
export { budgetRows, activityRows, unitCostRows, chartEvents, seriesPoints } from './fromData.js';
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { renderXlsx } from './xlsx.js';
export { buildManifest, type Manifest } from './manifest.js';
export { headline, summaryParagraphs, summarySentences, type Headline } from './summary.js';
export { t as reportText, label as reportLabel, type StringKey } from '../text/report.js';
export { formatSeriesList, formatSeriesTable, formatEvents, formatMerge, FLAG_LABELS, unitLabel } from './dataText.js';
export { monthName, formatPeriod, formatDate } from '../text/date.js';
export { problemReason, problemLine, progressText, modelText, methodName, notesText } from './forecastText.js';
export type {
  ReportModel,
  ReportScenario,
  ReportMeasure,
  ReportForecast,
  AccuracyRow,
  WhatIf,
  Sensitivity as ReportSensitivity,
} from './model.js';
export { measureChartInput, scenarioYearRows, tornadoRows, inputLabel, trackRecordRows } from './chartInputs.js';
export { followUpChart, type FollowUpChartInput, type FollowUpChartMonth } from './charts/followup.js';
export {
  formatFollowUp,
  followUpTables,
  followUpXlsx,
  followUpHeadline,
  type FollowUpTables,
  type FollowUpTable,
} from './followup.js';
export {
  formatCostReport,
  costReportJson,
  coefficientLabel,
  unitCostYears,
  funnelNotes,
  plLabel,
  type CostReport,
  type CostReportJson,
  type UnitCostYear,
} from './costText.js';
export {
  formatEvaluation,
  formatMeasureList,
  describeEffect,
  evaluationJson,
  outcomeLabel,
  outcomeDecimals,
  effectRows,
  verdictText,
  type EffectRow,
  type EvaluationJson,
  type OutcomeEvaluationJson,
} from './measuresText.js';
export {
  formatScenarioResult,
  formatComparison,
  formatGoalSeek,
  goalSeekAnswer,
  formatSensitivity,
  formatBacktest,
  scenarioName,
  assumptionLabel,
  localizeAssumptions,
  bevillingLabel,
  inputLines,
  valueText,
} from './scenarioText.js';

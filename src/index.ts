/**
 * viso-budget: the curated library API (see README "Scripting"), by section. Each section's
 * full set of names, internals included, is its own entry: `viso-budget/data`,
 * `viso-budget/forecast`, `viso-budget/cost`, `viso-budget/measures`,
 * `viso-budget/scenario`, `viso-budget/followup`, `viso-budget/report`, `viso-budget/stats`.
 * Every type of every section is exported here too.
 */

// errors: what a user's bad input raises
export { InputError, InputErrors, UsageError, isUserError, userMessage } from './errors.js';

// data: the bundled VISO series with provenance, user files, series helpers, data frames
export {
  loadBundled,
  loadDataset,
  loadDataFile,
  validateFile,
  Dataset,
  seriesValues,
  valueAt,
  pointAt,
  alignSeries,
  sumSeries,
  ratioSeries,
  seriesFromArrays,
  seriesFromObservations,
} from './data/index.js';
export { FLAGS, UNITS } from './data/types.js';
export {
  toDataFrame,
  fromDataFrame,
  loadDanfo,
  seriesColumns,
  forecastColumns,
  scenarioColumns,
} from './data/index.js';

// forecast: model definition, fit, forecast and accuracy kept apart
export {
  METHOD_NAMES,
  fit,
  forecast,
  forecastSeries,
  pathDistribution,
  simulate,
  backtest,
  seriesTrackRecord,
  smape,
  mape,
  mase,
  msis,
  coverage,
  forecastHierarchy,
  hierarchyShares,
  reconcile,
  forecastBatch,
} from './forecast/index.js';

// cost: unit cost, the fixed + variable cost model, the funnel, PL, a forløb's timing
export {
  loadCostAssumptions,
  unitCostTable,
  fitCostModel,
  predictCost,
  bootstrapCostModel,
  costModelSensitivity,
  drawCostParams,
  funnel,
  forecastFunnel,
  forloebMix,
  plIndex,
  toFixedPrices,
  durationDist,
  costShareByYear,
} from './cost/index.js';

// measures: demand-limiting measures and their evaluation
export {
  loadMeasure,
  loadMeasures,
  findMeasure,
  measureFactor,
  evaluateMeasure,
  effectFromEvaluation,
  segmentedRegression,
} from './measures/index.js';

// scenario: Monte Carlo of merforbrug, goal seek, sensitivity, the backtest behind the headline
export {
  loadScenario,
  listBundledScenarios,
  runScenario,
  goalSeek,
  sensitivity,
  backtestScenario,
  headlineBacktest,
  oneForecast,
  parameterSpread,
  estimateScenarioInputs,
  datasetUntil,
  tighteningGrid,
} from './scenario/index.js';

// followup: monthly actuals to a forventet regnskab
export { readMonthlyActuals, followUp, backtestFollowUp, loadFollowUpAssumptions } from './followup/index.js';

// report: Vega-Lite charts, the report model and its three writers
export {
  budgetChart,
  activityChart,
  unitCostChart,
  fanChart,
  pMerforbrugChart,
  merforbrugDistributionChart,
  scenarioComparisonChart,
  tornadoChart,
  measureChart,
  measureChartInput,
  goalSeekChart,
  followUpChart,
  trackRecordChart,
  chartEvents,
  budgetRows,
  activityRows,
  unitCostRows,
  scenarioYearRows,
  tornadoRows,
  inputLabel,
  formatFollowUp,
  describeEffect,
  renderSvg,
  svgToPng,
  collectReport,
  buildReport,
  writeReport,
} from './report/index.js';

// stats and formatting
export { Rng, invNorm, normCdf, distQuantile, distMean, quantileSorted, crpsSorted, ols } from './stats/index.js';
export { formatNumber, formatMio, formatPct, formatPp } from './text/number.js';
export { writeFileAtomic } from './io/write.js';

// every type of every section
export type * from './errors.js';
export type * from './data/types.js';
export type * from './data/index.js';
export type * from './forecast/index.js';
export type * from './cost/index.js';
export type * from './measures/index.js';
export type * from './scenario/index.js';
export type * from './followup/index.js';
export type * from './report/index.js';
export type * from './stats/index.js';
export type * from './text/number.js';
export type * from './io/write.js';

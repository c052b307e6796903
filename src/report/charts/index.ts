/** Vega-Lite chart specs for the report (pure functions of small typed tables). */
export * from './types.js';
export { chartConfig, eventLayers, flagLayer, yearPosition, wrapLabel, COLORS } from './theme.js';
export { budgetChart } from './budget.js';
export { activityChart } from './activity.js';
export { unitCostChart } from './unitCost.js';
export { fanChart } from './fan.js';
export { scenarioComparisonChart, pMerforbrugChart } from './scenarios.js';
export { tornadoChart } from './tornado.js';
export { measureChart } from './measure.js';
export { goalSeekChart, whatIfChart } from './goalSeek.js';
export { trackRecordChart } from './trackRecord.js';
export {
  merforbrugDistributionChart,
  liveFanChart,
  exceedanceAt,
  histogramFromPercentiles,
  niceStep,
  type MerforbrugDistRow,
  type LiveFanRow,
} from './distribution.js';

/**
 * Cost per forløb: PL assumptions, unit-cost table, the fixed + variable cost
 * model, the demand funnel and the forløb-type mix.
 */
export {
  loadCostAssumptions,
  costAssumptionsFromYaml,
  defaultCostAssumptions,
  bundledCostPath,
} from './assumptions.js';
export type { CostAssumptions } from './assumptions.js';
export { plIndex, plRate, toFixedPrices } from './plIndex.js';
export { unitCostTable } from './unitCost.js';
export type { Prices, UnitCostOptions, UnitCostRow, UnitCostTable } from './unitCost.js';
export { fitCostModel, costModelSensitivity, bootstrapCostModel, drawCostParams, predictCost } from './model.js';
export type {
  CostBootstrap,
  CostModel,
  CostModelOptions,
  CostDiagnostics,
  CoefficientRow,
  Estimate,
  CostSensitivityRow,
} from './model.js';
export { funnel, funnelByArea, forecastFunnel } from './funnel.js';
export type { Funnel, FunnelForecast, FunnelForecastOptions, FunnelQuantiles } from './funnel.js';
export { forloebMix } from './mix.js';
export type { ForloebMix, MixRow } from './mix.js';
export { costInputs, AREAS, COST_IDS } from './data.js';
export type { SeriesSource, CostInputRow, AreaName } from './data.js';
export { ols, coefInterval } from '../stats/ols.js';
export type { OlsResult } from '../stats/ols.js';
export {
  durationDist,
  meanDuration,
  shiftDuration,
  lagWeights,
  costShareByMonth,
  costShareByYear,
  startProfile,
  FLAT_START_PROFILE,
  cohortSpend,
  remainingCost,
  cohortYearSplit,
  partialCohortYearSplit,
  steadyStateProfile,
  MAX_DURATION_MONTHS,
} from './timing.js';
export type { DurationDist } from './timing.js';
export {
  loadTimingAssumptions,
  timingAssumptionsFromYaml,
  durationForYear,
  bundledTimingPath,
} from './timingAssumptions.js';
export type { TimingAssumptions, AssumptionAt } from './timingAssumptions.js';
export { loadPlTable, plTableFromYaml, plOf, plLabelParts, bundledPlPath } from './plTable.js';
export type { PlTable, PlIndexDef } from './plTable.js';

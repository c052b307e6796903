/**
 * In-year budget follow-up: monthly (or quarterly) actuals → forventet regnskab with intervals,
 * P(merforbrug), the afvigelsesforklaring and a month-by-month backtest.
 */
export { readMonthlyActuals, interpretActuals, isActualsHeader, MEASURES, MEASURE_ALIASES } from './actuals.js';
export type { Measure, ActualsYear, MonthlyActuals, ReadActualsOptions } from './actuals.js';
export { followUp, followUpSetup, dataProjection } from './model.js';
export type { FollowUpOptions, FollowUpSetup } from './model.js';
export { loadFollowUpAssumptions, followUpAssumptionsFromYaml, bundledFollowUpPath } from './assumptions.js';
export type { FollowUpAssumptions } from './assumptions.js';
export { backtestFollowUp } from './backtest.js';
export type { FollowUpBacktestOptions } from './backtest.js';
export { projectYearEnd, residualModel } from './projection.js';
export type { Projection, ProjectionInput, ProjectionNoise, ResidualModel } from './projection.js';
export { priorFromScenario, combineWithPrior, summarizeDraws, quantilesOf } from './prior.js';
export type { Prior, YearEndSummary } from './prior.js';
export { budgetProfile, decompose } from './budget.js';
export type { BudgetProfile, BudgetProfileSource, Decomposition } from './budget.js';
export type {
  FollowUpResult,
  FollowUpMonth,
  FollowUpBacktest,
  CoverageRow,
  AssumptionRow,
  Note,
  SourceRef,
} from './types.js';

/**
 * Scenario engine: YAML scenarios, seeded Monte Carlo of merforbrug, goal seek, sensitivity.
 */
export * from './types.js';
export {
  loadScenario,
  latestActualYear,
  BASE_YEAR_SERIES,
  MEASURE_REF_KEYS,
  resolveScenarioPath,
  listBundledScenarios,
  checkRuns,
  MAX_RUNS,
  BUNDLED_SCENARIO_DIR,
  DEFAULT_BEVILLING_LABEL,
  DEFAULT_BEVILLING_LABEL_EN,
} from './load.js';
export { evalExpression, ALLOWED_FUNCTIONS, EXPR_TIME_LIMIT_MS } from '../io/expr.js';
export type { ExprScope } from '../io/expr.js';
export type { LoadScenarioOptions } from './load.js';
export { compileScenario } from './compile.js';
export type { CompileOptions } from './compile.js';
export type { CompiledModel, CompiledInput, CompiledMeasure, Levers } from './model.js';
export { NEUTRAL_LEVERS, modelInputs } from './model.js';
export {
  runScenario,
  runScenarioParallel,
  probForbrugAbove,
  prepareScenario,
  prepareWithInputs,
  scenarioMeasures,
  describeAssumptions,
  opsparingInput,
} from './scenario.js';
export {
  loadBudgetRules,
  budgetRulesFromYaml,
  bundledBudgetPath,
  openingOpsparing,
  stepOpsparing,
  opsparingSlots,
} from './budget-rules.js';
export type { BudgetRules, RuleAt, OpsparingStep, OpsparingStart, OpsparingHistoryYear } from './budget-rules.js';
export type { RunScenarioOptions, PrepareOptions } from './scenario.js';
export { warmPool, closePool, poolSize } from './pool.js';
export { imanConover } from './iman-conover.js';
export { goalSeek, goalSeekModels, LEVERS } from './goal-seek.js';
export type {
  GoalSeekResult,
  GoalSeekNoSolution,
  GoalSeekOutcome,
  GoalSeekOptions,
  GoalSeekModels,
  LeverName,
} from './goal-seek.js';
export { tighteningGrid, tighteningGoalSeek } from './whatif.js';
export type { GridLever, GridPoint, TighteningSolution, TighteningNoSolution } from './whatif.js';
export { parseTarget } from './target.js';
export type { GoalTarget } from './target.js';
export { sensitivity, ranks, pearson } from './sensitivity.js';
export type { SensitivityResult, TornadoRow } from './sensitivity.js';
export { textTable } from '../text/table.js';
export { backtestScenario, decidedMeasures, sampleYears, widen, SPREAD_RANGE, BACKTEST_MODES } from './backtest.js';
export type {
  ScenarioBacktest,
  BacktestPoint,
  BacktestMode,
  BacktestModel,
  ScoredForecast,
  ScoreSummary,
  Calibration,
  ReplayMeasure,
  BacktestScenarioOptions,
  BacktestQuantiles,
} from './backtest.js';
export { estimateScenarioInputs, logDrift, growthDist, datasetUntil, estimatePriceGrowth } from './estimate.js';
export type { ScenarioEstimates, DriftEstimate, DriftStep, BaseActual } from './estimate.js';
export { resolveInputs, shownFile, bevillingLabels } from './inputs.js';
export type { ResolvedInputs } from './inputs.js';
export { checkPlausible, checkAmountScale, distText, scaleDist } from './plausibility.js';
export type { PlausibleRange } from './plausibility.js';
export { oneForecast, parameterSpread, headlineBacktest, headlineBacktestRuns } from './headline.js';
export type { OneForecast, OneForecastYear, ParameterSpread } from './headline.js';

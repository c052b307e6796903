/**
 * Forecasting engine for short annual series: models, calibrated intervals,
 * sample paths, rolling-origin backtests. See README section "forecast".
 */
export * from './types.js';
export { nelderMead } from './optim.js';
export type { NelderMeadOptions } from './optim.js';
export type { ModelFit } from './model.js';
export { naiveFit, driftFit } from './naive.js';
export { etsFit, etsAuto, etsCandidates, ETS_LIMITS } from './ets.js';
export type { EtsSpec, EtsFixed } from './ets.js';
export { thetaFit, dotmFit } from './theta.js';
export { arimaFit, arimaAuto, kpssStat, ndiffs } from './arima.js';
export { combineFits } from './combine.js';
export { adjustForEvents, eventValue, eventCovariance } from './events.js';
export type { EventAdjustment } from './events.js';
export { buildForecast, dfFor, seriesScale, floorPositive, calibrationFor, POSITIVE_FLOOR } from './intervals.js';
export {
  CALIBRATION,
  CALIBRATION_DF,
  CALIBRATION_CONSTANTS,
  calibrationFactors,
  calibrationDf,
} from './calibration.js';
export type { CalibrationData, MethodCalibration } from './calibration.js';
export { globalFit, globalPoint, globalFeatures } from './global.js';
export type { GlobalNet } from './global.js';
export { ensembleFit, ENSEMBLE_WEIGHTS } from './ensemble.js';
export { fit, forecast, checkSeries } from './select.js';
export { chooseAuto, backtestMase, AUTO_MIN_COMB, AUTO_MIN_SELECT, AUTO_CANDIDATES } from './auto.js';
export { fitConcrete } from './methods.js';
export type { ConcreteMethod } from './methods.js';
export { forecastSeries, fitWindow } from './series.js';
export type { SeriesForecastOptions, FitWindow } from './series.js';
export { pathDistribution, simulate, mixingTable } from './simulate.js';
export { smape, mape, mase, msis, coverage, naiveScale } from './metrics.js';
export { backtest, seriesTrackRecord, type SeriesTrackRecord } from './backtest.js';
export { parseLongCsv, forecastBatch, forecastBatchSeries } from './batch.js';
export type { BatchSeries, BatchResult, BatchOptions, SeriesOutcome, ParsedBatch } from './batch.js';
export { runBatch } from './batch-run.js';
export type { RunBatchOptions, BatchSummary, BatchProgress } from './batch-run.js';
export type { BatchProblem, ProblemCode, ProblemAction } from './batch-problems.js';
export { forecastHierarchy, hierarchyShares, HIERARCHY_NAMES } from './hierarchy.js';
export type { HierarchyName, HierarchyOptions, HierarchyForecast, HierarchyNode, Bilingual } from './hierarchy.js';
export {
  summingMatrix,
  shrinkageCovariance,
  mintWeights,
  reconcile,
  reconcileNonNegative,
  bottomUp,
} from './reconcile.js';
export type { ShrunkCovariance } from './reconcile.js';

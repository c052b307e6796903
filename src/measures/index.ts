/**
 * Demand-limiting measures: YAML definitions, phase-in, and the evaluation of
 * their historical effect.
 */
export type { MeasureDef, ActsOn, EvaluationSettings } from './types.js';
export { ACTS_ON } from './types.js';
export {
  loadMeasure,
  loadMeasures,
  loadMeasureAt,
  findMeasure,
  bundledMeasuresDir,
  defaultOutcomes,
  actedSeries,
  checkStartDate,
  checkEffect,
  checkPhaseIn,
  checkStartDateMsg,
  checkEffectMsg,
  checkPhaseInMsg,
  MEASURE_KEYS,
} from './load.js';
export type { LoadMeasureOptions } from './load.js';
export { measureFactor, phaseShare, firstYearShare, defaultPhaseIn, startYear } from './phase.js';
export { evaluateMeasure, effectFromEvaluation } from './evaluate.js';
export type { MeasureEvaluation, OutcomeEvaluation, EffectYear, EvaluationOptions, Verdict } from './evaluate.js';
export { verdictMsg } from './verdict.js';
export { segmentedRegression } from './segmented.js';
export type { SegmentedResult, SegCoef } from './segmented.js';
export { outcomeData } from './outcome.js';
export type { OutcomeData, OutcomePoint } from './outcome.js';
export { measureCostSplit, costPhase } from './costTiming.js';
export type { MeasureCostSplit } from './costTiming.js';

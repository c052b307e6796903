/**
 * viso-budget: typed library API. See README "Scripting".
 */
export * from './errors.js';
export * from './data/types.js';
export * from './format/number.js';
export * from './stats/normal.js';
export * from './stats/rng.js';
export * from './io/write.js';
export * from './stats/distributions.js';
export * from './stats/t.js';
export * from './stats/scores.js';
export * from './data/index.js';
export * from './data/dataframe.js';
export * from './forecast/index.js';
export * from './report/index.js';
export * from './cost/index.js';
export * from './measures/index.js';
export * from './scenario/index.js';
export * from './followup/index.js';

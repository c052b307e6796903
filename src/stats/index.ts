/**
 * Statistics for the toolkit (the `viso-budget/stats` entry): distributions and their
 * quantiles, the seeded random-number generator, scores of probabilistic forecasts,
 * linear algebra and OLS. Pure functions; no I/O.
 */
export * from './normal.js';
export * from './t.js';
export * from './rng.js';
export * from './distributions.js';
export * from './quantiles.js';
export * from './scores.js';
export * from './linalg.js';
export * from './ols.js';

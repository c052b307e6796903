/**
 * Dispatch from a concrete method name to its model.
 */
import type { ModelFit } from './model.js';
import type { MethodName } from './types.js';
import { naiveFit, driftFit } from './naive.js';
import { etsAuto, etsFit } from './ets.js';
import { thetaFit, dotmFit } from './theta.js';
import { arimaAuto } from './arima.js';
import { combineFits } from './combine.js';
import { globalFit } from './global.js';
import { ensembleFit } from './ensemble.js';

/** A method other than `auto`. */
export type ConcreteMethod = Exclude<MethodName, 'auto'>;

/**
 * Fit one concrete method (no input checks; may throw).
 *
 * @example
 * fitConcrete([3, 4, 6, 7, 9], 'drift').model.description // 'Random walk with drift 1.5 per period'
 */
export function fitConcrete(y: number[], method: ConcreteMethod): ModelFit {
  switch (method) {
    case 'naive':
      return naiveFit(y);
    case 'drift':
      return driftFit(y);
    case 'ses':
      return etsFit(y, { error: 'A', trend: 'N' });
    case 'holt':
      return etsFit(y, { error: 'A', trend: 'A' });
    case 'damped':
      return etsFit(y, { error: 'A', trend: 'Ad' });
    case 'ets':
      return etsAuto(y);
    case 'arima':
      return arimaAuto(y);
    case 'theta':
      return thetaFit(y);
    case 'dotm':
      return dotmFit(y);
    case 'comb':
      return combineFits([etsAuto(y), arimaAuto(y), dotmFit(y)], 'median');
    case 'global':
      return globalFit(y);
    case 'ensemble':
      return ensembleFit(y);
  }
}

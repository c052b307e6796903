/**
 * Worker thread body for `runCompiledParallel`: simulates its list of blocks
 * and posts back per-block values (exact mode) or one histogram set.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { simulateBlocks } from './run.js';

const { model, list, runs, thresholds, ranges, exact } = workerData;
const { partials, hist } = simulateBlocks(model, list, runs, thresholds, ranges, (b, n, vals) => {
  if (exact) {
    const copy = vals.slice();
    parentPort!.postMessage({ type: 'block', b, n, vals: copy }, [copy.buffer]);
  } else parentPort!.postMessage({ type: 'block', b, n });
});
parentPort!.postMessage({
  type: 'done',
  partials,
  hist: hist && { counts: hist.counts, under: hist.under, over: hist.over, min: hist.min, max: hist.max },
});

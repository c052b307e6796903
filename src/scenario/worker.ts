/**
 * Body of a pooled scenario worker thread (see pool.ts): loads only the engine
 * modules, then answers jobs until terminated. A job simulates a list of blocks
 * and posts back per-block values (exact mode) or, at the end, the block
 * partials and one histogram set, with their buffers transferred (not copied).
 */
import { parentPort } from 'node:worker_threads';
import { simulateBlocks } from './run.js';
import type { CompiledModel } from './model.js';
import type { HistRanges } from './summary.js';

/** A job as sent by the pool. */
export interface WorkerJob {
  id: number;
  model: CompiledModel;
  list: number[];
  runs: number;
  thresholds: number[][];
  ranges: HistRanges | null;
  exact: boolean;
}

const port = parentPort!;
port.on('message', (job: WorkerJob) => {
  try {
    const { partials, hist } = simulateBlocks(
      job.model,
      job.list,
      job.runs,
      job.thresholds,
      job.ranges,
      (b, n, vals) => {
        if (job.exact) {
          const copy = vals.slice();
          port.postMessage({ type: 'block', id: job.id, b, n, vals: copy }, [copy.buffer]);
        } else port.postMessage({ type: 'block', id: job.id, b, n });
      },
    );
    const transfer: ArrayBuffer[] = partials.flatMap((p) => [
      p.sums.buffer as ArrayBuffer,
      p.counts.buffer as ArrayBuffer,
    ]);
    const h = hist && { counts: hist.counts, under: hist.under, over: hist.over, min: hist.min, max: hist.max };
    if (h)
      transfer.push(
        h.counts.buffer as ArrayBuffer,
        h.under.buffer as ArrayBuffer,
        h.over.buffer as ArrayBuffer,
        h.min.buffer as ArrayBuffer,
        h.max.buffer as ArrayBuffer,
      );
    port.postMessage({ type: 'done', id: job.id, partials, hist: h }, transfer);
  } catch (e) {
    port.postMessage({ type: 'error', id: job.id, message: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ type: 'ready' });

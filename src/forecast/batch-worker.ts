/**
 * Body of a `forecast-batch` worker thread (see batch-run.ts): forecasts each
 * job's series with `forecastBatchSeries` and posts the outcomes back. An
 * error that escapes a series (a bug) skips that series only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forecastBatchSeries } from './batch.js';
import type { BatchOptions, BatchSeries, SeriesOutcome } from './batch.js';

/** A job as sent by the runner. */
export interface BatchJob {
  id: number;
  series: BatchSeries[];
  opts: BatchOptions;
}

/**
 * Forecast the series of one job; never throws.
 *
 * @example
 * runJob({ id: 1, series: [{ id: 'a', values: [1, 2, 4] }], opts: { horizon: 2, method: 'naive' } })[0].status // 'forecast'
 */
export function runJob(job: BatchJob): SeriesOutcome[] {
  return job.series.map((s) => {
    try {
      return forecastBatchSeries(s, job.opts);
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
      return {
        rows: '',
        status: 'skipped',
        problems: [{ id: s.id, line: s.line ?? 0, action: 'skipped', code: 'failed', detail: { reason } }],
      };
    }
  });
}

// only in a worker started as a batch worker (batch-run.ts): any other worker thread that imports the
// package (a scenario benchmark's worker, a user's own) must not get this listener on its port
const port = (workerData as { visoBatchWorker?: boolean } | null)?.visoBatchWorker === true ? parentPort : null;
if (port) {
  port.on('message', (job: BatchJob) => port.postMessage({ id: job.id, outcomes: runJob(job) }));
  port.postMessage({ ready: true });
}

/**
 * The report's Web Worker: receives compiled models (already changed by the reader's inputs), runs the
 * Monte Carlo engine on each and posts the results back, so the page stays responsive while it computes.
 * Runs in the browser (and in the main thread as a fallback when a worker cannot be started).
 */
import type { CompiledModel } from '../../scenario/model.js';
import { liveRun, type LiveResult } from './compute.js';
import type { WorkerGlobals } from './dom.js';

/**
 * One model to run. `key` names it for the page: the scenario unchanged (`start`) or as set (`current`);
 * `k`: the one forecast's spread factor (the report's backtest), when there is one.
 */
export interface LiveJob {
  key: 'start' | 'current';
  model: CompiledModel;
  runs: number;
  k?: number;
}

/** A request to the worker: jobs run in order. */
export interface LiveRequest {
  seq: number;
  jobs: LiveJob[];
}

/** The worker's answer: every job's result and its compute time (ms, in the worker), or the error. */
export type LiveResponse =
  { seq: number; results: { key: LiveJob['key']; result: LiveResult; ms: number }[] } | { seq: number; error: string };

/**
 * Run a request's jobs (the worker's body; also the fallback in the page).
 *
 * @example
 * runRequest({ seq: 1, jobs: [{ key: 'current', model, runs: 20_000, k: 1.6 }] }, () => performance.now())
 */
export function runRequest(req: LiveRequest, now: () => number): LiveResponse {
  try {
    const results = req.jobs.map((j) => {
      const t0 = now();
      const result = liveRun(j.model, j.runs, j.k);
      return { key: j.key, result, ms: now() - t0 };
    });
    return { seq: req.seq, results };
  } catch (e) {
    return { seq: req.seq, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Make this worker answer live requests.
 *
 * @example
 * installWorker(self) // in the worker started from the report's page script
 */
export function installWorker(g: WorkerGlobals): void {
  g.onmessage = (e) => g.postMessage(runRequest(e.data as LiveRequest, () => g.performance.now()));
}

/**
 * A persistent pool of scenario worker threads: created on first use, reused by
 * every parallel run in the process (runScenarioParallel, compare, repeated
 * runs), so thread start-up and module loading are paid once. Idle workers are
 * unref'd: they never keep the process alive, so a CLI exits when its work is done.
 */
import type { Worker } from 'node:worker_threads';
import type { WorkerJob } from './worker.js';

/** What a worker posts back. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'block'; id: number; b: number; n: number; vals?: Float64Array }
  | { type: 'done'; id: number; partials: unknown[]; hist: unknown }
  | { type: 'error'; id: number; message: string };

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** Handler of the job in progress (one job per worker at a time). */
  onMessage: ((m: WorkerMessage) => void) | null;
  onFail: ((e: Error) => void) | null;
  /** Settles when the worker's last queued job is finished (jobs on one worker run one after another). */
  queue: Promise<unknown>;
}

const slots: Slot[] = [];
let nextId = 1;

async function spawn(): Promise<Slot> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./worker.js', import.meta.url));
  worker.unref();
  let readyResolve!: () => void;
  let readyReject!: (e: Error) => void;
  const slot: Slot = {
    worker,
    ready: new Promise<void>((res, rej) => {
      readyResolve = res;
      readyReject = rej;
    }),
    onMessage: null,
    onFail: null,
    queue: Promise.resolve(),
  };
  slot.ready.catch(() => undefined);
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'ready') readyResolve();
    else slot.onMessage?.(m);
  });
  const fail = (e: Error): void => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1); // a broken worker is replaced on the next run
    readyReject(e);
    slot.onFail?.(e);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`scenario worker exited with code ${code}`)));
  return slot;
}

/**
 * Make sure the pool has at least `size` workers with their modules loaded.
 * Optional: the first parallel run does it too (then its time includes start-up).
 *
 * @example
 * await warmPool(2); // e.g. before timing, or while the user is still typing
 */
export async function warmPool(size: number): Promise<void> {
  while (slots.length < size) slots.push(await spawn());
  await Promise.all(slots.slice(0, size).map((s) => s.ready));
}

/**
 * Run one job on worker `w` of the pool; `onBlock` sees each block message.
 * Resolves with the worker's final message.
 *
 * @example
 * const done = await runOnWorker(0, { model, list: [1, 3], runs, thresholds, ranges, exact: false }, () => {});
 */
export async function runOnWorker(
  w: number,
  job: Omit<WorkerJob, 'id'>,
  onBlock: (m: Extract<WorkerMessage, { type: 'block' }>) => void,
): Promise<Extract<WorkerMessage, { type: 'done' }>> {
  await warmPool(w + 1);
  const slot = slots[w];
  const id = nextId++;
  const run = slot.queue.then(
    () =>
      new Promise<Extract<WorkerMessage, { type: 'done' }>>((resolve, reject) => {
        const finish = (): void => {
          slot.onMessage = null;
          slot.onFail = null;
          slot.worker.unref();
        };
        slot.onFail = (e) => {
          finish();
          reject(e);
        };
        slot.onMessage = (m) => {
          if (!('id' in m) || m.id !== id) return;
          if (m.type === 'block') onBlock(m);
          else if (m.type === 'done') {
            finish();
            resolve(m);
          } else if (m.type === 'error') {
            finish();
            reject(new Error(`scenario worker: ${m.message}`));
          }
        };
        slot.worker.ref(); // keep the process alive while the job runs
        slot.worker.postMessage({ ...job, id });
      }),
  );
  slot.queue = run.catch(() => undefined);
  return run;
}

/**
 * Terminate all pooled workers (optional: idle workers never keep the process alive).
 *
 * @example
 * await closePool();
 */
export async function closePool(): Promise<void> {
  const all = slots.splice(0);
  await Promise.all(all.map((s) => s.worker.terminate()));
}

/**
 * Number of live workers in the pool.
 *
 * @example
 * poolSize() // 0 before the first parallel run
 */
export function poolSize(): number {
  return slots.length;
}

/**
 * Entry of the report's one inlined script (bundled by esbuild, see `bundle.ts`): on the page it starts
 * the live what-if; started again from its own text as a Web Worker, it runs the Monte Carlo engine.
 */
import type { PageGlobals, WorkerGlobals } from './dom.js';
import { isWorkerScope, startPage } from './page.js';
import { installWorker } from './worker.js';

const g = globalThis as unknown;
if (isWorkerScope(g)) installWorker(g as WorkerGlobals);
else {
  const p = g as PageGlobals;
  if (p.document.readyState === 'loading') p.document.addEventListener('DOMContentLoaded', () => startPage(p));
  else startPage(p);
}

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from '../helpers/cli.js';

// Worker threads load dist/scenario/worker.js, so this runs the compiled engine in a child process.
const script = (dist: string) => `
const s = { ...(await import(${JSON.stringify(dist + '/scenario/index.js')})), ...(await import(${JSON.stringify(dist + '/scenario/run.js')})) };
const pool = await import(${JSON.stringify(dist + '/scenario/pool.js')});
const def = s.loadScenario('baseline');
def.horizon = def.baseYear + 10;
const m = s.prepareScenario(def);
const th = m.years.map((_, t) => (t === 1 ? [150] : []));
const runs = 450_000; // histogram mode (> 4 M values)
const one = JSON.stringify(s.runCompiled(m, { runs, thresholds: th }));
const a = JSON.stringify(await s.runCompiledParallel(m, { runs, thresholds: th }, 2));
const size1 = pool.poolSize();
const [b, c] = await Promise.all([s.runCompiledParallel(m, { runs, thresholds: th }, 2), s.runCompiledParallel(m, { runs: 100_000, thresholds: th }, 3)]);
const cOne = JSON.stringify(s.runCompiled(m, { runs: 100_000, thresholds: th }));
console.log(JSON.stringify({ same2: a === one, sameAgain: JSON.stringify(b) === one, same3: JSON.stringify(c) === cOne, size1, size2: pool.poolSize(), method: JSON.parse(one).quantileMethod }));
// no closePool(): idle pooled workers must not keep the process alive
`;

describe('worker pool', () => {
  it('gives byte-identical results for 1, 2 and 3 threads, reuses its workers, and lets the process exit', () => {
    ensureBuilt();
    const dist = pathToFileURL(join(ROOT, 'dist')).href;
    const file = join(mkdtempSync(join(tmpdir(), 'viso-pool-')), 'pool.mjs');
    writeFileSync(file, script(dist));
    const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(o).toEqual({ same2: true, sameAgain: true, same3: true, size1: 2, size2: 3, method: 'histogram' });
  }, 60_000);
});

// Runs every benchmark script in bench/ in turn (each rewrites its own section of bench/RESULTS.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = [
  'startup.mjs',
  'm4/calibrate.mjs',
  'm4/origins.mjs',
  'm4/run.mjs',
  'm3/run.mjs',
  'm3/period-effect.mjs',
  'scenario.mjs',
  'scenario-backtest.mjs',
  'headline-seeds.mjs',
  'report.mjs',
  'live.mjs',
  'followup.mjs',
  'batch.mjs',
  'load.mjs',
].filter((s) => existsSync(join(here, s)));
let failed = 0;
for (const s of scripts) {
  console.log(`\n=== bench/${s}`);
  const r = spawnSync(process.execPath, [join(here, s), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

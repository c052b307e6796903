// CLI start-up benchmark: median of 5 wall-clock runs of `node dist/cli/main.js --help`,
// against `node -e 0` (bare Node start-up, the floor) measured in the same run.
// Target: viso --help under 300 ms. Rewrites the "## CLI start-up" section of bench/RESULTS.md.
// Usage: npm run build && node bench/startup.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('bench/startup: dist/cli/main.js missing; run npm run build first');
  process.exit(2);
}
const ri = process.argv.indexOf('--runs');
const runs = ri > 0 ? Number(process.argv[ri + 1]) : 5;
const TARGET_MS = 300;

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const cases = [
  { name: '`node -e 0` (floor)', args: ['-e', '0'] },
  { name: '`viso --help`', args: [main, '--help'] },
  { name: '`viso data --help`', args: [main, 'data', '--help'] },
  { name: '`viso data show viso.raadgivning.forbrug`', args: [main, 'data', 'show', 'viso.raadgivning.forbrug'] },
];
for (const c of cases) time(c.args); // warm the file cache
const results = cases.map((c) => ({ ...c, times: [] }));
for (let i = 0; i < runs; i++) for (const r of results) r.times.push(time(r.args)); // interleaved
for (const r of results) r.median = median(r.times);
const floor = results[0].median;
const help = results[1].median;

const f = (x) => x.toFixed(0);
const lines = [
  `Median of ${runs} wall-clock runs each (interleaved, after one warm-up), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores. Script: \`bench/startup.mjs\`.`,
  '',
  '| command | median ms | runs (ms) | ratio to `node -e 0` |',
  '| --- | ---: | --- | ---: |',
  ...results.map((r) => `| ${r.name} | ${f(r.median)} | ${r.times.map(f).join(', ')} | ${(r.median / floor).toFixed(2)} |`),
  '',
  `\`viso --help\`: ${f(help)} ms, ${f(help - floor)} ms above bare Node. Target < ${TARGET_MS} ms: ${help < TARGET_MS ? '**met**' : '**NOT met**'}.`,
  '',
];
const path = join(root, 'bench', 'RESULTS.md');
const md = readFileSync(path, 'utf8');
const start = md.indexOf('## CLI start-up');
if (start < 0) throw new Error('bench/RESULTS.md has no "## CLI start-up" section');
const next = md.indexOf('\n## ', start + 3);
const section = `## CLI start-up\n\n${lines.join('\n')}`;
writeFileSync(path, md.slice(0, start) + section + (next < 0 ? '' : md.slice(next)));
console.log(section);
process.exit(help < TARGET_MS ? 0 : 1);

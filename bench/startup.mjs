// CLI start-up benchmark: median of 5 wall-clock runs of `node dist/cli/main.js --help`,
// against `node -e 0` (bare Node start-up, the floor) measured in the same run.
// Target: viso --help under 300 ms. Rewrites the "## CLI start-up" section of bench/RESULTS.md.
// Usage: npm run build && node bench/startup.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { cliMain as main, median, numberArg, replaceSection, requireBuilt, root, timeNode as time } from './lib.mjs';

requireBuilt('startup');
const runs = numberArg('--runs', 5);
const TARGET_MS = 300;

const cases = [
  { name: '`node -e 0` (floor)', args: ['-e', '0'] },
  { name: '`viso --help`', args: [main, '--help'] },
  { name: '`viso data --help`', args: [main, 'data', '--help'] },
  { name: '`viso data show viso.raadgivning.forbrug`', args: [main, 'data', 'show', 'viso.raadgivning.forbrug'] },
];
for (const c of cases) time(c.args); // warm the file cache
const results = cases.map((c) => ({ ...c, times: [], cpus: [] }));
for (let i = 0; i < runs; i++) {
  for (const r of results) {
    const t = time(r.args); // interleaved, so load changes hit every command alike
    r.times.push(t.wall);
    r.cpus.push(t.cpu);
  }
}
for (const r of results) {
  r.median = median(r.times);
  r.cpu = median(r.cpus);
}
const floor = results[0].median;
const help = results[1].median;

const f = (x) => x.toFixed(0);
// where the time goes: import cost of yargs vs the command modules, measured in a child process
const probe = spawnSync(process.execPath, ['--input-type=module', '-e', `
  const t0 = performance.now(); await import('yargs'); await import('yargs/helpers');
  const t1 = performance.now(); await import(${JSON.stringify(new URL('../dist/cli/commands/index.js', import.meta.url).href)});
  const t2 = performance.now(); console.log(JSON.stringify({ yargs: t1 - t0, commands: t2 - t1 }));`], { cwd: root, encoding: 'utf8' });
const imports = probe.status === 0 ? JSON.parse(probe.stdout) : { yargs: NaN, commands: NaN };
const lines = [
  `Median of ${runs} wall-clock runs each (interleaved, after one warm-up), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores. Script: \`bench/startup.mjs\`.`,
  '',
  '| command | median wall ms | runs (ms) | ratio to `node -e 0` | median CPU ms (user+sys) |',
  '| --- | ---: | --- | ---: | ---: |',
  ...results.map((r) => `| ${r.name} | ${f(r.median)} | ${r.times.map(f).join(', ')} | ${(r.median / floor).toFixed(2)} | ${Number.isNaN(r.cpu) ? 'n/a' : f(r.cpu)} |`),
  '',
  `\`viso --help\`: ${f(help)} ms, ${f(help - floor)} ms above bare Node. Target < ${TARGET_MS} ms: ${help < TARGET_MS ? '**met**' : '**NOT met**'}.`,
  `CPU time of \`viso --help\` (user+sys, load-independent): ${f(results[1].cpu)} ms against ${f(results[0].cpu)} ms for bare Node.`,
  `Load average during the run: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min) on ${os.cpus().length} cores; wall times scale with it, the ratio much less.`,
  `In-process import times (same run): yargs ${f(imports.yargs)} ms, all command modules ${f(imports.commands)} ms.`,
  '',
];
const section = replaceSection('## CLI start-up', lines.join('\n'));
console.log(section);
process.exit(help < TARGET_MS ? 0 : 1);

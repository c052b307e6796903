// Run the compiled CLI in this process and, on exit, write its peak resident memory and
// CPU time to the file named by the first argument (JSON: { maxRssKb, cpuMs }), so a test
// can bound what one hostile input costs: `node rss-run.mjs out.json data validate x.csv`.
import { writeFileSync } from 'node:fs';

const [usageFile, ...args] = process.argv.slice(2);
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(usageFile, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
const { main } = await import('../../dist/cli/main.js');
process.exitCode = await main(args);

// Run the compiled CLI in this process and, on exit, write its peak resident memory and
// CPU time to the file named by the first argument (JSON: { maxRssKb, cpuMs }), so a test
// can bound what one hostile input costs: `node rss-run.mjs out.json data validate x.csv`.
// The peak is VmHWM of /proc/self/status (this process image only; getrusage's maxRSS keeps
// the peak of the process that forked us across exec), else resourceUsage().maxRSS.
import { readFileSync, writeFileSync } from 'node:fs';

const [usageFile, ...args] = process.argv.slice(2);
process.on('exit', () => {
  const u = process.resourceUsage();
  let hwm = NaN;
  try {
    hwm = Number(/VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
  } catch {
    /* not Linux */
  }
  writeFileSync(
    usageFile,
    JSON.stringify({
      maxRssKb: Number.isFinite(hwm) ? hwm : u.maxRSS,
      cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
    }),
  );
});
const { main } = await import('../../dist/cli/main.js');
process.exitCode = await main(args);

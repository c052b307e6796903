import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests left out of the fast lane (`npm run test:fast`, `vitest run --project fast`): the browser
 * (chromium: the report, the live what-if and print), LibreOffice's recalculation of report.xlsx, the notebooks and the Deno type check (Deno kernel / deno check), the build from a
 * copy of the repository (two full compiles) and the worker-thread scenario runs. `npm test`
 * (`vitest run`) runs both projects: everything.
 */
const SLOW = [
  'test/report/browser.test.ts',
  'test/report/browser-live.test.ts',
  'test/report/libreoffice.test.ts',
  'test/notebooks/**/*.test.ts',
  'test/scripts/ts-self-types.test.ts',
  'test/scripts/build.test.ts',
  'test/scenario/pool.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one worker less than the cores: 1 on a 2-core machine, although most
    // tests wait on the CLI child processes they spawn
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default', 'json'],
    outputFile: { json: 'test/out/vitest.json' },
    projects: [
      {
        extends: true,
        test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW] },
      },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioDir, TOY } from './helpers.js';

// runs the compiled CLI (`npm test` builds dist/ first)
const main = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const viso = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });

describe('viso scenario (CLI) bad input', () => {
  it('fails with one line, exit 2 and no output on bad input', () => {
    const dir = scenarioDir({
      'cyc-a.yaml': 'id: a\nextends: cyc-b.yaml\n',
      'cyc-b.yaml': 'id: b\nextends: cyc-a.yaml\n',
      'measure.yaml': 'extends: baseline\nmeasures:\n  - id: no-such-measure\n',
      'loop.yaml': TOY.replace('visitation: { rate: 0.5 }', 'visitation: { rate: "f(x) = f(x)" }'),
    });
    const cases: [string[], RegExp][] = [
      [['scenario', 'run', 'baseline', '--runs', '0'], /--runs must be an integer from 1 to 100\.000\.000, got 0/],
      [['scenario', 'run', 'baseline', '--runs', '200000000'], /--runs must be/],
      [['scenario', 'run', join(dir, 'cyc-a.yaml')], /cyc-b\.yaml:2:10: expected extends without a cycle/],
      [['scenario', 'run', join(dir, 'measure.yaml')], /measure\.yaml:3:9: expected a measure id .*found "no-such-measure"/],
      [['scenario', 'run', join(dir, 'loop.yaml')], /loop\.yaml:10:21: expected a valid expression \(functionassignment is not allowed\)/],
      [['scenario', 'goal-seek', 'baseline', '--lever', 'visitation', '--target', 'P(x) < 1'], /target must look like/],
    ];
    for (const [args, msg] of cases) {
      const r = viso(...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    }
  });
});

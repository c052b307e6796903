import { describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';
import { join } from 'node:path';
import { scenarioDir, TOY } from './helpers.js';

describe('viso scenario (CLI) bad input', () => {
  it('fails with one line, exit 2 and no output on bad input', () => {
    const dir = scenarioDir({
      'cyc-a.yaml': 'id: a\nextends: cyc-b.yaml\n',
      'cyc-b.yaml': 'id: b\nextends: cyc-a.yaml\n',
      'measure.yaml': 'extends: baseline\nmeasures:\n  - id: no-such-measure\n',
      'calibrated.yaml': TOY.replace(
        'costs: { fixed: 10, unit: 20, noiseSd: 0, priceGrowth: pl }',
        'costs: { fixed: 25, unit: calibrated, noiseSd: 0, priceGrowth: pl }',
      ),
      'loop.yaml': TOY.replace(
        'visitation: { rate: 0.5, drift: 0, noiseSd: 0 }',
        'visitation: { rate: "f(x) = f(x)", drift: 0, noiseSd: 0 }',
      ),
    });
    const cases: [string[], RegExp][] = [
      [['scenario', 'run', 'baseline', '--runs', '0'], /--runs skal være et helt tal fra 1 til 100\.000\.000, fik 0/],
      [
        ['scenario', 'run', 'baseline', '--runs', '200000000', '--lang', 'en'],
        /--runs must be a whole number from 1 to 100,000,000, got 200000000/,
      ],
      [
        ['scenario', 'run', join(dir, 'calibrated.yaml')],
        /calibrated\.yaml:\d+:\d+: forventede faste omkostninger under actual\.forbrug 20, når unit er calibrated, fandt "en fordeling, der når det"/,
      ],
      [
        ['scenario', 'run', join(dir, 'calibrated.yaml'), '--lang', 'en'],
        /calibrated\.yaml:\d+:\d+: expected fixed costs below actual\.forbrug 20 when unit is calibrated, found "a distribution reaching it"/,
      ],
      [['scenario', 'run', join(dir, 'cyc-a.yaml')], /cyc-b\.yaml:2:10: forventede extends uden en løkke/],
      [
        ['scenario', 'run', join(dir, 'measure.yaml')],
        /measure\.yaml:3:9: forventede et tiltags id .*, en <id>\.yaml-tiltagsfil ved siden af scenariet, eller file: <sti>, fandt "no-such-measure"/,
      ],
      [
        ['scenario', 'backtest', 'baseline', '--runs', '10'],
        /--runs skal være et helt tal fra 100 til 10\.000\.000 i en backtest, fik 10/,
      ],
      [
        ['scenario', 'run', join(dir, 'loop.yaml')],
        /loop\.yaml:10:21: forventede et gyldigt udtryk \(functionassignment er ikke tilladt\)/,
      ],
      [
        ['scenario', 'run', join(dir, 'loop.yaml'), '--lang', 'en'],
        /loop\.yaml:10:21: expected a valid expression \(functionassignment is not allowed\)/,
      ],
      [
        ['scenario', 'goal-seek', 'baseline', '--lever', 'visitation', '--target', 'P(x) < 1'],
        /målet skal have formen "P\(merforbrug>0, 2026\) <= 0\.2"/,
      ],
    ];
    for (const [args, msg] of cases) {
      const r = viso(...args);
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(msg);
    }
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { GoalSeekOutcome, GoalSeekResult } from '../../src/scenario/goal-seek.js';

/** Write scenario files into a fresh temp dir; returns the dir. */
export function scenarioDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'viso-scn-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * A tiny scenario whose outcome can be computed by hand: 1000 henvendelser growing 10 %,
 * visitation 0.5, fixed 10 mio. kr., unit 20 (1.000 kr.), no PL, bevilling 30. Every input is
 * set by hand (none estimated from the data), with no noise.
 */
export const TOY = `
id: toy
name: Toy
baseYear: 2024
horizon: 2026
seed: 7
runs: 1000
actual: { bevilling: 30, forbrug: 20, forloeb: 500, henvendelser: 1000 }
demand: { model: growth, growth: 0.1, noiseSd: 0 }
visitation: { rate: 0.5, drift: 0, noiseSd: 0 }
costs: { fixed: 10, unit: 20, noiseSd: 0, priceGrowth: pl }
pl: { default: 0, label: no PL }
bevilling: { pl: false, growth: 0, noiseSd: 0 }
`;

/** A goal-seek outcome that must be solved (fails the test otherwise), narrowed to the answer. */
export function solved(g: GoalSeekOutcome): GoalSeekResult {
  expect(g.solved, 'the goal seek found no solution').toBe(true);
  if (!g.solved) throw new Error('unreachable');
  return g;
}

/** TOY with demand as a path of the forecasting engine (not the growth model), at the data's scale, to 2028. */
export const PATH_TOY = TOY.replace(
  'demand: { model: growth, growth: 0.1, noiseSd: 0 }',
  'demand: { model: forecast, series: viso.raadgivning.henvendelser.i_alt, method: drift }',
)
  .replace(
    'actual: { bevilling: 30, forbrug: 20, forloeb: 500, henvendelser: 1000 }',
    'actual: { bevilling: 158, forbrug: 143.5, forloeb: 2543, henvendelser: 5122 }',
  )
  .replace('horizon: 2026', 'horizon: 2028');

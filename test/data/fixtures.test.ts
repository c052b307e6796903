/**
 * The malformed-file corpus in test/fixtures/bad (made by test/fixtures/make-fixtures.mjs):
 * every file has one defect, and validation must report exactly this one-line message
 * (file, line, column, what was expected, the offending text). FILE stands for the path.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/data/load.js';
import { EXPECTED } from '../fixtures/bad-messages.js';

const BAD = 'test/fixtures/bad';

describe('malformed fixtures are rejected with a precise message', () => {
  it('the corpus has at least 25 files and every one is in the table', () => {
    const files = readdirSync(BAD).sort();
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [file, messages] of Object.entries(EXPECTED)) {
    it(file, async () => {
      const r = await validateFile(`${BAD}/${file}`);
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => p.message)).toEqual(messages.map((m) => m.replace('FILE', `${BAD}/${file}`)));
      for (const p of r.problems) expect(p.message).not.toContain('\n');
    });
  }
});

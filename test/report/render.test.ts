import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { renderSvg } from '../../src/report/render.js';

describe('renderSvg: bad arguments', () => {
  it('a spec that is no object is a UsageError naming it (a TypeError inside vega-lite before)', async () => {
    await expect(renderSvg(undefined as never)).rejects.toThrow(UsageError);
    await expect(renderSvg(undefined as never)).rejects.toThrow(
      'spec must be a Vega-Lite spec such as budgetChart(...) returns, got undefined',
    );
    await expect(renderSvg([1] as never)).rejects.toThrow(/got \[1\]$/);
  });
});

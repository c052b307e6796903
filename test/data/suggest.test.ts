import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/data/suggest.js';

describe('did-you-mean', () => {
  it('computes edit distances', () => {
    expect(editDistance('forbrug', 'forbrog')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('ranks substring matches first, then close spellings, and drops far ones', () => {
    const ids = ['viso.raadgivning.forbrug', 'viso.kas.forbrug', 'viso.raadgivning.bevilling', 'viso.samlet.bevilling'];
    expect(closest('viso.raadgivning.forbrg', ids)[0]).toBe('viso.raadgivning.forbrug');
    expect(closest('forbrug', ids)).toEqual(['viso.kas.forbrug', 'viso.raadgivning.forbrug']);
    expect(closest('zzzzzzzzzzzz', ids)).toEqual([]);
  });
});

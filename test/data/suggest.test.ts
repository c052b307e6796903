import { describe, expect, it } from 'vitest';
import { closest, damerauLevenshtein, editDistance, nearestKnownId } from '../../src/data/suggest.js';

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

describe('damerauLevenshtein: insertions, deletions, substitutions and swaps of adjacent characters count 1 each', () => {
  it('counts each edit once, a swap as one', () => {
    expect(damerauLevenshtein('forbrug', 'forbrug')).toBe(0);
    expect(damerauLevenshtein('forbrug', 'forbrg')).toBe(1);
    expect(damerauLevenshtein('forbrg', 'forbrug')).toBe(1);
    expect(damerauLevenshtein('forbrug', 'forbrog')).toBe(1);
    expect(damerauLevenshtein('forbrug', 'frobrug')).toBe(1);
    expect(editDistance('forbrug', 'frobrug')).toBe(2);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('ca', 'abc')).toBe(3); // optimal string alignment: no edit of a swapped pair
  });
  it('with max: max + 1 as soon as the distance must exceed it, the exact distance up to it', () => {
    expect(damerauLevenshtein('kas', 'raadgivning', 2)).toBe(3);
    expect(damerauLevenshtein('viso.kas.forbrug', 'viso.raadgivning.forbrug', 2)).toBe(3);
    expect(damerauLevenshtein('viso.raadgivning.forbrg', 'viso.raadgivning.forbrug', 2)).toBe(1);
    expect(damerauLevenshtein('abcd', 'badc', 2)).toBe(2);
    expect(damerauLevenshtein('abcdef', 'abcxyz', 2)).toBe(3);
  });
  it('with max, the same as the whole table capped at max + 1, for every pair of strings of up to 4 of a, b, .', () => {
    const all = [''];
    for (let k = 0; k < all.length && all[k].length < 4; k++) for (const c of 'ab.') all.push(all[k] + c);
    expect(all).toHaveLength(121);
    for (const a of all)
      for (const b of all) {
        const exact = damerauLevenshtein(a, b);
        for (const max of [0, 1, 2, 3]) if (damerauLevenshtein(a, b, max) !== Math.min(exact, max + 1)) expect([a, b, max, damerauLevenshtein(a, b, max)]).toEqual([a, b, max, Math.min(exact, max + 1)]);
      }
  });
});

describe('nearestKnownId: an unknown id within 2 edits of a known one is that id misspelt', () => {
  const ids = ['viso.kas.forbrug', 'viso.raadgivning.bevilling', 'viso.raadgivning.forbrug', 'viso.raadgivning.forloeb.i_alt', 'viso.raadgivning.forloeb.voksne'];
  it('names the nearest known id', () => {
    expect(nearestKnownId('viso.raadgivning.forbrg', ids)).toBe('viso.raadgivning.forbrug');
    expect(nearestKnownId('viso.raadgivnign.forbrug', ids)).toBe('viso.raadgivning.forbrug');
    expect(nearestKnownId('viso.kas.forbrugg', ids)).toBe('viso.kas.forbrug');
    expect(nearestKnownId('viso.raadgivning.forloeb.voksen', ids)).toBe('viso.raadgivning.forloeb.voksne');
  });
  it('a known id written in another case is that id (any distance by characters)', () => {
    expect(nearestKnownId('Viso.Raadgivning.Forbrug', ids)).toBe('viso.raadgivning.forbrug');
    expect(nearestKnownId('VISO.KAS.FORBRUG', ids)).toBe('viso.kas.forbrug');
  });
  it('a total with or without .i_alt is the same series', () => {
    expect(nearestKnownId('viso.raadgivning.forloeb', ids)).toBe('viso.raadgivning.forloeb.i_alt');
    expect(nearestKnownId('viso.raadgivning.forbrug.i_alt', ids)).toBe('viso.raadgivning.forbrug');
    expect(nearestKnownId('viso.raadgivning.forlob.i_alt', ids)).toBe('viso.raadgivning.forloeb.i_alt');
  });
  it('a known id, or one farther than 2 edits from every known id, has none', () => {
    expect(nearestKnownId('viso.raadgivning.forbrug', ids)).toBeUndefined();
    expect(nearestKnownId('viso.samlet.forbrug', ids)).toBeUndefined();
    expect(nearestKnownId('viso.raadgivning.frbrg_x', ids)).toBeUndefined();
    expect(nearestKnownId('user.serie_1', ids)).toBeUndefined();
    expect(nearestKnownId('viso.raadgivning.forbrg', ids, 0)).toBeUndefined();
  });
  it('ties go to the first in alphabetical order, whatever the order of the known ids', () => {
    expect(nearestKnownId('viso.b', ['viso.c', 'viso.a'])).toBe('viso.a');
    expect(nearestKnownId('viso.b', ['viso.a', 'viso.c'])).toBe('viso.a');
  });
});

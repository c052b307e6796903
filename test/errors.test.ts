import { describe, expect, it } from 'vitest';
import { InputError, shownArg } from '../src/errors.js';
import { shownArg as shownArgText } from '../src/text/shown.js';

describe('shownArg from errors.ts', () => {
  it('is the one rule of src/text/shown.ts, which the stats layer uses too', () => {
    expect(shownArg).toBe(shownArgText);
  });
});

describe('InputError: what was found', () => {
  it('a found value that is neither text nor a dictionary code is shown, not a crash of the message itself', () => {
    const e = new InputError({ file: 'm' }, 'a measure id', [1, 2] as never);
    expect(e.message).toBe('m: expected a measure id, found "[1,2]"');
    expect(e.found).toBe('[1,2]');
  });
});

import { describe, expect, it } from 'vitest';
import { offByThousands, offByThousandsEitherWay, thousandsExponent } from '../../src/data/scale.js';
import * as plausibility from '../../src/scenario/plausibility.js';

describe('offByThousands: an amount is off the scale when its ratio to it rounds to 10³ or more on the log scale', () => {
  it('kroner and 1.000 kr. where mio. kr. are meant are off; 10² is not, nor is a smaller amount', () => {
    expect(offByThousands(161_200_000, 158)).toBe(true);
    expect(offByThousands(161_200, 158)).toBe(true);
    expect(offByThousands(16_120, 158)).toBe(false);
    expect(offByThousands(0.1612, 158)).toBe(false);
    // the boundary is 10^2.5 times the scale
    expect(offByThousands(158 * 10 ** 2.49, 158)).toBe(false);
    expect(offByThousands(158 * 10 ** 2.51, 158)).toBe(true);
  });
  it('thousandsExponent is the power of 10³ off: 3 for 1.000 kr., 6 for kroner', () => {
    expect(thousandsExponent(161_200, 158)).toBe(3);
    expect(thousandsExponent(161_200_000, 158)).toBe(6);
    expect(thousandsExponent(152_400_000_000, 143.5)).toBe(9);
  });
  it('is the one rule: src/scenario/plausibility re-exports these functions', () => {
    expect(plausibility.offByThousands).toBe(offByThousands);
    expect(plausibility.thousandsExponent).toBe(thousandsExponent);
  });
});

describe('offByThousandsEitherWay: three orders of magnitude above the scale or below it', () => {
  it('mia. kr. where mio. kr. are meant is off as kroner are; a tenth is not', () => {
    expect(offByThousandsEitherWay(0.1612, 158)).toBe(true);
    expect(offByThousandsEitherWay(161_200, 158)).toBe(true);
    expect(offByThousandsEitherWay(16.12, 158)).toBe(false);
    expect(offByThousandsEitherWay(1580, 158)).toBe(false);
  });
});

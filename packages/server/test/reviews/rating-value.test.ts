import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingValue, type StarCounts } from '../../src/reviews/rating-value.js';

describe('ratingValue', () => {
  it.each<[StarCounts, string]>([
    [[0, 0, 0, 0, 0], '0'],
    [[0, 0, 0, 1, 2], '4.67'],
    [[0, 0, 0, 1, 1], '4.5'],
    [[0, 0, 0, 0, 3], '5'],
    [[1, 0, 0, 0, 0], '1'],
    // 1+1+2 = 4 over 3 = 1.333… → 1.33; 2+5+5 over 3 = 4 exactly.
    [[2, 1, 0, 0, 0], '1.33'],
    [[0, 1, 0, 0, 2], '4'],
    // 7/8 + … half-up: (1·1 + 2·7)/8 = 1.875 → 1.88
    [[1, 7, 0, 0, 0], '1.88'],
  ])('%j → %s', (stars, expected) => {
    expect(ratingValue(stars)).toBe(expected);
  });

  it('rounds the mean half up to two decimals, for any counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 5, maxLength: 5 }), (counts) => {
        const stars = counts as unknown as StarCounts;
        const count = counts.reduce((a, b) => a + b, 0);
        const value = ratingValue(stars);
        if (count === 0) return value === '0';
        const sum = counts.reduce((total, n, i) => total + n * (i + 1), 0);
        // Exact rational check: value v satisfies v - 0.005 <= sum/count < v + 0.005.
        const hundredths = Math.round(Number(value) * 100);
        return 200 * sum >= (2 * hundredths - 1) * count && 200 * sum < (2 * hundredths + 1) * count && !/\.\d*0$/.test(value);
      }),
    );
  });
});

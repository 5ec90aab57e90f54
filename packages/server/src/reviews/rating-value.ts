import type { Rating } from './review-object.js';

export type StarCounts = readonly [number, number, number, number, number];

/**
 * docs/reference/reviews.md §8: the mean in hundredths is floor((200·S + C) / (2·C)), integer arithmetic so the
 * half-up rounding never depends on floating point; written without trailing zeros.
 */
export function ratingValue(stars: StarCounts): string {
  const count = stars.reduce((a, b) => a + b, 0);
  if (count === 0) return '0';
  const sum = stars.reduce((total, n, index) => total + n * (index + 1), 0);
  const hundredths = Math.floor((200 * sum + count) / (2 * count));
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

export function ratingFromStars(stars: StarCounts): Rating {
  return {
    rating_value: ratingValue(stars),
    review_count: stars.reduce((a, b) => a + b, 0),
    star1_count: stars[0],
    star2_count: stars[1],
    star3_count: stars[2],
    star4_count: stars[3],
    star5_count: stars[4],
  };
}

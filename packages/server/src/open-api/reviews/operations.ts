import type { AnyOperation } from '../../http/operation.js';
import { createReviewOperation } from './create-review.route.js';
import { deleteReviewOperation } from './delete-review.route.js';
import { getRatingOperation } from './get-rating.route.js';
import { getRatingsOperation } from './get-ratings.route.js';
import { getReviewOperation } from './get-review.route.js';
import { getReviewHistoryOperation } from './get-review-history.route.js';
import { getReviewsOperation } from './get-reviews.route.js';
import { updateReviewOperation } from './update-review.route.js';

/** The Reviews and Ratings operations of docs/reference/reviews.md, in the order the reference lists them. */
export const reviewOperations: readonly AnyOperation[] = [
  getReviewOperation,
  getReviewsOperation,
  createReviewOperation,
  deleteReviewOperation,
  updateReviewOperation,
  getReviewHistoryOperation,
  getRatingOperation,
  getRatingsOperation,
];

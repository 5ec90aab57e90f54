import { resolveReviewId, ReviewIdQuery } from './review-id.js';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../http/errors.js';
import { defineOperation } from '../../http/operation.js';
import { ReviewSchema } from '../../reviews/review-object.js';
import { presentReviews } from '../../reviews/review-presenter.js';
import { findLiveReview } from '../../reviews/review-repository.js';


export const getReviewOperation = defineOperation({
  operation: 'get_review',
  method: 'GET',
  scope: 'read_reviews',
  cacheable: true,
  summary: 'Get Review Detail',
  description: 'One review of the shop, published or not. Deleted reviews and other shops\' reviews answer code 5.',
  tags: ['Reviews'],
  querystring: ReviewIdQuery,
  data: ReviewSchema,
  async handler({ actor, query, db }) {
    const id = resolveReviewId(query.id, query.review_id);
    const row = await findLiveReview(db, actor.shopId, id);
    if (!row) throw notFound('review', id);
    const [review] = await presentReviews(db, actor.shopId, [row]);
    return review!;
  },
});

import { Type } from '@sinclair/typebox';
import { invalidField, notFound } from '../http/errors.js';
import { defineOperation } from '../http/operation.js';
import { QueryRecordId } from '../http/wire-schemas.js';
import { ReviewSchema } from './review-object.js';
import { presentReviews } from './review-presenter.js';
import { findLiveReview } from './review-repository.js';

/** `id` and its alias `review_id`: one is required, and both must agree (reviews.md §3). */
export function resolveReviewId(id: number | string | undefined, alias: number | string | undefined): number {
  if (id === undefined && alias === undefined) throw invalidField('id', 'is required');
  if (id !== undefined && alias !== undefined && Number(id) !== Number(alias)) throw invalidField('review_id', 'must equal id when both are given');
  return Number(id ?? alias);
}

export const getReviewOperation = defineOperation({
  operation: 'get_review',
  method: 'GET',
  scope: 'read_reviews',
  summary: 'Get Review Detail',
  description: 'One review of the shop, published or not. Deleted reviews and other shops\' reviews answer code 5.',
  tags: ['Reviews'],
  querystring: Type.Object({
    id: Type.Optional(QueryRecordId('the review id')),
    review_id: Type.Optional(QueryRecordId('alias of id')),
  }),
  data: ReviewSchema,
  async handler({ actor, query, db }) {
    const id = resolveReviewId(query.id, query.review_id);
    const row = await findLiveReview(db, actor.shopId, id);
    if (!row) throw notFound('review', id);
    const [review] = await presentReviews(db, actor.shopId, [row]);
    return review!;
  },
});

import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { BodyRecordId } from '../../http/wire-schemas.js';
import { deleteReview } from '../../reviews/change-review.service.js';
import { resolveReviewId } from './review-id.js';

export const deleteReviewOperation = defineOperation({
  operation: 'delete_review',
  method: 'POST',
  scope: 'write_reviews',
  summary: 'Delete Review',
  description: 'Soft-deletes a review: it leaves every list, rating and storefront answer and stays as a tombstone for get_reviews?include_deleted=1.',
  tags: ['Reviews'],
  body: Type.Object(
    {
      id: Type.Optional(BodyRecordId('the review to delete')),
      review_id: Type.Optional(BodyRecordId('alias of id')),
    },
    { additionalProperties: false },
  ),
  data: Type.Object({ id: Type.Integer() }),
  async handler({ actor, body, db, deps }) {
    const id = resolveReviewId(body.id, body.review_id);
    await deleteReview(db, actor, id, deps.clock.now());
    return { id };
  },
});

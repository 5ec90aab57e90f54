import { MediaUrls } from '../../media/media-urls.js';
import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import type { FieldError } from '../../http/errors.js';
import { CreateReviewBody } from '../../reviews/create-review.schema.js';
import { createReview } from '../../reviews/create-review.service.js';
import { newReviewFromBody } from '../../reviews/create-review.input.js';

export const createReviewOperation = defineOperation({
  operation: 'create_review',
  method: 'POST',
  scope: 'write_reviews',
  summary: 'Create Review',
  description: 'Creates a product review, or a store review when product_id is 0. `media` is format A (object) or format B (array).',
  tags: ['Reviews'],
  body: CreateReviewBody,
  data: Type.Object({ id: Type.String({ description: 'the new review id as a decimal string' }) }),
  async handler({ actor, body, db, deps }) {
    const errors: FieldError[] = [];
    const input = newReviewFromBody(body, errors);
    const { id } = await createReview(db, actor, input, { mediaUrls: MediaUrls.of(deps.config), storage: deps.storage, nowMs: deps.clock.now() }, errors);
    return { id: String(id) };
  },
});

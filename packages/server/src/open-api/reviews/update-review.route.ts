import { Type } from '@sinclair/typebox';
import { invalidArgument, invalidField } from '../../http/errors.js';
import { defineOperation } from '../../http/operation.js';
import { BodyFlag, BodyRecordId, flagValue, Forbidden, Text } from '../../http/wire-schemas.js';
import { changeReview } from '../../reviews/change-review.service.js';
import { incentiveContradiction } from '../../reviews/incentive.js';
import { ReviewSchema } from '../../reviews/review-object.js';

const REVIEWER_FACT = 'cannot be changed through the API';

export const updateReviewOperation = defineOperation({
  operation: 'update_review',
  method: 'POST',
  scope: 'write_reviews',
  summary: 'Update Review (Plaudit extension)',
  description: 'Changes the merchant-controlled parts of a review: publication and the moderation decision, flags, tag, the incentive disclosure and reply. The reviewer\'s words cannot be changed.',
  tags: ['Reviews'],
  body: Type.Object(
    {
      id: BodyRecordId('the review'),
      is_published: Type.Optional(BodyFlag('publish (1) or hide (0); publishing approves the review, hiding rejects it')),
      moderation_status: Type.Optional(
        Type.Union([Type.Literal('approved'), Type.Literal('rejected')], { description: 'decide a held review: approved publishes it, rejected keeps it hidden and out of the queue (Plaudit extension)', 'x-reason': 'must be approved or rejected' }),
      ),
      is_featured: Type.Optional(BodyFlag()),
      is_top: Type.Optional(BodyFlag()),
      is_verified: Type.Optional(BodyFlag()),
      tag: Type.Optional(Text(255)),
      is_incentivized: Type.Optional(BodyFlag('1 when the reviewer received an incentive; 0 also clears `incentive`')),
      incentive: Type.Optional(Text(200, { description: 'what the reviewer received; a non-empty value sets is_incentivized 1' })),
      reply: Type.Optional(
        Type.Union([Type.Object({ content: Text(10_000, { minLength: 1 }) }), Type.Null()], { 'x-reason': 'must be an object {content} or null' }),
      ),
      rating: Forbidden(REVIEWER_FACT),
      author: Forbidden(REVIEWER_FACT),
      author_email: Forbidden(REVIEWER_FACT),
      author_phone: Forbidden(REVIEWER_FACT),
      author_country: Forbidden(REVIEWER_FACT),
      title: Forbidden(REVIEWER_FACT),
      content: Forbidden(REVIEWER_FACT),
      commented_at: Forbidden(REVIEWER_FACT),
      item_type: Forbidden(REVIEWER_FACT),
      product_id: Forbidden(REVIEWER_FACT),
      order_id: Forbidden(REVIEWER_FACT),
      source: Forbidden(REVIEWER_FACT),
      media: Forbidden(REVIEWER_FACT),
    },
    { additionalProperties: false },
  ),
  data: ReviewSchema,
  async handler({ actor, body, db, deps }) {
    const flag = (value: 0 | 1 | '0' | '1' | boolean | undefined) => (value === undefined ? undefined : flagValue(value));
    const changes = {
      isPublished: flag(body.is_published),
      isFeatured: flag(body.is_featured),
      isTop: flag(body.is_top),
      isVerified: flag(body.is_verified),
      tag: body.tag,
      isIncentivized: flag(body.is_incentivized),
      incentive: body.incentive,
      reply: body.reply === undefined ? undefined : body.reply === null ? null : body.reply.content,
      moderation: body.moderation_status,
    };
    if (Object.values(changes).every((value) => value === undefined)) throw invalidField('body', 'no field to update');
    const contradiction = incentiveContradiction(changes.isIncentivized, changes.incentive);
    if (contradiction) throw invalidArgument([contradiction]);
    if (changes.moderation !== undefined && changes.isPublished !== undefined && changes.isPublished !== (changes.moderation === 'approved' ? 1 : 0)) {
      throw invalidField('moderation_status', 'contradicts is_published: approved reviews are published, rejected ones are not');
    }
    return changeReview(db, actor, Number(body.id), changes, deps.clock.now());
  },
});

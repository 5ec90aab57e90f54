import type { Insertable } from 'kysely';
import type { ReviewsTable } from '../db/schema.js';
import type { ModerationDecision } from '../moderation/moderation-decision.js';
import { storedModeration } from './review-moderation.js';
import type { NewReview } from './create-review.service.js';
import { storefrontRank } from './storefront-rank.js';
import { verificationMethodFor } from './verification.js';

/**
 * The stored row of a checked new review; the API and the importer write reviews the same way. It
 * is published exactly when moderation approved it.
 */
export function newReviewRow(
  shopId: string,
  input: NewReview,
  resolved: { commentedAt: number; replyAt: number; moderation: ModerationDecision; hasMatchingOrder: boolean; now: number },
): Insertable<ReviewsTable> {
  const reply = input.reply !== null && input.reply.content !== '' ? input.reply.content : null;
  return {
    shop_id: shopId,
    product_id: input.productId,
    rating: input.rating,
    author: input.author,
    author_email: input.authorEmail,
    author_phone: input.authorPhone,
    author_country: input.authorCountry,
    title: input.title,
    content: input.content,
    commented_at: resolved.commentedAt,
    item_type: input.itemType,
    source: input.source,
    tag: input.tag,
    order_id: input.orderId,
    is_verified: input.isVerified,
    verification_method: verificationMethodFor(input.isVerified, input.source, resolved.hasMatchingOrder),
    is_featured: input.isFeatured,
    is_published: resolved.moderation.status === 'approved' ? 1 : 0,
    is_top: input.isTop,
    is_incentivized: input.isIncentivized,
    incentive: input.isIncentivized === 1 ? input.incentive : '',
    reply_content: reply,
    reply_at: reply === null ? null : resolved.replyAt,
    helpful_count: 0,
    media_count: input.media.length,
    created_at: resolved.now,
    updated_at: resolved.now,
    deleted_at: null,
    ...storedModeration(resolved.moderation),
    storefront_rank: storefrontRank({ isTop: input.isTop, isFeatured: input.isFeatured, hasPublishedMedia: input.media.some((item) => item.isPublished === 1) }),
  };
}

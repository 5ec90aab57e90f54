import type { Insertable } from 'kysely';
import type { ReviewsTable } from '../db/schema.js';
import type { ShopSettings } from '../shops/shop-settings.js';
import type { NewReview } from './create-review.service.js';
import { storefrontRank } from './storefront-rank.js';
import { verificationMethodFor } from './verification.js';

/** docs/reference/reviews.md §5.2: without an explicit flag, the shop's auto-publish rule decides. */
export function publishedByDefault(input: NewReview, settings: ShopSettings): 0 | 1 {
  return input.isPublished ?? (settings.auto_publish && input.rating >= settings.auto_publish_min_rating ? 1 : 0);
}

/** The stored row of a checked new review; the API and the importer write reviews the same way. */
export function newReviewRow(
  shopId: string,
  input: NewReview,
  resolved: { commentedAt: number; replyAt: number; isPublished: 0 | 1; hasMatchingOrder: boolean; now: number },
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
    is_published: resolved.isPublished,
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
    storefront_rank: storefrontRank({ isTop: input.isTop, isFeatured: input.isFeatured, hasPublishedMedia: input.media.some((item) => item.isPublished === 1) }),
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { formatRecordTime, formatReviewTime } from '../time/time-format.js';
import type { Review } from './review-object.js';
import { presentModeration } from './review-moderation.js';
import { type MediaRow, mediaOfReviews, type ReviewWithProduct } from './review-repository.js';

const IMAGE = 1;

function presentMedia(row: MediaRow): Review['media'][number] {
  return {
    id: Number(row.id),
    url: row.url,
    thumbnail_url: row.thumbnail_url,
    type: row.type,
    is_published: row.is_published,
    width: row.width,
    height: row.height,
  };
}

/** Row → Review object of docs/reference/reviews.md §2. `deleted_at` appears only on tombstones. */
export function presentReview(row: ReviewWithProduct, media: readonly MediaRow[]): Review {
  const isStore = row.product_id === '0';
  const review: Review = {
    id: Number(row.id),
    product_id: row.product_id,
    product_title: isStore ? '' : (row.product_title ?? ''),
    product_handle: isStore ? '' : (row.product_handle ?? ''),
    rating: row.rating,
    author: row.author,
    author_email: row.author_email,
    author_phone: row.author_phone,
    author_country: row.author_country,
    title: row.title,
    content: row.content,
    commented_at: formatReviewTime(row.commented_at),
    item_type: row.item_type,
    source: row.source,
    tag: row.tag,
    order_id: row.order_id,
    is_verified: row.is_verified,
    is_featured: row.is_featured,
    is_published: row.is_published,
    is_top: row.is_top,
    media: media.map(presentMedia),
    reply: row.reply_content !== null && row.reply_at !== null ? { content: row.reply_content, reply_at: formatReviewTime(row.reply_at) } : null,
    reply_content: row.reply_content ?? '',
    images: media.filter((item) => item.type === IMAGE && item.is_published === 1).map((item) => item.url),
    verification_method: row.verification_method,
    is_incentivized: row.is_incentivized,
    incentive: row.incentive,
    helpful_count: row.helpful_count,
    moderation: presentModeration(row),
    created_at: formatRecordTime(row.created_at),
    updated_at: formatRecordTime(row.updated_at),
  };
  if (row.deleted_at !== null) review.deleted_at = formatRecordTime(row.deleted_at);
  return review;
}

/** Presents a page of rows with one media query for all of them (no query per review). */
export async function presentReviews(db: Kysely<Database>, shopId: string, rows: readonly ReviewWithProduct[]): Promise<Review[]> {
  const withMedia = rows.filter((row) => row.media_count > 0).map((row) => Number(row.id));
  const media = await mediaOfReviews(db, shopId, withMedia);
  return rows.map((row) => presentReview(row, media.get(Number(row.id)) ?? []));
}

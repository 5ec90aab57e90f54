import type { Insertable, Kysely } from 'kysely';
import type { Database, ReviewsTable } from '../db/schema.js';
import type { NewReview } from '../reviews/create-review.service.js';
import { upsertProduct } from '../reviews/product-repository.js';
import { defaultThumbnail } from '../reviews/review-media-input.js';
import type { Review } from '../reviews/review-object.js';
import { presentReview } from '../reviews/review-presenter.js';
import type { MediaRow, ReviewWithProduct } from '../reviews/review-repository.js';
import { adjustStats, STORE_PRODUCT_ID, type StatsBucket } from '../reviews/review-stats.js';
import { verificationMethodFor } from '../reviews/verification.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { appendOutboxEvent } from '../webhooks/outbox.js';

export interface PreparedReview {
  input: NewReview;
  commentedAt: number;
  replyAt: number;
  externalId: string;
}

/** A webhook body stays under 256 KB (webhooks.md §3): events carry at most this much review JSON. */
const MAX_EVENT_PAYLOAD_BYTES = 200_000;

function reviewRow(shop: ShopRow, item: PreparedReview, source: string, now: number, isPublished: 0 | 1): Insertable<ReviewsTable> {
  const { input } = item;
  const hasReply = input.reply !== null && input.reply.content !== '';
  return {
    shop_id: shop.id,
    product_id: input.productId,
    rating: input.rating,
    author: input.author,
    author_email: input.authorEmail,
    author_phone: input.authorPhone,
    author_country: input.authorCountry,
    title: input.title,
    content: input.content,
    commented_at: item.commentedAt,
    item_type: input.itemType,
    source: input.source,
    tag: input.tag,
    order_id: input.orderId,
    is_verified: input.isVerified,
    verification_method: verificationMethodFor(input.isVerified, input.source, false),
    is_featured: input.isFeatured,
    is_published: isPublished,
    is_top: input.isTop,
    reply_content: hasReply ? input.reply!.content : null,
    reply_at: hasReply ? item.replyAt : null,
    helpful_count: 0,
    media_count: input.media.length,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    external_source: source,
    external_id: item.externalId,
  };
}

/**
 * Writes one batch of imported reviews in the caller's transaction: rows already imported (same
 * source and original id) are skipped by the unique index, statistics move once per batch, and
 * review/created events carry the new reviews in lists of bounded size.
 */
export async function insertImportedBatch(
  db: Kysely<Database>,
  shop: ShopRow,
  source: string,
  items: readonly PreparedReview[],
  publicUrl: string,
  nowMs: number,
): Promise<{ inserted: number; skipped: number }> {
  const now = Math.floor(nowMs / 1000);
  const settings = readShopSettings(shop.settings);
  const published = (input: NewReview): 0 | 1 => input.isPublished ?? (settings.auto_publish && input.rating >= settings.auto_publish_min_rating ? 1 : 0);

  const products = new Map<string, NewReview['product']>();
  for (const { input } of items) if (input.productId !== STORE_PRODUCT_ID && !products.has(input.productId)) products.set(input.productId, input.product);
  for (const [productId, fields] of products) await upsertProduct(db, shop.id, productId, fields, now);

  const rows = items.map((item) => reviewRow(shop, item, source, now, published(item.input)));
  const inserted = await db
    .insertInto('reviews')
    .values(rows)
    .onConflict((oc) => oc.columns(['shop_id', 'external_source', 'external_id']).doNothing())
    .returning(['id', 'external_id'])
    .execute();
  const idByExternal = new Map(inserted.map((row) => [row.external_id as string, Number(row.id)]));

  const media = items.flatMap((item) => {
    const reviewId = idByExternal.get(item.externalId);
    if (reviewId === undefined) return [];
    return item.input.media.map((m, position) => ({
      shop_id: shop.id, review_id: reviewId, position, url: m.url, thumbnail_url: defaultThumbnail(m, publicUrl), type: m.type, is_published: m.isPublished, width: 0, height: 0,
    }));
  });
  const mediaByReview = new Map<number, MediaRow[]>();
  const storedMedia = media.length > 0 ? await db.insertInto('review_media').values(media).returningAll().execute() : [];
  for (const row of storedMedia) mediaByReview.set(Number(row.review_id), [...(mediaByReview.get(Number(row.review_id)) ?? []), row]);

  const deltas = new Map<string, { productId: string; rating: number; bucket: StatsBucket; count: number }>();
  const created: Review[] = [];
  for (const [index, item] of items.entries()) {
    const id = idByExternal.get(item.externalId);
    if (id === undefined) continue;
    const row = rows[index]!;
    const bucket: StatsBucket = row.is_published === 1 ? 'published' : 'hidden';
    const key = `${row.product_id}\u0000${row.rating}\u0000${bucket}`;
    const delta = deltas.get(key) ?? { productId: row.product_id, rating: row.rating, bucket, count: 0 };
    delta.count += 1;
    deltas.set(key, delta);
    const stored = { ...row, id, helpful_count: 0, product_title: item.input.product.title ?? '', product_handle: item.input.product.handle ?? '' } as ReviewWithProduct;
    created.push(presentReview(stored, (mediaByReview.get(id) ?? []).sort((a, b) => a.position - b.position)));
  }
  for (const d of deltas.values()) await adjustStats(db, shop.id, d.productId, d.rating, d.bucket, d.count);

  let list: Review[] = [];
  let size = 0;
  for (const review of created) {
    const bytes = JSON.stringify(review).length;
    if (list.length > 0 && size + bytes > MAX_EVENT_PAYLOAD_BYTES) {
      await appendOutboxEvent(db, shop.id, 'review/created', { list }, nowMs);
      list = [];
      size = 0;
    }
    list.push(review);
    size += bytes;
  }
  if (list.length > 0) await appendOutboxEvent(db, shop.id, 'review/created', { list }, nowMs);
  return { inserted: inserted.length, skipped: items.length - inserted.length };
}

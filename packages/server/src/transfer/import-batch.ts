import type { Insertable, Kysely } from 'kysely';
import type { Database, ReviewsTable } from '../db/schema.js';
import type { NewReview } from '../reviews/create-review.service.js';
import { upsertProduct } from '../reviews/product-repository.js';
import type { MediaUrls } from '../media/media-urls.js';
import { defaultThumbnail } from '../reviews/review-media-input.js';
import { presentReview } from '../reviews/review-presenter.js';
import type { MediaRow, ReviewWithProduct } from '../reviews/review-repository.js';
import { applyStatsDeltas, countInto, emptyStatsDelta, STORE_PRODUCT_ID, type StatsDelta } from '../reviews/review-stats.js';
import { newReviewRow, publishedByDefault } from '../reviews/new-review-row.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { hasActiveSubscription } from '../webhooks/active-subscriptions.js';
import { appendOutboxEventJson } from '../webhooks/outbox.js';

export interface PreparedReview {
  input: NewReview;
  commentedAt: number;
  replyAt: number;
  externalId: string;
}

/** A webhook body stays under 256 KB (webhooks.md §3): events carry at most this much review JSON. */
const MAX_EVENT_PAYLOAD_BYTES = 200_000;

function reviewRow(shop: ShopRow, item: PreparedReview, source: string, now: number, isPublished: 0 | 1): Insertable<ReviewsTable> {
  // Orders arrive with the collection module; until then no imported review matches one.
  const row = newReviewRow(shop.id, item.input, { commentedAt: item.commentedAt, replyAt: item.replyAt, isPublished, hasMatchingOrder: false, now });
  return { ...row, external_source: source, external_id: item.externalId };
}

/**
 * Writes one batch of imported reviews in the caller's transaction: rows already imported (same
 * source and original id) are skipped by the unique index, statistics move once per batch, and,
 * when someone subscribes to them, review/created events carry the new reviews in lists of bounded size.
 */
export async function insertImportedBatch(
  db: Kysely<Database>,
  shop: ShopRow,
  source: string,
  items: readonly PreparedReview[],
  mediaUrls: MediaUrls,
  nowMs: number,
  knownProducts: Map<string, string>,
): Promise<{ inserted: number; skipped: number }> {
  const now = Math.floor(nowMs / 1000);
  const settings = readShopSettings(shop.settings);

  // A product is written when first seen in this import or when its fields change, not per row.
  for (const { input } of items) {
    if (input.productId === STORE_PRODUCT_ID) continue;
    const signature = JSON.stringify(input.product);
    if (knownProducts.get(input.productId) === signature) continue;
    await upsertProduct(db, shop.id, input.productId, input.product, now);
    knownProducts.set(input.productId, signature);
  }

  const rows = items.map((item) => reviewRow(shop, item, source, now, publishedByDefault(item.input, settings)));
  const inserted: Array<{ id: number; external_id: string | null }> = [];
  // SQLite binds at most 32,766 values per statement: 30 columns × 1,000 rows stays under it.
  for (let start = 0; start < rows.length; start += 1000) {
    inserted.push(
      ...(await db
        .insertInto('reviews')
        .values(rows.slice(start, start + 1000))
        .onConflict((oc) => oc.columns(['shop_id', 'external_source', 'external_id']).doNothing())
        .returning(['id', 'external_id'])
        .execute()),
    );
  }
  const idByExternal = new Map(inserted.map((row) => [row.external_id as string, Number(row.id)]));

  const media = items.flatMap((item) => {
    const reviewId = idByExternal.get(item.externalId);
    if (reviewId === undefined) return [];
    return item.input.media.map((m, position) => ({
      shop_id: shop.id, review_id: reviewId, position, url: m.url, thumbnail_url: defaultThumbnail(m, mediaUrls), type: m.type, is_published: m.isPublished, width: 0, height: 0,
    }));
  });
  const mediaByReview = new Map<number, MediaRow[]>();
  const storedMedia = media.length > 0 ? await db.insertInto('review_media').values(media).returningAll().execute() : [];
  for (const row of storedMedia) mediaByReview.set(Number(row.review_id), [...(mediaByReview.get(Number(row.review_id)) ?? []), row]);

  // Events nobody is subscribed to are not built: a million-row import would otherwise write its
  // whole content a second time into the outbox. Asked per batch, so a subscription made during
  // the import receives the rest.
  const announce = await hasActiveSubscription(db, shop.id, 'review/created');
  const deltas = new Map<string, StatsDelta>();
  const created: string[] = [];
  for (const [index, item] of items.entries()) {
    const id = idByExternal.get(item.externalId);
    if (id === undefined) continue;
    const row = rows[index]!;
    const delta = deltas.get(row.product_id) ?? emptyStatsDelta();
    countInto(delta, row.is_published === 1 ? 'published' : 'hidden', row.rating);
    deltas.set(row.product_id, delta);
    if (!announce) continue;
    const stored = { ...row, id, helpful_count: 0, product_title: item.input.product.title ?? '', product_handle: item.input.product.handle ?? '' } as ReviewWithProduct;
    created.push(JSON.stringify(presentReview(stored, (mediaByReview.get(id) ?? []).sort((a, b) => a.position - b.position))));
  }
  await applyStatsDeltas(db, shop.id, deltas);

  let list: string[] = [];
  let size = 0;
  const emit = () => appendOutboxEventJson(db, shop.id, 'review/created', `{"list":[${list.join(',')}]}`, nowMs);
  for (const review of created) {
    if (list.length > 0 && size + review.length > MAX_EVENT_PAYLOAD_BYTES) {
      await emit();
      list = [];
      size = 0;
    }
    list.push(review);
    size += review.length;
  }
  if (list.length > 0) await emit();
  return { inserted: inserted.length, skipped: items.length - inserted.length };
}

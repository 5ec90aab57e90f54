import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Review } from './review-object.js';
import { presentReviews } from './review-presenter.js';
import { reviewsOfShop } from './review-repository.js';
import { addStars, readStatsRows, STORE_PRODUCT_ID, starsOf, type StatsBucket } from './review-stats.js';
import type { StarCounts } from './rating-value.js';
import { containing } from '../db/like.js';
import type { ModerationStatus } from '../moderation/moderation-decision.js';

export type ReviewSort = 'created-descending' | 'created-ascending' | 'rating-descending' | 'rating-ascending' | 'updated-ascending';

export interface ReviewFilter {
  productIds?: string[] | undefined;
  isStoreReview?: 0 | 1 | undefined;
  keyword?: string | undefined;
  ratings?: number[] | undefined;
  sources?: string[] | undefined;
  isPublished?: 0 | 1 | undefined;
  moderationStatus?: ModerationStatus | undefined;
  hasMedia?: 0 | 1 | undefined;
  updatedSince?: number | undefined;
  afterId?: number | undefined;
  includeDeleted?: boolean | undefined;
}

export interface ReviewPage {
  count: number;
  list: Review[];
}


/** The reviews of one shop matching a filter, unordered: get_reviews and the exporter share it. */
export function filtered(db: Kysely<Database>, shopId: string, f: ReviewFilter) {
  let query = reviewsOfShop(db, shopId);
  if (!f.includeDeleted) query = query.where('reviews.deleted_at', 'is', null);
  if (f.productIds) query = query.where('reviews.product_id', 'in', f.productIds);
  if (f.isStoreReview === 1) query = query.where('reviews.product_id', '=', STORE_PRODUCT_ID);
  if (f.isStoreReview === 0) query = query.where('reviews.product_id', '!=', STORE_PRODUCT_ID);
  if (f.ratings) query = query.where('reviews.rating', 'in', f.ratings);
  if (f.sources) query = query.where(sql`lower(reviews.source)`, 'in', f.sources.map((s) => s.toLowerCase()));
  if (f.isPublished !== undefined) query = query.where('reviews.is_published', '=', f.isPublished);
  if (f.moderationStatus !== undefined) query = query.where('reviews.moderation_status', '=', f.moderationStatus);
  if (f.hasMedia === 1) query = query.where('reviews.media_count', '>', 0);
  if (f.hasMedia === 0) query = query.where('reviews.media_count', '=', 0);
  if (f.keyword !== undefined) {
    // `%` and `_` in a keyword are ordinary characters (docs/reference/reviews.md §4).
    const pattern = containing(f.keyword);
    query = query.where((eb) => eb.or(['title', 'content', 'author'].map((column) => eb(sql`lower(${sql.ref(`reviews.${column}`)})`, 'like', pattern))));
  }
  if (f.updatedSince !== undefined) {
    const since = f.updatedSince;
    const after = f.afterId;
    query =
      after === undefined
        ? query.where('reviews.updated_at', '>=', since)
        : query.where((eb) => eb.or([eb('reviews.updated_at', '>', since), eb.and([eb('reviews.updated_at', '=', since), eb('reviews.id', '>', after)])]));
  }
  return query;
}

/**
 * Counting a million rows for every page would make latency grow with the shop; when the filters
 * are ones the maintained statistics know (product, store/product, rating, published), the count
 * is read from at most a hundred statistics rows instead.
 */
async function countFromStats(db: Kysely<Database>, shopId: string, f: ReviewFilter): Promise<number | undefined> {
  if (f.keyword !== undefined || f.sources || f.hasMedia !== undefined || f.moderationStatus !== undefined || f.updatedSince !== undefined || f.includeDeleted) return undefined;
  let rows: Array<Parameters<typeof starsOf>[0]>;
  if (f.productIds) {
    let ids = [...new Set(f.productIds)];
    if (f.isStoreReview === 1) ids = ids.filter((id) => id === STORE_PRODUCT_ID);
    if (f.isStoreReview === 0) ids = ids.filter((id) => id !== STORE_PRODUCT_ID);
    const found = await readStatsRows(db, shopId, { scope: 'product', productIds: ids });
    rows = ids.map((id) => found.get(id));
  } else {
    rows = [];
    if (f.isStoreReview !== 0) rows.push((await readStatsRows(db, shopId, { scope: 'product', productIds: [STORE_PRODUCT_ID] })).get(STORE_PRODUCT_ID));
    if (f.isStoreReview !== 1) rows.push((await readStatsRows(db, shopId, { scope: 'all_products', productIds: [''] })).get(''));
  }
  const buckets: StatsBucket[] = f.isPublished === undefined ? ['published', 'hidden'] : [f.isPublished === 1 ? 'published' : 'hidden'];
  let stars: StarCounts = [0, 0, 0, 0, 0];
  for (const row of rows) for (const bucket of buckets) stars = addStars(stars, starsOf(row, bucket));
  const ratings = new Set(f.ratings ?? [1, 2, 3, 4, 5]);
  return stars.reduce((total, n, index) => (ratings.has(index + 1) ? total + n : total), 0);
}

/** get_reviews (docs/reference/reviews.md §4): a page served from the indexes named after each sort order. */
export async function listReviews(db: Kysely<Database>, shopId: string, f: ReviewFilter, sort: ReviewSort, page: number, pageSize: number): Promise<ReviewPage> {
  let query = filtered(db, shopId, f);
  switch (sort) {
    case 'created-descending':
      query = query.orderBy('reviews.created_at', 'desc').orderBy('reviews.id', 'desc');
      break;
    case 'created-ascending':
      query = query.orderBy('reviews.created_at', 'asc').orderBy('reviews.id', 'asc');
      break;
    case 'rating-descending':
      query = query.orderBy('reviews.rating', 'desc').orderBy('reviews.created_at', 'desc').orderBy('reviews.id', 'desc');
      break;
    case 'rating-ascending':
      query = query.orderBy('reviews.rating', 'asc').orderBy('reviews.created_at', 'desc').orderBy('reviews.id', 'desc');
      break;
    case 'updated-ascending':
      query = query.orderBy('reviews.updated_at', 'asc').orderBy('reviews.id', 'asc');
      break;
  }
  const rows = await query.limit(pageSize).offset((page - 1) * pageSize).execute();
  const count =
    (await countFromStats(db, shopId, f)) ??
    Number((await filtered(db, shopId, f).clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { count, list: await presentReviews(db, shopId, rows) };
}

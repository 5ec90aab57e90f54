import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { findProductIdsByHandle } from '../products/product-repository.js';
import { ratingFor, type RatingScope } from './rating.service.js';
import { mediaOfReviews, type MediaRow } from './review-repository.js';
import { STORE_PRODUCT_ID } from './review-stats.js';
import { PUBLISHED_MEDIA_BIT, RANKS_WITH_MEDIA } from './storefront-rank.js';
import type { Rating } from './review-object.js';

/** docs/reference/storefront.md §2: which reviews a public list shows. */
export type StorefrontScope = { kind: 'all' } | { kind: 'store' } | { kind: 'product'; productId: string } | { kind: 'handle'; handle: string };

export const STOREFRONT_SORTS = ['comprehensive-descending', 'created-descending', 'rating-descending', 'rating-ascending', 'image-descending'] as const;
export type StorefrontSort = (typeof STOREFRONT_SORTS)[number];

export interface StorefrontQuery {
  scope: StorefrontScope;
  page: number;
  limit: number;
  sort: StorefrontSort;
  star?: number | undefined;
  hasMedia?: boolean | undefined;
}

export interface StorefrontReviewRow {
  id: number;
  product_id: string;
  rating: number;
  author: string;
  author_country: string;
  title: string;
  content: string;
  commented_at: number;
  item_type: string;
  is_verified: number;
  verification_method: string;
  is_incentivized: number;
  incentive: string;
  reply_content: string | null;
  helpful_count: number;
  product_title: string | null;
  product_handle: string | null;
  product_url: string | null;
  product_image: string | null;
}

export interface StorefrontPage {
  count: number;
  rows: StorefrontReviewRow[];
  media: Map<number, MediaRow[]>;
  /** The scope's statistics, ignoring star and has_media filters. */
  rating: Rating;
  /** The product the scope names, when it names one that exists. */
  productId: string | undefined;
}

function countFromStats(rating: Rating, star: number | undefined): number {
  if (star === undefined) return rating.review_count;
  return [rating.star1_count, rating.star2_count, rating.star3_count, rating.star4_count, rating.star5_count][star - 1]!;
}

function ratingScopeOf(scope: StorefrontScope, productId: string | undefined): RatingScope {
  if (scope.kind === 'all') return { kind: 'all' };
  if (scope.kind === 'store') return { kind: 'product', productId: STORE_PRODUCT_ID };
  return { kind: 'product', productId: productId ?? '' };
}

/**
 * A page of published, non-deleted reviews in storefront order. Counting and paging run on the
 * reviews table with the shop's indexes; the statistics come from the maintained counts.
 */
export async function storefrontReviews(db: Kysely<Database>, shopId: string, q: StorefrontQuery): Promise<StorefrontPage> {
  const productId = q.scope.kind === 'product' ? q.scope.productId : q.scope.kind === 'handle' ? (await findProductIdsByHandle(db, shopId, q.scope.handle))[0] : undefined;
  const rating = await ratingFor(db, shopId, ratingScopeOf(q.scope, productId));
  if ((q.scope.kind === 'product' || q.scope.kind === 'handle') && productId === undefined) return { count: 0, rows: [], media: new Map(), rating, productId };

  // Written as literals, the visibility test matches the predicate of the partial indexes of
  // migration 014, which hold each product's visible reviews in storefront order: a page is read
  // from the index whatever the product's size. A bound parameter would hide that match from SQLite.
  let base = db
    .selectFrom('reviews')
    .where('reviews.shop_id', '=', shopId)
    .where(sql<boolean>`reviews.is_published = 1 and reviews.deleted_at is null`);
  if (q.scope.kind === 'store') base = base.where('reviews.product_id', '=', STORE_PRODUCT_ID);
  if (productId !== undefined) base = base.where('reviews.product_id', '=', productId);
  if (q.star !== undefined) base = base.where('reviews.rating', '=', q.star);
  // The photo filter names the odd ranks (the rank's lowest bit is "has a published photo"), so the
  // index is read rank by rank, still in order.
  if (q.hasMedia) base = base.where(sql<boolean>`reviews.storefront_rank in (${sql.join(RANKS_WITH_MEDIA.map((rank) => sql.lit(rank)))})`);

  // The maintained statistics count exactly the published, non-deleted reviews of the scope, per
  // star: only the photo filter needs the reviews themselves counted.
  const count = q.hasMedia ? Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : countFromStats(rating, q.star);
  let page = base
    .leftJoin('products', (join) => join.onRef('products.shop_id', '=', 'reviews.shop_id').onRef('products.product_id', '=', 'reviews.product_id'))
    .select([
      'reviews.id',
      'reviews.product_id',
      'reviews.rating',
      'reviews.author',
      'reviews.author_country',
      'reviews.title',
      'reviews.content',
      'reviews.commented_at',
      'reviews.item_type',
      'reviews.is_verified',
      'reviews.verification_method',
      'reviews.is_incentivized',
      'reviews.incentive',
      'reviews.reply_content',
      'reviews.helpful_count',
      'products.title as product_title',
      'products.handle as product_handle',
      'products.url as product_url',
      'products.image as product_image',
    ]);
  switch (q.sort) {
    case 'comprehensive-descending':
      // Pinned, featured, with photos, newest: the shop's whole list in index order (migration 013).
      page = page.orderBy('reviews.storefront_rank', 'desc');
      break;
    case 'rating-descending':
      page = page.orderBy('reviews.rating', 'desc');
      break;
    case 'rating-ascending':
      page = page.orderBy('reviews.rating', 'asc');
      break;
    case 'image-descending':
      page = page.orderBy(sql`(reviews.storefront_rank & ${sql.lit(PUBLISHED_MEDIA_BIT)})`, 'desc');
      break;
    case 'created-descending':
      break;
  }
  const rows = (await page.orderBy('reviews.commented_at', 'desc').orderBy('reviews.id', 'desc').limit(q.limit).offset((q.page - 1) * q.limit).execute()).map((row) => ({ ...row, id: Number(row.id) }));
  const media = await mediaOfReviews(db, shopId, rows.map((row) => row.id));
  for (const [reviewId, items] of media) media.set(reviewId, items.filter((item) => item.is_published === 1));
  return { count, rows, media, rating, productId };
}

/** A published product review with its product's identifiers, as the Google feed lists it. */
export interface FeedRow {
  id: number;
  product_id: string;
  rating: number;
  author: string;
  title: string;
  content: string;
  commented_at: number;
  is_incentivized: number;
  product_title: string | null;
  handle: string | null;
  url: string | null;
  sku: string | null;
  gtin: string | null;
  mpn: string | null;
  brand: string | null;
}

/** Up to `limit` published product reviews after `afterId`, by id (keyset paging: memory stays flat). */
export async function publishedProductReviewsAfter(db: Kysely<Database>, shopId: string, afterId: number, limit: number): Promise<FeedRow[]> {
  return (await db
    .selectFrom('reviews')
    .leftJoin('products', (join) => join.onRef('products.shop_id', '=', 'reviews.shop_id').onRef('products.product_id', '=', 'reviews.product_id'))
    .select([
      'reviews.id', 'reviews.product_id', 'reviews.rating', 'reviews.author', 'reviews.title', 'reviews.content', 'reviews.commented_at', 'reviews.is_incentivized',
      'products.title as product_title', 'products.handle', 'products.url', 'products.sku', 'products.gtin', 'products.mpn', 'products.brand',
    ])
    .where('reviews.shop_id', '=', shopId)
    .where('reviews.is_published', '=', 1)
    .where('reviews.deleted_at', 'is', null)
    .where('reviews.product_id', '!=', STORE_PRODUCT_ID)
    .where('reviews.id', '>', afterId)
    .orderBy('reviews.id')
    .limit(limit)
    .execute()) as FeedRow[];
}

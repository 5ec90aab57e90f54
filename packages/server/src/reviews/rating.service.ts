import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { findProductIdsByHandle } from '../products/product-repository.js';
import { type Rating } from './review-object.js';
import { ratingFromStars } from './rating-value.js';
import { addStars, readStatsRows, STORE_PRODUCT_ID, starsOf } from './review-stats.js';

export type RatingScope =
  | { kind: 'all' }
  | { kind: 'all_products' }
  | { kind: 'product'; productId: string }
  | { kind: 'handle'; handle: string };

/** get_rating: reads at most two statistics rows, never the reviews (docs/reference/reviews.md §8). */
export async function ratingFor(db: Kysely<Database>, shopId: string, scope: RatingScope): Promise<Rating> {
  switch (scope.kind) {
    case 'all': {
      const store = await readStatsRows(db, shopId, { scope: 'product', productIds: [STORE_PRODUCT_ID] });
      const products = await readStatsRows(db, shopId, { scope: 'all_products', productIds: [''] });
      return ratingFromStars(addStars(starsOf(store.get(STORE_PRODUCT_ID), 'published'), starsOf(products.get(''), 'published')));
    }
    case 'all_products': {
      const rows = await readStatsRows(db, shopId, { scope: 'all_products', productIds: [''] });
      return ratingFromStars(starsOf(rows.get(''), 'published'));
    }
    case 'product': {
      const rows = await readStatsRows(db, shopId, { scope: 'product', productIds: [scope.productId] });
      return ratingFromStars(starsOf(rows.get(scope.productId), 'published'));
    }
    case 'handle': {
      const [productId] = await findProductIdsByHandle(db, shopId, scope.handle);
      return productId === undefined ? ratingFromStars([0, 0, 0, 0, 0]) : ratingFor(db, shopId, { kind: 'product', productId });
    }
  }
}

/** get_ratings: one item per distinct product id, in order of first appearance. */
export async function ratingsFor(db: Kysely<Database>, shopId: string, productIds: readonly string[]): Promise<Array<Rating & { product_id: string }>> {
  const distinct = [...new Set(productIds)];
  const rows = await readStatsRows(db, shopId, { scope: 'product', productIds: distinct });
  return distinct.map((productId) => ({ product_id: productId, ...ratingFromStars(starsOf(rows.get(productId), 'published')) }));
}

/**
 * Every product of the shop that has statistics, with its published rating: what a store
 * connector writes back to the store's own product data (docs/connectors.md). Store reviews
 * (product "0") are left out.
 */
export async function ratingsOfEveryProduct(db: Kysely<Database>, shopId: string): Promise<Array<Rating & { product_id: string }>> {
  const rows = await db.selectFrom('review_stats').selectAll().where('shop_id', '=', shopId).where('scope', '=', 'product').where('product_id', '!=', STORE_PRODUCT_ID).orderBy('product_id').execute();
  return rows.map((row) => ({ product_id: row.product_id, ...ratingFromStars(starsOf(row, 'published')) }));
}

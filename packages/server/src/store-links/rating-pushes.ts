import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type ConnectorLinkRow } from './connector-links.js';

export interface PushedRating {
  productId: string;
  rating: string;
  reviewCount: number;
}

/** Active Shopify links whose store may be written to now (not waiting after a 429). */
export async function linksDueForRatingSync(db: Kysely<Database>, now: number): Promise<ConnectorLinkRow[]> {
  return db.selectFrom('connector_links').selectAll().where('platform', '=', 'shopify').where('status', '=', 'active').where('next_sync_at', '<=', now).orderBy('id').execute();
}

/** What the store was last told, by product. */
export async function pushedRatings(db: Kysely<Database>, shopId: string): Promise<Map<string, PushedRating>> {
  const rows = await db.selectFrom('connector_rating_pushes').select(['product_id', 'rating', 'review_count']).where('shop_id', '=', shopId).execute();
  return new Map(rows.map((row) => [row.product_id, { productId: row.product_id, rating: row.rating, reviewCount: Number(row.review_count) }]));
}

export async function recordPushed(db: Kysely<Database>, shopId: string, ratings: readonly PushedRating[], now: number): Promise<void> {
  for (const r of ratings) {
    await db
      .insertInto('connector_rating_pushes')
      .values({ shop_id: shopId, product_id: r.productId, rating: r.rating, review_count: r.reviewCount, pushed_at: now })
      .onConflict((oc) => oc.columns(['shop_id', 'product_id']).doUpdateSet({ rating: r.rating, review_count: r.reviewCount, pushed_at: now }))
      .execute();
  }
}

/** Where the sync of one link stands: the version done, and when to try again. */
export async function setSyncState(db: Kysely<Database>, linkId: number, state: { syncedVersion?: number; nextSyncAt?: number }): Promise<void> {
  const set = { ...(state.syncedVersion === undefined ? {} : { synced_version: state.syncedVersion }), ...(state.nextSyncAt === undefined ? {} : { next_sync_at: state.nextSyncAt }) };
  if (Object.keys(set).length > 0) await db.updateTable('connector_links').set(set).where('id', '=', linkId).execute();
}

/** The store refused Plaudit's token (revoked, or the app's access changed): the merchant must reinstall. */
export async function markReconnect(db: Kysely<Database>, linkId: number, now: number): Promise<void> {
  await db.updateTable('connector_links').set({ status: 'reconnect', updated_at: now }).where('id', '=', linkId).execute();
}

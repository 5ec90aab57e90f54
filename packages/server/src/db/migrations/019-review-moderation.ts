import { type Kysely, sql } from 'kysely';

/**
 * Every review carries its moderation decision (docs/reference/moderation.md): `held` waits for
 * the merchant, `approved` and `rejected` were decided, by the rules or by someone. `moderation`
 * holds the reasons, who decided and when, as JSON. Reviews written before moderation was recorded
 * count as approved when published and as held (no reasons known) when not, which keeps
 * "published exactly when approved" true from the first row. Shoppers' reports stay open until the
 * merchant decides on the review.
 */
export const reviewModerationMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('reviews').addColumn('moderation_status', 'text', (c) => c.notNull().defaultTo('approved')).execute();
    await db.schema.alterTable('reviews').addColumn('moderation', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    await sql`update reviews set moderation_status = 'held' where is_published = 0`.execute(db);
    // The console's queue: the held reviews of a shop, newest first, without scanning the published ones.
    await db.schema
      .createIndex('reviews_shop_held')
      .on('reviews')
      .columns(['shop_id', 'id'])
      .where(sql.ref('moderation_status'), '=', 'held')
      .execute();
    // A report stays open until the merchant decides on the review: kept or hidden, it leaves the queue.
    await db.schema.alterTable('review_reports').addColumn('resolved_at', 'bigint').execute();
    // Near-duplicates from one device: the reviews a storefront session submitted.
    await db.schema
      .createIndex('customer_events_shop_session')
      .on('customer_events')
      .columns(['shop_id', 'session_id', 'created_at'])
      .where(sql.ref('session_id'), '<>', '')
      .execute();
  },
};

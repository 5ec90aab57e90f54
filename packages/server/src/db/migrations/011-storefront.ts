import type { Kysely } from 'kysely';

/**
 * Helpful votes (docs/reference/storefront.md §6): one row per (review, device), the current vote only, so
 * `helpful_count` on the review is the number of rows with vote 1 and a changed vote is one update.
 */
export const storefrontMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('helpful_votes')
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('review_id', 'bigint', (c) => c.notNull().references('reviews.id'))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('vote', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('helpful_votes_pk', ['review_id', 'device_id'])
      .execute();
  },
};

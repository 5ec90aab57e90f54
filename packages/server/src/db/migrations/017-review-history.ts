import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * Every change to a review, with who made it and which fields changed (docs/reference/reviews.md
 * §13): the record a merchant shows when asked why a review was hidden, and what auditors of the
 * FTC rule or the DMCC Act ask for. Rows live as long as their review: a tombstone keeps its
 * history, an erased review loses it with it.
 */
export const reviewHistoryMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withIdColumn(dialect, db.schema.createTable('review_history'))
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('review_id', 'bigint', (c) => c.notNull())
      .addColumn('occurred_at', 'bigint', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_history_review').on('review_history').columns(['shop_id', 'review_id', 'id']).execute();
  },
});

import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * Shoppers' reports of a review (docs/reference/storefront.md §6.1): why, and from which device,
 * kept as a hash so one device reports a review once and nobody can be followed by it. They wait
 * for the merchant in the console and reach partners as `review/reported`.
 */
export const reviewReportsMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withIdColumn(dialect, db.schema.createTable('review_reports'))
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('review_id', 'bigint', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('device_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('review_reports_device', ['shop_id', 'review_id', 'device_hash'])
      .execute();
  },
});

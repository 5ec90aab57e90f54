import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * Customer events (docs/reference/collection.md §13–15): many rows, written in batches, read by the filters of
 * get_customer_events. Every index starts with the shop; no IP address is stored.
 */
export function customerEventsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withIdColumn(dialect, db.schema.createTable('customer_events'))
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('event_source', 'text', (c) => c.notNull())
        .addColumn('os_type', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('session_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('product_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('review_id', 'bigint')
        .addColumn('page_url', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('customer_events_shop_time').on('customer_events').columns(['shop_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('customer_events_shop_type').on('customer_events').columns(['shop_id', 'event_type', 'created_at']).execute();
      await db.schema.createIndex('customer_events_shop_source').on('customer_events').columns(['shop_id', 'event_source', 'created_at']).execute();
      await db.schema.createIndex('customer_events_shop_os').on('customer_events').columns(['shop_id', 'os_type', 'created_at']).execute();
    },
  };
}

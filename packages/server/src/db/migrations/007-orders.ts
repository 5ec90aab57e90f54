import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * Orders and the state of their review request (docs/reference/collection.md §2, §6). Lines are kept as JSON on
 * the order: they are read and written with it, never queried on their own.
 */
export function ordersMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withIdColumn(dialect, db.schema.createTable('orders'))
        .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('order_name', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('customer_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('products', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('cancel_reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('order_created_at', 'bigint', (c) => c.notNull())
        .addColumn('fulfilled_at', 'bigint')
        .addColumn('scheduled_at', 'bigint')
        .addColumn('sent_at', 'bigint')
        .addColumn('opened_at', 'bigint')
        .addColumn('reviewed_at', 'bigint')
        .addColumn('cancelled_at', 'bigint')
        .addColumn('reminder_sent_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('orders_shop_order', ['shop_id', 'order_id'])
        .execute();
      await db.schema.createIndex('orders_shop_created').on('orders').columns(['shop_id', 'order_created_at', 'id']).execute();
      await db.schema.createIndex('orders_shop_email').on('orders').columns(['shop_id', 'email']).execute();
      await db.schema.createIndex('orders_shop_customer').on('orders').columns(['shop_id', 'customer_id']).execute();
      // The worker's question: which scheduled requests are due?
      await db.schema.createIndex('orders_due').on('orders').columns(['status', 'scheduled_at']).execute();
    },
  };
}

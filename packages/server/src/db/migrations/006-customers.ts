import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * Customers of a shop (docs/reference/collection.md §1), their exclusions from review requests (§9) and e-mail
 * unsubscribes by stream (§7). Addresses are stored normalised (trimmed, lower case) so that
 * matching is exact and indexable.
 */
export function customersMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('customers')
        .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('customers_pk', ['shop_id', 'customer_id'])
        .execute();
      await db.schema.createIndex('customers_shop_email').on('customers').columns(['shop_id', 'email']).execute();

      await withIdColumn(dialect, db.schema.createTable('customer_exclusions'))
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('customer_exclusions_customer', ['shop_id', 'customer_id'])
        .execute();
      await db.schema.createIndex('customer_exclusions_shop_created').on('customer_exclusions').columns(['shop_id', 'created_at', 'id']).execute();

      await withIdColumn(dialect, db.schema.createTable('email_unsubscribes'))
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('email_type', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('email_unsubscribes_stream', ['shop_id', 'email', 'email_type'])
        .execute();
      await db.schema.createIndex('email_unsubscribes_shop_created').on('email_unsubscribes').columns(['shop_id', 'created_at', 'id']).execute();
    },
  };
}

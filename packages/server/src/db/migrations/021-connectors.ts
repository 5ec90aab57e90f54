import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * Store connectors (docs/connectors.md): a shop's link to its store platform, with the secrets the
 * platform's webhooks are verified with (sealed: Plaudit must read them back to check a signature),
 * the last modification time seen for each of the platform's orders and products, so a replayed
 * or late webhook never overwrites a newer state, and the ratings last written back to the store.
 */
export const connectorsMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withIdColumn(dialect, db.schema.createTable('connector_links'))
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('external_shop', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('token_sealed', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('scopes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      // Ratings back to the store: the shop's content version last pushed, and when to try again after a refusal.
      .addColumn('synced_version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('next_sync_at', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('connector_links_shop', ['platform', 'shop_id'])
      .execute();
    await db.schema.createIndex('connector_links_external').on('connector_links').columns(['platform', 'external_shop']).execute();

    await db.schema
      .createTable('connector_versions')
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('source_updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('connector_versions_pk', ['shop_id', 'platform', 'kind', 'external_id'])
      .execute();

    // What the store was last told of each product's rating, so only changes are sent again.
    await db.schema
      .createTable('connector_rating_pushes')
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('rating', 'text', (c) => c.notNull())
      .addColumn('review_count', 'integer', (c) => c.notNull())
      .addColumn('pushed_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('connector_rating_pushes_pk', ['shop_id', 'product_id'])
      .execute();
  },
});

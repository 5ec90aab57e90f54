import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * Store connectors (docs/connectors.md): a shop's link to its store platform, with the secrets the
 * platform's webhooks are verified with (sealed: Plaudit must read them back to check a signature),
 * and the last modification time seen for each of the platform's orders and products, so a replayed
 * or late webhook never overwrites a newer state.
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
  },
});

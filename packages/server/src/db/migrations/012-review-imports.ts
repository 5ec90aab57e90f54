import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * Imports started from the console: the uploaded file waits in media storage and a worker runs
 * it, so the import survives the request and runs where the worker runs. The progress columns are
 * written inside each commit of the import, so they always match the rows committed; the lease
 * lets another worker take over an import whose worker died (it re-runs, skipping what is there).
 */
export const reviewImportsMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withIdColumn(dialect, db.schema.createTable('review_imports'))
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('dry_run', 'integer', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('file_key', 'text', (c) => c.notNull())
      .addColumn('file_bytes', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('bytes_read', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('rows', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('imported', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('skipped', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('rejected', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('rejections', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_until', 'bigint')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('started_at', 'bigint')
      .addColumn('finished_at', 'bigint')
      .execute();
    await db.schema.createIndex('review_imports_shop').on('review_imports').columns(['shop_id', 'id']).execute();
    await db.schema.createIndex('review_imports_waiting').on('review_imports').columns(['status', 'id']).execute();
  },
});

import type { Kysely } from 'kysely';

/**
 * Imported reviews keep where they came from (format and original id), and a unique index on it
 * makes re-running or resuming an import skip what is already there. Reviews created any other
 * way leave both NULL, which never conflicts.
 */
export const reviewProvenanceMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('reviews').addColumn('external_source', 'text').execute();
    await db.schema.alterTable('reviews').addColumn('external_id', 'text').execute();
    await db.schema.createIndex('reviews_shop_external').unique().on('reviews').columns(['shop_id', 'external_source', 'external_id']).execute();
  },
};

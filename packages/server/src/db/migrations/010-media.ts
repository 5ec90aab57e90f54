import type { Kysely } from 'kysely';

/**
 * Uploaded files (docs/reference/reviews.md §10–12). `media_upload_keys` names each shop's two upload keys
 * (the merchant's and the shoppers'); their secrets are derived from the server key, never stored.
 * `media_files` is the ledger of stored objects: the key is the primary key, so two uploads
 * racing for one key cannot both win, and a file is attached to at most one review.
 * A video issued for an upload is a `pending` row until its bytes arrive; `put_token_hash` is the
 * SHA-256 of its single-use PUT token.
 */
export const mediaMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('media_upload_keys')
      .addColumn('access_id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('media_upload_keys_shop_audience', ['shop_id', 'audience'])
      .execute();

    await db.schema
      .createTable('media_files')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('height', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('credential', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('put_token_hash', 'text', (c) => c.unique())
      .addColumn('put_expires_at', 'bigint')
      .addColumn('review_id', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('media_files_unattached').on('media_files').columns(['review_id', 'created_at']).execute();
    await db.schema.createIndex('media_files_credential').on('media_files').column('credential').execute();
  },
};

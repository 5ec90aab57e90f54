import type { Kysely } from 'kysely';

/**
 * Signatures of accepted non-GET requests, remembered for the 15-minute window so that a replayed
 * request is refused whichever API process receives it (docs/reference/auth.md §2).
 */
export const requestSignaturesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('request_signatures')
      .addColumn('signature_key', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('request_signatures_expiry').on('request_signatures').column('expires_at').execute();
  },
};

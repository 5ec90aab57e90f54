import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

export interface ContentVersion {
  /** Moves with any change to what the shop publishes, its own row included (migration 014). */
  version: number;
  /** Moves only with the shop's own row. */
  shopVersion: number;
}

/**
 * The shop's content version, or undefined for an unknown shop. This is the one query a cached
 * read makes: a primary-key read of one small row, written as plain SQL because building it with
 * the query builder would cost more than running it.
 */
export async function contentVersionOf(db: Kysely<Database>, shopId: string): Promise<ContentVersion | undefined> {
  const { rows } = await sql<{ version: number | string; shop_version: number | string }>`select version, shop_version from content_versions where shop_id = ${shopId}`.execute(db);
  const row = rows[0];
  return row === undefined ? undefined : { version: Number(row.version), shopVersion: Number(row.shop_version) };
}

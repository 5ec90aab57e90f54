import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The shop's content version (migration 014), or undefined for an unknown shop. This is the one
 * query a cached read makes: a primary-key read of one small row, written as plain SQL because
 * building it with the query builder would cost more than running it.
 */
export async function contentVersionOf(db: Kysely<Database>, shopId: string): Promise<number | undefined> {
  const { rows } = await sql<{ version: number | string }>`select version from content_versions where shop_id = ${shopId}`.execute(db);
  return rows[0] === undefined ? undefined : Number(rows[0].version);
}

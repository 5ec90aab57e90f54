import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** Tables with a `shop_id` column: every row in them belongs to one shop. */
export type ShopScopedTable = { [T in keyof Database]: 'shop_id' extends keyof Database[T] ? T : never }[keyof Database];

/**
 * Deletes every row of a shop from the given tables, in the order given (children before the rows
 * they reference). Used by the erasure of a whole shop (docs/privacy.md §5), each module naming
 * its own tables.
 */
export async function deleteShopRows(db: Kysely<Database>, shopId: string, tables: readonly ShopScopedTable[]): Promise<void> {
  for (const table of tables) await sql`delete from ${sql.table(table)} where shop_id = ${shopId}`.execute(db);
}

import type { Kysely, Selectable } from 'kysely';
import type { Database, ShopsTable } from '../db/schema.js';
import { deleteShopRows } from '../db/shop-rows.js';

export type ShopRow = Selectable<ShopsTable>;

export async function findShopByPublicToken(db: Kysely<Database>, publicToken: string): Promise<ShopRow | undefined> {
  return db.selectFrom('shops').selectAll().where('public_token', '=', publicToken).executeTakeFirst();
}

export async function findShopById(db: Kysely<Database>, shopId: string): Promise<ShopRow | undefined> {
  return db.selectFrom('shops').selectAll().where('id', '=', shopId).executeTakeFirst();
}

export async function listShops(db: Kysely<Database>): Promise<ShopRow[]> {
  return db.selectFrom('shops').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function insertShop(db: Kysely<Database>, row: ShopRow): Promise<void> {
  await db.insertInto('shops').values(row).execute();
}

export async function updatePrivateToken(db: Kysely<Database>, shopId: string, sealed: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('shops')
    .set({ private_token_sealed: sealed, updated_at: now })
    .where('id', '=', shopId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateShopSettingsJson(db: Kysely<Database>, shopId: string, settingsJson: string, now: number): Promise<void> {
  await db.updateTable('shops').set({ settings: settingsJson, updated_at: now }).where('id', '=', shopId).execute();
}

/** A shop by its domain (lower case, no scheme), as storefronts and platforms name it. */
export async function findShopByDomain(db: Kysely<Database>, domain: string): Promise<ShopRow | undefined> {
  return db.selectFrom('shops').selectAll().where('domain', '=', domain).executeTakeFirst();
}

/** The active shops among `ids`, by name. */
export async function findActiveShops(db: Kysely<Database>, ids: readonly string[]): Promise<ShopRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('shops').selectAll().where('id', 'in', [...ids]).where('status', '=', 'active').orderBy('name').execute();
}

/** The shop itself, last of all its rows (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopRecord(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['content_versions']);
  await db.deleteFrom('shops').where('id', '=', shopId).execute();
}

/** Activates or deactivates a shop (a store removed or reinstalled its app): an inactive shop answers no API call or storefront read. */
export async function setShopStatus(db: Kysely<Database>, shopId: string, status: 'active' | 'inactive', now: number): Promise<void> {
  await db.updateTable('shops').set({ status, updated_at: now }).where('id', '=', shopId).execute();
}

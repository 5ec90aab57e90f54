import type { Kysely, Selectable } from 'kysely';
import type { Database, MerchantsTable } from '../db/schema.js';
import { findActiveShops, type ShopRow } from '../shops/shop-repository.js';
import { deleteShopRows } from '../db/shop-rows.js';

export type MerchantRow = Selectable<MerchantsTable>;

export async function findMerchantByEmail(db: Kysely<Database>, email: string): Promise<MerchantRow | undefined> {
  return db.selectFrom('merchants').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findMerchantById(db: Kysely<Database>, id: number): Promise<MerchantRow | undefined> {
  return db.selectFrom('merchants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMerchant(db: Kysely<Database>, email: string, passwordHash: string, now: number): Promise<number> {
  const row = await db.insertInto('merchants').values({ email, password_hash: passwordHash, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function linkMerchantToShop(db: Kysely<Database>, merchantId: number, shopId: string): Promise<void> {
  await db.insertInto('merchant_shops').values({ merchant_id: merchantId, shop_id: shopId }).onConflict((oc) => oc.doNothing()).execute();
}

/** The shops a merchant may act for: the tenancy boundary of the consent page and the console. */
export async function shopsOfMerchant(db: Kysely<Database>, merchantId: number): Promise<ShopRow[]> {
  const links = await db.selectFrom('merchant_shops').select('shop_id').where('merchant_id', '=', merchantId).execute();
  return findActiveShops(db, links.map((link) => link.shop_id));
}

export async function setPasswordHash(db: Kysely<Database>, merchantId: number, passwordHash: string, now: number): Promise<void> {
  await db.updateTable('merchants').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', merchantId).execute();
}

/** The e-mail addresses of everyone who may act for a shop, alphabetically. */
export async function merchantEmailsOfShop(db: Kysely<Database>, shopId: string): Promise<string[]> {
  const rows = await db.selectFrom('merchant_shops').innerJoin('merchants', 'merchants.id', 'merchant_shops.merchant_id').select('merchants.email').where('merchant_shops.shop_id', '=', shopId).orderBy('merchants.email').execute();
  return rows.map((row) => row.email);
}

/** A shop's place in its merchants' accounts (docs/privacy.md §5); the accounts stay, since a merchant may run other shops. */
export async function forgetShopMembership(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['merchant_shops']);
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { deleteShopRows } from '../db/shop-rows.js';

/**
 * The uploaded files of reviews that are being erased (docs/privacy.md). Bytes cannot roll back
 * with a transaction, so erasure goes in two steps: inside the transaction the files are released
 * (no review, dated at the epoch, no original name), which makes them the unattached sweep's to
 * delete if the process dies now; after the commit `deleteMediaFiles` (sweep-unattached.ts) deletes them at once.
 */
export async function releaseFilesOfReviews(db: Kysely<Database>, shopId: string, reviewIds: readonly number[]): Promise<string[]> {
  if (reviewIds.length === 0) return [];
  const files = await db.selectFrom('media_files').select('key').where('shop_id', '=', shopId).where('review_id', 'in', [...reviewIds]).execute();
  if (files.length === 0) return [];
  await db.updateTable('media_files').set({ review_id: null, created_at: 0, original_name: '' }).where('shop_id', '=', shopId).where('review_id', 'in', [...reviewIds]).execute();
  return files.map((file) => file.key);
}

/** An anonymized review keeps its photos, but not the names its files had on the author's device. */
export async function forgetOriginalNames(db: Kysely<Database>, shopId: string, reviewIds: readonly number[]): Promise<void> {
  if (reviewIds.length === 0) return;
  await db.updateTable('media_files').set({ original_name: '' }).where('shop_id', '=', shopId).where('review_id', 'in', [...reviewIds]).execute();
}

/** Every stored file of a shop: its bytes are deleted before the rows go (erase-shop.ts says why). */
export async function filesOfShop(db: Kysely<Database>, shopId: string): Promise<string[]> {
  return (await db.selectFrom('media_files').select('key').where('shop_id', '=', shopId).execute()).map((file) => file.key);
}

/** A whole shop's file ledger and upload keys (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopMedia(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['media_files', 'media_upload_keys']);
}

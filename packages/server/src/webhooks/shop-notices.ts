import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Leaves the merchant a notice the console shows until read (a webhook disabled, a store's data request). */
export async function recordNotice(db: Kysely<Database>, shopId: string, kind: string, message: string, now: number): Promise<void> {
  await db.insertInto('shop_notices').values({ shop_id: shopId, kind, message, created_at: now }).execute();
}

/** The newest notices the merchant has not read yet (webhooks disabled after failing, store data requests). */
export async function unreadNotices(db: Kysely<Database>, shopId: string, limit: number) {
  return db.selectFrom('shop_notices').select(['message', 'created_at']).where('shop_id', '=', shopId).where('read_at', 'is', null).orderBy('id', 'desc').limit(limit).execute();
}

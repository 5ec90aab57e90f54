import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The newest notices the merchant has not read yet (today: webhooks disabled after failing). */
export async function unreadNotices(db: Kysely<Database>, shopId: string, limit: number) {
  return db.selectFrom('shop_notices').select(['message', 'created_at']).where('shop_id', '=', shopId).where('read_at', 'is', null).orderBy('id', 'desc').limit(limit).execute();
}

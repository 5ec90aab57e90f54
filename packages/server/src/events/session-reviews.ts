import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The reviews one storefront session (one device) submitted since a time, newest first: the
 * moderation rules compare a new review with them to catch the same text posted again.
 */
export async function reviewsSubmittedBySession(db: Kysely<Database>, shopId: string, sessionId: string, since: number, limit: number): Promise<number[]> {
  if (sessionId === '') return [];
  const rows = await db
    .selectFrom('customer_events')
    .select('review_id')
    .where('shop_id', '=', shopId)
    .where('session_id', '=', sessionId)
    .where('created_at', '>=', since)
    .where('event_type', '=', 'SUBMIT_REVIEW')
    .where('review_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => Number(row.review_id));
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { recordCustomerEvents } from '../events/customer-events.js';
import type { OsType } from '../events/event-types.js';
import { notFound } from '../http/errors.js';
import { secondsOf } from '../time/clock.js';

export interface HelpfulVote {
  shopId: string;
  reviewId: number;
  deviceId: string;
  vote: 1 | -1;
  osType: OsType;
}

/**
 * One current vote per (review, device) on a published review (docs/reference/storefront.md §6). The review's
 * `helpful_count` is recounted from the votes in the same transaction, so it never drifts, and
 * neither `updated_at` nor a webhook moves: votes are not edits. Answers the count after the vote.
 */
export async function castHelpfulVote(db: Kysely<Database>, cast: HelpfulVote, nowMs: number): Promise<number> {
  const { shopId, reviewId, deviceId, vote } = cast;
  const now = secondsOf(nowMs);
  return db.transaction().execute(async (trx) => {
    const review = await trx.selectFrom('reviews').select('id').where('shop_id', '=', shopId).where('id', '=', reviewId).where('is_published', '=', 1).where('deleted_at', 'is', null).executeTakeFirst();
    if (review === undefined) throw notFound('review', reviewId);
    const previous = await trx.selectFrom('helpful_votes').select('vote').where('review_id', '=', reviewId).where('device_id', '=', deviceId).executeTakeFirst();
    if (previous?.vote !== vote) {
      await trx
        .insertInto('helpful_votes')
        .values({ shop_id: shopId, review_id: reviewId, device_id: deviceId, vote, updated_at: now })
        .onConflict((oc) => oc.columns(['review_id', 'device_id']).doUpdateSet({ vote, updated_at: now }))
        .execute();
      const counted = await trx.selectFrom('helpful_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('review_id', '=', reviewId).where('vote', '=', 1).executeTakeFirstOrThrow();
      await trx.updateTable('reviews').set({ helpful_count: Number(counted.n) }).where('id', '=', reviewId).execute();
      await recordCustomerEvents(trx, shopId, [{ eventType: 'HELPFUL_VOTE', eventSource: 'STOREFRONT', osType: cast.osType, reviewId, extra: { vote } }], nowMs);
    }
    const row = await trx.selectFrom('reviews').select('helpful_count').where('id', '=', reviewId).executeTakeFirstOrThrow();
    return Number(row.helpful_count);
  });
}

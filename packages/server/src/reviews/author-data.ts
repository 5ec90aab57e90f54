import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { RecordedActor } from '../http/actor.js';
import { changesOf, forgetHistoryOf, recordHistory } from './review-history.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import { secondsOf } from '../time/clock.js';
import { presentReviews } from './review-presenter.js';
import { reviewsOfShop, type ReviewWithProduct } from './review-repository.js';
import { adjustStats } from './review-stats.js';
import { activityOf, recordActivity } from './review-activity.js';
import { deleteShopRows } from '../db/shop-rows.js';

/** What an anonymized review shows instead of its author (docs/privacy.md). */
export const ANONYMOUS_AUTHOR = 'Anonymous';

const PERSONAL_FIELDS = { author: ANONYMOUS_AUTHOR, author_email: '', author_phone: '', author_country: '' } as const;

/** Erasure is the system acting on the shop's instruction (docs/privacy.md §3). */
const ERASURE: RecordedActor = { kind: 'system', id: 'erasure', name: 'Data erasure' };

/**
 * One person's reviews for a data-subject request (docs/privacy.md): written with one of their
 * addresses, or through a review link of one of their orders. Tombstones count too: a deleted
 * review still holds its author's data until it is erased.
 */
export async function reviewsOfPerson(db: Kysely<Database>, shopId: string, person: { emails: readonly string[]; orderIds: readonly string[] }): Promise<ReviewWithProduct[]> {
  const orderIds = person.orderIds.filter((id) => id !== '');
  if (person.emails.length + orderIds.length === 0) return [];
  return reviewsOfShop(db, shopId)
    .where((eb) => eb.or([...(person.emails.length > 0 ? [eb('reviews.author_email', 'in', [...person.emails])] : []), ...(orderIds.length > 0 ? [eb('reviews.order_id', 'in', orderIds)] : [])]))
    .orderBy('reviews.id')
    .execute();
}

/**
 * Keeps the reviews' rating and words and clears who wrote them, in the caller's transaction:
 * the author becomes "Anonymous" and the address, phone and country are emptied. Ratings do not
 * move. Each live review records `review/updated`, so partners' copies lose the author too.
 */
export async function anonymizeReviews(db: Kysely<Database>, shopId: string, rows: readonly ReviewWithProduct[], nowMs: number): Promise<void> {
  if (rows.length === 0) return;
  const now = secondsOf(nowMs);
  const ids = rows.map((row) => Number(row.id));
  await db.updateTable('reviews').set({ ...PERSONAL_FIELDS, updated_at: now }).where('shop_id', '=', shopId).where('id', 'in', ids).execute();
  await recordHistory(db, shopId, ERASURE, rows.map((row) => ({ reviewId: Number(row.id), action: 'anonymized', changes: changesOf(row, PERSONAL_FIELDS) })), nowMs);
  const live = rows.filter((row) => row.deleted_at === null).map((row) => ({ ...row, ...PERSONAL_FIELDS, updated_at: now }));
  for (const review of await presentReviews(db, shopId, live)) await appendOutboxEvent(db, shopId, 'review/updated', { list: [review] }, nowMs);
}

/**
 * Removes the reviews for good, in the caller's transaction: their media rows, helpful votes and
 * the rows themselves. Live reviews leave the statistics first, exactly as a deletion moves them,
 * and record `review/deleted` with a tombstone that names nobody. The media bytes are the media
 * module's to delete (media/review-files.ts).
 */
export async function purgeReviews(db: Kysely<Database>, shopId: string, rows: readonly ReviewWithProduct[], nowMs: number): Promise<void> {
  if (rows.length === 0) return;
  const now = secondsOf(nowMs);
  const ids = rows.map((row) => Number(row.id));
  const live = rows.filter((row) => row.deleted_at === null);
  const tombstones = await presentReviews(db, shopId, live.map((row) => ({ ...row, ...PERSONAL_FIELDS, media_count: 0, deleted_at: now, updated_at: now })));
  await db.deleteFrom('review_media').where('shop_id', '=', shopId).where('review_id', 'in', ids).execute();
  await db.deleteFrom('helpful_votes').where('shop_id', '=', shopId).where('review_id', 'in', ids).execute();
  await db.deleteFrom('review_reports').where('shop_id', '=', shopId).where('review_id', 'in', ids).execute();
  await db.deleteFrom('reviews').where('shop_id', '=', shopId).where('id', 'in', ids).execute();
  await forgetHistoryOf(db, shopId, ids);
  for (const row of live) {
    await adjustStats(db, shopId, row.product_id, row.rating, row.is_published === 1 ? 'published' : 'hidden', -1);
    await recordActivity(db, shopId, row.commented_at, activityOf(row, -1));
  }
  for (const tombstone of tombstones) await appendOutboxEvent(db, shopId, 'review/deleted', { list: [tombstone] }, nowMs);
}

/** A whole shop's reviews and everything counted from them (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopReviews(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['helpful_votes', 'review_media', 'review_stats', 'review_activity', 'review_history', 'review_reports', 'reviews']);
}

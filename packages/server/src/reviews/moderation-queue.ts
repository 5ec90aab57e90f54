import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { secondsOf } from '../time/clock.js';
import type { ReviewWithProduct } from './review-repository.js';
import { reviewsOfShop } from './review-repository.js';

/**
 * The console's moderation queue (docs/console.md): reviews the rules held, and published reviews
 * that shoppers reported and the merchant has not yet decided on.
 */
export async function heldReviews(db: Kysely<Database>, shopId: string, page: { limit: number; offset: number }): Promise<{ rows: ReviewWithProduct[]; count: number }> {
  const held = reviewsOfShop(db, shopId).where('reviews.moderation_status', '=', 'held').where('reviews.deleted_at', 'is', null);
  const rows = await held.orderBy('reviews.id', 'desc').limit(page.limit).offset(page.offset).execute();
  return { rows: rows as ReviewWithProduct[], count: await countHeldReviews(db, shopId) };
}

/** How many reviews wait for the merchant: the console's home shows it. */
export async function countHeldReviews(db: Kysely<Database>, shopId: string): Promise<number> {
  const counted = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('shop_id', '=', shopId)
    .where('moderation_status', '=', 'held')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}

export interface OpenReports {
  reviewId: number;
  count: number;
  reasons: string[];
  lastAt: number;
}

/** Reviews with open reports, the most recently reported first. */
export async function reviewsWithOpenReports(db: Kysely<Database>, shopId: string, limit: number): Promise<OpenReports[]> {
  const open = db
    .selectFrom('review_reports')
    .innerJoin('reviews', (join) => join.onRef('reviews.id', '=', 'review_reports.review_id').onRef('reviews.shop_id', '=', 'review_reports.shop_id'))
    .where('review_reports.shop_id', '=', shopId)
    .where('review_reports.resolved_at', 'is', null)
    .where('reviews.deleted_at', 'is', null);
  const groups = await open
    .select((eb) => ['review_reports.review_id', eb.fn.countAll<number>().as('n'), eb.fn.max('review_reports.created_at').as('last_at')])
    .groupBy('review_reports.review_id')
    .orderBy('last_at', 'desc')
    .orderBy('review_reports.review_id', 'desc')
    .limit(limit)
    .execute();
  if (groups.length === 0) return [];
  const ids = groups.map((group) => Number(group.review_id));
  const reasons = await open.select(['review_reports.review_id', 'review_reports.reason']).distinct().where('review_reports.review_id', 'in', ids).orderBy('review_reports.reason').execute();
  return groups.map((group) => ({
    reviewId: Number(group.review_id),
    count: Number(group.n),
    reasons: reasons.filter((row) => Number(row.review_id) === Number(group.review_id)).map((row) => row.reason),
    lastAt: Number(group.last_at),
  }));
}

/** The merchant decided on these reviews: their open reports are closed. */
export async function resolveReports(db: Kysely<Database>, shopId: string, reviewIds: readonly number[], nowMs: number): Promise<void> {
  if (reviewIds.length === 0) return;
  await db.updateTable('review_reports').set({ resolved_at: secondsOf(nowMs) }).where('shop_id', '=', shopId).where('review_id', 'in', [...reviewIds]).where('resolved_at', 'is', null).execute();
}

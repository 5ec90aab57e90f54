import type { Kysely } from 'kysely';
import { shopSaltedSha256 } from '../crypto/tokens.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import { secondsOf } from '../time/clock.js';
import { formatRecordTime } from '../time/time-format.js';
import { visibleReviewIdsAmong } from './review-repository.js';

export const REPORT_REASONS = ['spam', 'offensive', 'not_a_buyer', 'personal_data', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface NewReport {
  reviewId: number;
  reason: ReportReason;
  text: string;
  deviceId: string;
}

/**
 * A shopper reports a review they can see (docs/reference/storefront.md §6.1). One report per
 * device and review: reporting again changes nothing. The device id is kept only as a hash with the
 * shop id, enough to count reports once and never enough to follow a shopper. A new report records
 * `review/reported`. Answers how many devices have reported the review.
 */
export async function reportReview(db: Kysely<Database>, shopId: string, report: NewReport, nowMs: number): Promise<number> {
  if (!(await visibleReviewIdsAmong(db, shopId, [report.reviewId])).has(report.reviewId)) throw notFound('review', report.reviewId);
  const deviceHash = shopSaltedSha256(shopId, report.deviceId);
  const inserted = await db
    .insertInto('review_reports')
    .values({ shop_id: shopId, review_id: report.reviewId, reason: report.reason, text: report.text, device_hash: deviceHash, created_at: secondsOf(nowMs) })
    .onConflict((oc) => oc.columns(['shop_id', 'review_id', 'device_hash']).doNothing())
    .executeTakeFirst();
  const reports = await countReports(db, shopId, report.reviewId);
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
    await appendOutboxEvent(db, shopId, 'review/reported', { list: [{ id: report.reviewId, reason: report.reason, text: report.text, reports, reported_at: formatRecordTime(secondsOf(nowMs)) }] }, nowMs);
  }
  return reports;
}

async function countReports(db: Kysely<Database>, shopId: string, reviewId: number): Promise<number> {
  const row = await db.selectFrom('review_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', shopId).where('review_id', '=', reviewId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A review's reports for the console, newest first; never the device hash. */
export async function reportsOf(db: Kysely<Database>, shopId: string, reviewId: number) {
  const rows = await db.selectFrom('review_reports').select(['reason', 'text', 'created_at']).where('shop_id', '=', shopId).where('review_id', '=', reviewId).orderBy('id', 'desc').execute();
  return rows.map((row) => ({ reason: row.reason, text: row.text, createdAt: Number(row.created_at) }));
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

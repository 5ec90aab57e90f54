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

import type { Kysely, Updateable } from 'kysely';
import type { Database, ReviewsTable } from '../db/schema.js';
import { type Actor, recordedActorOf } from '../http/actor.js';
import { changesOf, recordHistory } from './review-history.js';
import { decisionBy, storedModeration } from './review-moderation.js';
import { resolveReports } from './review-reports.js';
import { notFound } from '../http/errors.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import type { Review } from './review-object.js';
import { presentReviews } from './review-presenter.js';
import { findLiveReview, type ReviewWithProduct } from './review-repository.js';
import { adjustStats } from './review-stats.js';
import { activityOf, noActivity, recordActivity } from './review-activity.js';
import { hasMatchingOrder } from '../orders/review-match.js';
import { PUBLISHED_MEDIA_BIT, storefrontRank } from './storefront-rank.js';
import { verificationMethodFor } from './verification.js';
import { secondsOf } from '../time/clock.js';

/** The merchant-controlled parts of a review (docs/reference/reviews.md §7); absent fields stay as they are. */
export interface ReviewChanges {
  isPublished?: 0 | 1 | undefined;
  isFeatured?: 0 | 1 | undefined;
  isTop?: 0 | 1 | undefined;
  isVerified?: 0 | 1 | undefined;
  tag?: string | undefined;
  /** The incentive disclosure: clearing the flag clears the description; a description sets the flag. */
  isIncentivized?: 0 | 1 | undefined;
  incentive?: string | undefined;
  /** undefined: leave; null: remove; string: set with reply_at = now. */
  reply?: string | null | undefined;
  /** A moderation decision: approving publishes, rejecting unpublishes (and takes a held review out of the queue). */
  moderation?: 'approved' | 'rejected' | undefined;
}

async function diff(db: Kysely<Database>, shopId: string, row: ReviewWithProduct, changes: ReviewChanges, now: number): Promise<Updateable<ReviewsTable>> {
  const set: Updateable<ReviewsTable> = {};
  const publish = changes.moderation === undefined ? changes.isPublished : changes.moderation === 'approved' ? 1 : 0;
  if (publish !== undefined && publish !== row.is_published) set.is_published = publish;
  if (changes.isFeatured !== undefined && changes.isFeatured !== row.is_featured) set.is_featured = changes.isFeatured;
  if (changes.isTop !== undefined && changes.isTop !== row.is_top) set.is_top = changes.isTop;
  if (set.is_top !== undefined || set.is_featured !== undefined) {
    set.storefront_rank = storefrontRank({ isTop: set.is_top ?? row.is_top, isFeatured: set.is_featured ?? row.is_featured, hasPublishedMedia: (row.storefront_rank & PUBLISHED_MEDIA_BIT) !== 0 });
  }
  if (changes.tag !== undefined && changes.tag !== row.tag) set.tag = changes.tag;
  if (changes.isIncentivized !== undefined || changes.incentive !== undefined) {
    const incentivized = changes.isIncentivized ?? (changes.incentive ? 1 : row.is_incentivized);
    const incentive = incentivized === 0 ? '' : (changes.incentive ?? row.incentive);
    if (incentivized !== row.is_incentivized) set.is_incentivized = incentivized;
    if (incentive !== row.incentive) set.incentive = incentive;
  }
  if (changes.isVerified !== undefined && changes.isVerified !== row.is_verified) {
    const matching = changes.isVerified === 1 && (await hasMatchingOrder(db, shopId, { productId: row.product_id, orderId: row.order_id, authorEmail: row.author_email }));
    set.is_verified = changes.isVerified;
    set.verification_method = verificationMethodFor(changes.isVerified, row.source, matching);
  }
  if (changes.reply === null && row.reply_content !== null) {
    set.reply_content = null;
    set.reply_at = null;
  } else if (typeof changes.reply === 'string' && changes.reply !== row.reply_content) {
    set.reply_content = changes.reply;
    set.reply_at = now;
  }
  return set;
}

/**
 * Applies an update in the caller's transaction. The row is changed only if it is still live and
 * still has the publication state read, so two concurrent writers cannot both move the statistics.
 */
export async function changeReview(db: Kysely<Database>, actor: Actor, id: number, changes: ReviewChanges, nowMs: number): Promise<Review> {
  const now = secondsOf(nowMs);
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await findLiveReview(db, actor.shopId, id);
    if (!row) throw notFound('review', id);
    const set = await diff(db, actor.shopId, row, changes, now);
    // Publishing approves a review and unpublishing rejects it, whoever does it: a review is
    // published exactly when moderation approved it.
    const published = (set.is_published ?? row.is_published) as 0 | 1;
    const decided = published === 1 ? 'approved' : 'rejected';
    if (set.is_published !== undefined || (changes.moderation !== undefined && row.moderation_status !== decided)) {
      Object.assign(set, storedModeration(decisionBy(recordedActorOf(actor), published, now)));
    }
    // A decision, even one that confirms the review as it is, answers the shoppers' reports on it.
    if (changes.moderation !== undefined || set.is_published !== undefined) await resolveReports(db, actor.shopId, [id], nowMs);
    if (Object.keys(set).length === 0) return (await presentReviews(db, actor.shopId, [row]))[0]!;

    const result = await db
      .updateTable('reviews')
      .set({ ...set, updated_at: now })
      .where('shop_id', '=', actor.shopId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .where('is_published', '=', row.is_published)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) continue;

    if (set.is_published !== undefined) {
      await adjustStats(db, actor.shopId, row.product_id, row.rating, row.is_published === 1 ? 'published' : 'hidden', -1);
      await adjustStats(db, actor.shopId, row.product_id, row.rating, set.is_published === 1 ? 'published' : 'hidden', 1);
    }
    await recordHistory(db, actor.shopId, recordedActorOf(actor), [{ reviewId: id, action: 'updated', changes: changesOf(row, set) }], nowMs);
    if (set.is_verified !== undefined) await recordActivity(db, actor.shopId, row.commented_at, { ...noActivity(), verified: set.is_verified === 1 ? 1 : -1 });
    const updated = (await presentReviews(db, actor.shopId, [(await findLiveReview(db, actor.shopId, id))!]))[0]!;
    // Hiding a review removes it from every partner's storefront copy, so it is published as a deletion.
    const hidden = row.is_published === 1 && set.is_published === 0;
    await appendOutboxEvent(db, actor.shopId, hidden ? 'review/deleted' : 'review/updated', { list: [updated] }, nowMs);
    return updated;
  }
  throw notFound('review', id);
}

/** Soft delete (docs/reference/reviews.md §6): the row stays as a tombstone; statistics and outbox follow. */
export async function deleteReview(db: Kysely<Database>, actor: Actor, id: number, nowMs: number): Promise<void> {
  const now = secondsOf(nowMs);
  const row = await findLiveReview(db, actor.shopId, id);
  if (!row) throw notFound('review', id);
  const result = await db
    .updateTable('reviews')
    .set({ deleted_at: now, updated_at: now })
    .where('shop_id', '=', actor.shopId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  // A concurrent delete won the race: to this caller the review is already gone.
  if (result.numUpdatedRows === 0n) throw notFound('review', id);
  await recordHistory(db, actor.shopId, recordedActorOf(actor), [{ reviewId: id, action: 'deleted', changes: [] }], nowMs);
  await adjustStats(db, actor.shopId, row.product_id, row.rating, row.is_published === 1 ? 'published' : 'hidden', -1);
  await recordActivity(db, actor.shopId, row.commented_at, activityOf(row, -1));
  const [tombstone] = await presentReviews(db, actor.shopId, [{ ...row, deleted_at: now, updated_at: now }]);
  await appendOutboxEvent(db, actor.shopId, 'review/deleted', { list: [tombstone] }, nowMs);
}

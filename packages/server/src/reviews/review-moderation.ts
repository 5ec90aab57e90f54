import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { RecordedActor } from '../http/actor.js';
import { reviewsSubmittedBySession } from '../events/session-reviews.js';
import { type Decider, isModerationStatus, MODERATION_REASONS, type ModerationDecision, type ModerationReason, type ModerationStatus, RULES_DECIDER } from '../moderation/moderation-decision.js';
import { publicationHolds, screenReview, type ScreenedReview } from '../moderation/screen-review.js';
import { NEAR_DUPLICATE_CANDIDATES, NEAR_DUPLICATE_WINDOW_SECONDS } from '../moderation/text-similarity.js';
import type { ShopSettings } from '../shops/shop-settings.js';
import { formatRecordTime } from '../time/time-format.js';


/** The stored columns of a decision. */
export function storedModeration(decision: ModerationDecision): { moderation_status: ModerationStatus; moderation: string } {
  return { moderation_status: decision.status, moderation: JSON.stringify({ reasons: decision.reasons, decided_by: decision.decided_by, decided_at: decision.decided_at }) };
}

/** The decision of a stored row; rows from before migration 019 hold `{}`. */
export function readModeration(row: { moderation_status: string; moderation: string }): ModerationDecision {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.moderation);
    if (parsed !== null && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // A damaged value must not take the review list down: no reasons, no decider.
  }
  const reasons = Array.isArray(stored.reasons) ? stored.reasons.filter((reason): reason is ModerationReason => MODERATION_REASONS.includes(reason as ModerationReason)) : [];
  const by = stored.decided_by as Decider | null | undefined;
  return {
    status: isModerationStatus(row.moderation_status) ? row.moderation_status : 'held',
    reasons,
    decided_by: by && typeof by.kind === 'string' ? { kind: by.kind, id: String(by.id ?? ''), name: String(by.name ?? '') } : null,
    decided_at: typeof stored.decided_at === 'number' ? stored.decided_at : null,
  };
}

/** The Review object's `moderation` (docs/reference/moderation.md §2). */
export function presentModeration(row: { moderation_status: string; moderation: string }) {
  const decision = readModeration(row);
  return { ...decision, decided_at: decision.decided_at === null ? null : formatRecordTime(decision.decided_at) };
}

/** Someone published (approved) or unpublished (rejected) a review. */
export function decisionBy(actor: RecordedActor, isPublished: 0 | 1, now: number): ModerationDecision {
  return { status: isPublished === 1 ? 'approved' : 'rejected', reasons: [], decided_by: { ...actor }, decided_at: now };
}

/** The rules' own decision: an approval is theirs, a hold waits for someone. */
function rulesDecision(status: 'approved' | 'held', reasons: ModerationReason[], now: number): ModerationDecision {
  const approved = status === 'approved';
  return { status, reasons, decided_by: approved ? { ...RULES_DECIDER } : null, decided_at: approved ? now : null };
}

/**
 * An imported review: the file's publication when it states one, else the shop's publication
 * settings. Content rules are not applied: imported reviews were moderated where they were written.
 */
export function importedReviewDecision(isPublished: 0 | 1 | undefined, rating: number, settings: ShopSettings, importer: RecordedActor, now: number): ModerationDecision {
  if (isPublished !== undefined) return decisionBy(importer, isPublished, now);
  const holds = publicationHolds(rating, settings);
  return rulesDecision(holds.length === 0 ? 'approved' : 'held', holds, now);
}

/** Earlier reviews of the same reviewer (by address) or device (by storefront session). */
async function earlierTexts(db: Kysely<Database>, shopId: string, email: string, sessionId: string, now: number): Promise<string[]> {
  const since = now - NEAR_DUPLICATE_WINDOW_SECONDS;
  const bySession = await reviewsSubmittedBySession(db, shopId, sessionId, since, NEAR_DUPLICATE_CANDIDATES);
  if (email === '' && bySession.length === 0) return [];
  let query = db.selectFrom('reviews').select(['title', 'content']).where('shop_id', '=', shopId).where('deleted_at', 'is', null).where('created_at', '>=', since);
  query = query.where((eb) => eb.or([...(email === '' ? [] : [eb('author_email', '=', email)]), ...(bySession.length === 0 ? [] : [eb('id', 'in', bySession)])]));
  const rows = await query.orderBy('id', 'desc').limit(NEAR_DUPLICATE_CANDIDATES * 2).execute();
  return rows.map((row) => `${row.title}\n${row.content}`);
}

export interface ModeratedNewReview {
  decision: ModerationDecision;
  title: string;
  content: string;
}

/**
 * The shop's rules applied to a new review whose publication is theirs to decide (a shopper's, or
 * an API caller's that leaves `is_published` out).
 */
export async function moderateNewReview(
  db: Kysely<Database>,
  shopId: string,
  review: ScreenedReview & { email: string; sessionId: string },
  settings: ShopSettings,
  now: number,
): Promise<ModeratedNewReview> {
  const texts = settings.moderation.near_duplicates === 'hold' ? await earlierTexts(db, shopId, review.email, review.sessionId, now) : [];
  const screening = screenReview(review, settings, { earlierTexts: texts });
  return {
    decision: rulesDecision(screening.status, screening.reasons, now),
    title: screening.title,
    content: screening.content,
  };
}

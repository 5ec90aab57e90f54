/**
 * What moderation decided about a review, as the API shows it (docs/reference/moderation.md):
 * `held` waits for the merchant; `approved` and `rejected` were decided. A review is published
 * exactly when it is approved.
 */
export const MODERATION_STATUSES = ['approved', 'held', 'rejected'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/**
 * Why the rules acted. Content reasons apply the same to every rating; `below_min_rating` and
 * `manual_review` come from the shop's publication settings, and the console warns about the first.
 */
export const MODERATION_REASONS = ['profanity', 'link', 'personal_data', 'personal_data_masked', 'near_duplicate', 'no_order', 'below_min_rating', 'manual_review'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/** Who decided, as the review history names actors. */
export interface Decider {
  kind: string;
  id: string;
  name: string;
}

export interface ModerationDecision {
  status: ModerationStatus;
  reasons: ModerationReason[];
  decided_by: Decider | null;
  /** Unix seconds; null while held. */
  decided_at: number | null;
}

/** The rules themselves, when they approve or hold a review. */
export const RULES_DECIDER: Decider = Object.freeze({ kind: 'system', id: 'moderation_rules', name: 'Moderation rules' });

export function isModerationStatus(value: unknown): value is ModerationStatus {
  return MODERATION_STATUSES.includes(value as ModerationStatus);
}

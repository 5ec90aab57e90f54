/** The 17 e-mail streams a shopper can unsubscribe from (docs/reference/collection.md §7). */
export const EMAIL_TYPES = [
  'all',
  'review_request',
  'review_request_test',
  'discount_for_photo_review',
  'left_review',
  'market_email',
  'question_notification',
  'answer_notification',
  'review_request_quota_exhausted',
  'review_display_quota_exhausted',
  'reply_to_review',
  'post_purchase_referral',
  'advocate_reward_paid',
  'advocate_reward_refund',
  'review_media_remind',
  'auto_leave_review',
  'request_update_review',
] as const;
export type EmailType = (typeof EMAIL_TYPES)[number];

/** Addresses are matched trimmed and case-insensitively, as mail systems treat them in practice. */
export function normalizeEmailAddress(email: string): string {
  return email.trim().toLowerCase();
}

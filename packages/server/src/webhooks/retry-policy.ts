/** How a receiver answered one attempt, as far as scheduling cares. */
export interface AttemptResult {
  ok: boolean;
  httpStatus: number | null;
  /** Seconds from a 429/503 `Retry-After`. */
  retryAfterSeconds: number | undefined;
}

export interface NextStep {
  status: 'succeeded' | 'pending' | 'failed';
  nextAttemptAt: number | null;
  /** 410 Gone: the receiver asked for no more deliveries, ever. */
  disableSubscription: boolean;
}

const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * docs/reference/webhooks.md §5: after attempt n fails, wait the n-th delay of the schedule (±10 % jitter, so a
 * receiver that was down is not hit by every retry at the same second), or what Retry-After asks,
 * capped at an hour. 410 ends the delivery and the subscription.
 */
export function nextStep(attempt: number, result: AttemptResult, scheduleMinutes: readonly number[], now: number, random: () => number = Math.random): NextStep {
  if (result.ok) return { status: 'succeeded', nextAttemptAt: null, disableSubscription: false };
  if (result.httpStatus === 410) return { status: 'failed', nextAttemptAt: null, disableSubscription: true };
  const delayMinutes = scheduleMinutes[attempt - 1];
  if (delayMinutes === undefined) return { status: 'failed', nextAttemptAt: null, disableSubscription: false };
  const throttled = (result.httpStatus === 429 || result.httpStatus === 503) && result.retryAfterSeconds !== undefined;
  const delaySeconds = throttled ? Math.min(result.retryAfterSeconds!, MAX_RETRY_AFTER_SECONDS) : Math.round(delayMinutes * 60 * (0.9 + 0.2 * random()));
  return { status: 'pending', nextAttemptAt: now + Math.max(1, delaySeconds), disableSubscription: false };
}

import { recordNotice } from './shop-notices.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DeliveryRow } from './delivery-repository.js';
import { insertAttempt, settleDelivery } from './delivery-repository.js';
import type { NextStep } from './retry-policy.js';
import type { SentAttempt } from './send-delivery.js';

/** docs/reference/webhooks.md §5: a receiver failing for this long, or this many deliveries in a row, is switched off. */
const FAILING_DISABLE_SECONDS = 5 * 24 * 3600;
const FAILED_DELIVERIES_DISABLE = 100;

async function disable(db: Kysely<Database>, subscriptionId: number, shopId: string, url: string, reason: string, now: number): Promise<void> {
  const changed = await db
    .updateTable('webhook_subscriptions')
    .set({ status: 'disabled', disabled_reason: reason, updated_at: now })
    .where('id', '=', subscriptionId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  // The merchant hears about it once, in the console (and by e-mail once SMTP sending exists).
  if (changed.numUpdatedRows > 0n) {
    await recordNotice(db, shopId, 'webhook_disabled', `Webhook to ${url} was disabled: ${reason}.`, now);
  }
}

/** Success resets a subscription's failure count; a delivery that finally failed adds to it. */
async function updateHealth(db: Kysely<Database>, delivery: DeliveryRow, step: NextStep, now: number): Promise<void> {
  if (delivery.subscription_id === null) return;
  const id = delivery.subscription_id;
  if (step.disableSubscription) return disable(db, id, delivery.shop_id, delivery.url, 'the receiver answered 410 Gone', now);
  if (step.status === 'succeeded') {
    await db.updateTable('webhook_subscriptions').set({ consecutive_failures: 0, failing_since: null }).where('id', '=', id).where('consecutive_failures', '>', 0).execute();
    return;
  }
  if (step.status !== 'failed') return;
  const subscription = await db.selectFrom('webhook_subscriptions').select(['consecutive_failures', 'failing_since']).where('id', '=', id).executeTakeFirst();
  if (!subscription) return;
  const failures = subscription.consecutive_failures + 1;
  const failingSince = subscription.failing_since ?? Number(delivery.created_at);
  await db.updateTable('webhook_subscriptions').set({ consecutive_failures: failures, failing_since: failingSince }).where('id', '=', id).execute();
  if (failures >= FAILED_DELIVERIES_DISABLE) return disable(db, id, delivery.shop_id, delivery.url, `${failures} deliveries in a row failed`, now);
  if (now - failingSince >= FAILING_DISABLE_SECONDS) return disable(db, id, delivery.shop_id, delivery.url, 'every delivery failed for 5 days', now);
}

/**
 * Writes one attempt to the log and moves the delivery on, in one transaction. When this worker
 * lost its claim meanwhile (its lease lapsed and another worker took over), nothing is written:
 * the other worker's outcome stands.
 */
export async function recordAttempt(db: Kysely<Database>, workerId: string, delivery: DeliveryRow, attempt: SentAttempt, step: NextStep, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const attemptNumber = delivery.attempts + 1;
    const settled = await settleDelivery(trx, { id: Number(delivery.id), workerId }, { status: step.status, attempts: attemptNumber, nextAttemptAt: step.nextAttemptAt, now });
    if (!settled) return false;
    await insertAttempt(trx, {
      delivery_id: Number(delivery.id),
      shop_id: delivery.shop_id,
      attempt: attemptNumber,
      request_id: attempt.requestId,
      status: attempt.ok ? 'succeeded' : 'failed',
      http_status: attempt.httpStatus,
      error: attempt.error,
      duration_ms: attempt.durationMs,
      response_excerpt: attempt.excerpt,
      next_attempt_at: step.nextAttemptAt,
      created_at: now,
    });
    await updateHealth(trx, delivery, step, now);
    return true;
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../http/actor.js';
import { ApiError, Code, invalidField, notFound } from '../http/errors.js';
import { pageInfo } from '../http/wire-schemas.js';
import { formatRecordTime } from '../time/time-format.js';
import { type AttemptRow, attemptsOf, type DeliveryRow } from './delivery-repository.js';
import { ownedSubscription, ownerOf } from './subscription-service.js';
import { TOPIC_SCOPES } from '../outbox/topics.js';

const time = (seconds: number | null) => (seconds === null ? null : formatRecordTime(seconds));

function presentAttempt(row: AttemptRow) {
  return {
    attempt: row.attempt,
    status: row.status,
    http_status: row.http_status,
    error: row.error,
    duration_ms: row.duration_ms,
    request_id: row.request_id,
    response_body: row.response_excerpt,
    created_at: formatRecordTime(row.created_at),
    next_attempt_at: time(row.next_attempt_at),
  };
}

/** A delivery with its latest attempt's facts up front and every attempt listed (docs/reference/webhooks.md §8). */
function presentDelivery(row: DeliveryRow, attempts: AttemptRow[]) {
  const last = attempts.at(-1);
  return {
    id: String(row.id),
    event_id: row.event_id,
    webhook_id: row.subscription_id === null ? '' : String(row.subscription_id),
    topic: row.topic,
    url: row.url,
    status: row.status,
    attempt: row.attempts,
    http_status: last?.http_status ?? null,
    error: last?.error ?? null,
    duration_ms: last?.duration_ms ?? null,
    request_id: last?.request_id ?? null,
    response_body: last?.response_excerpt ?? '',
    created_at: formatRecordTime(row.created_at),
    next_attempt_at: row.status === 'pending' ? time(row.next_attempt_at) : null,
    attempts: attempts.map(presentAttempt),
  };
}

export interface DeliveryFilters {
  webhook_id?: number | undefined;
  status?: 'pending' | 'succeeded' | 'failed' | undefined;
  event_id?: string | undefined;
  page: number;
  page_size: number;
}

/** The caller's deliveries: only those of subscriptions it owns and whose topic its scopes cover. */
export async function listDeliveries(db: Kysely<Database>, actor: Actor, filters: DeliveryFilters) {
  const owner = ownerOf(actor);
  const topics = Object.entries(TOPIC_SCOPES).filter(([, scope]) => actor.scopes.has(scope)).map(([topic]) => topic);
  let query = db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .where('s.shop_id', '=', owner.shopId)
    .where('s.platform_id', '=', owner.platformId)
    .where('d.shop_id', '=', owner.shopId)
    .where('s.topic', 'in', topics.length > 0 ? topics : ['-']);
  if (filters.webhook_id !== undefined) query = query.where('d.subscription_id', '=', filters.webhook_id);
  if (filters.status !== undefined) query = query.where('d.status', '=', filters.status);
  if (filters.event_id !== undefined) query = query.where('d.event_id', '=', filters.event_id);
  const { n } = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('d')
    .orderBy('d.id', 'desc')
    .limit(filters.page_size)
    .offset((filters.page - 1) * filters.page_size)
    .execute();
  const attempts = await attemptsOf(db, rows.map((row) => Number(row.id)));
  return { page: pageInfo(filters.page, filters.page_size, Number(n)), list: rows.map((row) => presentDelivery(row, attempts.get(Number(row.id)) ?? [])) };
}

/**
 * Replay (docs/reference/webhooks.md §8): a new delivery of the same event with the same webhook-id, to the
 * subscription's current URL, attempt count from 1 again.
 */
export async function replayDelivery(db: Kysely<Database>, actor: Actor, deliveryId: number, now: number) {
  const owner = ownerOf(actor);
  const original = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId).where('shop_id', '=', owner.shopId).executeTakeFirst();
  if (!original || original.subscription_id === null) throw notFound('delivery', deliveryId);
  const subscription = await ownedSubscription(db, actor, Number(original.subscription_id)).catch((error: unknown) => {
    // Another owner's subscription reads as a missing delivery; a missing scope stays code 7, like
    // every other webhook operation answers it.
    throw error instanceof ApiError && error.code === Code.notFound ? notFound('delivery', deliveryId) : error;
  });
  if (subscription.status !== 'active') throw invalidField('delivery_id', 'its webhook is disabled; enable it with update_shop_webhook first');
  const { id } = await db
    .insertInto('webhook_deliveries')
    .values({
      shop_id: original.shop_id,
      subscription_id: original.subscription_id,
      platform_id: original.platform_id,
      outbox_event_id: original.outbox_event_id,
      event_id: original.event_id,
      topic: original.topic,
      url: subscription.url,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = (await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', Number(id)).executeTakeFirst())!;
  return presentDelivery(row, []);
}

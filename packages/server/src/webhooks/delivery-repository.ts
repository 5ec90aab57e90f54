import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database, WebhookAttemptsTable, WebhookDeliveriesTable } from '../db/schema.js';
import { countOf } from '../db/paging.js';

export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;

export async function insertDeliveries(db: Kysely<Database>, rows: Insertable<WebhookDeliveriesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhook_deliveries').values(rows).execute();
}

/** Deleting a subscription stops what it still had to send (docs/reference/webhooks.md §2). */
export async function cancelPendingDeliveries(db: Kysely<Database>, subscriptionId: number, now: number): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'cancelled', next_attempt_at: null, updated_at: now })
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Claims due deliveries for one worker until `leaseUntil`. On PostgreSQL `FOR UPDATE SKIP LOCKED`
 * lets any number of workers claim side by side without taking the same row; SQLite has one
 * writer at a time, which gives the same guarantee. A claim whose lease lapsed (its worker died)
 * is claimable again, so nothing stays claimed forever.
 */
export async function claimDueDeliveries(db: Kysely<Database>, dialect: Dialect, workerId: string, now: number, leaseUntil: number, limit: number): Promise<DeliveryRow[]> {
  let due = db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('webhook_deliveries')
    .set({ claimed_by: workerId, claimed_until: leaseUntil, updated_at: now })
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

export async function insertAttempt(db: Kysely<Database>, row: Insertable<WebhookAttemptsTable>): Promise<void> {
  await db.insertInto('webhook_attempts').values(row).execute();
}

/**
 * Records where a delivery stands after an attempt, only if this worker still holds its claim: a
 * worker that outlived its lease must not overwrite the outcome of the one that took over.
 */
export async function settleDelivery(
  db: Kysely<Database>,
  delivery: { id: number; workerId: string },
  outcome: { status: 'pending' | 'succeeded' | 'failed'; attempts: number; nextAttemptAt: number | null; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: outcome.status, attempts: outcome.attempts, next_attempt_at: outcome.nextAttemptAt, claimed_by: null, claimed_until: null, updated_at: outcome.now })
    .where('id', '=', delivery.id)
    .where('claimed_by', '=', delivery.workerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function cancelDelivery(db: Kysely<Database>, id: number, now: number): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ status: 'cancelled', next_attempt_at: null, claimed_by: null, claimed_until: null, updated_at: now }).where('id', '=', id).execute();
}

export async function attemptsOf(db: Kysely<Database>, deliveryIds: number[]): Promise<Map<number, AttemptRow[]>> {
  const byDelivery = new Map<number, AttemptRow[]>();
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('delivery_id').orderBy('attempt').execute();
  for (const row of rows) {
    const list = byDelivery.get(Number(row.delivery_id)) ?? [];
    list.push(row);
    byDelivery.set(Number(row.delivery_id), list);
  }
  return byDelivery;
}

/** Deliveries and attempts older than the log's retention (docs/reference/webhooks.md §8: 30 days). */
export async function pruneDeliveryLog(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('webhook_attempts').where('created_at', '<', before).execute();
  await db.deleteFrom('webhook_deliveries').where('updated_at', '<', before).where('status', 'in', ['succeeded', 'failed', 'cancelled']).execute();
}


/** Deliveries waiting for their next attempt: the depth of the delivery queue, for /metrics. */
export async function countPendingDeliveries(db: Kysely<Database>): Promise<number> {
  return countOf(db.selectFrom('webhook_deliveries').where('status', '=', 'pending'));
}

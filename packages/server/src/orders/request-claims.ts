import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import type { OrderRow } from './order-presenter.js';
import { ORDER_STATUS, SENT_OR_OPENED } from './order-status.js';

/**
 * The review-request worker's claims on orders (docs/reference/collection.md §6). Each e-mail goes out at most
 * once: due requests are leased (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so workers never share
 * one), the start of a hand-over to SMTP is committed before it begins, and a reminder is claimed
 * by stamping it, never to be tried again.
 */

/** Leases up to `limit` scheduled requests that are due, for `leaseSeconds`. */
export async function claimDueRequests(db: Db, now: number, leaseSeconds: number, limit: number): Promise<OrderRow[]> {
  let due = db.kysely
    .selectFrom('orders')
    .select('id')
    .where('status', '=', ORDER_STATUS.scheduled)
    .where('scheduled_at', '<=', now)
    .where((eb) => eb.or([eb('send_claimed_until', 'is', null), eb('send_claimed_until', '<', now)]))
    .orderBy('scheduled_at')
    .limit(limit);
  if (db.dialect === 'postgres') due = due.forUpdate().skipLocked();
  return db.kysely.updateTable('orders').set({ send_claimed_until: now + leaseSeconds }).where('id', 'in', due).returningAll().execute();
}

/** Claims up to `limit` due reminders; a reminder another worker stamped first is not returned. */
export async function claimDueReminders(db: Kysely<Database>, now: number, limit: number): Promise<OrderRow[]> {
  const due = await db.selectFrom('orders').selectAll().where('reminder_due_at', '<=', now).where('reminder_started_at', 'is', null).where('status', 'in', SENT_OR_OPENED).orderBy('reminder_due_at').limit(limit).execute();
  const claimed: OrderRow[] = [];
  for (const order of due) {
    const won = await db.updateTable('orders').set({ reminder_started_at: now }).where('id', '=', order.id).where('reminder_started_at', 'is', null).executeTakeFirst();
    if (won.numUpdatedRows > 0n) claimed.push(order);
  }
  return claimed;
}

/** Commits that the hand-over to SMTP begins: from here on, the request is never sent twice. */
export async function markSendStarted(db: Kysely<Database>, orderRecordId: number, now: number): Promise<void> {
  await db.updateTable('orders').set({ send_started_at: now }).where('id', '=', orderRecordId).execute();
}

/** After a temporary failure: the request waits until `retryAt`, released for any worker. */
export async function scheduleRetry(db: Kysely<Database>, orderRecordId: number, attempts: number, retryAt: number, now: number): Promise<void> {
  await db.updateTable('orders').set({ send_attempts: attempts, scheduled_at: retryAt, send_started_at: null, send_claimed_until: null, updated_at: now }).where('id', '=', orderRecordId).execute();
}

export async function markReminderSent(db: Kysely<Database>, orderRecordId: number, now: number): Promise<void> {
  await db.updateTable('orders').set({ reminder_sent_at: now, updated_at: now }).where('id', '=', orderRecordId).execute();
}

import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { countOf } from '../db/paging.js';

/**
 * How the webhook worker reads the outbox: it claims events nobody has fanned out yet (skipping
 * rows another worker holds, on PostgreSQL), marks them done in the same transaction, and later
 * reads one event's payload to deliver it.
 */

/** Up to `limit` events not yet fanned out, oldest first, locked for this transaction. */
export async function claimUnfannedEvents(db: Kysely<Database>, dialect: Dialect, limit: number) {
  let pending = db.selectFrom('outbox_events').select(['id', 'shop_id', 'platform_id', 'topic', 'event_id']).where('fanned_out_at', 'is', null).orderBy('id').limit(limit);
  if (dialect === 'postgres') pending = pending.forUpdate().skipLocked();
  return pending.execute();
}

export async function markFannedOut(db: Kysely<Database>, eventIds: readonly number[], now: number): Promise<void> {
  if (eventIds.length > 0) await db.updateTable('outbox_events').set({ fanned_out_at: now }).where('id', 'in', [...eventIds]).execute();
}

/** One event, as a delivery sends it. */
export async function findOutboxEvent(db: Kysely<Database>, id: number) {
  return db.selectFrom('outbox_events').select(['topic', 'event_id', 'occurred_at', 'payload', 'platform_id']).where('id', '=', id).executeTakeFirst();
}

/** Committed events no worker has fanned out yet: the depth of the outbox, for /metrics. */
export async function countUnfannedEvents(db: Kysely<Database>): Promise<number> {
  return countOf(db.selectFrom('outbox_events').where('fanned_out_at', 'is', null));
}

import type { Insertable, Kysely } from 'kysely';
import type { Database, OutboxEventsTable } from '../db/schema.js';
import { RepeatedInsert } from '../db/repeated-insert.js';
import { randomHex } from '../crypto/random-hex.js';
import type { WriteTarget } from '../db/write-batch.js';

import type { SystemTopic, Topic } from './topics.js';
import { secondsOf } from '../time/clock.js';
import { deleteShopRows } from '../db/shop-rows.js';

/** Every topic a shop's change emits is one a webhook can subscribe to: the list in topics.ts. */
export type DomainTopic = Topic;
export type { SystemTopic };

/** Sortable event ids: 12 hex digits of milliseconds, then 80 random bits. */
export function newEventId(nowMs: number): string {
  return `evt_${nowMs.toString(16).padStart(12, '0')}${randomHex(10)}`;
}

/** Every change of a shop appends here: the statement is compiled once per row count (RepeatedInsert). */
const eventInsert = new RepeatedInsert((db, rows: Array<Insertable<OutboxEventsTable>>) => db.insertInto('outbox_events').values(rows));

/**
 * Appends a domain event in the caller's transaction (architecture §3): it commits with the change
 * it describes or not at all. Delivery to webhook subscribers reads this table.
 */
export async function appendOutboxEvent(db: WriteTarget, shopId: string, topic: DomainTopic, payload: unknown, nowMs: number): Promise<string> {
  return appendOutboxEventJson(db, shopId, topic, JSON.stringify(payload), nowMs);
}

/** The same, for a payload already serialised (bulk writers build it from pieces). */
export async function appendOutboxEventJson(db: WriteTarget, shopId: string, topic: DomainTopic, payloadJson: string, nowMs: number): Promise<string> {
  return insertEvent(db, { shopId, platformId: null, topic, payloadJson, nowMs });
}

/** Several events of one topic in one multi-row insert (customer events arrive in batches). */
export async function appendOutboxEventsJson(db: Kysely<Database>, shopId: string, topic: DomainTopic, payloadsJson: string[], nowMs: number): Promise<void> {
  await eventInsert.execute(
    db,
    payloadsJson.map((payload) => ({ shop_id: shopId, platform_id: null, topic, event_id: newEventId(nowMs), payload, occurred_at: secondsOf(nowMs) })),
  );
}

/** A system event for one platform, in the caller's transaction like every other event. */
export async function appendSystemEvent(db: Kysely<Database>, platformId: string, shopId: string, topic: SystemTopic, payload: unknown, nowMs: number): Promise<string> {
  return insertEvent(db, { shopId, platformId, topic, payloadJson: JSON.stringify(payload), nowMs });
}

async function insertEvent(
  db: WriteTarget,
  event: { shopId: string; platformId: string | null; topic: DomainTopic | SystemTopic; payloadJson: string; nowMs: number },
): Promise<string> {
  const eventId = newEventId(event.nowMs);
  await eventInsert.write(db, [
    { shop_id: event.shopId, platform_id: event.platformId, topic: event.topic, event_id: eventId, payload: event.payloadJson, occurred_at: secondsOf(event.nowMs) },
  ]);
  return eventId;
}

/** A whole shop's recorded events (docs/privacy.md §5), in the caller's transaction; the webhooks module deletes their deliveries first. */
export async function eraseShopOutbox(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['outbox_events']);
}

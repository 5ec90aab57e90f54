import type { Kysely, Selectable } from 'kysely';
import type { Database, OutboxEventsTable, PlatformsTable, WebhookSubscriptionsTable } from '../db/schema.js';
import { findPlatform } from '../platforms/platform-repository.js';
import { findShopById, type ShopRow } from '../shops/shop-repository.js';
import { findOutboxEvent } from '../outbox/outbox-claims.js';

type EventRow = Pick<Selectable<OutboxEventsTable>, 'topic' | 'event_id' | 'occurred_at' | 'payload' | 'platform_id'>;

/** What sending a delivery reads besides the delivery itself. */
export interface DeliveryLookups {
  shop(id: string): Promise<ShopRow | undefined>;
  subscription(id: number): Promise<Selectable<WebhookSubscriptionsTable> | undefined>;
  platform(clientId: string): Promise<Selectable<PlatformsTable> | undefined>;
  event(outboxEventId: number): Promise<EventRow | undefined>;
  /** A value derived once per batch (decrypted keys), cached under `key`. */
  derived<T>(key: string, make: () => T): T;
}

function memo<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = load(key);
      cache.set(key, value);
    }
    return value;
  };
}

/**
 * Lookups for one batch: a hundred deliveries of one event to one receiver read the shop, the
 * subscription and the event once, and decrypt each key once. Made afresh for every batch, so a
 * rotated secret or a disabled subscription is seen by the next batch.
 */
export function batchLookups(db: Kysely<Database>): DeliveryLookups {
  const derivedValues = new Map<string, unknown>();
  return {
    shop: memo((id: string) => findShopById(db, id)),
    subscription: memo((id: number) => db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst()),
    platform: memo((clientId: string) => findPlatform(db, clientId)),
    event: memo((id: number) => findOutboxEvent(db, id)),
    derived<T>(key: string, make: () => T): T {
      if (!derivedValues.has(key)) derivedValues.set(key, make());
      return derivedValues.get(key) as T;
    },
  };
}

import type { Insertable, Kysely } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database, WebhookDeliveriesTable } from '../db/schema.js';
import { activeSubscriptions } from './active-subscriptions.js';
import { insertDeliveries } from './delivery-repository.js';
import { claimUnfannedEvents, markFannedOut } from '../outbox/outbox-claims.js';
import { activePlatformWebhooks } from '../platforms/platform-repository.js';

/**
 * Turns committed outbox events into deliveries: one per matching active subscription, and one
 * to the platform's webhook_url for system events. Runs in one transaction, so an event is fanned
 * out exactly once even when the worker dies halfway; several workers on PostgreSQL skip each
 * other's rows. A platform's subscriptions receive events only while its grant is active.
 */
export async function fanOutPendingEvents(db: Kysely<Database>, dialect: Dialect, now: number, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const events = await claimUnfannedEvents(trx, dialect, limit);
    if (events.length === 0) return 0;

    const shopEvents = events.filter((e) => e.platform_id === null);
    const systemEvents = events.filter((e) => e.platform_id !== null);
    const subscriptions =
      shopEvents.length === 0
        ? []
        : await activeSubscriptions(trx, [...new Set(shopEvents.map((e) => e.shop_id))], [...new Set(shopEvents.map((e) => e.topic))])
            .select(['s.id', 's.shop_id', 's.platform_id', 's.topic', 's.url'])
            .execute();
    const platforms =
      systemEvents.length === 0
        ? []
        : await activePlatformWebhooks(trx, [...new Set(systemEvents.map((e) => e.platform_id!))]);

    const deliveries: Insertable<WebhookDeliveriesTable>[] = [];
    const base = (event: (typeof events)[number]) => ({ shop_id: event.shop_id, outbox_event_id: Number(event.id), event_id: event.event_id, topic: event.topic, status: 'pending' as const, attempts: 0, next_attempt_at: now, created_at: now, updated_at: now });
    for (const event of shopEvents) {
      for (const s of subscriptions) {
        if (s.shop_id === event.shop_id && s.topic === event.topic) deliveries.push({ ...base(event), subscription_id: Number(s.id), platform_id: s.platform_id, url: s.url });
      }
    }
    for (const event of systemEvents) {
      const platform = platforms.find((p) => p.client_id === event.platform_id);
      if (platform) deliveries.push({ ...base(event), subscription_id: null, platform_id: platform.client_id, url: platform.webhook_url });
    }
    await insertDeliveries(trx, deliveries);
    await markFannedOut(trx, events.map((e) => Number(e.id)), now);
    return events.length;
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Subscriptions that receive a shop's events now: active, and either the shop's own or a
 * platform's whose grant is active (docs/reference/webhooks.md §1). Fan-out reads them per batch; writers ask
 * whether any exists before building events nobody would receive.
 */
export function activeSubscriptions(db: Kysely<Database>, shopIds: readonly string[], topics: readonly string[]) {
  return db
    .selectFrom('webhook_subscriptions as s')
    .leftJoin('grants as g', (join) => join.onRef('g.platform_id', '=', 's.platform_id').onRef('g.shop_id', '=', 's.shop_id'))
    .where('s.shop_id', 'in', [...shopIds])
    .where('s.topic', 'in', [...topics])
    .where('s.status', '=', 'active')
    .where((eb) => eb.or([eb('s.platform_id', '=', ''), eb('g.status', '=', 'active')]));
}

export async function hasActiveSubscription(db: Kysely<Database>, shopId: string, topic: string): Promise<boolean> {
  return (await activeSubscriptions(db, [shopId], [topic]).select('s.id').limit(1).executeTakeFirst()) !== undefined;
}

import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, WebhookSubscriptionsTable } from '../db/schema.js';
import { deleteShopRows } from '../db/shop-rows.js';

export type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;

/** Who owns a subscription: a shop alone (platformId '') or a platform for that shop. */
export interface SubscriptionOwner {
  shopId: string;
  platformId: string;
}

export async function findOwnedSubscription(db: Kysely<Database>, owner: SubscriptionOwner, id: number): Promise<SubscriptionRow | undefined> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('shop_id', '=', owner.shopId)
    .where('platform_id', '=', owner.platformId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listOwnedSubscriptions(db: Kysely<Database>, owner: SubscriptionOwner, topic?: string): Promise<SubscriptionRow[]> {
  let query = db.selectFrom('webhook_subscriptions').selectAll().where('shop_id', '=', owner.shopId).where('platform_id', '=', owner.platformId);
  if (topic !== undefined) query = query.where('topic', '=', topic);
  return query.orderBy('id').execute();
}

export async function countOwnedSubscriptions(db: Kysely<Database>, owner: SubscriptionOwner): Promise<number> {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('shop_id', '=', owner.shopId)
    .where('platform_id', '=', owner.platformId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findDuplicate(db: Kysely<Database>, owner: SubscriptionOwner, topic: string, url: string, exceptId?: number): Promise<boolean> {
  let query = db
    .selectFrom('webhook_subscriptions')
    .select('id')
    .where('shop_id', '=', owner.shopId)
    .where('platform_id', '=', owner.platformId)
    .where('topic', '=', topic)
    .where('url', '=', url);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertSubscription(db: Kysely<Database>, row: Insertable<WebhookSubscriptionsTable>): Promise<SubscriptionRow> {
  const { id } = await db.insertInto('webhook_subscriptions').values(row).returning('id').executeTakeFirstOrThrow();
  return (await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', Number(id)).executeTakeFirst())!;
}

export async function updateSubscriptionRow(db: Kysely<Database>, id: number, changes: Updateable<WebhookSubscriptionsTable>): Promise<SubscriptionRow> {
  await db.updateTable('webhook_subscriptions').set(changes).where('id', '=', id).execute();
  return (await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst())!;
}

export async function deleteSubscriptionRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
}

/** A whole shop's subscriptions, deliveries, attempts and notices (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopWebhooks(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['webhook_attempts', 'webhook_deliveries', 'webhook_subscriptions', 'shop_notices']);
}

import type { Kysely } from 'kysely';
import { hasKeys, matchesPerson, type PersonKeys } from '../db/person-match.js';
import type { Database } from '../db/schema.js';
import { presentCustomerEvent } from './customer-events.js';
import { deleteShopRows } from '../db/shop-rows.js';

/**
 * One person's customer events, for a data-subject request (docs/privacy.md). Storefront events
 * carry a customer id when the shop knows the shopper; e-mail events carry the address.
 */
export async function eventsOfPerson(db: Kysely<Database>, shopId: string, person: PersonKeys) {
  if (!hasKeys(person)) return [];
  const rows = await db
    .selectFrom('customer_events')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where((eb) => matchesPerson(eb, { email: 'customer_events.email', customerId: 'customer_events.customer_id' }, person))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentCustomerEvent);
}

/**
 * Deletes the person's events, in the caller's transaction. The hourly counts of the dashboard
 * (event_activity) keep them: a count names nobody. Answers how many went.
 */
export async function deleteEventsOf(db: Kysely<Database>, shopId: string, person: PersonKeys): Promise<number> {
  if (!hasKeys(person)) return 0;
  const result = await db
    .deleteFrom('customer_events')
    .where('shop_id', '=', shopId)
    .where((eb) => matchesPerson(eb, { email: 'customer_events.email', customerId: 'customer_events.customer_id' }, person))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A whole shop's customer events and their hourly counts (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopEvents(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['customer_events', 'event_activity']);
}

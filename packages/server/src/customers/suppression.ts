import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EmailType } from './email-types.js';
import { identityForms } from './erased-identity.js';

/**
 * docs/reference/collection.md §1: excluded by customer id, or any customer with the address
 * excluded; an erased customer's exclusion is found by the hash of their id (erased-identity.ts).
 */
export async function isExcluded(db: Kysely<Database>, shopId: string, customerId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('customer_exclusions as x')
    .leftJoin('customers as c', (join) => join.onRef('c.shop_id', '=', 'x.shop_id').onRef('c.customer_id', '=', 'x.customer_id'))
    .select('x.id')
    .where('x.shop_id', '=', shopId)
    .where((eb) => eb.or([eb('x.customer_id', 'in', identityForms(shopId, customerId)), ...(email !== '' ? [eb('c.email', '=', email)] : [])]))
    .executeTakeFirst();
  return row !== undefined;
}

/** Unsubscribed from review requests, or from everything, before or after an erasure of the address. */
export function isUnsubscribedFromRequests(db: Kysely<Database>, shopId: string, email: string): Promise<boolean> {
  return isUnsubscribedFrom(db, shopId, email, ['review_request']);
}

/** Unsubscribed from any of some streams of e-mails (docs/reference/collection.md §7), or from everything. */
export async function isUnsubscribedFrom(db: Kysely<Database>, shopId: string, email: string, streams: readonly EmailType[]): Promise<boolean> {
  const row = await db
    .selectFrom('email_unsubscribes')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('email', 'in', identityForms(shopId, email))
    .where('email_type', 'in', [...streams, 'all'])
    .executeTakeFirst();
  return row !== undefined;
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../http/actor.js';
import { type CustomerSelector, excludeCustomer } from '../customers/exclusion-service.js';
import { unsubscribe, type UnsubscribeSource } from '../customers/unsubscribe-service.js';
import type { EmailType } from '../customers/email-types.js';
import { cancelPendingRequests } from './order-service.js';

/**
 * The customers module records who opted out; the requests those people are still owed live with
 * their orders, so cancelling them is this module's half of the same act. Every surface that lets
 * a buyer opt out (Open API, console, e-mail link) calls these, never the customers service alone.
 */

/** Email Unsubscribe (docs/reference/collection.md §7): from review_request or all, the address's unsent requests end as `unsubscribed`. */
export async function unsubscribeBuyer(db: Kysely<Database>, actor: Actor, input: { email: string; emailType: EmailType; source: UnsubscribeSource }, now: number) {
  const recorded = await unsubscribe(db, actor, input, now);
  if (input.emailType === 'review_request' || input.emailType === 'all') await cancelPendingRequests(db, actor.shopId, { email: recorded.email }, 'unsubscribed', now * 1000);
  return recorded;
}

/** Create Customer Exclusion (docs/reference/collection.md §10): the customer's unsent requests end as `excluded`; later orders are cancelled when registered. */
export async function excludeBuyer(db: Kysely<Database>, actor: Actor, selector: CustomerSelector, now: number) {
  const excluded = await excludeCustomer(db, actor, selector, now);
  await cancelPendingRequests(db, actor.shopId, { customerIds: [excluded.customer_id], ...(excluded.email !== '' ? { email: excluded.email } : {}) }, 'excluded', now * 1000);
  return excluded;
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../http/actor.js';
import { conflict, invalidField, notFound } from '../http/errors.js';
import { formatRecordTime } from '../time/time-format.js';
import { type CustomerRow, customersWithEmail, findCustomer, generatedCustomerId, insertCustomer } from './customer-repository.js';
import { normalizeEmailAddress } from './email-types.js';
import { containing } from '../db/like.js';

export interface CustomerSelector {
  email?: string | undefined;
  customerId?: string | undefined;
}

function exactlyOne(selector: CustomerSelector): { email: string } | { customerId: string } {
  const hasEmail = selector.email !== undefined && selector.email !== '';
  const hasId = selector.customerId !== undefined && selector.customerId !== '';
  if (hasEmail === hasId) throw invalidField('body', 'must carry exactly one of customer_id and email');
  return hasEmail ? { email: normalizeEmailAddress(selector.email!) } : { customerId: selector.customerId! };
}

/** The CustomerExclusion object of docs/reference/collection.md §9. */
function present(customer: CustomerRow, exclusion: { created_at: number; updated_at: number }) {
  return {
    customer_id: customer.customer_id,
    first_name: customer.first_name,
    last_name: customer.last_name,
    email: customer.email,
    phone: customer.phone,
    created_at: formatRecordTime(exclusion.created_at),
    updated_at: formatRecordTime(Math.max(exclusion.updated_at, customer.updated_at)),
  };
}

async function exclusionsOf(db: Kysely<Database>, shopId: string, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return db.selectFrom('customer_exclusions').selectAll().where('shop_id', '=', shopId).where('customer_id', 'in', customerIds).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/**
 * Create Customer Exclusion (docs/reference/collection.md §10). By e-mail: the most recently updated customer
 * with the address, or a new customer record when there is none. The orders module cancels the
 * customer's requests not yet sent (orders/buyer-suppression.ts).
 */
export async function excludeCustomer(db: Kysely<Database>, actor: Actor, selector: CustomerSelector, now: number) {
  const target = exactlyOne(selector);
  let customer: CustomerRow | undefined;
  if ('customerId' in target) {
    customer = await findCustomer(db, actor.shopId, target.customerId);
    if (!customer) throw notFound('customer', target.customerId);
    if ((await exclusionsOf(db, actor.shopId, [customer.customer_id])).length > 0) throw conflict(`customer ${customer.customer_id} is already excluded`);
  } else {
    const sharing = await customersWithEmail(db, actor.shopId, target.email);
    if ((await exclusionsOf(db, actor.shopId, sharing.map((c) => c.customer_id))).length > 0) throw conflict(`a customer with e-mail ${target.email} is already excluded`);
    customer = sharing[0];
    if (!customer) {
      customer = { shop_id: actor.shopId, customer_id: generatedCustomerId(), email: target.email, first_name: '', last_name: '', phone: '', created_at: now, updated_at: now };
      await insertCustomer(db, customer);
    }
  }
  await db.insertInto('customer_exclusions').values({ shop_id: actor.shopId, customer_id: customer.customer_id, created_at: now, updated_at: now }).execute();
  return present(customer, { created_at: now, updated_at: now });
}

/** Delete Customer Exclusion (docs/reference/collection.md §11): answers the removed exclusion (the newest when several). */
export async function includeCustomer(db: Kysely<Database>, actor: Actor, selector: CustomerSelector) {
  const target = exactlyOne(selector);
  const customers = 'customerId' in target ? [await findCustomer(db, actor.shopId, target.customerId)].filter((c): c is CustomerRow => c !== undefined) : await customersWithEmail(db, actor.shopId, target.email);
  const exclusions = await exclusionsOf(db, actor.shopId, customers.map((c) => c.customer_id));
  const named = 'customerId' in target ? target.customerId : target.email;
  if (exclusions.length === 0) throw notFound('excluded customer', named);
  await db.deleteFrom('customer_exclusions').where('id', 'in', exclusions.map((e) => Number(e.id))).execute();
  const newest = exclusions[0]!;
  return present(customers.find((c) => c.customer_id === newest.customer_id)!, newest);
}

export async function listExclusions(db: Kysely<Database>, actor: Actor, filter: { email?: string | undefined; ascending: boolean; page: number; pageSize: number }) {
  let query = db
    .selectFrom('customer_exclusions as x')
    .innerJoin('customers as c', (join) => join.onRef('c.shop_id', '=', 'x.shop_id').onRef('c.customer_id', '=', 'x.customer_id'))
    .where('x.shop_id', '=', actor.shopId);
  if (filter.email) query = query.where('c.email', 'like', containing(normalizeEmailAddress(filter.email)));
  const { n } = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const direction = filter.ascending ? 'asc' : 'desc';
  const rows = await query
    .selectAll('c')
    .select(['x.created_at as excluded_at', 'x.updated_at as exclusion_updated_at'])
    .orderBy('x.created_at', direction)
    .orderBy('x.id', direction)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { count: Number(n), list: rows.map((row) => present(row, { created_at: row.excluded_at, updated_at: row.exclusion_updated_at })) };
}

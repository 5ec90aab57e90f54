import type { ExpressionBuilder, Kysely } from 'kysely';
import { hasKeys, matchesPerson, type PersonKeys } from '../db/person-match.js';
import type { Database } from '../db/schema.js';
import { formatRecordTime } from '../time/time-format.js';
import { erasedIdentity } from './erased-identity.js';
import { deleteShopRows } from '../db/shop-rows.js';

// What the customers module holds about one person of a shop, for a data-subject request
// (docs/privacy.md): their customer records, exclusions and unsubscribes.

/** Customer ids recorded with any of these addresses. */
export async function customerIdsWithEmails(db: Kysely<Database>, shopId: string, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = await db.selectFrom('customers').select('customer_id').where('shop_id', '=', shopId).where('email', 'in', [...emails]).execute();
  return rows.map((row) => row.customer_id);
}

/** The addresses (non-empty) and names of these customer records. */
export async function contactsOfCustomers(db: Kysely<Database>, shopId: string, customerIds: readonly string[]): Promise<{ emails: string[]; names: string[]; phones: string[] }> {
  if (customerIds.length === 0) return { emails: [], names: [], phones: [] };
  const rows = await db.selectFrom('customers').select(['email', 'first_name', 'last_name', 'phone']).where('shop_id', '=', shopId).where('customer_id', 'in', [...customerIds]).execute();
  return {
    emails: rows.map((row) => row.email).filter((email) => email !== ''),
    names: rows.flatMap((row) => [row.first_name, row.last_name, `${row.first_name} ${row.last_name}`.trim()]).filter((name) => name !== ''),
    phones: rows.map((row) => row.phone).filter((phone) => phone !== ''),
  };
}

const ofPerson = (eb: ExpressionBuilder<Database, 'customers'>, person: PersonKeys) => matchesPerson(eb, { email: 'customers.email', customerId: 'customers.customer_id' }, person);

function customersOf(db: Kysely<Database>, shopId: string, person: PersonKeys) {
  return db.selectFrom('customers').where('shop_id', '=', shopId).where((eb) => ofPerson(eb, person));
}

/** The person's customer records, exclusions and unsubscribes, as the export presents them. */
export async function customerDataOf(db: Kysely<Database>, shopId: string, person: PersonKeys) {
  const customers = !hasKeys(person) ? [] : await customersOf(db, shopId, person).selectAll().orderBy('customer_id').execute();
  const ids = [...new Set([...person.customerIds, ...customers.map((c) => c.customer_id)])];
  const exclusions = ids.length === 0 ? [] : await db.selectFrom('customer_exclusions').selectAll().where('shop_id', '=', shopId).where('customer_id', 'in', ids).orderBy('id').execute();
  const unsubscribes = person.emails.length === 0 ? [] : await db.selectFrom('email_unsubscribes').selectAll().where('shop_id', '=', shopId).where('email', 'in', [...person.emails]).orderBy('id').execute();
  return {
    customers: customers.map((c) => ({
      customer_id: c.customer_id,
      email: c.email,
      first_name: c.first_name,
      last_name: c.last_name,
      phone: c.phone,
      created_at: formatRecordTime(c.created_at),
      updated_at: formatRecordTime(c.updated_at),
    })),
    exclusions: exclusions.map((x) => ({ customer_id: x.customer_id, created_at: formatRecordTime(x.created_at) })),
    unsubscribes: unsubscribes.map((u) => ({ email: u.email, email_type: u.email_type, source: u.source, created_at: formatRecordTime(u.created_at) })),
  };
}

/**
 * Erases the person's customer records, in the caller's transaction. Their opt-outs stay in force
 * under hashed identities (erased-identity.ts): each unsubscribe keeps its stream with the address
 * hashed, an exclusion keeps the hashed customer id, and an excluded person's addresses are also
 * kept as hashed review-request unsubscribes, since the exclusion no longer finds them by address.
 * Answers how many customer records went, and how many opt-outs were kept as hashes.
 */
export async function eraseCustomerRecords(db: Kysely<Database>, shopId: string, person: PersonKeys, now: number): Promise<{ customers: number; optOuts: number }> {
  if (!hasKeys(person)) return { customers: 0, optOuts: 0 };
  const ids = [...new Set([...person.customerIds, ...(await customersOf(db, shopId, person).select('customer_id').execute()).map((c) => c.customer_id)])];
  const excluded = ids.length === 0 ? [] : await db.selectFrom('customer_exclusions').select(['id', 'customer_id']).where('shop_id', '=', shopId).where('customer_id', 'in', ids).execute();
  for (const exclusion of excluded) {
    await db.deleteFrom('customer_exclusions').where('id', '=', exclusion.id).execute();
    await db
      .insertInto('customer_exclusions')
      .values({ shop_id: shopId, customer_id: erasedIdentity(shopId, exclusion.customer_id), created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['shop_id', 'customer_id']).doNothing())
      .execute();
  }
  let optOuts = excluded.length;
  if (person.emails.length > 0) {
    const streams = await db.selectFrom('email_unsubscribes').select(['email', 'email_type', 'source', 'created_at']).where('shop_id', '=', shopId).where('email', 'in', [...person.emails]).execute();
    const kept = [
      ...streams.map((u) => ({ shop_id: shopId, email: erasedIdentity(shopId, u.email), email_type: u.email_type, source: u.source, created_at: u.created_at })),
      ...(excluded.length > 0 ? person.emails.map((email) => ({ shop_id: shopId, email: erasedIdentity(shopId, email), email_type: 'review_request', source: 'erasure', created_at: now })) : []),
    ];
    optOuts += streams.length;
    if (kept.length > 0) await db.insertInto('email_unsubscribes').values(kept).onConflict((oc) => oc.columns(['shop_id', 'email', 'email_type']).doNothing()).execute();
    await db.deleteFrom('email_unsubscribes').where('shop_id', '=', shopId).where('email', 'in', [...person.emails]).execute();
  }
  const result = await db.deleteFrom('customers').where('shop_id', '=', shopId).where((eb) => ofPerson(eb, { emails: person.emails, customerIds: ids })).executeTakeFirst();
  return { customers: Number(result.numDeletedRows), optOuts };
}

/** A whole shop's customer records and opt-outs (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopCustomers(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['customer_exclusions', 'email_unsubscribes', 'customers']);
}

import type { Kysely, Selectable } from 'kysely';
import type { CustomersTable, Database } from '../db/schema.js';
import { randomHex } from '../crypto/random-hex.js';

export type CustomerRow = Selectable<CustomersTable>;

/** Plaudit's id for a customer the store platform never named: `c_` and 20 hex digits (docs/reference/collection.md §1). */
export function generatedCustomerId(): string {
  return `c_${randomHex(10)}`;
}

export async function findCustomer(db: Kysely<Database>, shopId: string, customerId: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('shop_id', '=', shopId).where('customer_id', '=', customerId).executeTakeFirst();
}

/** Customers sharing an address, the most recently updated first. */
export async function customersWithEmail(db: Kysely<Database>, shopId: string, email: string): Promise<CustomerRow[]> {
  return db.selectFrom('customers').selectAll().where('shop_id', '=', shopId).where('email', '=', email).orderBy('updated_at', 'desc').orderBy('customer_id').execute();
}

export async function insertCustomer(db: Kysely<Database>, row: CustomerRow): Promise<void> {
  await db.insertInto('customers').values(row).execute();
}

/** Sets the given contact fields and the e-mail address of one customer. */
export async function updateCustomerContact(db: Kysely<Database>, shopId: string, customerId: string, fields: Record<string, string>, email: string, now: number): Promise<void> {
  await db.updateTable('customers').set({ ...fields, email, updated_at: now }).where('shop_id', '=', shopId).where('customer_id', '=', customerId).execute();
}

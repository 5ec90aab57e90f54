import type { Kysely } from 'kysely';
import { contactsOfCustomers, customerIdsWithEmails } from '../customers/customer-data.js';
import { normalizeEmailAddress } from '../customers/email-types.js';
import type { PersonKeys } from '../db/person-match.js';
import type { Database } from '../db/schema.js';
import { invalidField } from '../http/errors.js';
import type { OrderRow } from '../orders/order-presenter.js';
import { ordersOfPerson } from '../orders/order-data.js';

/** How a data-subject request names the person: exactly one of an address and a customer id. */
export interface SubjectSelector {
  email?: string | undefined;
  customerId?: string | undefined;
}

/** Everything that identifies the person in one shop, found from the one key the request gave. */
export interface Person extends PersonKeys {
  orders: OrderRow[];
  /** Names and phone numbers seen with the person's records: what erasure cuts out of stored text. */
  names: string[];
  phones: string[];
}

/**
 * Widens the request's key by one step, never more: an address brings the customer ids recorded
 * with it (customer records and orders), a customer id brings its addresses. Following links
 * further would let two people who once shared an address (a household, a shop's test account)
 * pull each other into one erasure.
 */
export async function findPerson(db: Kysely<Database>, shopId: string, selector: SubjectSelector): Promise<Person> {
  const email = selector.email !== undefined && selector.email !== '' ? normalizeEmailAddress(selector.email) : undefined;
  const customerId = selector.customerId !== undefined && selector.customerId !== '' ? selector.customerId : undefined;
  if ((email === undefined) === (customerId === undefined)) throw invalidField('body', 'must carry exactly one of email and customer_id');

  const given: PersonKeys = { emails: email ? [email] : [], customerIds: customerId ? [customerId] : [] };
  const fromOrders = await ordersOfPerson(db, shopId, given);
  const customerIds = customerId ? [customerId] : unique([...(await customerIdsWithEmails(db, shopId, given.emails)), ...fromOrders.map((order) => order.customer_id)]);
  const contacts = await contactsOfCustomers(db, shopId, customerIds);
  const emails = email ? [email] : unique([...contacts.emails, ...fromOrders.map((order) => order.email)]);
  const person: PersonKeys = { emails, customerIds };
  const allOrders = await ordersOfPerson(db, shopId, person);
  return { ...person, orders: allOrders, names: unique([...contacts.names, ...allOrders.map((order) => order.customer_name)]), phones: contacts.phones };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

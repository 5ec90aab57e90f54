import type { Kysely } from 'kysely';
import { customerDataOf } from '../customers/customer-data.js';
import type { Database } from '../db/schema.js';
import { eventsOfPerson } from '../events/event-data.js';
import { presentOrder } from '../orders/order-presenter.js';
import { reviewsOfPerson } from '../reviews/author-data.js';
import { questionDataOf } from '../questions/asker-data.js';
import { presentReviews } from '../reviews/review-presenter.js';
import { findPerson, type SubjectSelector } from './person.js';

/**
 * Export Customer Data (docs/privacy.md): everything the shop's Plaudit holds about one person,
 * as lists. A person the shop knows nothing about gets the same answer with empty
 * lists, whether or not another shop knows them.
 */
export async function exportCustomerData(db: Kysely<Database>, shopId: string, selector: SubjectSelector) {
  const person = await findPerson(db, shopId, selector);
  const reviews = await reviewsOfPerson(db, shopId, { emails: person.emails, orderIds: person.orders.map((order) => order.order_id) });
  const records = await customerDataOf(db, shopId, person);
  const asked = await questionDataOf(db, shopId, person.emails);
  return {
    emails: [...person.emails],
    customer_ids: [...person.customerIds],
    customers: records.customers,
    reviews: await presentReviews(db, shopId, reviews),
    questions: asked.questions,
    answers: asked.answers,
    orders: person.orders.map(presentOrder),
    events: await eventsOfPerson(db, shopId, person),
    unsubscribes: records.unsubscribes,
    exclusions: records.exclusions,
  };
}

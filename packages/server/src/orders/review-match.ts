import type { Kysely } from 'kysely';
import { normalizeEmailAddress } from '../customers/email-types.js';
import type { Database } from '../db/schema.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import { type OrderLine, type OrderRow, presentOrder } from './order-presenter.js';
import { AWAITING_REVIEW, ORDER_STATUS } from './order-status.js';
import { secondsOf } from '../time/clock.js';

export interface ReviewFacts {
  productId: string;
  orderId: string;
  authorEmail: string;
}

/**
 * Orders a review belongs to: by its order id, or by its author's address, and (except for a store
 * review) only orders that contain the reviewed product.
 */
async function matchingOrders(db: Kysely<Database>, shopId: string, review: ReviewFacts): Promise<OrderRow[]> {
  const email = normalizeEmailAddress(review.authorEmail);
  if (review.orderId === '' && email === '') return [];
  const candidates = await db
    .selectFrom('orders')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where((eb) => eb.or([...(review.orderId !== '' ? [eb('order_id', '=', review.orderId)] : []), ...(email !== '' ? [eb('email', '=', email)] : [])]))
    .execute();
  if (review.productId === '0') return candidates;
  return candidates.filter((order) => (JSON.parse(order.products) as OrderLine[]).some((line) => line.product_id === review.productId));
}

/** docs/reference/reviews.md verification: a review with a matching order is verified by `order`. */
export async function hasMatchingOrder(db: Kysely<Database>, shopId: string, review: ReviewFacts): Promise<boolean> {
  return (await matchingOrders(db, shopId, review)).length > 0;
}

/**
 * docs/reference/collection.md §6.1: a new review from the buyer of a product moves the order's request to
 * evaluated (status 1–4 → 5), which also stops its reminder. Only author e-mail + product count,
 * as the contract says; call in the review's transaction.
 */
export async function markOrdersReviewed(db: Kysely<Database>, shopId: string, review: ReviewFacts, nowMs: number): Promise<void> {
  const email = normalizeEmailAddress(review.authorEmail);
  if (email === '' || review.productId === '0') return;
  const now = secondsOf(nowMs);
  const orders = (await matchingOrders(db, shopId, { ...review, orderId: '' })).filter((order) => AWAITING_REVIEW.includes(order.status));
  for (const order of orders) {
    await db.updateTable('orders').set({ status: ORDER_STATUS.reviewed, reviewed_at: now, updated_at: now }).where('id', '=', order.id).where('status', 'in', AWAITING_REVIEW).execute();
    await appendOutboxEvent(db, shopId, 'order/updated', { list: [presentOrder({ ...order, status: ORDER_STATUS.reviewed, reviewed_at: now, updated_at: now })] }, nowMs);
  }
}

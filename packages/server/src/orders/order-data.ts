import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { secondsOf } from '../time/clock.js';
import { hasKeys, matchesPerson, type PersonKeys } from '../db/person-match.js';
import type { OrderRow } from './order-presenter.js';
import { emitOrderUpdated } from './order-service.js';
import { NOT_YET_SENT, ORDER_STATUS } from './order-status.js';
import { deleteShopRows } from '../db/shop-rows.js';

const ofPerson = (eb: ExpressionBuilder<Database, 'orders'>, person: PersonKeys) => matchesPerson(eb, { email: 'orders.email', customerId: 'orders.customer_id' }, person);

/** The person's orders (by address or customer id), oldest first. */
export async function ordersOfPerson(db: Kysely<Database>, shopId: string, person: PersonKeys): Promise<OrderRow[]> {
  if (!hasKeys(person)) return [];
  return db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).where((eb) => ofPerson(eb, person)).orderBy('order_created_at').orderBy('id').execute();
}

/**
 * Clears the person's contact fields from their orders, in the caller's transaction: address,
 * name and customer id. The order and its request's history stay, so the shop's counts and funnel
 * do not change. A request not sent yet is cancelled (`erased`) and no reminder follows a sent one,
 * since nobody is left to address; those orders record `order/updated`. Answers the orders changed.
 */
export async function anonymizeOrdersOf(db: Kysely<Database>, shopId: string, person: PersonKeys, nowMs: number): Promise<OrderRow[]> {
  const now = secondsOf(nowMs);
  const orders = await ordersOfPerson(db, shopId, person);
  const changed: OrderRow[] = [];
  for (const order of orders) {
    const cancel = NOT_YET_SENT.includes(order.status);
    const cleared = {
      email: '',
      customer_name: '',
      customer_id: '',
      reminder_due_at: null,
      updated_at: now,
      ...(cancel ? { status: ORDER_STATUS.cancelled, cancel_reason: 'erased', cancelled_at: now } : {}),
    };
    await db.updateTable('orders').set(cleared).where('id', '=', order.id).execute();
    const row = { ...order, ...cleared };
    if (cancel) await emitOrderUpdated(db, shopId, row, nowMs);
    changed.push(row);
  }
  return changed;
}

/** A whole shop's orders (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopOrders(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['orders']);
}

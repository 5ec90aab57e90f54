import type { Kysely, Updateable } from 'kysely';
import { customersWithEmail, findCustomer, generatedCustomerId, insertCustomer, updateCustomerContact } from '../customers/customer-repository.js';
import { normalizeEmailAddress } from '../customers/email-types.js';
import type { Database, OrdersTable, OrderStatus } from '../db/schema.js';
import type { Actor } from '../http/actor.js';
import { invalidField, notFound } from '../http/errors.js';
import { upsertProduct } from '../products/product-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import { type OrderLine, type OrderRow, presentOrder } from './order-presenter.js';
import { evaluateRequest } from './request-state.js';
import { isExcluded, isUnsubscribedFromRequests } from '../customers/suppression.js';
import { NOT_YET_SENT, ORDER_STATUS } from './order-status.js';
import { secondsOf } from '../time/clock.js';

export interface NewOrderLine extends OrderLine {
  image?: string | undefined;
  url?: string | undefined;
  sku?: string | undefined;
  gtin?: string | undefined;
  mpn?: string | undefined;
  brand?: string | undefined;
}

export interface NewOrder {
  orderId: string;
  orderName: string;
  email: string;
  customerId?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phone?: string | undefined;
  products: NewOrderLine[];
  orderCreatedAt?: number | undefined;
  fulfilledAt?: number | undefined;
}

async function findOrder(db: Kysely<Database>, shopId: string, orderId: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).where('order_id', '=', orderId).executeTakeFirst();
}

/** The buyer's customer record: by id (created or updated), else the latest with the address, else a new one. */
async function resolveCustomer(db: Kysely<Database>, shopId: string, input: NewOrder, email: string, now: number) {
  const names = { first_name: input.firstName, last_name: input.lastName, phone: input.phone };
  const given = Object.fromEntries(Object.entries(names).filter(([, value]) => value !== undefined)) as Record<string, string>;
  const existing = input.customerId !== undefined ? await findCustomer(db, shopId, input.customerId) : (await customersWithEmail(db, shopId, email))[0];
  if (existing) {
    await updateCustomerContact(db, shopId, existing.customer_id, given, email, now);
    return { ...existing, ...given, email };
  }
  const created = { shop_id: shopId, customer_id: input.customerId ?? generatedCustomerId(), email, first_name: '', last_name: '', phone: '', ...given, created_at: now, updated_at: now };
  await insertCustomer(db, created);
  return created;
}

/** Records `order/updated` for a row as it now stands, in the caller's transaction. */
export async function emitOrderUpdated(db: Kysely<Database>, shopId: string, row: OrderRow, nowMs: number): Promise<void> {
  await appendOutboxEvent(db, shopId, 'order/updated', { list: [presentOrder(row)] }, nowMs);
}

/**
 * Create Order (docs/reference/collection.md §4): idempotent on order_id. Fields present replace the stored ones,
 * fulfilment cannot be withdrawn, and the review-request rules run while the order is new or in
 * status 1 or 2. Every status change records `order/updated`. Call inside a transaction.
 */
export async function registerOrder(db: Kysely<Database>, actor: Actor, input: NewOrder, nowMs: number) {
  const now = secondsOf(nowMs);
  if (input.fulfilledAt !== undefined && input.fulfilledAt > now + 3600) throw invalidField('fulfilled_at', 'must not be more than one hour in the future');
  const email = normalizeEmailAddress(input.email);
  const existing = await findOrder(db, actor.shopId, input.orderId);
  const customer = await resolveCustomer(db, actor.shopId, input, email, now);
  for (const line of input.products) {
    await upsertProduct(db, actor.shopId, line.product_id, { title: line.title || undefined, handle: line.handle || undefined, image: line.image, url: line.url, sku: line.sku, gtin: line.gtin, mpn: line.mpn, brand: line.brand }, now);
  }

  const fulfilledAt = input.fulfilledAt ?? existing?.fulfilled_at ?? null;
  const state = evaluateRequest({
    current: existing?.status,
    excluded: await isExcluded(db, actor.shopId, customer.customer_id, email),
    unsubscribed: await isUnsubscribedFromRequests(db, actor.shopId, email),
    fulfilledAt,
    requestDelayDays: readShopSettings(actor.shop.settings).request_delay_days,
    now,
  });
  const fields: Updateable<OrdersTable> = {
    order_name: input.orderName,
    customer_id: customer.customer_id,
    email,
    customer_name: `${customer.first_name} ${customer.last_name}`.trim(),
    products: JSON.stringify(input.products.map(({ product_id, title, handle, quantity }) => ({ product_id, title, handle, quantity }))),
    fulfilled_at: fulfilledAt,
    updated_at: now,
    ...(input.orderCreatedAt !== undefined ? { order_created_at: input.orderCreatedAt } : {}),
    ...(state?.status === ORDER_STATUS.cancelled ? { status: ORDER_STATUS.cancelled, cancel_reason: state.reason, cancelled_at: now } : {}),
    ...(state?.status === ORDER_STATUS.scheduled ? { status: ORDER_STATUS.scheduled, scheduled_at: state.scheduledAt } : {}),
    ...(state?.status === ORDER_STATUS.waiting ? { status: ORDER_STATUS.waiting } : {}),
  };

  let row: OrderRow;
  if (existing) {
    await db.updateTable('orders').set(fields).where('id', '=', existing.id).execute();
    row = (await findOrder(db, actor.shopId, input.orderId))!;
  } else {
    const { id } = await db
      .insertInto('orders')
      .values({ ...(fields as Required<typeof fields>), shop_id: actor.shopId, order_id: input.orderId, status: (state?.status ?? 1) as OrderStatus, order_created_at: input.orderCreatedAt ?? now, created_at: now } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    row = (await db.selectFrom('orders').selectAll().where('id', '=', Number(id)).executeTakeFirst())!;
  }
  if (!existing || existing.status !== row.status) await emitOrderUpdated(db, actor.shopId, row, nowMs);
  return presentOrder(row);
}

/** Cancel Order Request (docs/reference/collection.md §5). Call inside a transaction. */
export async function cancelOrderRequest(db: Kysely<Database>, actor: Actor, orderId: string, nowMs: number) {
  const now = secondsOf(nowMs);
  const order = await findOrder(db, actor.shopId, orderId);
  if (!order) throw notFound('order', orderId);
  if (order.status === ORDER_STATUS.cancelled) return presentOrder(order);
  if (!NOT_YET_SENT.includes(order.status)) throw invalidField('order_id', 'the review request was already sent');
  await db.updateTable('orders').set({ status: ORDER_STATUS.cancelled, cancel_reason: 'merchant', cancelled_at: now, updated_at: now }).where('id', '=', order.id).execute();
  const row = (await findOrder(db, actor.shopId, orderId))!;
  await emitOrderUpdated(db, actor.shopId, row, nowMs);
  return presentOrder(row);
}

/**
 * Exclusions and unsubscribes stop requests not yet sent (docs/reference/collection.md §7, §10): each order of
 * the customer or address in status 1 or 2 is cancelled with the reason, and announced.
 */
export async function cancelPendingRequests(db: Kysely<Database>, shopId: string, who: { customerIds?: string[]; email?: string }, reason: 'excluded' | 'unsubscribed', nowMs: number): Promise<void> {
  const now = secondsOf(nowMs);
  const customerIds = who.customerIds ?? [];
  if (customerIds.length === 0 && !who.email) return;
  const pending = await db
    .selectFrom('orders')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('status', 'in', NOT_YET_SENT)
    .where((eb) => eb.or([...(customerIds.length > 0 ? [eb('customer_id', 'in', customerIds)] : []), ...(who.email ? [eb('email', '=', who.email)] : [])]))
    .execute();
  for (const order of pending) {
    await db.updateTable('orders').set({ status: ORDER_STATUS.cancelled, cancel_reason: reason, cancelled_at: now, updated_at: now }).where('id', '=', order.id).execute();
    await emitOrderUpdated(db, shopId, { ...order, status: ORDER_STATUS.cancelled, cancel_reason: reason, cancelled_at: now, updated_at: now }, nowMs);
  }
}

/**
 * docs/reference/collection.md §6.1: the first open or tracked click moves a sent request to opened (3 → 4).
 * Later opens change nothing; status never moves backwards. Call inside a transaction.
 */
export async function markRequestOpened(db: Kysely<Database>, shopId: string, orderRecordId: number, nowMs: number): Promise<void> {
  const now = secondsOf(nowMs);
  const changed = await db.updateTable('orders').set({ status: ORDER_STATUS.opened, opened_at: now, updated_at: now }).where('shop_id', '=', shopId).where('id', '=', orderRecordId).where('status', '=', ORDER_STATUS.sent).executeTakeFirst();
  if (changed.numUpdatedRows === 0n) return;
  const row = (await db.selectFrom('orders').selectAll().where('id', '=', orderRecordId).executeTakeFirst())!;
  await emitOrderUpdated(db, shopId, row, nowMs);
}

/** The first tracked click in an order's review request, for the dashboard's funnel; later clicks change nothing. */
export async function markRequestClicked(db: Kysely<Database>, shopId: string, orderRecordId: number, nowMs: number): Promise<void> {
  await db.updateTable('orders').set({ clicked_at: secondsOf(nowMs) }).where('shop_id', '=', shopId).where('id', '=', orderRecordId).where('clicked_at', 'is', null).execute();
}

/** The buyer behind an order, for the customer events of its e-mails. */
export async function orderRecipient(db: Kysely<Database>, shopId: string, orderRecordId: number) {
  return db.selectFrom('orders').select(['customer_id', 'email']).where('shop_id', '=', shopId).where('id', '=', orderRecordId).executeTakeFirst();
}

/**
 * A transition of the e-mail worker (docs/reference/collection.md §6.1): the fields it sets, the claim and the
 * hand-over marker cleared, and `order/updated` recorded. Call inside a transaction.
 */
export async function setRequestState(db: Kysely<Database>, order: OrderRow, changes: Updateable<OrdersTable>, nowMs: number): Promise<void> {
  const now = secondsOf(nowMs);
  await db.updateTable('orders').set({ ...changes, send_claimed_until: null, send_started_at: null, updated_at: now }).where('id', '=', order.id).execute();
  const row = (await db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirst())!;
  if (row.status !== order.status) await emitOrderUpdated(db, order.shop_id, row, nowMs);
}

import { type Kysely, sql } from 'kysely';
import { containing } from '../db/like.js';
import type { Database } from '../db/schema.js';
import { countOf, type PageRequest, pageOf } from '../db/paging.js';
import type { OrderRow } from './order-presenter.js';

/** One order of the shop by its record id (the id inside signed e-mail links). */
export async function findOrderRecord(db: Kysely<Database>, shopId: string, id: number): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export interface OrderFilter {
  status?: OrderRow['status'] | undefined;
  /** Inclusive bounds in Unix seconds on when the request was sent and when the order was placed. */
  sentFrom?: number | undefined;
  sentTo?: number | undefined;
  placedFrom?: number | undefined;
  placedTo?: number | undefined;
}

/** The shop's orders matching the filter, by order time (ties by record id), one page and the total. */
export async function listOrders(db: Kysely<Database>, shopId: string, filter: OrderFilter, direction: 'asc' | 'desc', page: PageRequest): Promise<{ count: number; rows: OrderRow[] }> {
  let filtered = db.selectFrom('orders').where('shop_id', '=', shopId);
  if (filter.status !== undefined) filtered = filtered.where('status', '=', filter.status);
  if (filter.sentFrom !== undefined) filtered = filtered.where('sent_at', '>=', filter.sentFrom);
  if (filter.sentTo !== undefined) filtered = filtered.where('sent_at', '<=', filter.sentTo);
  if (filter.placedFrom !== undefined) filtered = filtered.where('order_created_at', '>=', filter.placedFrom);
  if (filter.placedTo !== undefined) filtered = filtered.where('order_created_at', '<=', filter.placedTo);
  const rows = await pageOf(filtered.selectAll().orderBy('order_created_at', direction).orderBy('id', direction), page).execute();
  return { count: await countOf(filtered), rows };
}

/** How many of the shop's orders are in each request status (the console's funnel). */
export async function countOrdersByStatus(db: Kysely<Database>, shopId: string): Promise<Map<number, number>> {
  const counted = await db.selectFrom('orders').select(['status', (eb) => eb.fn.countAll().as('n')]).where('shop_id', '=', shopId).groupBy('status').execute();
  return new Map(counted.map((row) => [Number(row.status), Number(row.n)]));
}

/** Review requests sent in [from, to) and how far each got: the dashboard's funnel. One index range (orders_shop_sent). */
export async function requestFunnel(db: Kysely<Database>, shopId: string, from: number, to: number): Promise<{ sent: number; opened: number; clicked: number; reviewed: number }> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => [eb.fn.countAll<number>().as('sent'), eb.fn.count<number>('opened_at').as('opened'), eb.fn.count<number>('clicked_at').as('clicked'), eb.fn.count<number>('reviewed_at').as('reviewed')])
    .where('shop_id', '=', shopId)
    .where('sent_at', '>=', from)
    .where('sent_at', '<', to)
    .executeTakeFirstOrThrow();
  return { sent: Number(row.sent), opened: Number(row.opened), clicked: Number(row.clicked), reviewed: Number(row.reviewed) };
}

/** Review requests of orders containing one product, by status: the product page's requests. */
export async function productRequestCounts(db: Kysely<Database>, shopId: string, productId: string): Promise<Map<number, number>> {
  // products is a JSON array; the quoted id narrows the scan, and the exact match is made in code.
  const rows = await db
    .selectFrom('orders')
    .select(['status', 'products'])
    .where('shop_id', '=', shopId)
    .where(sql<string>`lower(products)`, 'like', containing(JSON.stringify(productId)))
    .execute();
  const counts = new Map<number, number>();
  for (const row of rows) {
    const products = JSON.parse(row.products) as Array<{ product_id: string }>;
    if (products.some((product) => product.product_id === productId)) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  }
  return counts;
}

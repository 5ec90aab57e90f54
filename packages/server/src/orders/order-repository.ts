import type { Kysely } from 'kysely';
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

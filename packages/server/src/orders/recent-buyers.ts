import type { Kysely } from 'kysely';
import { isExcluded, isUnsubscribedFrom } from '../customers/suppression.js';
import type { Database } from '../db/schema.js';
import type { OrderLine } from './order-presenter.js';

export interface RecentBuyer {
  email: string;
  name: string;
  orderId: string;
}

/** How far back an order makes someone a buyer worth asking: long enough to have used the product. */
const BUYER_WINDOW_SECONDS = 365 * 24 * 3600;
/** Orders read per question at most: the newest hold the buyers asked. */
const ORDERS_SCANNED = 500;

/** A buyer who stopped review requests did not ask to be asked about other people's questions either. */
const ASKING_STREAMS = ['question_notification', 'review_request'] as const;

/**
 * The most recent buyers of a product who may be asked to answer a question about it
 * (docs/reference/questions.md §9): fulfilled orders of the last year that hold the product, one
 * per address, newest first, leaving out excluded customers and addresses unsubscribed from
 * question e-mails, review requests or everything.
 */
export async function recentBuyersOf(db: Kysely<Database>, shopId: string, productId: string, options: { now: number; limit: number; skip: ReadonlySet<string> }): Promise<RecentBuyer[]> {
  const orders = await db
    .selectFrom('orders')
    .select(['order_id', 'email', 'customer_id', 'customer_name', 'products'])
    .where('shop_id', '=', shopId)
    .where('fulfilled_at', 'is not', null)
    .where('fulfilled_at', '>=', options.now - BUYER_WINDOW_SECONDS)
    .where('email', '!=', '')
    .orderBy('fulfilled_at', 'desc')
    .limit(ORDERS_SCANNED)
    .execute();
  const buyers: RecentBuyer[] = [];
  const seen = new Set(options.skip);
  for (const order of orders) {
    if (buyers.length >= options.limit) break;
    if (seen.has(order.email)) continue;
    if (!(JSON.parse(order.products) as OrderLine[]).some((line) => line.product_id === productId)) continue;
    seen.add(order.email);
    if (await isExcluded(db, shopId, order.customer_id, order.email)) continue;
    if (await isUnsubscribedFrom(db, shopId, order.email, ASKING_STREAMS)) continue;
    buyers.push({ email: order.email, name: order.customer_name, orderId: order.order_id });
  }
  return buyers;
}

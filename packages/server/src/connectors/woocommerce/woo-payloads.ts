import type { NewOrder } from '../../orders/order-service.js';

/** The parts of a WooCommerce REST order (v3) the connector reads. */
export interface WooOrder {
  id: number;
  number?: string;
  status: string;
  customer_id?: number;
  date_created_gmt?: string | null;
  date_modified_gmt?: string | null;
  date_completed_gmt?: string | null;
  billing?: { first_name?: string; last_name?: string; email?: string; phone?: string };
  line_items?: Array<{ product_id: number; name?: string; sku?: string; quantity?: number; image?: { src?: string } | null }>;
}

/** The parts of a WooCommerce REST product (v3) the connector reads. */
export interface WooProduct {
  id: number;
  name?: string;
  slug?: string;
  permalink?: string;
  sku?: string;
  date_modified_gmt?: string | null;
  images?: Array<{ src?: string }>;
}

/** WooCommerce writes GMT times without a zone ("2026-06-17T08:00:00"): they are UTC. */
export function gmtSeconds(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}Z`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Statuses after which no review should be asked for: the buyer did not keep the order. */
export const ENDED_STATUSES = new Set(['cancelled', 'refunded', 'failed', 'trash']);

/**
 * A WooCommerce order as Create Order takes it (docs/connectors.md): a completed order carries its
 * completion time as the fulfilment, so the review request follows the shop's delay from then.
 */
export function orderFromWoo(order: WooOrder): NewOrder {
  const billing = order.billing ?? {};
  return {
    orderId: String(order.id),
    orderName: order.number ? `#${order.number}` : `#${order.id}`,
    email: billing.email ?? '',
    ...(order.customer_id ? { customerId: String(order.customer_id) } : {}),
    firstName: billing.first_name ?? '',
    lastName: billing.last_name ?? '',
    phone: billing.phone ?? '',
    products: (order.line_items ?? [])
      .filter((line) => Number.isSafeInteger(line.product_id) && line.product_id > 0)
      .map((line) => ({ product_id: String(line.product_id), title: line.name ?? '', handle: '', quantity: line.quantity ?? 1, image: line.image?.src ?? '', sku: line.sku ?? '' })),
    orderCreatedAt: gmtSeconds(order.date_created_gmt),
    fulfilledAt: order.status === 'completed' ? (gmtSeconds(order.date_completed_gmt) ?? gmtSeconds(order.date_modified_gmt)) : undefined,
  };
}

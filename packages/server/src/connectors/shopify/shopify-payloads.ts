import type { NewOrder } from '../../orders/order-service.js';
import type { ProductFields } from '../../products/product-repository.js';
import { shopifyId } from './shopify-json.js';

/** The parts of a Shopify order webhook (REST shape) the connector reads. */
export interface ShopifyOrder {
  /** A number, or its digits when larger than 2^53 (shopify-json.ts). */
  id: number | string;
  name?: string;
  email?: string | null;
  contact_email?: string | null;
  created_at?: string;
  updated_at?: string;
  cancelled_at?: string | null;
  financial_status?: string | null;
  fulfillment_status?: string | null;
  customer?: { id?: number | string; first_name?: string | null; last_name?: string | null; phone?: string | null } | null;
  line_items?: Array<{ product_id?: number | string | null; title?: string; sku?: string | null; quantity?: number }>;
  fulfillments?: Array<{ status?: string; created_at?: string }>;
}

/** The parts of a Shopify product webhook the connector reads. */
export interface ShopifyProduct {
  id: number | string;
  title?: string;
  handle?: string;
  updated_at?: string;
  image?: { src?: string } | null;
  images?: Array<{ src?: string }>;
  variants?: Array<{ sku?: string | null; barcode?: string | null }>;
}

/** Shopify's times carry their offset ("2026-06-12T12:00:00+02:00"). */
export function shopifySeconds(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** A cancelled, refunded or voided order asks for no review. */
export function hasEnded(order: ShopifyOrder): boolean {
  return (order.cancelled_at ?? null) !== null || order.financial_status === 'refunded' || order.financial_status === 'voided';
}

/**
 * A Shopify order as Create Order takes it (docs/connectors.md): fulfilled once every item shipped,
 * at the time of its last successful fulfilment; line items without a product (custom items) are left out.
 */
export function orderFromShopify(order: ShopifyOrder): NewOrder {
  const shipped = (order.fulfillments ?? []).filter((f) => f.status === undefined || f.status === 'success').map((f) => shopifySeconds(f.created_at)).filter((at): at is number => at !== undefined);
  const customer = order.customer ?? {};
  return {
    orderId: shopifyId(order.id) ?? '',
    orderName: order.name ?? `#${order.id}`,
    email: order.email || order.contact_email || '',
    ...(shopifyId(customer.id) ? { customerId: shopifyId(customer.id) } : {}),
    firstName: customer.first_name ?? '',
    lastName: customer.last_name ?? '',
    phone: customer.phone ?? '',
    products: (order.line_items ?? [])
      .filter((line) => shopifyId(line.product_id) !== undefined)
      .map((line) => ({ product_id: shopifyId(line.product_id)!, title: line.title ?? '', handle: '', quantity: line.quantity ?? 1, sku: line.sku ?? '' })),
    orderCreatedAt: shopifySeconds(order.created_at),
    fulfilledAt: order.fulfillment_status === 'fulfilled' && shipped.length > 0 ? Math.max(...shipped) : undefined,
  };
}

/** A Shopify product as the product records keep it; its page is under the store's own domain. */
export function productFromShopify(product: ShopifyProduct, storeDomain: string): ProductFields {
  const variant = product.variants?.[0];
  return {
    title: product.title,
    handle: product.handle,
    url: product.handle ? `https://${storeDomain}/products/${product.handle}` : undefined,
    image: product.image?.src ?? product.images?.[0]?.src,
    sku: variant?.sku ?? undefined,
    gtin: variant?.barcode ?? undefined,
  };
}

import type { Config } from '../../config/config.js';
import type { Db } from '../../db/connect.js';
import type { ShopRow } from '../../shops/shop-repository.js';
import type { ConnectorLinkRow } from '../../store-links/connector-links.js';
import type { Clock } from '../../time/clock.js';
import { ApiError } from '../../http/errors.js';
import { adminClientFor } from './shopify-app.js';
import type { ShopifyOrder, ShopifyProduct } from './shopify-payloads.js';
import { applyProduct, applyShopifyOrder } from './shopify-webhooks.service.js';

const PAGE = 50;

const ORDERS = `query PlauditBackfillOrders($cursor: String, $query: String) {
  orders(first: ${PAGE}, after: $cursor, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      legacyResourceId name email createdAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus
      customer { legacyResourceId firstName lastName phone }
      lineItems(first: 50) { nodes { title sku quantity product { legacyResourceId } } }
      fulfillments(first: 20) { createdAt status }
    }
  }
}`;

const PRODUCTS = `query PlauditBackfillProducts($cursor: String, $query: String) {
  products(first: ${PAGE}, after: $cursor, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { legacyResourceId title handle updatedAt featuredImage { url } variants(first: 1) { nodes { sku barcode } } }
  }
}`;

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

interface OrderNode {
  legacyResourceId: string;
  name: string;
  email: string | null;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  customer: { legacyResourceId: string; firstName: string | null; lastName: string | null; phone: string | null } | null;
  lineItems: { nodes: Array<{ title: string; sku: string | null; quantity: number; product: { legacyResourceId: string } | null }> };
  fulfillments: Array<{ createdAt: string; status: string }>;
}

interface ProductNode {
  legacyResourceId: string;
  title: string;
  handle: string;
  updatedAt: string;
  featuredImage: { url: string } | null;
  variants: { nodes: Array<{ sku: string | null; barcode: string | null }> };
}

/** A GraphQL order in the webhook's shape, so one mapping serves both (shopify-payloads.ts). */
export function orderFromGraphql(node: OrderNode): ShopifyOrder {
  return {
    id: node.legacyResourceId,
    name: node.name,
    email: node.email,
    created_at: node.createdAt,
    updated_at: node.updatedAt,
    cancelled_at: node.cancelledAt,
    financial_status: node.displayFinancialStatus?.toLowerCase() ?? null,
    fulfillment_status: node.displayFulfillmentStatus === 'FULFILLED' ? 'fulfilled' : null,
    customer: node.customer ? { id: node.customer.legacyResourceId, first_name: node.customer.firstName, last_name: node.customer.lastName, phone: node.customer.phone } : null,
    line_items: node.lineItems.nodes.map((line) => ({ product_id: line.product?.legacyResourceId ?? null, title: line.title, sku: line.sku, quantity: line.quantity })),
    fulfillments: node.fulfillments.map((f) => ({ created_at: f.createdAt, status: f.status.toLowerCase() })),
  };
}

function productFromGraphql(node: ProductNode): ShopifyProduct {
  const variant = node.variants.nodes[0];
  return { id: node.legacyResourceId, title: node.title, handle: node.handle, updated_at: node.updatedAt, image: node.featuredImage ? { src: node.featuredImage.url } : null, variants: variant ? [{ sku: variant.sku, barcode: variant.barcode }] : [] };
}

export interface BackfillProgress {
  kind: 'products' | 'orders';
  read: number;
  applied: number;
}

/**
 * `plaudit connect shopify backfill` (docs/connectors.md): the store's products, then its orders,
 * changed since `since`, page by page through the Admin GraphQL API, each applied as its webhook
 * would be, so running it twice, or beside the webhooks, changes nothing twice.
 */
export async function backfillShopify(
  deps: { db: Db; secretKey: Buffer; clock: Clock; config: Config },
  shop: ShopRow,
  link: ConnectorLinkRow,
  since: number,
  onProgress: (progress: BackfillProgress) => void = () => undefined,
): Promise<{ products: BackfillProgress; orders: BackfillProgress }> {
  const client = adminClientFor(deps.config.shopify!, deps.config.publicUrl, deps.secretKey, link);
  const query = `updated_at:>='${new Date(since * 1000).toISOString()}'`;

  async function each<T>(document: string, field: 'orders' | 'products', apply: (node: T) => Promise<boolean>, progress: BackfillProgress): Promise<BackfillProgress> {
    let cursor: string | null = null;
    do {
      // The library waits out Shopify's throttling and retries, up to three times a page.
      const answer = await client.request<Record<string, Page<T>>>(document, { variables: { cursor, query }, retries: 3 });
      const page: Page<T> = answer.data![field]!;
      for (const node of page.nodes) {
        progress.read += 1;
        try {
          if (await apply(node)) progress.applied += 1;
        } catch (error) {
          // One order Create Order refuses (a fulfilment dated in the future) does not stop the others.
          if (!(error instanceof ApiError)) throw error;
        }
      }
      onProgress({ ...progress });
      cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (cursor !== null);
    return progress;
  }

  const db = deps.db.kysely;
  const products = await each<ProductNode>(PRODUCTS, 'products', async (node) => (await applyProduct(db, shop.id, link.external_shop, productFromGraphql(node), deps.clock.now())).outcome === 'applied', { kind: 'products', read: 0, applied: 0 });
  const orders = await each<OrderNode>(ORDERS, 'orders', async (node) => (await applyShopifyOrder(db, shop, orderFromGraphql(node), deps.clock.now())).outcome === 'applied', { kind: 'orders', read: 0, applied: 0 });
  return { products, orders };
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import { backfillShopify, type BackfillProgress } from '../../src/connectors/shopify/backfill.js';
import { findShopById } from '../../src/shops/shop-repository.js';
import { findLink, linkShopifyStore } from '../../src/store-links/connector-links.js';
import { describeEachDatabase } from '../support/databases.js';
import { useHarness } from '../support/harness.js';
import { ShopifyAdminStandIn } from '../support/shopify-admin.js';

const APP = { SHOPIFY_API_KEY: 'plaudit-test-app', SHOPIFY_API_SECRET: 'shpss_backfill_0123456789abcdef0123456' };

/** An order as the Admin GraphQL API answers it. */
const orderNode = (n: number, overrides: Record<string, unknown> = {}) => ({
  legacyResourceId: String(4_000_000 + n),
  name: `#${1000 + n}`,
  email: `buyer${n}@example.com`,
  createdAt: '2026-06-01T10:00:00Z',
  updatedAt: `2026-06-0${1 + (n % 8)}T12:00:00Z`,
  cancelledAt: null,
  displayFinancialStatus: 'PAID',
  displayFulfillmentStatus: 'FULFILLED',
  customer: { legacyResourceId: String(7_000 + n), firstName: 'Buyer', lastName: String(n), phone: null },
  lineItems: { nodes: [{ title: 'Wool Scarf', sku: 'WS-1', quantity: 1, product: { legacyResourceId: '632910392' } }] },
  fulfillments: [{ createdAt: '2026-06-02T09:00:00Z', status: 'SUCCESS' }],
  ...overrides,
});

describeEachDatabase('backfilling a Shopify store', (dialect) => {
  const harness = useHarness(dialect, { env: APP });
  const admin = new ShopifyAdminStandIn(APP.SHOPIFY_API_SECRET);
  beforeAll(() => admin.start());
  afterAll(() => admin.stop());

  it('reads products and orders page by page, applies each as its webhook would, and a second run changes nothing', async () => {
    const h = harness();
    const domain = `backfill-${dialect}.myshopify.com`;
    const created = await h.newShop(domain);
    await linkShopifyStore(h.deps.db.kysely, h.deps.secretKey!, { shopId: created.shop_id, domain, accessToken: 'shpat_backfill', scopes: 'read_orders,read_products' }, Math.floor(h.clock.now() / 1000));
    const orders = [...Array.from({ length: 60 }, (_, i) => orderNode(i + 1)), orderNode(61, { cancelledAt: '2026-06-03T00:00:00Z' }), orderNode(62, { email: null })];
    admin.dataFor = ({ query, variables }) => {
      if (query.includes('PlauditBackfillProducts')) {
        return { products: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [{ legacyResourceId: '632910392', title: 'Wool Scarf', handle: 'wool-scarf', updatedAt: '2026-06-01T00:00:00Z', featuredImage: { url: 'https://cdn.shopify.com/scarf.jpg' }, variants: { nodes: [{ sku: 'WS-1', barcode: '4006381333931' }] } }] } };
      }
      const start = variables.cursor === null ? 0 : Number(variables.cursor);
      const nodes = orders.slice(start, start + 50);
      return { orders: { pageInfo: { hasNextPage: start + 50 < orders.length, endCursor: start + 50 < orders.length ? String(start + 50) : null }, nodes } };
    };
    const shop = (await findShopById(h.deps.db.kysely, created.shop_id))!;
    const link = (await findLink(h.deps.db.kysely, 'shopify', shop.id))!;
    const seen: BackfillProgress[] = [];
    const since = Math.floor(h.clock.now() / 1000) - 90 * 86_400;
    const result = await backfillShopify({ db: h.deps.db, secretKey: h.deps.secretKey!, clock: h.clock, config: h.deps.config }, shop, link, since, (p) => seen.push(p));
    expect(result).toEqual({ products: { kind: 'products', read: 1, applied: 1 }, orders: { kind: 'orders', read: 62, applied: 61 } });
    expect(seen.map((p) => [p.kind, p.read])).toEqual([['products', 1], ['orders', 50], ['orders', 62]]);
    const calls = admin.graphql.filter((call) => call.shop === domain);
    expect(calls.every((call) => call.token === 'shpat_backfill' && call.variables.query === `updated_at:>='${new Date(since * 1000).toISOString()}'`)).toBe(true);
    const stored = await h.deps.db.kysely.selectFrom('orders').select(['order_id', 'email', 'fulfilled_at']).where('shop_id', '=', shop.id).orderBy('order_id').execute();
    expect(stored).toHaveLength(60);
    expect(stored[0]).toEqual({ order_id: '4000001', email: 'buyer1@example.com', fulfilled_at: Date.parse('2026-06-02T09:00:00Z') / 1000 });
    const product = await h.deps.db.kysely.selectFrom('products').select(['title', 'url', 'gtin']).where('shop_id', '=', shop.id).where('product_id', '=', '632910392').executeTakeFirstOrThrow();
    expect(product).toEqual({ title: 'Wool Scarf', url: `https://${domain}/products/wool-scarf`, gtin: '4006381333931' });

    const again = await backfillShopify({ db: h.deps.db, secretKey: h.deps.secretKey!, clock: h.clock, config: h.deps.config }, shop, link, since);
    expect([again.products.applied, again.orders.applied]).toEqual([0, 0]);
  });
});

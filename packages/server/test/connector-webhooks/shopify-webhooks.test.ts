import { createHmac, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { linkShopifyStore } from '../../src/store-links/connector-links.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { issueTokens, platformDeps, registerPlatform } from '../support/oauth.js';
import { systemEvents } from '../support/factories.js';

const APP = { SHOPIFY_API_KEY: 'plaudit-test-app', SHOPIFY_API_SECRET: 'shpss_test_0123456789abcdef0123456789abcdef' };

/** Signed exactly as Shopify signs: base64 HMAC-SHA256 of the raw body under the app's secret, with the headers Shopify always sends. */
function deliver(h: Harness, topic: string, domain: string, body: string, secret = APP.SHOPIFY_API_SECRET) {
  return h.app.inject({
    method: 'POST',
    url: '/connectors/shopify/webhooks',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': domain,
      'x-shopify-api-version': '2025-10',
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-triggered-at': '2026-06-17T08:00:00Z',
      'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
    },
    payload: body,
  });
}

/** A genuine signature over one body, sent with another. */
function tampered(h: Harness, domain: string, body: string) {
  return h.app.inject({
    method: 'POST',
    url: '/connectors/shopify/webhooks',
    headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': domain, 'x-shopify-api-version': '2025-10', 'x-shopify-webhook-id': randomUUID(), 'x-shopify-hmac-sha256': createHmac('sha256', APP.SHOPIFY_API_SECRET).update(body).digest('base64') },
    payload: body.replace('Jon', 'Eve'),
  });
}

function shopifyOrder(overrides: Record<string, unknown> = {}) {
  return {
    id: 820982911946154500,
    name: '#1001',
    email: 'Jon.Snow@example.com',
    created_at: '2026-06-10T11:00:00+02:00',
    updated_at: '2026-06-12T12:00:00+02:00',
    cancelled_at: null,
    financial_status: 'paid',
    fulfillment_status: 'fulfilled',
    customer: { id: 115310627314723950, first_name: 'Jon', last_name: 'Snow', phone: null },
    line_items: [
      { id: 1, product_id: 632910392, title: 'Wool Scarf', sku: 'WS-1', quantity: 1 },
      { id: 2, product_id: null, title: 'Gift wrapping', quantity: 1 },
    ],
    fulfillments: [{ id: 9, status: 'success', created_at: '2026-06-12T12:00:00+02:00' }],
    ...overrides,
  };
}

describeEachDatabase('Shopify webhooks', (dialect) => {
  const harness = useHarness(dialect, { env: APP });

  async function linked(h: Harness, label: string): Promise<{ shop: ShopCredentials; domain: string }> {
    const domain = `${label}-${dialect}.myshopify.com`;
    const shop = await h.newShop(domain);
    await linkShopifyStore(h.deps.db.kysely, h.deps.secretKey!, { shopId: shop.shop_id, domain, accessToken: 'shpat_test_token', scopes: 'read_orders,read_products' }, Math.floor(h.clock.now() / 1000));
    return { shop, domain };
  }

  const orderOf = (h: Harness, shop: ShopCredentials) => h.deps.db.kysely.selectFrom('orders').selectAll().where('shop_id', '=', shop.shop_id).where('order_id', '=', '820982911946154500').executeTakeFirst();

  it('turns a fulfilled order into a review request, once, and keeps a newer state against a late older one', async () => {
    const h = harness();
    const { shop, domain } = await linked(h, 'orders');
    const body = JSON.stringify(shopifyOrder());
    const first = await deliver(h, 'orders/fulfilled', domain, body);
    expect([first.statusCode, first.body]).toEqual([200, 'applied']);
    const order = (await orderOf(h, shop))!;
    expect(order).toMatchObject({ order_name: '#1001', email: 'jon.snow@example.com', customer_name: 'Jon Snow', fulfilled_at: Date.parse('2026-06-12T10:00:00Z') / 1000 });
    expect(JSON.parse(order.products)).toEqual([{ product_id: '632910392', title: 'Wool Scarf', handle: '', quantity: 1 }]);
    const before = await databaseChecksum(h);
    expect((await deliver(h, 'orders/updated', domain, body)).body).toBe('stale');
    expect((await deliver(h, 'orders/updated', domain, JSON.stringify(shopifyOrder({ fulfillment_status: null, updated_at: '2026-06-11T00:00:00Z' })))).body).toBe('stale');
    expect(await databaseChecksum(h)).toEqual(before);
    expect((await deliver(h, 'orders/cancelled', domain, JSON.stringify(shopifyOrder({ cancelled_at: '2026-06-13T00:00:00Z', updated_at: '2026-06-13T00:00:00Z' })))).body).toBe('applied');
    expect((await orderOf(h, shop))!.status).toBe(6);
  });

  it('keeps product records current from products/update', async () => {
    const h = harness();
    const { shop, domain } = await linked(h, 'products');
    const product = { id: 632910392, title: 'Wool Scarf', handle: 'wool-scarf', updated_at: '2026-06-12T12:00:00+02:00', image: { src: 'https://cdn.shopify.com/scarf.jpg' }, variants: [{ sku: 'WS-1', barcode: '4006381333931' }] };
    expect((await deliver(h, 'products/update', domain, JSON.stringify(product))).body).toBe('applied');
    const stored = await h.deps.db.kysely.selectFrom('products').selectAll().where('shop_id', '=', shop.shop_id).where('product_id', '=', '632910392').executeTakeFirstOrThrow();
    expect([stored.title, stored.handle, stored.url, stored.image, stored.sku, stored.gtin]).toEqual(['Wool Scarf', 'wool-scarf', `https://${domain}/products/wool-scarf`, 'https://cdn.shopify.com/scarf.jpg', 'WS-1', '4006381333931']);
  });

  it('refuses forged and unknown-store deliveries, storing nothing', async () => {
    const h = harness();
    const { domain } = await linked(h, 'forged');
    const body = JSON.stringify(shopifyOrder());
    const before = await databaseChecksum(h);
    for (const [label, response] of [
      ['another secret', await deliver(h, 'orders/create', domain, body, 'shpss_not_the_app_secret')],
      ['a store never linked', await deliver(h, 'orders/create', `never-${dialect}.myshopify.com`, body)],
      ['body changed after signing', await tampered(h, domain, body)],
    ] as const) {
      expect([label, response.statusCode]).toEqual([label, 401]);
    }
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('on app/uninstalled deactivates the shop, tells its platforms, and refuses the store\'s later webhooks; compliance topics still answer', async () => {
    const h = harness();
    const { shop, domain } = await linked(h, 'uninstall');
    const platform = await registerPlatform(platformDeps(h), { name: `Chat App ${dialect}`, scopes: 'read_reviews' });
    await issueTokens(platformDeps(h), platform.client_id, shop.shop_id, ['read_reviews']);
    expect((await deliver(h, 'app/uninstalled', domain, JSON.stringify({ id: 1, domain }))).body).toBe('applied');
    const row = await h.deps.db.kysely.selectFrom('shops').select('status').where('id', '=', shop.shop_id).executeTakeFirstOrThrow();
    expect(row.status).toBe('inactive');
    expect((await systemEvents(h, shop.shop_id)).map((event) => [event.topic, event.platform_id])).toContainEqual(['shop/uninstalled', platform.client_id]);
    const link = await h.deps.db.kysely.selectFrom('connector_links').select(['status', 'token_sealed']).where('shop_id', '=', shop.shop_id).executeTakeFirstOrThrow();
    expect(link).toEqual({ status: 'uninstalled', token_sealed: '' });
    expect((await deliver(h, 'orders/create', domain, JSON.stringify(shopifyOrder()))).statusCode).toBe(401);
    const request = await deliver(h, 'customers/data_request', domain, JSON.stringify({ shop_id: 1, shop_domain: domain, customer: { id: 42, email: 'jon.snow@example.com' }, orders_requested: [] }));
    expect([request.statusCode, request.body]).toEqual([200, 'recorded']);
    const notices = await h.deps.db.kysely.selectFrom('shop_notices').select(['kind', 'message']).where('shop_id', '=', shop.shop_id).execute();
    expect(notices.map((n) => n.kind)).toEqual(['data_request']);
    expect(notices[0]!.message).not.toContain('@');
  });

  it('answers customers/redact by anonymizing the customer, and shop/redact by erasing the shop', async () => {
    const h = harness();
    const { shop, domain } = await linked(h, 'redact');
    expect(envelope(await h.call('POST', 'create_review', { body: { product_id: '632910392', rating: 5, author: 'Jon Snow', author_email: 'jon.snow@example.com', content: 'Warm.' } }, shop)).code).toBe(0);
    const redacted = await deliver(h, 'customers/redact', domain, JSON.stringify({ shop_id: 1, shop_domain: domain, customer: { id: 42, email: 'jon.snow@example.com' }, orders_to_redact: [] }));
    expect([redacted.statusCode, redacted.body]).toEqual([200, 'applied']);
    const review = await h.deps.db.kysely.selectFrom('reviews').select(['author', 'author_email']).where('shop_id', '=', shop.shop_id).executeTakeFirstOrThrow();
    expect(review).toEqual({ author: 'Anonymous', author_email: '' });
    expect((await deliver(h, 'shop/redact', domain, JSON.stringify({ shop_id: 1, shop_domain: domain }))).body).toBe('applied');
    expect(await h.deps.db.kysely.selectFrom('shops').select('id').where('id', '=', shop.shop_id).executeTakeFirst()).toBeUndefined();
    // After the erasure the store is unknown: Shopify's retries are answered, nothing more happens.
    expect((await deliver(h, 'shop/redact', domain, JSON.stringify({ shop_id: 1, shop_domain: domain }))).statusCode).toBe(200);
  });
});

import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { issueWooCommerceSecret } from '../../src/store-links/connector-links.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { plaudit } from '../support/cli.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, PUBLIC_URL, TEST_SECRET_KEY, useHarness } from '../support/harness.js';

/** Signed exactly as WooCommerce signs (WC_Webhook::generate_signature): base64 HMAC-SHA256 of the raw body. */
const wooSignature = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64');

function deliver(h: Harness, shopId: string, topic: string | undefined, body: string, secret: string | undefined, contentType = 'application/json') {
  return h.app.inject({
    method: 'POST',
    url: `/connectors/woocommerce/webhooks/${shopId}`,
    headers: {
      'content-type': contentType,
      'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7)',
      'x-wc-webhook-source': 'https://woo.example.com/',
      ...(topic ? { 'x-wc-webhook-topic': topic, 'x-wc-webhook-resource': topic.split('.')[0], 'x-wc-webhook-event': topic.split('.')[1], 'x-wc-webhook-id': '12', 'x-wc-webhook-delivery-id': String(Math.floor(Math.random() * 1e6)) } : {}),
      ...(secret ? { 'x-wc-webhook-signature': wooSignature(body, secret) } : {}),
    },
    payload: body,
  });
}

/** A WooCommerce v3 order as its webhooks carry it (the fields the connector reads, and some it does not). */
function wooOrder(overrides: Record<string, unknown> = {}) {
  return {
    id: 5310,
    parent_id: 0,
    number: '5310',
    status: 'completed',
    currency: 'EUR',
    customer_id: 77,
    date_created_gmt: '2026-06-10T09:00:00',
    date_modified_gmt: '2026-06-12T10:00:00',
    date_completed_gmt: '2026-06-12T10:00:00',
    billing: { first_name: 'Lena', last_name: 'Vogel', email: 'Lena.Vogel@example.com', phone: '+49 30 1234567' },
    line_items: [{ id: 1, product_id: 93, variation_id: 0, name: 'Trail Pack 40', sku: 'TP-40', quantity: 1, image: { id: 5, src: 'https://woo.example.com/wp-content/uploads/pack.jpg' } }],
    ...overrides,
  };
}

describeEachDatabase('WooCommerce webhooks', (dialect) => {
  const harness = useHarness(dialect);

  async function connected(h: Harness, label: string): Promise<{ shop: ShopCredentials; secret: string }> {
    const shop = await h.newShop(`woo-${label}-${dialect}.example.com`);
    const secret = await issueWooCommerceSecret(h.deps.db.kysely, h.deps.secretKey!, shop.shop_id, Math.floor(h.clock.now() / 1000));
    return { shop, secret };
  }

  const orderOf = (h: Harness, shop: ShopCredentials) => h.deps.db.kysely.selectFrom('orders').selectAll().where('shop_id', '=', shop.shop_id).where('order_id', '=', '5310').executeTakeFirst();

  it('turns a completed order into a review request from its completion time, with its products, idempotently', async () => {
    const h = harness();
    const { shop, secret } = await connected(h, 'order');
    const body = JSON.stringify(wooOrder());
    const first = await deliver(h, shop.shop_id, 'order.created', body, secret);
    expect([first.statusCode, first.body]).toEqual([200, 'applied']);
    const order = (await orderOf(h, shop))!;
    expect(order).toMatchObject({ order_name: '#5310', email: 'lena.vogel@example.com', customer_name: 'Lena Vogel', customer_id: '77', fulfilled_at: Date.parse('2026-06-12T10:00:00Z') / 1000 });
    expect(JSON.parse(order.products)).toEqual([{ product_id: '93', title: 'Trail Pack 40', handle: '', quantity: 1 }]);
    const product = await h.deps.db.kysely.selectFrom('products').selectAll().where('shop_id', '=', shop.shop_id).where('product_id', '=', '93').executeTakeFirstOrThrow();
    expect([product.title, product.image, product.sku]).toEqual(['Trail Pack 40', 'https://woo.example.com/wp-content/uploads/pack.jpg', 'TP-40']);
    const orders = envelope<{ list: Array<{ order_id: string }> }>(await h.call('GET', 'get_orders', { query: '' }, shop)).data!.list;
    expect(orders.map((o) => o.order_id)).toEqual(['5310']);

    // The same delivery again (WooCommerce retries), and an older state arriving late: nothing moves.
    const before = await databaseChecksum(h);
    expect((await deliver(h, shop.shop_id, 'order.updated', body, secret)).body).toBe('stale');
    expect((await deliver(h, shop.shop_id, 'order.updated', JSON.stringify(wooOrder({ status: 'processing', date_modified_gmt: '2026-06-11T08:00:00' })), secret)).body).toBe('stale');
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('waits for completion, then cancels the request of an order refunded before it was sent', async () => {
    const h = harness();
    const { shop, secret } = await connected(h, 'states');
    expect((await deliver(h, shop.shop_id, 'order.created', JSON.stringify(wooOrder({ status: 'processing', date_modified_gmt: '2026-06-10T09:00:00', date_completed_gmt: null })), secret)).body).toBe('applied');
    expect((await orderOf(h, shop))!.fulfilled_at).toBeNull();
    expect((await deliver(h, shop.shop_id, 'order.updated', JSON.stringify(wooOrder()), secret)).body).toBe('applied');
    expect((await orderOf(h, shop))!.fulfilled_at).not.toBeNull();
    expect((await deliver(h, shop.shop_id, 'order.updated', JSON.stringify(wooOrder({ status: 'refunded', date_modified_gmt: '2026-06-13T10:00:00' })), secret)).body).toBe('applied');
    expect((await orderOf(h, shop))!.status).toBe(6);
  });

  it('keeps product records current from product.updated', async () => {
    const h = harness();
    const { shop, secret } = await connected(h, 'product');
    const product = { id: 93, name: 'Trail Pack 40 L', slug: 'trail-pack-40', permalink: 'https://woo.example.com/product/trail-pack-40/', sku: 'TP-40', date_modified_gmt: '2026-06-12T10:00:00', images: [{ id: 5, src: 'https://woo.example.com/pack.jpg' }] };
    expect((await deliver(h, shop.shop_id, 'product.updated', JSON.stringify(product), secret)).body).toBe('applied');
    expect((await deliver(h, shop.shop_id, 'product.updated', JSON.stringify({ ...product, name: 'Older name', date_modified_gmt: '2026-06-01T10:00:00' }), secret)).body).toBe('stale');
    const stored = await h.deps.db.kysely.selectFrom('products').selectAll().where('shop_id', '=', shop.shop_id).where('product_id', '=', '93').executeTakeFirstOrThrow();
    expect([stored.title, stored.handle, stored.url, stored.image]).toEqual(['Trail Pack 40 L', 'trail-pack-40', 'https://woo.example.com/product/trail-pack-40/', 'https://woo.example.com/pack.jpg']);
  });

  it('answers the ping WooCommerce sends when a webhook is saved, and refuses forged, unsigned and unconnected deliveries, storing nothing', async () => {
    const h = harness();
    const { shop, secret } = await connected(h, 'refused');
    const unconnected = await h.newShop(`woo-none-${dialect}.example.com`);
    const before = await databaseChecksum(h);
    const ping = await deliver(h, shop.shop_id, undefined, 'webhook_id=12', undefined, 'application/x-www-form-urlencoded');
    expect([ping.statusCode, ping.body]).toEqual([200, 'ping']);
    const body = JSON.stringify(wooOrder());
    for (const [label, response] of [
      ['wrong secret', await deliver(h, shop.shop_id, 'order.created', body, 'not-the-secret')],
      ['no signature', await deliver(h, shop.shop_id, 'order.created', body, undefined)],
      ['body changed after signing', await h.app.inject({ method: 'POST', url: `/connectors/woocommerce/webhooks/${shop.shop_id}`, headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.created', 'x-wc-webhook-signature': wooSignature(body, secret) }, payload: body.replace('Lena', 'Mallory') })],
      ['another shop', await deliver(h, unconnected.shop_id, 'order.created', body, secret)],
      ['no such shop', await deliver(h, '99999999999', 'order.created', body, secret)],
    ] as const) {
      expect([label, response.statusCode, response.body]).toEqual([label, 401, 'unauthorized']);
    }
    const invalid = await deliver(h, shop.shop_id, 'order.created', '{"id": "x"}', secret);
    expect(invalid.statusCode).toBe(400);
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('prints the delivery URL and a new secret with plaudit connect woocommerce; the new secret replaces the old', async () => {
    const h = harness();
    const { shop, secret: old } = await connected(h, 'cli');
    const env = { DATABASE_URL: h.databaseUrl, SECRET_KEY: TEST_SECRET_KEY, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-woo-')), PUBLIC_URL };
    const printed = plaudit(['connect', 'woocommerce', '--shop', shop.shop_id, '--json'], env);
    expect(printed.stderr).toBe('');
    const connection = JSON.parse(printed.stdout) as { url: string; secret: string; topics: string[] };
    expect(connection.url).toBe(`${PUBLIC_URL}/connectors/woocommerce/webhooks/${shop.shop_id}`);
    expect(connection.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(connection.topics).toEqual(['order.created', 'order.updated', 'product.updated']);
    const body = JSON.stringify(wooOrder());
    expect((await deliver(h, shop.shop_id, 'order.created', body, old)).statusCode).toBe(401);
    expect((await deliver(h, shop.shop_id, 'order.created', body, connection.secret)).body).toBe('applied');
    const stored = await h.deps.db.kysely.selectFrom('connector_links').select('secret_sealed').where('shop_id', '=', shop.shop_id).executeTakeFirstOrThrow();
    expect(stored.secret_sealed).not.toContain(connection.secret);
    expect(plaudit(['connect', 'woocommerce', '--shop', 'nope'], env)).toMatchObject({ status: 1, stderr: 'plaudit: shop nope not found\n' });
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { ShopifyRatingSyncJob } from '../../src/connectors/shopify/rating-sync.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { linkShopifyStore } from '../../src/store-links/connector-links.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';
import { createTestMerchant, MerchantBrowser } from '../support/merchant-agent.js';
import { ShopifyAdminStandIn } from '../support/shopify-admin.js';

const APP = { SHOPIFY_API_KEY: 'plaudit-test-app', SHOPIFY_API_SECRET: 'shpss_ratings_0123456789abcdef01234567' };

interface Metafield {
  ownerId: string;
  key: string;
  type: string;
  value: string;
}

describeEachDatabase('ratings written back to Shopify', (dialect) => {
  const harness = useHarness(dialect, { env: APP });
  const admin = new ShopifyAdminStandIn(APP.SHOPIFY_API_SECRET);
  beforeAll(() => admin.start());
  afterAll(() => admin.stop());

  const job = (h: Harness) => new ShopifyRatingSyncJob({ db: h.deps.db, secretKey: h.deps.secretKey!, clock: h.clock, config: h.deps.config });

  async function linked(h: Harness, label: string): Promise<{ shop: ShopCredentials; domain: string }> {
    const domain = `${label}-${dialect}.myshopify.com`;
    const shop = await h.newShop(domain);
    await linkShopifyStore(h.deps.db.kysely, h.deps.secretKey!, { shopId: shop.shop_id, domain, accessToken: `shpat_${label}`, scopes: 'write_products' }, Math.floor(h.clock.now() / 1000));
    return { shop, domain };
  }

  const callsTo = (domain: string) => admin.graphql.filter((call) => call.shop === domain);
  const metafieldsOf = (domain: string) => callsTo(domain).flatMap((call) => call.variables.metafields as Metafield[]);

  it("writes every product's rating and count in batches of twelve, then only what changes", async () => {
    const h = harness();
    const { shop, domain } = await linked(h, 'batches');
    for (let product = 1; product <= 13; product++) await createReviewVia(h, { product_id: String(1000 + product), rating: product % 5 === 0 ? 3 : 5, is_published: 1 }, shop);
    await createReviewVia(h, { product_id: '1001', rating: 4, is_published: 1 }, shop);
    await createReviewVia(h, { product_id: '0', rating: 5, is_published: 1 }, shop);
    expect(await job(h).runOnce()).toBe(13);
    expect(callsTo(domain).map((call) => (call.variables.metafields as Metafield[]).length)).toEqual([24, 2]);
    expect(callsTo(domain).every((call) => call.token === 'shpat_batches' && call.query.includes('metafieldsSet'))).toBe(true);
    const first = metafieldsOf(domain).filter((m) => m.ownerId === 'gid://shopify/Product/1001');
    expect(first).toEqual([
      { ownerId: 'gid://shopify/Product/1001', namespace: 'reviews', key: 'rating', type: 'rating', value: JSON.stringify({ value: '4.5', scale_min: '1.0', scale_max: '5.0' }) },
      { ownerId: 'gid://shopify/Product/1001', namespace: 'reviews', key: 'rating_count', type: 'number_integer', value: '2' },
    ]);

    expect(await job(h).runOnce()).toBe(0);
    await createReviewVia(h, { product_id: '1005', rating: 1, is_published: 1 }, shop);
    expect(await job(h).runOnce()).toBe(1);
    expect((callsTo(domain).at(-1)!.variables.metafields as Metafield[]).map((m) => [m.ownerId, m.key, m.value])).toEqual([
      ['gid://shopify/Product/1005', 'rating', JSON.stringify({ value: '2.0', scale_min: '1.0', scale_max: '5.0' })],
      ['gid://shopify/Product/1005', 'rating_count', '2'],
    ]);
  });

  it('waits as long as a 429 asks, then sends what was left, losing nothing', async () => {
    const h = harness();
    const { shop, domain } = await linked(h, 'throttled');
    await createReviewVia(h, { product_id: '2001', rating: 5, is_published: 1 }, shop);
    admin.nextAnswers.push({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    expect(await job(h).runOnce()).toBe(0);
    expect(await job(h).runOnce()).toBe(0);
    expect(callsTo(domain)).toEqual([]);
    h.clock.advanceSeconds(6);
    expect(await job(h).runOnce()).toBe(0);
    h.clock.advanceSeconds(1);
    expect(await job(h).runOnce()).toBe(1);
    expect(metafieldsOf(domain).map((m) => m.key)).toEqual(['rating', 'rating_count']);
  });

  it('marks the link "reconnect" and tells the merchant when Shopify refuses the token', async () => {
    const h = harness();
    const { shop, domain } = await linked(h, 'revoked');
    await createReviewVia(h, { product_id: '3001', rating: 5, is_published: 1 }, shop);
    admin.nextAnswers.push({ kind: 'status', status: 401 });
    expect(await job(h).runOnce()).toBe(0);
    const link = await h.deps.db.kysely.selectFrom('connector_links').select('status').where('shop_id', '=', shop.shop_id).executeTakeFirstOrThrow();
    expect(link.status).toBe('reconnect');
    const notices = await h.deps.db.kysely.selectFrom('shop_notices').select(['kind', 'message']).where('shop_id', '=', shop.shop_id).execute();
    expect(notices.map((n) => n.kind)).toEqual(['shopify_reconnect']);
    expect(notices[0]!.message).toContain(`/connectors/shopify/install?shop=${domain}`);
    await createReviewVia(h, { product_id: '3001', rating: 4, is_published: 1 }, shop);
    expect(await job(h).runOnce()).toBe(0);
    expect(callsTo(domain)).toEqual([]);

    // The console's settings say so, with the way back.
    const browser = new MerchantBrowser(h);
    await browser.signIn(await createTestMerchant(h, [shop.shop_id]));
    const settings = (await browser.get('/console/settings')).body;
    expect(settings).toContain('Reconnect needed');
    expect(settings).toContain(`href="${PUBLIC_URL}/connectors/shopify/install?shop=${domain}">Reconnect</a>`);
  });
});

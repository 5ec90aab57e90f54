import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { open } from '../../src/crypto/secret-box.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { type Harness, PUBLIC_URL, TEST_SECRET_KEY, useHarness } from '../support/harness.js';
import { plaudit } from '../support/cli.js';
import { ShopifyAdminStandIn } from '../support/shopify-admin.js';

const APP = { SHOPIFY_API_KEY: 'plaudit-test-app', SHOPIFY_API_SECRET: 'shpss_install_0123456789abcdef0123456789' };
const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

/** The callback query Shopify sends, signed as Shopify signs it: hex HMAC-SHA256 of the sorted query without hmac. */
function signedCallback(params: Record<string, string>, secret = APP.SHOPIFY_API_SECRET): string {
  const message = Object.keys(params).sort().map((key) => `${key}=${params[key]}`).join('&');
  return new URLSearchParams({ ...params, hmac: createHmac('sha256', secret).update(message).digest('hex') }).toString();
}

describeEachDatabase('installing the Shopify app', (dialect) => {
  const harness = useHarness(dialect, { env: APP });
  const admin = new ShopifyAdminStandIn(APP.SHOPIFY_API_SECRET);
  beforeAll(() => admin.start());
  afterAll(() => admin.stop());

  async function begin(h: Harness, shop: string) {
    const started = await h.app.inject({ method: 'GET', url: `/connectors/shopify/install?shop=${shop}`, headers: { 'user-agent': BROWSER } });
    const location = new URL(String(started.headers.location));
    const cookies = ([] as string[]).concat(started.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]!).join('; ');
    return { started, location, cookies, state: location.searchParams.get('state')! };
  }

  it('sends the merchant to approve the scopes, then links the store to a new shop with its offline token sealed', async () => {
    const h = harness();
    const shop = `maple-${dialect}.myshopify.com`;
    const { started, location, cookies, state } = await begin(h, shop);
    expect(started.statusCode).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(`https://${shop}/admin/oauth/authorize`);
    expect(location.searchParams.get('client_id')).toBe(APP.SHOPIFY_API_KEY);
    // Shopify's library asks for write_products alone: it includes read_products.
    expect(location.searchParams.get('scope')).toBe('read_orders,write_products');
    expect(location.searchParams.get('redirect_uri')).toMatch(/\/connectors\/shopify\/callback$/);

    const query = signedCallback({ code: 'good-code', shop, state, timestamp: String(Math.floor(Date.now() / 1000)), host: 'YWRtaW4uc2hvcGlmeS5jb20' });
    const done = await h.app.inject({ method: 'GET', url: `/connectors/shopify/callback?${query}`, headers: { cookie: cookies, 'user-agent': BROWSER } });
    expect([done.statusCode, done.headers.location]).toEqual([303, '/console/login']);
    expect(admin.exchanges.at(-1)).toMatchObject({ shop, body: { client_id: APP.SHOPIFY_API_KEY, code: 'good-code' } });
    const created = await h.deps.db.kysely.selectFrom('shops').select(['id', 'domain', 'status']).where('domain', '=', shop).executeTakeFirstOrThrow();
    expect(created.status).toBe('active');
    const link = await h.deps.db.kysely.selectFrom('connector_links').selectAll().where('shop_id', '=', created.id).executeTakeFirstOrThrow();
    expect([link.platform, link.external_shop, link.status, link.scopes]).toEqual(['shopify', shop, 'active', 'read_orders,read_products,write_products']);
    expect(link.token_sealed).not.toContain('shpat_');
    expect(open(h.deps.secretKey!, link.token_sealed)).toBe(`shpat_maple-${dialect}`);
  });

  it('prints the app settings with plaudit connect shopify, and says what is missing without the credentials or a link', async () => {
    const h = harness();
    const env = { DATABASE_URL: h.databaseUrl, SECRET_KEY: TEST_SECRET_KEY, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-shopify-')), PUBLIC_URL, ...APP };
    const printed = plaudit(['connect', 'shopify', '--json'], env);
    expect(printed.stderr).toBe('');
    expect(JSON.parse(printed.stdout)).toEqual({
      app_url: `${PUBLIC_URL}/connectors/shopify/install`,
      redirect_url: `${PUBLIC_URL}/connectors/shopify/callback`,
      webhook_url: `${PUBLIC_URL}/connectors/shopify/webhooks`,
      scopes: ['read_orders', 'read_products', 'write_products'],
      webhook_topics: ['orders/create', 'orders/updated', 'orders/fulfilled', 'orders/cancelled', 'products/update', 'products/delete', 'app/uninstalled'],
      compliance_topics: ['customers/data_request', 'customers/redact', 'shop/redact'],
    });
    const unlinked = await h.newShop(`unlinked-${dialect}.myshopify.com`);
    expect(plaudit(['connect', 'shopify', 'backfill', '--shop', unlinked.shop_id, '--since', 'a while'], env)).toMatchObject({ status: 1, stderr: 'plaudit: --since must be a number of days such as 90d\n' });
    expect(plaudit(['connect', 'shopify', 'backfill', '--shop', unlinked.shop_id], env)).toMatchObject({ status: 1, stderr: `plaudit: shop ${unlinked.shop_id} has no active Shopify store: install the app on the store first\n` });
    const { SHOPIFY_API_KEY: _key, SHOPIFY_API_SECRET: _secret, ...without } = env;
    expect(plaudit(['connect', 'shopify'], without)).toMatchObject({ status: 1, stderr: "plaudit: set SHOPIFY_API_KEY and SHOPIFY_API_SECRET to the Shopify app's client id and secret first\n" });
  });

  it('refuses a forged callback, a callback without the state cookie and a refused code, linking nothing', async () => {
    const h = harness();
    const shop = `forged-${dialect}.myshopify.com`;
    const { cookies, state } = await begin(h, shop);
    const before = await databaseChecksum(h);
    const now = String(Math.floor(Date.now() / 1000));
    for (const [label, query, cookie] of [
      ['wrong secret', signedCallback({ code: 'good-code', shop, state, timestamp: now }, 'shpss_not_the_secret'), cookies],
      ['no state cookie', signedCallback({ code: 'good-code', shop, state, timestamp: now }), ''],
      ['another state', signedCallback({ code: 'good-code', shop, state: 'not-the-state', timestamp: now }), cookies],
      ['refused code', signedCallback({ code: 'bad-code', shop, state, timestamp: now }), cookies],
    ] as const) {
      const answer = await h.app.inject({ method: 'GET', url: `/connectors/shopify/callback?${query}`, headers: { cookie, 'user-agent': BROWSER } });
      expect([label, answer.statusCode]).toEqual([label, 400]);
    }
    expect(await databaseChecksum(h)).toEqual(before);
    expect((await h.app.inject({ method: 'GET', url: '/connectors/shopify/install?shop=evil.example.com', headers: { 'user-agent': BROWSER } })).statusCode).toBe(400);
  });
});

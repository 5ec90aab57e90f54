import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signRequest } from '../../src/crypto/hmac-signature.js';
import { plaudit, type RunningServer, startServer } from '../support/cli.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { freePort } from '../support/free-port.js';

interface Shop {
  shop_id: string;
  public_token: string;
  private_token: string;
}

function signedHeaders(shop: Shop, query: string, body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { 'public-token': shop.public_token, timestamp, sign: signRequest(shop.private_token, query, timestamp, body) };
}

async function signedPost(base: string, shop: Shop, operation: string, body: unknown): Promise<{ code: number; data: { id: string } }> {
  const raw = JSON.stringify(body);
  const response = await fetch(`${base}/api/v1/openapi/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(shop, '', raw) }, body: raw });
  return (await response.json()) as { code: number; data: { id: string } };
}

async function signedGet<T>(base: string, shop: Shop, operation: string, query: string): Promise<T> {
  const response = await fetch(`${base}/api/v1/openapi/${operation}?${query}`, { headers: signedHeaders(shop, query, '') });
  return ((await response.json()) as { data: T }).data;
}

async function storefrontCount(base: string, shop: Shop, product: string): Promise<{ count: number; replies: string[] }> {
  const response = await fetch(`${base}/api/v1/reviews/get_product_reviews?shop_id=${shop.shop_id}&product_id=${product}&limit=50`);
  const data = ((await response.json()) as { data: { page: { count: number }; list: Array<{ reply_content: string }> } }).data;
  return { count: data.page.count, replies: data.list.map((review) => review.reply_content).filter((reply) => reply !== '') };
}

/**
 * Two API processes on one database, as behind a load balancer (issue: "never stale after a write
 * is acknowledged"). Every round first makes the reading process cache its answer, then writes
 * through the other process, then reads at once: the cached answer must not be served.
 */
describeEachDatabase('two API processes: a read right after an acknowledged write sees it', (dialect) => {
  let database: TestDatabase;
  let servers: RunningServer[] = [];
  let bases: string[] = [];
  let shop: Shop;

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const env = { DATABASE_URL: database.url, SECRET_KEY: 'e'.repeat(64), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-fresh-')), RATE_LIMIT_OPENAPI: 'off', RATE_LIMIT_STOREFRONT_READ: 'off' };
    expect(plaudit(['migrate'], env).status).toBe(0);
    shop = JSON.parse(plaudit(['shop', 'create', '--domain', `fresh-${dialect}.example.com`, '--name', 'Fresh', '--json'], env).stdout) as Shop;
    const ports = [await freePort(), await freePort()];
    servers = await Promise.all(ports.map((port) => startServer({ ...env, PORT: String(port) }, /listening/, ['--no-worker'])));
    bases = ports.map((port) => `http://127.0.0.1:${port}`);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database.destroy();
  });

  it('storefront lists and signed ratings on either process follow writes made on the other', async () => {
    const product = 'fresh-product';
    for (let round = 1; round <= 12; round += 1) {
      const [writer, reader] = round % 2 === 0 ? [bases[0]!, bases[1]!] : [bases[1]!, bases[0]!];
      const before = await storefrontCount(reader, shop, product);
      await signedGet(reader, shop, 'get_rating', `product_id=${product}`);
      const created = await signedPost(writer, shop, 'create_review', { product_id: product, rating: 5, author: `Round ${round}`, content: 'Fresh everywhere.' });
      expect(created.code).toBe(0);
      expect((await storefrontCount(reader, shop, product)).count, `round ${round}`).toBe(before.count + 1);
      expect((await signedGet<{ review_count: number }>(reader, shop, 'get_rating', `product_id=${product}`)).review_count, `round ${round}`).toBe(before.count + 1);

      // A reply moves no count: only the version says the cached list is old.
      expect((await signedPost(writer, shop, 'update_review', { id: created.data.id, reply: { content: `Reply ${round}` } })).code).toBe(0);
      expect((await storefrontCount(reader, shop, product)).replies, `round ${round}`).toContain(`Reply ${round}`);
    }
  }, 120_000);
});

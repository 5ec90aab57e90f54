import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, type Harness, openApiPath, signedHeaders, useHarness } from '../support/harness.js';

const PRODUCT = 'conditional-mug';

/** Everything /metrics says about the answer cache, as numbers. */
async function cacheMetrics(h: Harness): Promise<Record<string, number>> {
  const text = (await h.app.inject('/metrics')).body;
  return Object.fromEntries([...text.matchAll(/^plaudit_answer_cache_(\w+) (\d+)$/gm)].map((match) => [match[1]!, Number(match[2])]));
}

describeEachDatabase('cached reads: ETag, 304 and freshness after writes', (dialect) => {
  const harness = useHarness(dialect);
  const storefront = (h: Harness, extra = '') => `/api/v1/reviews/get_product_reviews?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}${extra}`;

  it('answers a storefront list with a strong ETag that holds while nothing changes, and 304 for it', async () => {
    const h = harness();
    await createReviewVia(h, { product_id: PRODUCT, rating: 5, author: 'Ann Lee' });
    const first = await h.app.inject(storefront(h));
    const second = await h.app.inject(storefront(h));
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-z]+-[A-Za-z0-9_-]{22}"$/);
    expect(second.headers.etag).toBe(etag);
    // The data is the same; the envelope's request_id is each answer's own.
    expect(envelope(second).data).toEqual(envelope(first).data);
    expect(envelope(second).request_id).not.toBe(envelope(first).request_id);
    expect(envelope(second).request_id).toBe(second.headers['x-request-id']);

    const notModified = await h.app.inject({ url: storefront(h), headers: { 'if-none-match': etag } });
    expect([notModified.statusCode, notModified.body, notModified.headers.etag]).toEqual([304, '', etag]);
    expect(notModified.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    // Another page of the same product is another answer, with a tag of its own.
    const sorted = await h.app.inject({ url: storefront(h, '&sort_by=rating-ascending'), headers: { 'if-none-match': etag } });
    expect(sorted.statusCode).toBe(200);
    expect(sorted.headers.etag).not.toBe(etag);
  });

  it('sees every acknowledged write at once: the next read is new data under a new tag', async () => {
    const h = harness();
    for (let round = 1; round <= 3; round += 1) {
      const before = await h.app.inject(storefront(h));
      const count = envelope<{ page: { count: number } }>(before).data!.page.count;
      const id = await createReviewVia(h, { product_id: PRODUCT, rating: 4, author: `Round ${round}` });
      const after = await h.app.inject({ url: storefront(h), headers: { 'if-none-match': before.headers.etag as string } });
      expect(after.statusCode).toBe(200);
      expect(envelope<{ page: { count: number } }>(after).data!.page.count).toBe(count + 1);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      // A reply changes no count, and shows just as soon.
      await h.call('POST', 'update_review', { body: { id: String(id), reply: { content: `Thanks, round ${round}` } } });
      const replied = envelope<{ list: Array<{ id: number; reply_content: string }> }>(await h.app.inject(storefront(h, '&sort_by=created-descending'))).data!;
      expect(replied.list.find((review) => review.id === id)?.reply_content).toBe(`Thanks, round ${round}`);
    }
  });

  it('tags widget.html, the ratings of many products and the widget config the same way', async () => {
    const h = harness();
    for (const url of [
      `/api/v1/storefront/widget.html?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}`,
      `/api/v1/reviews/get_products_rating?shop_id=${h.shop.shop_id}&product_id=${PRODUCT},other`,
      `/api/v1/storefront/config?shop_id=${h.shop.shop_id}`,
    ]) {
      const first = await h.app.inject(url);
      expect(first.statusCode, url).toBe(200);
      const notModified = await h.app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
      expect(notModified.statusCode, url).toBe(304);
    }
    // The shop's settings are part of what the config says: a change shows at once.
    const config = `/api/v1/storefront/config?shop_id=${h.shop.shop_id}`;
    const before = await h.app.inject(config);
    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { show_country: false } })).code).toBe(0);
    const after = await h.app.inject({ url: config, headers: { 'if-none-match': before.headers.etag as string } });
    expect([after.statusCode, envelope<{ show_country: number }>(after).data!.show_country]).toEqual([200, 0]);
  });

  it('answers signed review reads with an ETag, private, no-cache, and 304 only after authentication', async () => {
    const h = harness();
    const first = await h.call('GET', 'get_reviews', { query: 'page_size=5' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const notModified = await h.call('GET', 'get_reviews', { query: 'page_size=5', headers: { 'if-none-match': etag } });
    expect([notModified.statusCode, notModified.body]).toEqual([304, '']);
    expect(notModified.headers.ratelimit).toMatch(/^"openapi";r=\d+;t=\d+$/);

    // A bad signature is refused as always, whatever tag it brings.
    const forged = await h.app.inject({ url: `${openApiPath('get_reviews')}?page_size=5`, headers: { ...signedHeaders(h.shop, 'page_size=5', '', Math.floor(h.clock.now() / 1000), 'not-the-key'), 'if-none-match': etag } });
    expect([forged.statusCode, envelope(forged).code]).toEqual([401, 16]);
    // Another shop asking the same question gets its own answer, never a 304 for this shop's tag.
    const other = await h.call('GET', 'get_reviews', { query: 'page_size=5', headers: { 'if-none-match': etag } }, h.otherShop);
    expect(other.statusCode).toBe(200);
    // A token of the shop's own platform sees the same data under the same tag.
    const token = await h.bearerToken(h.shop, ['read_reviews']);
    const viaBearer = await h.app.inject({ url: `${openApiPath('get_reviews')}?page_size=5`, headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
    expect(viaBearer.statusCode).toBe(304);

    await createReviewVia(h, { product_id: PRODUCT, author: 'Changes the list' });
    const changed = await h.call('GET', 'get_reviews', { query: 'page_size=5', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(envelope<{ list: Array<{ author: string }> }>(changed).data!.list[0]!.author).toBe('Changes the list');
  });

  it('leaves the other Open API reads and every error uncached: no ETag, no-store', async () => {
    const h = harness();
    const excludes = await h.call('GET', 'get_customer_excludes');
    expect([excludes.headers.etag, excludes.headers['cache-control']]).toEqual([undefined, 'no-store']);
    const missing = await h.call('GET', 'get_review', { query: 'id=999999999' });
    expect([missing.statusCode, missing.headers.etag, missing.headers['cache-control']]).toEqual([404, undefined, 'no-store']);
  });

  it('counts hits, misses and invalidations on /metrics', async () => {
    const h = harness();
    const url = storefront(h, '&limit=3');
    const before = await cacheMetrics(h);
    await h.app.inject(url);
    await h.app.inject(url);
    await createReviewVia(h, { product_id: PRODUCT, author: 'Invalidates' });
    await h.app.inject(url);
    const after = await cacheMetrics(h);
    expect(after.hits_total! - before.hits_total!).toBe(1);
    expect(after.misses_total! - before.misses_total!).toBe(2);
    expect(after.invalidations_total! - before.invalidations_total!).toBe(1);
    expect(after.entries).toBeGreaterThan(0);
    expect(after.bytes).toBeGreaterThan(0);
  });
});

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../../src/http/compression.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { useHarness } from '../support/harness.js';

describe('Accept-Encoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['identity', undefined],
    ['gzip;q=0', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s answers in %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describeEachDatabase('compressed answers', (dialect) => {
  const harness = useHarness(dialect);
  const decode = (encoding: string, bytes: Buffer) => (encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString('utf8');

  it('compresses a large storefront page, says Vary, and leaves small answers and unwilling clients alone', async () => {
    const h = harness();
    for (let i = 0; i < 6; i++) await createReviewVia(h, { product_id: 'zip-mug', content: 'compressible words '.repeat(30) });
    const url = `/api/v1/reviews/get_product_reviews?shop_id=${h.shop.shop_id}&product_id=zip-mug`;
    const plain = await h.app.inject(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const encoding of ['br', 'gzip']) {
      const response = await h.app.inject({ url, headers: { 'accept-encoding': encoding } });
      expect([response.headers['content-encoding'], response.headers.vary]).toEqual([encoding, 'Accept-Encoding']);
      expect(response.headers['content-length']).not.toBe(plain.headers['content-length']);
      expect(JSON.parse(decode(encoding, response.rawPayload)).data).toEqual(JSON.parse(plain.body).data);
    }
    const small = await h.app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('sends the fragment\'s compressed bytes from the answer cache, the same bytes every time', async () => {
    const h = harness();
    for (let i = 0; i < 4; i++) await createReviewVia(h, { product_id: 'zip-vase', content: 'a fragment long enough to compress '.repeat(10) });
    const url = `/api/v1/storefront/widget.html?shop_id=${h.shop.shop_id}&product_id=zip-vase`;
    const first = await h.app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
    const second = await h.app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(first.headers['content-encoding']).toBe('br');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(decode('br', first.rawPayload)).toBe((await h.app.inject(url)).body);
  });

  it('sends a cached page as gzip when the client takes it, br or not: the data compressed once, the envelope fresh per request', async () => {
    const h = harness();
    for (let i = 0; i < 6; i++) await createReviewVia(h, { product_id: 'zip-jug', content: 'a page worth compressing '.repeat(20) });
    const url = `/api/v1/reviews/get_product_reviews?shop_id=${h.shop.shop_id}&product_id=zip-jug`;
    const plain = await h.app.inject(url);
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    const [first, second] = [await h.app.inject({ url, headers: browser }), await h.app.inject({ url, headers: browser })];
    for (const response of [first, second]) {
      expect([response.headers['content-encoding'], response.headers.vary, response.headers.etag]).toEqual(['gzip', 'Accept-Encoding', plain.headers.etag]);
      const decoded = JSON.parse(decode('gzip', response.rawPayload));
      expect(decoded.request_id).toBe(response.headers['x-request-id']);
      expect(decoded.data).toEqual(JSON.parse(plain.body).data);
    }
    expect(first.rawPayload.equals(second.rawPayload)).toBe(false);
    // Each answer is far smaller than the page: the data really is compressed, not stored.
    expect(first.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
  });

  it('does the same for a partner\'s cached read (signed get_reviews), and a client without gzip still gets br', async () => {
    const h = harness();
    for (let i = 0; i < 6; i++) await createReviewVia(h, { product_id: 'zip-pot', content: 'partner page worth compressing '.repeat(20) });
    const query = 'product_id=zip-pot&page_size=20';
    const plain = await h.call('GET', 'get_reviews', { query });
    const gzip = await h.call('GET', 'get_reviews', { query, headers: { 'accept-encoding': 'br, gzip' } });
    expect([gzip.headers['content-encoding'], gzip.headers['cache-control']]).toEqual(['gzip', 'private, no-cache']);
    expect(JSON.parse(decode('gzip', gzip.rawPayload)).data).toEqual(JSON.parse(plain.body).data);
    const br = await h.call('GET', 'get_reviews', { query, headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode('br', br.rawPayload)).data).toEqual(JSON.parse(plain.body).data);
  });

  it('compresses a streamed answer (the Google feed) on the way out', async () => {
    const h = harness();
    for (let i = 0; i < 6; i++) await createReviewVia(h, { product_id: 'zip-lamp', content: 'feed text that repeats '.repeat(20) });
    const url = `/feeds/${h.shop.shop_id}/google-product-reviews.xml`;
    const plain = await h.app.inject(url);
    const compressed = await h.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(decode('gzip', compressed.rawPayload)).toBe(plain.body);
  });
});

import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayName } from '../../src/storefront/display-name.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { useHarness } from '../support/harness.js';

interface FeedReview {
  review_id: string;
  reviewer: { name: { '#text': string; '@_is_anonymous'?: string } | string };
  review_timestamp: string;
  title?: string;
  content: string;
  review_url: { '#text': string; '@_type': string };
  ratings: { overall: { '#text': string; '@_min': string; '@_max': string } };
  products: { product: { product_ids?: Record<string, Record<string, string>>; product_name: string; product_url: string } };
  is_incentivized_review?: string;
}

describe('displayName', () => {
  it.each([
    ['full', 'Ann  Lee', 'Ann Lee'],
    ['first_initial', 'Ann van Lee', 'Ann L.'],
    ['first_initial', 'Ann', 'Ann'],
    ['initials', 'ann lee', 'A. L.'],
    ['initials', 'Ann', 'A.'],
    ['first_name', 'Ann Lee', 'Ann'],
    ['anonymous', 'Ann Lee', ''],
    ['first_initial', '  ', ''],
  ] as const)('%s: %s → %s', (format, author, expected) => {
    expect(displayName(author, format)).toBe(expected);
  });
});

describeEachDatabase('Google product reviews feed', (dialect) => {
  const harness = useHarness(dialect);
  let shop: ShopCredentials;
  let feed: { status: number; contentType: string; cacheControl: string; body: string };

  beforeAll(async () => {
    const h = harness();
    shop = await h.newShop(`feed-${dialect}.example.com`);
    await createReviewVia(h, { product_id: '1', product_title: 'Mug <Deluxe> & Co', product_handle: 'mug', rating: 1, author: 'Ann Lee', author_email: 'ann@example.com', title: 'Broke "fast"', content: 'Cracked <b>day one</b>', order_id: 'ORD-77', tag: 'internal' }, shop);
    await createReviewVia(h, { product_id: '2', product_url: 'https://shop.example/p/2', rating: 5, author: '', content: 'Anonymous praise', incentive: 'a free sample' }, shop);
    await createReviewVia(h, { product_id: '1', rating: 4, author: 'Hidden', is_published: 0 }, shop);
    await createReviewVia(h, { product_id: 0, rating: 5, author: 'Store Fan' }, shop);
    const deleted = await createReviewVia(h, { product_id: '1', rating: 3, author: 'Deleted' }, shop);
    await h.call('POST', 'delete_review', { body: { id: deleted } }, shop);
    await h.deps.db.kysely.updateTable('products').set({ gtin: '04006381333931', mpn: 'MUG-1', sku: 'SKU-1', brand: 'Maple' }).where('shop_id', '=', shop.shop_id).where('product_id', '=', '1').execute();
    const response = await h.app.inject({ method: 'GET', url: `/feeds/${shop.shop_id}/google-product-reviews.xml` });
    feed = { status: response.statusCode, contentType: String(response.headers['content-type']), cacheControl: String(response.headers['cache-control']), body: response.body };
  });

  const reviews = (): FeedReview[] => {
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'review' }).parse(feed.body);
    return parsed.feed.reviews.review as FeedReview[];
  };

  it('is XML with the feed envelope of schema 2.4 and an hour of caching', () => {
    expect(feed.status).toBe(200);
    expect(feed.contentType).toBe('application/xml; charset=utf-8');
    expect(feed.cacheControl).toBe('public, max-age=3600');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(feed.body);
    expect(parsed.feed['@_xsi:noNamespaceSchemaLocation']).toBe('http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd');
    expect(parsed.feed.version).toBe(2.4);
    expect(parsed.feed.publisher.name).toBe('feed-' + dialect);
  });

  it('lists every published product review, low ratings included, and nothing else', () => {
    expect(reviews().map((r) => r.ratings.overall['#text']).sort()).toEqual(['1', '5']);
  });

  it('carries names per the shop setting, anonymity, ratings, urls and product identifiers', () => {
    const [low, anonymous] = reviews();
    expect(low!.reviewer.name).toBe('Ann L.');
    expect(low!.title).toBe('Broke "fast"');
    expect(low!.content).toBe('Cracked <b>day one</b>');
    expect(low!.review_url).toEqual({ '#text': `https://feed-${dialect}.example.com/products/mug`, '@_type': 'group' });
    expect(low!.ratings.overall).toMatchObject({ '@_min': '1', '@_max': '5' });
    expect(low!.products.product).toEqual({
      product_ids: { gtins: { gtin: '04006381333931' }, mpns: { mpn: 'MUG-1' }, skus: { sku: 'SKU-1' }, brands: { brand: 'Maple' } },
      product_name: 'Mug <Deluxe> & Co',
      product_url: `https://feed-${dialect}.example.com/products/mug`,
    });
    expect(low!.review_timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(anonymous!.reviewer.name).toEqual({ '#text': 'Anonymous', '@_is_anonymous': 'true' });
    expect(anonymous!.products.product.product_url).toBe('https://shop.example/p/2');
    expect(anonymous).not.toHaveProperty('title');
  });

  it('marks an incentivized review as Google requires, and only that one', () => {
    const [low, incentivized] = reviews();
    expect(incentivized!.is_incentivized_review).toBe('true');
    expect(low).not.toHaveProperty('is_incentivized_review');
    const second = feed.body.split('<review>')[2]!;
    expect(second.indexOf('<is_incentivized_review>')).toBeGreaterThan(second.indexOf('</products>'));
    // What the incentive was is for shoppers; the feed has no element for it.
    expect(feed.body).not.toContain('a free sample');
  });

  it('keeps the elements of a review in the order the schema requires, and escapes text', () => {
    const first = feed.body.slice(feed.body.indexOf('<review>'), feed.body.indexOf('</review>'));
    const order = ['review_id', 'reviewer', 'review_timestamp', 'title', 'content', 'review_url', 'ratings', 'products'].map((name) => first.indexOf(`<${name}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(first).toContain('Cracked &lt;b&gt;day one&lt;/b&gt;');
  });

  it('never contains e-mail addresses, order ids, tags or sources', () => {
    expect(feed.body).not.toMatch(/ann@example\.com|ORD-77|internal|Open API/);
  });

  it('answers 404 for an unknown shop', async () => {
    expect((await harness().app.inject({ method: 'GET', url: '/feeds/no-such-shop/google-product-reviews.xml' })).statusCode).toBe(404);
  });
});

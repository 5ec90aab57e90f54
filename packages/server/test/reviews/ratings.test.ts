import { beforeAll, describe, expect, it } from 'vitest';
import { getRatingOperation } from '../../src/open-api/reviews/get-rating.route.js';
import { getRatingsOperation } from '../../src/open-api/reviews/get-ratings.route.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';

const zero = { rating_value: '0', review_count: 0, star1_count: 0, star2_count: 0, star3_count: 0, star4_count: 0, star5_count: 0 };

describeEachDatabase('get_rating and get_ratings', (dialect) => {
  const harness = useHarness(dialect);
  let shop: ShopCredentials;

  beforeAll(async () => {
    const h = harness();
    shop = await h.newShop(`ratings-${dialect}.example.com`);
    // Product 9200305176832: 5, 5, 4 → 14/3 = 4.666… → "4.67". Store: 5, 4 → "4.5". Product 2: 1 (hidden 5).
    for (const rating of [5, 5, 4]) await createReviewVia(h, { product_id: '9200305176832', product_handle: 'stoneware-mug', rating }, shop);
    for (const rating of [5, 4]) await createReviewVia(h, { product_id: 0, rating }, shop);
    await createReviewVia(h, { product_id: '2', rating: 1 }, shop);
    await createReviewVia(h, { product_id: '2', rating: 5, is_published: 0 }, shop);
  });

  const rating = async (query: string) => {
    const answer = envelope(await harness().call('GET', 'get_rating', { query }, shop));
    expect(answer.code, JSON.stringify(answer)).toBe(0);
    return answer.data;
  };

  describe('get_rating security', () => securitySuite(harness, { op: getRatingOperation, valid: async () => ({ query: 'is_all_rating=1' }) }));
  describe('get_ratings security', () => securitySuite(harness, { op: getRatingsOperation, valid: async () => ({ query: 'product_ids=1,0' }) }));

  it('rates one product, matching the contract example', async () => {
    expect(await rating('product_id=9200305176832')).toEqual({ rating_value: '4.67', review_count: 3, star1_count: 0, star2_count: 0, star3_count: 0, star4_count: 1, star5_count: 2 });
  });

  it.each([
    ['is_all_rating=1', { rating_value: '4', review_count: 6, star1_count: 1, star4_count: 2, star5_count: 3 }],
    ['is_all_products_rating=1', { rating_value: '3.75', review_count: 4, star1_count: 1, star4_count: 1, star5_count: 2 }],
    ['is_store_rating=1', { rating_value: '4.5', review_count: 2, star4_count: 1, star5_count: 1 }],
    ['product_id=0', { rating_value: '4.5', review_count: 2 }],
    ['product_handle=stoneware-mug', { rating_value: '4.67', review_count: 3 }],
    ['product_id=2', { rating_value: '1', review_count: 1, star5_count: 0 }],
  ])('selects %s', async (query, expected) => {
    expect(await rating(query)).toMatchObject(expected);
  });

  it('applies the selector precedence all > all products > store > product_id > handle', async () => {
    expect(await rating('product_handle=stoneware-mug&product_id=2&is_store_rating=1&is_all_products_rating=1&is_all_rating=1')).toMatchObject({ review_count: 6 });
    expect(await rating('product_handle=stoneware-mug&product_id=2&is_store_rating=1&is_all_products_rating=1&is_all_rating=0')).toMatchObject({ review_count: 4 });
    expect(await rating('product_handle=stoneware-mug&product_id=2&is_store_rating=1')).toMatchObject({ review_count: 2 });
    expect(await rating('product_handle=stoneware-mug&product_id=2')).toMatchObject({ review_count: 1 });
    expect(await rating('product_handle=stoneware-mug&product_id=undefined&is_store_rating=0')).toMatchObject({ review_count: 3 });
  });

  it('answers zero counts for an unknown product or handle, as clients send them', async () => {
    expect(await rating('product_id=123455&product_handle=undefined&is_store_rating=0&is_all_products_rating=0&is_all_rating=0')).toEqual(zero);
    expect(await rating('product_handle=no-such-thing')).toEqual(zero);
  });

  it('refuses a request that selects nothing (code 3 on product_id)', async () => {
    for (const query of ['', 'is_all_rating=0', 'product_id=null&product_handle=undefined']) {
      const answer = envelope<{ errors: Array<{ field: string }> }>(await harness().call('GET', 'get_rating', { query }, shop));
      expect(answer.code).toBe(3);
      expect(answer.data!.errors[0]!.field).toBe('product_id');
    }
  });

  it('get_ratings answers one item per distinct id, in order of first appearance', async () => {
    const answer = envelope<{ list: Array<Record<string, unknown>> }>(await harness().call('GET', 'get_ratings', { query: 'product_ids=9200305176832,404&product_ids=0,9200305176832' }, shop));
    expect(answer.data!.list).toEqual([
      { product_id: '9200305176832', rating_value: '4.67', review_count: 3, star1_count: 0, star2_count: 0, star3_count: 0, star4_count: 1, star5_count: 2 },
      { product_id: '404', ...zero },
      { product_id: '0', rating_value: '4.5', review_count: 2, star1_count: 0, star2_count: 0, star3_count: 0, star4_count: 1, star5_count: 1 },
    ]);
  });

  it('get_ratings refuses no ids and more than 100 ids', async () => {
    for (const query of ['', 'product_ids=', `product_ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`]) {
      const answer = envelope<{ errors: Array<{ field: string }> }>(await harness().call('GET', 'get_ratings', { query }, shop));
      expect(answer.code).toBe(3);
      expect(answer.data!.errors[0]!.field).toBe('product_ids');
    }
  });
});

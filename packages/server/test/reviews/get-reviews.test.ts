import { beforeAll, describe, expect, it } from 'vitest';
import { getReviewsOperation } from '../../src/open-api/reviews/get-reviews.route.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, EXAMPLE_NOW_MS, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';

interface ListAnswer {
  page: { page: number; page_size: number; total_page: number; count: number };
  list: Array<{ id: number; rating: number; product_id: string; source: string; updated_at: string; deleted_at?: string }>;
}

describeEachDatabase('get_reviews', (dialect) => {
  const harness = useHarness(dialect);
  let shop: ShopCredentials;
  /** ids by name, created one minute apart in this order. */
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const h = harness();
    shop = await h.newShop(`list-${dialect}.example.com`);
    h.clock.set(EXAMPLE_NOW_MS - 3_600_000);
    const specs: Array<[string, Record<string, unknown>]> = [
      ['mugFive', { product_id: '1', rating: 5, title: 'Keeps coffee hot', source: 'Email request' }],
      ['mugFour', { product_id: '1', rating: 4, content: '100% cotton_like feel', source: 'Store front', is_published: 0 }],
      ['napkinTwo', { product_id: '2', rating: 2, author: 'Chris P', media: [{ url: 'https://cdn.example/n.jpg' }] }],
      ['storeFive', { product_id: 0, rating: 5, source: 'email REQUEST' }],
      ['storeThree', { product_id: '0', rating: 3 }],
    ];
    for (const [name, body] of specs) {
      h.clock.advanceSeconds(60);
      ids[name] = await createReviewVia(h, body, shop);
    }
  });

  const list = async (query: string) => {
    const answer = envelope<ListAnswer>(await harness().call('GET', 'get_reviews', { query }, shop));
    expect(answer.code, JSON.stringify(answer)).toBe(0);
    return answer.data!;
  };
  const names = (answer: ListAnswer) => answer.list.map((r) => Object.keys(ids).find((k) => ids[k] === r.id) ?? r.id);

  describe('security', () => securitySuite(harness, { op: getReviewsOperation, valid: async () => ({ query: 'page=1' }) }));

  it('lists newest first by default, with the page object', async () => {
    const answer = await list('');
    expect(names(answer)).toEqual(['storeThree', 'storeFive', 'napkinTwo', 'mugFour', 'mugFive']);
    expect(answer.page).toEqual({ page: 1, page_size: 20, total_page: 1, count: 5 });
  });

  it('pages without overlap or gaps, and answers an empty list past the end', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => list(`page=${page}&page_size=2`)));
    expect(pages.map((p) => p.page.total_page)).toEqual([3, 3, 3, 3]);
    expect(pages.flatMap(names)).toEqual(['storeThree', 'storeFive', 'napkinTwo', 'mugFour', 'mugFive']);
    expect(pages[3]!.list).toEqual([]);
  });

  it.each([
    ['product_ids (comma list)', 'product_ids=1,2', ['napkinTwo', 'mugFour', 'mugFive'], 3],
    ['product_ids (brackets, mixed)', 'product_ids[]=2&product_ids[1]=0', ['storeThree', 'storeFive', 'napkinTwo'], 3],
    ['product_ids "0" selects store reviews', 'product_ids=0', ['storeThree', 'storeFive'], 2],
    ['is_store_review=1', 'is_store_review=1', ['storeThree', 'storeFive'], 2],
    ['is_store_review=0', 'is_store_review=0', ['napkinTwo', 'mugFour', 'mugFive'], 3],
    ['ratings repeated', 'ratings=4&ratings=5', ['storeFive', 'mugFour', 'mugFive'], 3],
    ['ratings with product_ids', 'ratings=5&product_ids=1', ['mugFive'], 1],
    ['is_published=0', 'is_published=0', ['mugFour'], 1],
    ['is_published=1 and ratings', 'is_published=1&ratings=4,5', ['storeFive', 'mugFive'], 2],
    ['sources, case-insensitive', 'sources=Email%20Request', ['storeFive', 'mugFive'], 2],
    ['keyword in title', 'keyword=COFFEE', ['mugFive'], 1],
    ['keyword with % and _ as ordinary characters', 'keyword=100%25%20cotton_', ['mugFour'], 1],
    ['keyword % alone matches only a literal %', 'keyword=%25', ['mugFour'], 1],
    ['keyword in author', 'keyword=chris', ['napkinTwo'], 1],
    ['has_media=1', 'has_media=1', ['napkinTwo'], 1],
    ['has_media=0', 'has_media=0&is_store_review=0', ['mugFour', 'mugFive'], 2],
    ['an empty filter is no filter', 'ratings=&product_ids=,&keyword=', ['storeThree', 'storeFive', 'napkinTwo', 'mugFour', 'mugFive'], 5],
  ])('filters by %s', async (_name, query, expected, count) => {
    const answer = await list(query);
    expect(names(answer)).toEqual(expected);
    expect(answer.page.count).toBe(count);
  });

  it.each([
    ['created-ascending', ['mugFive', 'mugFour', 'napkinTwo', 'storeFive', 'storeThree']],
    ['rating-descending', ['storeFive', 'mugFive', 'mugFour', 'storeThree', 'napkinTwo']],
    ['rating-ascending', ['napkinTwo', 'storeThree', 'mugFour', 'storeFive', 'mugFive']],
  ])('sorts by %s', async (sort, expected) => {
    expect(names(await list(`sort_by=${sort}`))).toEqual(expected);
  });

  it('synchronises incrementally with updated_since, after_id and tombstones', async () => {
    const h = harness();
    h.clock.advanceSeconds(60);
    await h.call('POST', 'delete_review', { body: { id: ids.napkinTwo } }, shop);
    await h.call('POST', 'update_review', { body: { id: ids.mugFour, is_featured: 1 } }, shop);
    const since = new Date(h.clock.now()).toISOString().replace('.000Z', 'Z');
    const changed = await list(`updated_since=${encodeURIComponent(since)}&include_deleted=1&page_size=100`);
    expect(names(changed).sort()).toEqual(['mugFour', 'napkinTwo'].sort());
    expect(changed.list.map((r) => r.id)).toEqual([...changed.list.map((r) => r.id)].sort((a, b) => a - b));
    expect(changed.list.find((r) => r.id === ids.napkinTwo)!.deleted_at).toBeDefined();
    const last = changed.list[0]!;
    const rest = await list(`updated_since=${encodeURIComponent(since)}&after_id=${last.id}&include_deleted=1`);
    expect(rest.list.map((r) => r.id)).toEqual(changed.list.slice(1).map((r) => r.id));
    const withoutTombstones = await list(`updated_since=${encodeURIComponent(since)}`);
    expect(names(withoutTombstones)).toEqual(['mugFour']);
  });

  it.each([
    ['page_size 101', 'page_size=101', 'page_size'],
    ['page_size 0', 'page_size=0', 'page_size'],
    ['page 0', 'page=0', 'page'],
    ['page "2.0"', 'page=2.0', 'page'],
    ['page given twice', 'page=1&page=2', 'page'],
    ['unknown sort_by', 'sort_by=helpful-descending', 'sort_by'],
    ['ratings of 6', 'ratings=4,6', 'ratings[1]'],
    ['101 product ids', `product_ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`, 'product_ids'],
    ['a malformed updated_since', 'updated_since=yesterday', 'updated_since'],
    ['a millisecond updated_since', 'updated_since=1781682900000', 'updated_since'],
    ['after_id without updated_since', 'after_id=5', 'after_id'],
    ['another sort with updated_since', 'updated_since=2026-01-01&sort_by=rating-ascending', 'sort_by'],
    ['an is_published flag of 2', 'is_published=2', 'is_published'],
  ])('refuses %s with code 3', async (_name, query, field) => {
    const answer = envelope<{ errors: Array<{ field: string }> }>(await harness().call('GET', 'get_reviews', { query }, shop));
    expect(answer.code).toBe(3);
    expect(answer.data!.errors.map((e) => e.field)).toContain(field);
  });
});

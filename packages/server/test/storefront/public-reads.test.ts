import { MESSAGES } from '@plaudit/review-view/messages';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';

const PRODUCT = '9200305176832';
const XSS = '<img src=x onerror=alert(1)>"\'</script><script>alert(2)</script>';

async function review(h: Harness, body: Record<string, unknown>): Promise<number> {
  const response = await h.call('POST', 'create_review', {
    body: { product_id: PRODUCT, product_title: 'Stoneware Mug', product_handle: 'stoneware-mug', product_url: 'https://maple-and-co.myshopify.com/products/stoneware-mug', rating: 5, author: 'Ann Lee', ...body },
  });
  expect(response.statusCode, response.body).toBe(200);
  return Number(envelope<{ id: string }>(response).data!.id);
}

describeEachDatabase('storefront reads', (dialect) => {
  const harness = useHarness(dialect);
  const ids: Record<string, number> = {};

  it('seeds a product with published, hidden and deleted reviews', async () => {
    const h = harness();
    ids.ann = await review(h, { rating: 5, author: 'Ann Lee', author_email: 'ann@example.com', author_phone: '+15550100', order_id: 'ORD-777', tag: 'internal-tag', source: 'ChatWILL', content: 'Keeps coffee hot', title: 'Great', author_country: 'US', commented_at: '2026-06-15 18:42:10' });
    ids.bea = await review(h, { rating: 4, author: 'Bea Ruiz', content: 'Slightly smaller than expected.', commented_at: '2026-06-16 07:40:12', reply: { content: 'Thanks Bea' } });
    ids.cat = await review(h, { rating: 2, author: XSS, title: XSS, content: XSS, item_type: XSS, commented_at: '2026-06-14 07:40:12' });
    ids.hidden = await review(h, { rating: 1, author: 'Hidden Person', is_published: 0, content: 'held' });
    ids.deleted = await review(h, { rating: 1, author: 'Deleted Person', content: 'gone' });
    expect((await h.call('POST', 'delete_review', { body: { id: ids.deleted } })).statusCode).toBe(200);
    ids.store = await review(h, { product_id: 0, rating: 5, author: 'Store Fan', content: 'Fast shipping' });
  });

  it('lists published reviews of a product, formatted for shoppers and free of private data', async () => {
    const h = harness();
    const response = await h.app.inject(`/api/v1/reviews/get_product_reviews?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}`);
    expect(response.statusCode).toBe(200);
    const data = envelope<{ page: unknown; list: Array<Record<string, unknown>>; summary: unknown }>(response).data!;
    expect(data.page).toEqual({ cur_page: 1, total_page: 1, count: 3 });
    expect(data.list.map((r) => r.id)).toEqual([ids.bea, ids.ann, ids.cat]);
    expect(data.list[1]).toMatchObject({ star: 5, author: 'Ann L.', author_country: 'US', title: 'Great', commented_at: '2026-06-15 18:42:10', reply_content: '', resources: [], corresponding_product: { product_id: PRODUCT, product_name: 'Stoneware Mug', product_url: 'https://maple-and-co.myshopify.com/products/stoneware-mug', product_image: '' } });
    expect(data.summary).toEqual({ rating: 3.67, total_reviews: 3, star1_count: 0, star2_count: 1, star3_count: 0, star4_count: 1, star5_count: 1 });
    for (const secret of ['ann@example.com', '+15550100', 'ORD-777', 'internal-tag', 'ChatWILL', 'Hidden Person', 'Deleted Person']) expect(response.body).not.toContain(secret);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
  });

  it('selects by domain, handle, store and whole shop; filters by star; sorts; pages', async () => {
    const h = harness();
    const get = async (query: string) => envelope<{ page: { count: number; total_page: number }; list: Array<{ id: number }> }>(await h.app.inject(`/api/v1/reviews/get_product_reviews?${query}`)).data!;
    expect((await get('shop=HTTPS://Maple-And-Co.myshopify.com/&product_handle=stoneware-mug')).page.count).toBe(3);
    expect((await get(`shop_id=${h.shop.shop_id}&is_store_review=1`)).list.map((r) => r.id)).toEqual([ids.store]);
    expect((await get(`shop_id=${h.shop.shop_id}&is_show_all=1&product_id=${PRODUCT}`)).page.count).toBe(4);
    const fourStars = await get(`shop_id=${h.shop.shop_id}&product_id=${PRODUCT}&star=4`);
    expect(fourStars.list.map((r) => r.id)).toEqual([ids.bea]);
    expect(fourStars.page).toMatchObject({ count: 1, total_page: 1 });
    expect((await get(`shop_id=${h.shop.shop_id}&product_id=${PRODUCT}&star=3`)).page.count).toBe(0);
    expect((await get(`shop_id=${h.shop.shop_id}&product_id=${PRODUCT}&sort_by=rating-ascending`)).list.map((r) => r.id)).toEqual([ids.cat, ids.bea, ids.ann]);
    expect((await get(`shop_id=${h.shop.shop_id}&product_id=${PRODUCT}&sort_by=no-such-sort`)).list.map((r) => r.id)).toEqual([ids.bea, ids.ann, ids.cat]);
    const second = await get(`shop_id=${h.shop.shop_id}&product_id=${PRODUCT}&limit=2&page=2&sort_by=created-descending`);
    expect(second.page).toEqual({ cur_page: 2, total_page: 2, count: 3 });
    expect(second.list.map((r) => r.id)).toEqual([ids.cat]);
    expect((await get(`shop_id=${h.shop.shop_id}&product_id=unknown-product`)).page.count).toBe(0);
  });

  it('orders the default list pinned, featured, with photos, newest, for a product and the whole shop, and follows later changes', async () => {
    const h = harness();
    const shop = await h.newShop(`storefront-order-${dialect}.example.com`);
    const create = async (body: Record<string, unknown>) => {
      const response = await h.call('POST', 'create_review', { body: { product_id: 'order-mug', rating: 5, author: 'Buyer', ...body } }, shop);
      expect(response.statusCode, response.body).toBe(200);
      return Number(envelope<{ id: string }>(response).data!.id);
    };
    const plainOld = await create({ commented_at: '2026-01-01 10:00:00' });
    const photo = await create({ commented_at: '2026-01-02 10:00:00', media: [{ url: 'https://cdn.example.com/a.jpg' }] });
    const hiddenPhoto = await create({ commented_at: '2026-01-06 10:00:00', media: [{ url: 'https://cdn.example.com/b.jpg', is_published: 0 }] });
    const featured = await create({ commented_at: '2026-01-03 10:00:00', is_featured: 1 });
    const plainNew = await create({ commented_at: '2026-01-05 10:00:00' });
    const storeReview = await create({ product_id: 0, commented_at: '2026-01-04 10:00:00', media: [{ url: 'https://cdn.example.com/c.jpg' }] });
    const order = async (scope: string) =>
      envelope<{ list: Array<{ id: number }> }>(await h.app.inject(`/api/v1/reviews/get_product_reviews?shop_id=${shop.shop_id}&${scope}`)).data!.list.map((r) => r.id);
    // A photo that is not published does not count as one.
    expect(await order('product_id=order-mug')).toEqual([featured, photo, hiddenPhoto, plainNew, plainOld]);
    expect(await order('is_show_all=1')).toEqual([featured, storeReview, photo, hiddenPhoto, plainNew, plainOld]);
    expect(await order('is_show_all=1&has_media=1')).toEqual([storeReview, photo]);

    // Pinning moves a review first; unfeaturing moves it back among the plain ones.
    expect((await h.call('POST', 'update_review', { body: { id: plainOld, is_top: 1 } }, shop)).statusCode).toBe(200);
    expect((await h.call('POST', 'update_review', { body: { id: featured, is_featured: 0 } }, shop)).statusCode).toBe(200);
    expect(await order('product_id=order-mug')).toEqual([plainOld, photo, hiddenPhoto, plainNew, featured]);
    expect(await order('is_show_all=1&star=5')).toEqual([plainOld, storeReview, photo, hiddenPhoto, plainNew, featured]);
  });

  it('answers 304 to a matching If-None-Match, with an ETag that ignores time and request id', async () => {
    const h = harness();
    const url = `/api/v1/reviews/get_product_reviews?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}`;
    const first = await h.app.inject(url);
    h.clock.advanceSeconds(5);
    const second = await h.app.inject(url);
    expect(second.headers.etag).toBe(first.headers.etag);
    const cached = await h.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
  });

  it('refuses bad selectors and parameters with code 3 or 5, never cached', async () => {
    const h = harness();
    const cases: Array<[string, number, number]> = [
      [`product_id=${PRODUCT}`, 400, 3],
      ['shop_id=424242&product_id=1', 404, 5],
      [`shop_id=${h.shop.shop_id}`, 400, 3],
      [`shop_id=${h.shop.shop_id}&product_id=1&limit=51`, 400, 3],
      [`shop_id=${h.shop.shop_id}&product_id=1&star=6`, 400, 3],
      [`shop_id=${h.shop.shop_id}&product_id=1&page=0`, 400, 3],
    ];
    for (const [query, status, code] of cases) {
      const response = await h.app.inject(`/api/v1/reviews/get_product_reviews?${query}`);
      expect(response.statusCode, query).toBe(status);
      expect(envelope(response).code).toBe(code);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers batch ratings aligned with the request, duplicates and unknown handles included', async () => {
    const h = harness();
    const byHandle = await h.app.inject(`/api/v1/reviews/get_products_rating?shop=maple-and-co.myshopify.com&product_handle=stoneware-mug,unknown-thing,stoneware-mug`);
    expect(envelope(byHandle).data).toEqual([
      { product_id: PRODUCT, product_handle: 'stoneware-mug', rating: 3.67, total_reviews: 3 },
      { product_id: '', product_handle: 'unknown-thing', rating: 0, total_reviews: 0 },
      { product_id: PRODUCT, product_handle: 'stoneware-mug', rating: 3.67, total_reviews: 3 },
    ]);
    const byId = await h.app.inject(`/api/v1/reviews/get_products_rating?shop_id=${h.shop.shop_id}&product_id[]=0&product_id[]=${PRODUCT}`);
    expect(envelope(byId).data).toEqual([
      { product_id: '0', product_handle: '', rating: 5, total_reviews: 1 },
      { product_id: PRODUCT, product_handle: 'stoneware-mug', rating: 3.67, total_reviews: 3 },
    ]);
    const tooMany = await h.app.inject(`/api/v1/reviews/get_products_rating?shop_id=${h.shop.shop_id}&product_id=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`);
    expect(envelope(tooMany).code).toBe(3);
  });

  it('shares the widget settings', async () => {
    const h = harness();
    const response = await h.app.inject(`/api/v1/storefront/config?shop_id=${h.shop.shop_id}`);
    expect(envelope(response).data).toEqual({
      shop_id: h.shop.shop_id,
      shop_name: 'maple-and-co',
      shop_domain: 'maple-and-co.myshopify.com',
      language: 'en',
      date_format: 'mm/dd/yyyy',
      show_country: 1,
      show_verified_badge: 1,
      review_form_enabled: 1,
      photo_upload_enabled: 1,
      helpful_votes_enabled: 1,
      questions_enabled: 1,
      star_color: '#c27803',
      accent_color: '#1f2937',
      theme: 'light',
    });
  });

  it('carries the messages of any language but English: the shop\'s, or the one an element asks for (§12.8)', async () => {
    const h = harness();
    const config = async (query: string) => envelope<{ language: string; messages?: unknown }>(await h.app.inject(`/api/v1/storefront/config?shop_id=${h.shop.shop_id}${query}`)).data!;
    // English is in the loader: no table travels for it.
    expect(await config('')).not.toHaveProperty('messages');
    expect((await config('&lang=pl')).messages).toEqual(MESSAGES.pl);
    expect((await config('&lang=ar-EG')).messages).toEqual(MESSAGES.ar);
    expect(await config('&lang=tlh')).not.toHaveProperty('messages');
    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ language: 'ja' }) }).where('id', '=', h.shop.shop_id).execute();
    try {
      expect(await config('')).toMatchObject({ language: 'ja', messages: MESSAGES.ja });
      expect(await config('&lang=en')).not.toHaveProperty('messages');
    } finally {
      await h.deps.db.kysely.updateTable('shops').set({ settings: '{}' }).where('id', '=', h.shop.shop_id).execute();
    }
  });

  it('limits reads per IP (600 a minute) with RateLimit headers', async () => {
    const h = harness();
    h.clock.advanceSeconds(60);
    let last;
    for (let i = 0; i < 601; i++) last = await h.app.inject({ url: `/api/v1/storefront/config?shop_id=${h.shop.shop_id}`, remoteAddress: '203.0.113.9' });
    expect(last!.statusCode).toBe(429);
    expect(envelope(last!).code).toBe(8);
    expect(last!.headers['retry-after']).toBeDefined();
    const other = await h.app.inject({ url: `/api/v1/storefront/config?shop_id=${h.shop.shop_id}`, remoteAddress: '203.0.113.10' });
    expect(other.statusCode).toBe(200);
    expect(other.headers.ratelimit).toMatch(/^"storefront-read";r=599;t=\d+$/);
  });
});

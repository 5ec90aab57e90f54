import { expect, it } from 'vitest';
import { recordCustomerEvents } from '../../src/events/customer-events.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia, reviewBody } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, MerchantBrowser } from '../support/merchant-agent.js';

/** 2026-06-17 08:35 UTC is the harness clock: the last 30 days are 19 May to 17 June. */
const IN_RANGE = ['2026-06-01 10:00:00', '2026-06-02 23:30:00', '2026-06-16 09:00:00'];

async function signedIn(h: Harness, shopId: string): Promise<{ browser: MerchantBrowser; csrf: string }> {
  const browser = new MerchantBrowser(h);
  expect((await browser.signIn(await createTestMerchant(h, [shopId]))).statusCode).toBe(303);
  const page = await browser.get('/console');
  return { browser, csrf: hiddenField(page.body, 'csrf_token')! };
}

const csvRows = (text: string) => text.trim().split('\r\n').map((line) => line.split(','));

describeEachDatabase('console dashboard', (dialect) => {
  const harness = useHarness(dialect);

  it('counts the period from the maintained hourly activity: created, deleted, verified later', async () => {
    const h = harness();
    const shop = await h.newShop(`dashboard-${dialect}.example.com`);
    const ids: number[] = [];
    for (const [index, at] of IN_RANGE.entries()) ids.push(await createReviewVia(h, { product_id: 'mug', rating: index + 3, commented_at: at, ...(index === 0 ? { media: [{ url: 'https://cdn.example/a.jpg' }] } : {}) }, shop));
    // Outside the period: the month before (the comparison), and a review that is deleted.
    await createReviewVia(h, { product_id: 'mug', rating: 1, commented_at: '2026-05-01 12:00:00' }, shop);
    const deleted = await createReviewVia(h, { product_id: 'tee', rating: 2, commented_at: '2026-06-03 12:00:00' }, shop);
    expect(envelope(await h.call('POST', 'delete_review', { body: { id: deleted } }, shop)).code).toBe(0);
    expect(envelope(await h.call('POST', 'update_review', { body: { id: ids[2], is_verified: 1 } }, shop)).code).toBe(0);
    // Another shop's reviews never count.
    await createReviewVia(h, { rating: 1, commented_at: '2026-06-05 12:00:00' }, h.otherShop);

    const { browser } = await signedIn(h, shop.shop_id);
    const page = await browser.get('/console?range=30');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg class="chart"');
    expect(page.body).toMatch(/<title id="reviews-chart-title">Reviews per day and their average rating<\/title><desc id="reviews-chart-desc">3 reviews between [^<]+, averaging 4\.0 stars/);

    const ratings = csvRows((await browser.get('/console/dashboard/ratings.csv?range=30')).body);
    expect(ratings).toEqual([['stars', 'reviews', 'share'], ['5', '1', '0.333'], ['4', '1', '0.333'], ['3', '1', '0.333'], ['2', '0', '0'], ['1', '0', '0']]);
    const daily = csvRows((await browser.get('/console/dashboard/reviews.csv?range=30')).body);
    expect(daily).toHaveLength(31);
    expect(daily.filter((row) => row[1] !== '0').slice(1)).toEqual([['2026-06-01', '1', '3'], ['2026-06-02', '1', '4'], ['2026-06-16', '1', '5']]);

    const stored = await h.deps.db.kysely.selectFrom('review_activity').select((eb) => [eb.fn.sum<number>('reviews').as('reviews'), eb.fn.sum<number>('with_media').as('media'), eb.fn.sum<number>('verified').as('verified')]).where('shop_id', '=', shop.shop_id).executeTakeFirstOrThrow();
    expect({ reviews: Number(stored.reviews), media: Number(stored.media), verified: Number(stored.verified) }).toEqual({ reviews: 4, media: 1, verified: 1 });
    // The share cards: one of three with a photo, one verified; the previous 30 days had none of these reviews.
    expect(page.body).toMatch(/With photos or video<\/dt><dd>33 %/);
    expect(page.body).toMatch(/Verified buyers<\/dt><dd>33 %/);
  });

  it('days begin at the shop\'s midnight: a review at 23:30 UTC is the next day in Berlin', async () => {
    const h = harness();
    const shop = await h.newShop(`dashboard-zone-${dialect}.example.com`);
    await createReviewVia(h, { rating: 4, commented_at: '2026-06-02 23:30:00' }, shop);
    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { time_zone: 'Europe/Berlin' } }, shop)).code).toBe(0);
    const { browser } = await signedIn(h, shop.shop_id);
    const daily = csvRows((await browser.get('/console/dashboard/reviews.csv?from=2026-06-01&to=2026-06-05')).body);
    expect(daily).toEqual([['period_start', 'reviews', 'average_rating'], ['2026-06-01', '0', ''], ['2026-06-02', '0', ''], ['2026-06-03', '1', '4'], ['2026-06-04', '0', ''], ['2026-06-05', '0', '']]);
    // The same review in UTC, the default, falls on the 2nd.
    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { time_zone: 'UTC' } }, shop)).code).toBe(0);
    expect(csvRows((await browser.get('/console/dashboard/reviews.csv?from=2026-06-01&to=2026-06-05')).body).filter((row) => row[1] === '1')).toEqual([['2026-06-02', '1', '4']]);
  });

  it('draws the request funnel, widget use and product rankings, each downloadable', async () => {
    const h = harness();
    const shop = await h.newShop(`dashboard-funnel-${dialect}.example.com`);
    for (const [product, ratings] of [['mug', [5, 5, 4]], ['tee', [2, 3, 2]], ['cap', [5]]] as const) {
      for (const rating of ratings) await createReviewVia(h, { product_id: product, rating, commented_at: '2026-06-10 10:00:00', product_title: `The ${product}` }, shop);
    }
    for (const order of ['1', '2', '3', '4']) expect(envelope(await h.call('POST', 'create_order', { body: { order_id: order, order_name: `#${order}`, email: `b${order}@example.com`, products: [{ product_id: 'mug' }] } }, shop)).code).toBe(0);
    const sentAt = Math.floor(Date.parse('2026-06-10T10:00:00Z') / 1000);
    // What the e-mail worker and the tracked links record (collection's own tests drive them end to end).
    await h.deps.db.kysely.updateTable('orders').set({ sent_at: sentAt }).where('shop_id', '=', shop.shop_id).execute();
    await h.deps.db.kysely.updateTable('orders').set({ opened_at: sentAt + 60 }).where('shop_id', '=', shop.shop_id).where('order_id', 'in', ['1', '2', '3']).execute();
    await h.deps.db.kysely.updateTable('orders').set({ clicked_at: sentAt + 90 }).where('shop_id', '=', shop.shop_id).where('order_id', 'in', ['1', '2']).execute();
    await h.deps.db.kysely.updateTable('orders').set({ reviewed_at: sentAt + 900 }).where('shop_id', '=', shop.shop_id).where('order_id', '=', '1').execute();
    await recordCustomerEvents(h.deps.db.kysely, shop.shop_id, [
      ...Array.from({ length: 8 }, () => ({ eventType: 'VIEW_WIDGET' as const, eventSource: 'STOREFRONT' as const, osType: 'OTHER' as const })),
      { eventType: 'CLICK_REVIEW', eventSource: 'STOREFRONT', osType: 'OTHER' },
      { eventType: 'CLICK_MEDIA', eventSource: 'STOREFRONT', osType: 'OTHER' },
      { eventType: 'HELPFUL_VOTE', eventSource: 'STOREFRONT', osType: 'OTHER' },
    ], h.clock.now());

    const { browser } = await signedIn(h, shop.shop_id);
    expect(csvRows((await browser.get('/console/dashboard/requests.csv?range=30')).body)).toEqual([['step', 'requests', 'share_of_sent'], ['sent', '4', '1'], ['opened', '3', '0.75'], ['clicked', '2', '0.5'], ['reviewed', '1', '0.25']]);
    expect(csvRows((await browser.get('/console/dashboard/widget.csv?range=7')).body)[1]).toEqual(['2026-06-11', '2026-06-17', '8', '2', '0.25']);
    const products = csvRows((await browser.get('/console/dashboard/products.csv')).body);
    // Best and worst need three reviews (the cap has one); the most reviewed list takes every product.
    expect(products.filter((row) => row[0] === 'best').map((row) => row[1])).toEqual(['mug', 'tee']);
    // With few products the lowest-rated list leaves out those already among the highest rated.
    expect(products.filter((row) => row[0] === 'worst').map((row) => row[1])).toEqual([]);
    expect(products.filter((row) => row[0] === 'most').map((row) => [row[1], row[2], row[3]])).toEqual([['mug', 'The mug', '3'], ['tee', 'The tee', '3'], ['cap', 'The cap', '1']]);
    const download = await browser.get('/console/dashboard/products.csv');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="products-\d+-2026-05-19-2026-06-17\.csv"$/);
    expect((await browser.get('/console/dashboard/secrets.csv')).statusCode).toBe(404);
  });

  it('shows a product\'s page to its shop only: another shop\'s product is not found', async () => {
    const h = harness();
    const shop = await h.newShop(`dashboard-product-${dialect}.example.com`);
    await createReviewVia(h, { product_id: 'mug', rating: 4, commented_at: '2026-06-10 10:00:00', product_title: 'Blue Mug' }, shop);
    await createReviewVia(h, reviewBody({ product_id: 'secret-product', rating: 5 }), h.otherShop);
    const { browser } = await signedIn(h, shop.shop_id);
    const page = await browser.get('/console/products/mug');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Blue Mug</h1>');
    expect(page.body).toContain('Published reviews of Blue Mug per week');
    // The trend has the review in its week, and nowhere else.
    const weeks = [...page.body.matchAll(/<td data-label="Reviews" class="num">(\d+)<\/td>/g)].map((match) => Number(match[1]));
    expect(weeks.length).toBeGreaterThanOrEqual(52);
    expect(weeks.filter((count) => count > 0)).toEqual([1]);
    const foreign = await browser.get('/console/products/secret-product');
    const missing = await browser.get('/console/products/never-heard-of');
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const comparable = (body: string, id: string) => body.replace(id, 'X').replace(/nonce="[^"]+"/g, '');
    expect(comparable(foreign.body, 'secret-product')).toBe(comparable(missing.body, 'never-heard-of'));
    expect((await browser.get('/console/products')).body).toContain('Blue Mug');
  });
});

describeEachDatabase('console: reviews held back for their rating', (dialect) => {
  const harness = useHarness(dialect);

  it('says how many reviews a rating threshold holds, and why that can breach the FTC rule, on the home and settings pages', async () => {
    const h = harness();
    const shop = await h.newShop(`hold-${dialect}.example.com`);
    const { browser } = await signedIn(h, shop.shop_id);
    // New shops publish every rating: nothing to warn about.
    await createReviewVia(h, { rating: 1 }, shop);
    expect((await browser.get('/console')).body).not.toContain('16 CFR 465.7');

    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { auto_publish_min_rating: 4 } }, shop)).code).toBe(0);
    for (const rating of [2, 3, 3, 4, 5]) await createReviewVia(h, { rating }, shop);
    // A review the merchant hid by hand at 5 stars is not held for its rating.
    const hidden = await createReviewVia(h, { rating: 5 }, shop);
    expect(envelope(await h.call('POST', 'update_review', { body: { id: hidden, is_published: 0 } }, shop)).code).toBe(0);

    for (const path of ['/console', '/console/settings']) {
      const page = await browser.get(path);
      expect(page.statusCode).toBe(200);
      expect(page.body, path).toContain('<strong>3 reviews with fewer than 4 stars are hidden, waiting for you.</strong>');
      expect(page.body, path).toContain('16 CFR 465.7');
    }
    // Reading every review first treats all ratings alike: no warning.
    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { auto_publish: false } }, shop)).code).toBe(0);
    expect((await browser.get('/console')).body).not.toContain('16 CFR 465.7');
  });
});

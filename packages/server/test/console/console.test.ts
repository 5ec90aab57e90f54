import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia, outboxTopics, systemEvents } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, MerchantBrowser, MERCHANT_PASSWORD } from '../support/merchant-agent.js';
import { issueTokens, platformDeps, registerPlatform } from '../support/oauth.js';
import { testResolver, WEBHOOK_ENV } from '../support/webhooks.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';

const PAGES = ['/console', '/console/products', '/console/reviews', '/console/orders', '/console/customers', '/console/settings', '/console/api', '/console/apps', '/console/webhooks', '/console/account'];

/** A merchant of a fresh shop, signed in, with the CSRF token of their session. */
async function signedIn(h: Harness, label: string): Promise<{ shop: ShopCredentials; browser: MerchantBrowser; csrf: string; email: string }> {
  const shop = await h.newShop(`${label}-${h.dialect}.example.com`);
  const email = await createTestMerchant(h, [shop.shop_id]);
  const browser = new MerchantBrowser(h);
  expect((await browser.signIn(email)).statusCode).toBe(303);
  const page = await browser.get('/console/reviews');
  return { shop, browser, csrf: hiddenField(page.body, 'csrf_token')!, email };
}

async function reviewState(h: Harness, id: number) {
  return h.deps.db.kysely.selectFrom('reviews').select(['is_published', 'is_featured', 'is_top', 'reply_content', 'deleted_at']).where('id', '=', id).executeTakeFirstOrThrow();
}

describeEachDatabase('merchant console', (dialect) => {
  const harness = useHarness(dialect, { env: WEBHOOK_ENV, resolveHost: testResolver });

  it('renders every page with the security headers and no script', async () => {
    const h = harness();
    const { browser } = await signedIn(h, 'console-pages');
    for (const page of PAGES) {
      const response = await browser.get(page);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).not.toContain('<script');
      expect(response.body).toContain(`aria-current="page"`);
    }
  });

  it('moderates through the same services as the API: hiding fires review/deleted, a reply review/updated', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'console-moderate');
    const first = await createReviewVia(h, { title: 'Great mug', author: 'Ann' }, shop);
    const second = await createReviewVia(h, { title: 'Chipped', author: 'Bo', rating: 2 }, shop);
    const list = await browser.get('/console/reviews?rating=2');
    expect(list.body).toContain('Chipped');
    expect(list.body).not.toContain('Great mug');

    const hidden = await browser.post('/console/reviews/bulk', [['csrf_token', csrf], ['action', 'hide'], ['ids', String(first)], ['ids', String(second)]]);
    expect(hidden.statusCode).toBe(303);
    expect(await reviewState(h, first)).toMatchObject({ is_published: 0 });
    expect(await reviewState(h, second)).toMatchObject({ is_published: 0 });
    const api = envelope<{ list: Array<{ id: number }> }>(await h.call('GET', 'get_reviews', { query: 'is_published=1' }, shop));
    expect(api.data!.list.map((r) => r.id)).not.toContain(first);

    await browser.post(`/console/reviews/${first}/reply`, { csrf_token: csrf, reply: 'Thank you, Ann!' });
    expect((await reviewState(h, first)).reply_content).toBe('Thank you, Ann!');
    await browser.post('/console/reviews/bulk', [['csrf_token', csrf], ['action', 'delete'], ['ids', String(second)]]);
    expect((await reviewState(h, second)).deleted_at).not.toBeNull();
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created', 'review/created', 'review/deleted', 'review/deleted', 'review/updated', 'review/deleted']);
    const detail = await browser.get(`/console/reviews/${first}`);
    expect(detail.body).toContain('Thank you, Ann!');
  });

  it('refuses a form whose single-valued field arrives twice with a 400 page, and changes nothing', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'console-schema');
    const id = await createReviewVia(h, { title: 'Lovely' }, shop);
    const refused = await browser.post(`/console/reviews/${id}/reply`, [['csrf_token', csrf], ['reply', 'first'], ['reply', 'second']]);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('This request was not understood');
    expect(refused.body).toContain('reply must be a string');
    expect((await reviewState(h, id)).reply_content).toBeNull();
    // A list field takes every value it is given.
    const hidden = await browser.post('/console/reviews/bulk', [['csrf_token', csrf], ['action', 'hide'], ['ids', String(id)]]);
    expect(hidden.statusCode).toBe(303);
    expect(await reviewState(h, id)).toMatchObject({ is_published: 0 });
  });

  it('exports the filtered reviews as CSV, only this shop’s', async () => {
    const h = harness();
    const { shop, browser } = await signedIn(h, 'console-export');
    await createReviewVia(h, { title: 'Five stars', rating: 5 }, shop);
    await createReviewVia(h, { title: 'Two stars', rating: 2 }, shop);
    await createReviewVia(h, { title: 'Other shop', rating: 5 }, h.otherShop);
    const csv = await browser.get('/console/reviews/export.csv?rating=5');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="reviews-${shop.shop_id}.csv"`);
    expect(csv.body).toContain('Five stars');
    expect(csv.body).not.toContain('Two stars');
    expect(csv.body).not.toContain('Other shop');
  });

  it("reaches nothing of another shop by editing ids: pages, bulk actions and replies leave it alone", async () => {
    const h = harness();
    const { browser, csrf } = await signedIn(h, 'console-tenancy');
    const foreign = await createReviewVia(h, { title: 'Not yours' }, h.otherShop);
    const before = await reviewState(h, foreign);
    expect((await browser.get(`/console/reviews/${foreign}`)).statusCode).toBe(404);
    expect((await browser.get(`/console/reviews/${foreign + 100_000}`)).statusCode).toBe(404);
    await browser.post('/console/reviews/bulk', [['csrf_token', csrf], ['action', 'delete'], ['ids', String(foreign)]]);
    await browser.post('/console/reviews/bulk', [['csrf_token', csrf], ['action', 'hide'], ['ids', String(foreign)]]);
    expect((await browser.post(`/console/reviews/${foreign}/reply`, { csrf_token: csrf, reply: 'hijack' })).statusCode).toBe(404);
    expect(await reviewState(h, foreign)).toEqual(before);
    // Switching to a shop that is not the merchant's keeps the merchant's own shop in view.
    await browser.post('/console/shop', { csrf_token: csrf, shop_id: h.otherShop.shop_id });
    expect((await browser.get('/console/api')).body).not.toContain(h.otherShop.public_token);
  });

  it('reveals the private token only after the password, and rotating it kills the old signature', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'console-api');
    const page = await browser.get('/console/api');
    expect(page.body).toContain(shop.public_token);
    expect(page.body).not.toContain(shop.private_token);
    expect((await browser.post('/console/api/reveal', { csrf_token: csrf, password: 'wrong password' })).body).not.toContain(shop.private_token);
    expect((await browser.post('/console/api/reveal', { csrf_token: csrf, password: MERCHANT_PASSWORD })).body).toContain(shop.private_token);
    const rotated = await browser.post('/console/api/rotate', { csrf_token: csrf, password: MERCHANT_PASSWORD });
    const fresh = /id="private-token">([^<]+)</.exec(rotated.body)![1]!;
    expect(fresh).not.toBe(shop.private_token);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop)).code).toBe(16);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, { ...shop, private_token: fresh })).code).toBe(0);
  });

  it('lists connected apps and disconnects one: its token is refused at once and the platform is told', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'console-apps');
    const platform = await registerPlatform(platformDeps(h), { name: `Console Partner ${dialect}` });
    const tokens = await issueTokens(platformDeps(h), platform.client_id, shop.shop_id, ['read_reviews']);
    const apps = await browser.get('/console/apps');
    expect(apps.body).toContain(`Console Partner ${dialect}`);
    expect(apps.body).toContain('See your reviews and ratings');
    await browser.post('/console/apps/disconnect', { csrf_token: csrf, client_id: platform.client_id });
    const refused = await h.app.inject({ method: 'GET', url: '/api/v1/openapi/get_reviews', headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect(envelope(refused).code).toBe(16);
    expect((await systemEvents(h, shop.shop_id)).at(-1)).toMatchObject({ topic: 'shop/deauthorized', payload: { status: 'cancelled', initiator: 'merchant' } });
    expect((await browser.get('/console/apps')).body).toContain('Disconnected by you');
  });

  it('manages webhooks: the secret is shown once, a bad URL is explained, deletion works', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'console-webhooks');
    const created = await browser.post('/console/webhooks', { csrf_token: csrf, topic: 'review/deleted', url: 'https://hooks.partner.example/console' });
    expect(created.statusCode).toBe(200);
    expect(created.body).toMatch(/id="webhook-secret">whsec_/);
    const bad = await browser.post('/console/webhooks', { csrf_token: csrf, topic: 'review/created', url: 'ftp://nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('url must be an https URL');
    // The console's form sends free text: a topic that does not exist is named, not guessed at.
    const unknownTopic = await browser.post('/console/webhooks', { csrf_token: csrf, topic: 'review/exploded', url: 'https://hooks.partner.example/x' });
    expect(unknownTopic.statusCode).toBe(400);
    expect(unknownTopic.body).toContain('topic must be one of review/created, review/updated, review/deleted, review/reported, customer_event/created, order/updated, customer/redacted, question/created, question/answered, question/updated, question/deleted');
    // The API's schema stops a long URL first; the console's form reaches the service's own limit.
    const longUrl = `https://hooks.partner.example/${'a'.repeat(2049 - 'https://hooks.partner.example/'.length)}`;
    const tooLong = await browser.post('/console/webhooks', { csrf_token: csrf, topic: 'review/created', url: longUrl });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('url must be at most 2048 characters');
    const listed = envelope<Array<{ id: string }>>(await h.call('GET', 'get_shop_webhooks', {}, shop)).data!;
    expect(listed).toHaveLength(1);
    await browser.post(`/console/webhooks/${listed[0]!.id}/delete`, { csrf_token: csrf });
    expect(envelope(await h.call('GET', 'get_shop_webhooks', {}, shop)).data).toEqual([]);
  });

  it('excludes and re-includes customers, and removes an unsubscribe (a console-only action)', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'console-customers');
    expect((await browser.post('/console/customers/exclusions', { csrf_token: csrf, email: 'Bea@Example.com' })).statusCode).toBe(303);
    const excluded = envelope<{ list: Array<{ customer_id: string; email: string }> }>(await h.call('GET', 'get_customer_excludes', {}, shop)).data!.list;
    expect(excluded).toEqual([expect.objectContaining({ email: 'bea@example.com' })]);
    expect((await browser.post('/console/customers/exclusions', { csrf_token: csrf, email: 'bea@example.com' })).statusCode).toBe(400);
    await browser.post('/console/customers/exclusions', { csrf_token: csrf, action: 'remove', customer_id: excluded[0]!.customer_id });
    expect(envelope<{ list: unknown[] }>(await h.call('GET', 'get_customer_excludes', {}, shop)).data!.list).toEqual([]);

    await h.call('POST', 'email_unsubscribe', { body: { email: 'dan@example.com', email_type: 'all' } }, shop);
    await h.call('POST', 'email_unsubscribe', { body: { email: 'dan@example.com', email_type: 'all' } }, h.otherShop);
    const page = await browser.get('/console/customers');
    expect(page.body).toContain('dan@example.com');
    await browser.post('/console/customers/unsubscribes/remove', { csrf_token: csrf, email: 'dan@example.com', email_type: 'all' });
    expect(envelope<{ list: unknown[] }>(await h.call('GET', 'get_unsubscribes', {}, shop)).data!.list).toEqual([]);
    // The other shop's unsubscribe of the same address is untouched.
    expect(envelope<{ list: unknown[] }>(await h.call('GET', 'get_unsubscribes', {}, h.otherShop)).data!.list).toHaveLength(1);
  });

  it('shows orders with the review-request funnel, and cancels a request not yet sent', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'console-orders');
    const order = { order_id: '9001', order_name: '#9001', email: 'fay@example.org', first_name: 'Fay', products: [{ product_id: '5', title: 'Teapot' }], fulfilled_at: '2026-06-16' };
    expect(envelope(await h.call('POST', 'create_order', { body: order }, shop)).code).toBe(0);
    await h.call('POST', 'create_order', { body: { ...order, order_id: '9002', order_name: '#9002' } }, h.otherShop);
    const page = await browser.get('/console/orders');
    expect(page.body).toContain('#9001');
    expect(page.body).toContain('Scheduled (1)');
    expect(page.body).not.toContain('#9002');
    // Another shop's order cannot be cancelled from here.
    expect((await browser.post('/console/orders/cancel', { csrf_token: csrf, order_id: '9002' })).statusCode).toBe(404);
    expect((await browser.post('/console/orders/cancel', { csrf_token: csrf, order_id: '9001' })).statusCode).toBe(303);
    expect(envelope<{ list: Array<{ status: number; cancel_reason: string }> }>(await h.call('GET', 'get_orders', {}, shop)).data!.list[0]).toMatchObject({ status: 6, cancel_reason: 'merchant' });
    expect((await browser.get('/console/orders?status=6')).body).toContain('Cancelled (1)');
  });

  it('saves settings and refuses invalid ones', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'console-settings');
    const form = {
      csrf_token: csrf,
      auto_publish: '1',
      auto_publish_min_rating: '4',
      name_format: 'full',
      date_format: 'yyyy-mm-dd',
      language: 'de',
      show_country: '1',
      storefront_origins: 'https://Maple.example.com/\nhttps://shop.example.com',
      widget_star_color: '#FFAA00',
      widget_accent_color: '#112233',
      widget_theme: 'auto',
      storefront_url: 'https://maple.example.com/shop',
      request_delay_days: '10',
      reminder_delay_days: '4',
      sender_name: 'Maple Team',
      time_zone: 'europe/berlin',
      moderation_profanity: 'hold',
      moderation_links: 'off',
      moderation_personal_data: 'hold',
      moderation_near_duplicates: 'hold',
      moderation_no_order: 'off',
      moderation_blocked_words: 'RivalShop\ncheapo, ',
      moderation_allowed_words: '',
      questions_notify_merchant: '1',
      questions_ask_buyers: '1',
      questions_buyers_per_question: '8',
    };
    expect((await browser.post('/console/settings', form)).statusCode).toBe(303);
    const stored = await h.deps.db.kysely.selectFrom('shops').select('settings').where('id', '=', shop.shop_id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.settings)).toEqual({
      auto_publish: true,
      auto_publish_min_rating: 4,
      name_format: 'full',
      show_verified_badge: false,
      show_item_type: false,
      show_country: true,
      date_format: 'yyyy-mm-dd',
      language: 'de',
      review_form_enabled: false,
      photo_upload_enabled: false,
      helpful_votes_enabled: false,
      storefront_origins: ['https://maple.example.com', 'https://shop.example.com'],
      request_delay_days: 10,
      reminder_enabled: false,
      reminder_delay_days: 4,
      sender_name: 'Maple Team',
      widget_star_color: '#ffaa00',
      widget_accent_color: '#112233',
      widget_theme: 'auto',
      storefront_url: 'https://maple.example.com/shop',
      require_signature_v2: false,
      time_zone: 'Europe/Berlin',
      moderation: { profanity: 'hold', links: 'off', personal_data: 'hold', near_duplicates: 'hold', no_order: 'off', blocked_words: ['rivalshop', 'cheapo'], allowed_words: [] },
      questions_enabled: false,
      questions_notify_merchant: true,
      questions_ask_buyers: true,
      questions_buyers_per_question: 8,
    });
    // A refused form keeps what was acceptable: the sender name typed with the bad delay is shown again.
    const refusedPage = await browser.post('/console/settings', { ...form, sender_name: 'Maple Crew', request_delay_days: '99' });
    expect(refusedPage.statusCode).toBe(400);
    expect(refusedPage.body).toContain('value="Maple Crew"');
    expect(refusedPage.body).toContain('The review request delay must be 0 to 60 days.');
    expect(refusedPage.body).toContain('id="request-delay" name="request_delay_days" type="number" min="0" max="60" value="10"');
    for (const bad of [{ time_zone: 'Mars/Olympus_Mons' }, { time_zone: '' }, { auto_publish_min_rating: '9' }, { request_delay_days: '99' }, { storefront_origins: 'javascript:alert(1)' }, { widget_star_color: 'red' }, { sender_name: 'A\nBcc: x' }, { widget_theme: 'neon' }, { storefront_url: 'javascript:alert(1)' }, { moderation_links: 'mask' }, { moderation_blocked_words: 'x'.repeat(61) }, { questions_buyers_per_question: '21' }]) {
      const refused = await browser.post('/console/settings', { ...form, ...bad });
      expect(refused.statusCode).toBe(400);
    }
    expect(JSON.parse((await h.deps.db.kysely.selectFrom('shops').select('settings').where('id', '=', shop.shop_id).executeTakeFirstOrThrow()).settings).request_delay_days).toBe(10);
  });

  it('changes the password, ending every other session; sign out everywhere ends this one too', async () => {
    const h = harness();
    const { browser, csrf, email } = await signedIn(h, 'console-account');
    const other = new MerchantBrowser(h);
    await other.signIn(email);
    expect((await browser.post('/console/account/password', { csrf_token: csrf, current_password: 'nope', new_password: 'a new long password', confirm_password: 'a new long password' })).statusCode).toBe(400);
    expect((await browser.post('/console/account/password', { csrf_token: csrf, current_password: MERCHANT_PASSWORD, new_password: 'a new long password', confirm_password: 'a new long password' })).statusCode).toBe(303);
    expect((await other.get('/console/reviews')).statusCode).toBe(303);
    expect((await browser.get('/console/reviews')).statusCode).toBe(200);
    expect((await new MerchantBrowser(h).signIn(email, 'a new long password')).statusCode).toBe(303);
    await browser.post('/console/account/sign-out-everywhere', { csrf_token: csrf });
    expect((await browser.get('/console/reviews')).statusCode).toBe(303);
  });

  describe('a merchant of two shops', () => {
    it('switches between them, and each page shows the shop in view', async () => {
      const h = harness();
      const a = await h.newShop(`console-two-a-${dialect}.example.com`);
      const b = await h.newShop(`console-two-b-${dialect}.example.com`);
      const email = await createTestMerchant(h, [a.shop_id, b.shop_id]);
      const browser = new MerchantBrowser(h);
      await browser.signIn(email);
      const csrf = hiddenField((await browser.get('/console/reviews')).body, 'csrf_token')!;
      await browser.post('/console/shop', { csrf_token: csrf, shop_id: b.shop_id });
      expect((await browser.get('/console/api')).body).toContain(b.public_token);
      await browser.post('/console/shop', { csrf_token: csrf, shop_id: a.shop_id });
      expect((await browser.get('/console/api')).body).toContain(a.public_token);
    });
  });
});

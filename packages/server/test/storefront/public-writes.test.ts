import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { multipartBody, testJpeg } from '../support/media.js';
import type { ImageUploadCredentials } from '../../src/media/upload-policy.js';

const PRODUCT = '7700';
const ORIGIN = 'https://maple-and-co.myshopify.com';
let ipCounter = 0;
/** Each test writes from its own address so per-IP limits do not leak between tests. */
const freshIp = () => `198.51.100.${++ipCounter}`;

function post(h: Harness, path: string, body: unknown, options: { ip?: string; origin?: string; contentType?: string } = {}) {
  return h.app.inject({
    method: 'POST',
    url: path,
    remoteAddress: options.ip ?? freshIp(),
    headers: { 'content-type': options.contentType ?? 'application/json', ...(options.origin ? { origin: options.origin } : {}) },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A different shopper on a different device each time: one device sending the same words again is held as a near-duplicate. */
function submission(h: Harness, overrides: Record<string, unknown> = {}) {
  const shopper = Math.random().toString(36).slice(2);
  return { shop_id: h.shop.shop_id, product_id: PRODUCT, rating: 5, author: 'Chen Wei', email: `chen${shopper}@example.com`, title: 'Perfect size', content: 'Exactly what I wanted.', item_type: 'Slate', website: '', session_id: `s_${shopper}`, ...overrides };
}

async function count(h: Harness, table: 'reviews' | 'customer_events' | 'outbox_events' | 'helpful_votes'): Promise<number> {
  return Number((await h.deps.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describeEachDatabase('storefront writes', (dialect) => {
  const harness = useHarness(dialect);

  it('knows the product', async () => {
    const h = harness();
    const created = await h.call('POST', 'create_review', { body: { product_id: PRODUCT, product_title: 'Desk Lamp', rating: 4, author: 'Seed' } });
    expect(created.statusCode).toBe(200);
  });

  it('stores a submitted review with its event and webhook, verified when the e-mail bought the product', async () => {
    const h = harness();
    const order = await h.call('POST', 'create_order', { body: { order_id: 'SF-1', order_name: '#1', email: 'buyer@example.com', first_name: 'Bo', products: [{ product_id: PRODUCT, title: 'Desk Lamp' }] } });
    expect(order.statusCode).toBe(200);
    const response = await post(h, '/api/v1/reviews/submit', submission(h, { email: 'Buyer@Example.com', session_id: 's_9b2e7c4a1d6f' }), { origin: ORIGIN });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const { id, status } = envelope<{ id: number; status: string }>(response).data!;
    expect(status).toBe('published');
    const review = envelope<Record<string, unknown>>(await h.call('GET', 'get_review', { query: `id=${id}` })).data!;
    expect(review).toMatchObject({ source: 'Store front', author_email: 'buyer@example.com', is_verified: 1, verification_method: 'order', order_id: '', is_published: 1 });
    const events = await h.deps.db.kysely.selectFrom('customer_events').selectAll().where('review_id', '=', id).execute();
    expect(events.map((e) => [e.event_type, e.event_source, e.session_id, JSON.parse(e.extra)])).toEqual([['SUBMIT_REVIEW', 'STOREFRONT', 's_9b2e7c4a1d6f', { rating: 5, status: 'published' }]]);
  });

  it('thanks a bot that fills the honeypot and stores nothing', async () => {
    const h = harness();
    const before = [await count(h, 'reviews'), await count(h, 'customer_events'), await count(h, 'outbox_events')];
    const response = await post(h, '/api/v1/reviews/submit', submission(h, { website: 'http://spam.example' }));
    expect(envelope(response).data).toEqual({ id: 0, status: 'pending' });
    expect([await count(h, 'reviews'), await count(h, 'customer_events'), await count(h, 'outbox_events')]).toEqual(before);
  });

  it('refuses invalid fields, an unknown product, a duplicate, a disallowed origin and a closed form, storing nothing', async () => {
    const h = harness();
    const before = await count(h, 'reviews');
    const invalid = await post(h, '/api/v1/reviews/submit', submission(h, { rating: 6, author: '', email: 'not-an-email', content: '' }));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().data.errors.map((e: { field: string }) => e.field).sort()).toEqual(['author', 'content', 'email', 'rating']);
    expect(invalid.headers['cache-control']).toBe('no-store');
    expect(envelope(await post(h, '/api/v1/reviews/submit', submission(h, { product_id: 'not-a-product' }))).code).toBe(5);
    expect(envelope(await post(h, '/api/v1/reviews/submit', submission(h, { shop_id: h.otherShop.shop_id }))).code).toBe(5);
    const external = await post(h, '/api/v1/reviews/submit', submission(h, { media_tokens: ['https://evil.example/x.jpg'] }));
    expect(external.json().data.errors).toEqual([{ field: 'media_tokens[0]', reason: expect.stringContaining('upload_token') }]);
    const first = submission(h);
    expect((await post(h, '/api/v1/reviews/submit', first)).statusCode).toBe(200);
    const duplicate = await post(h, '/api/v1/reviews/submit', { ...first, title: 'Again' });
    expect(duplicate.statusCode).toBe(409);
    expect(envelope(duplicate).code).toBe(6);
    expect(await count(h, 'reviews')).toBe(before + 1);

    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ storefront_origins: [ORIGIN] }) }).where('id', '=', h.shop.shop_id).execute();
    try {
      const foreign = await post(h, '/api/v1/reviews/submit', submission(h), { origin: 'https://evil.example' });
      expect(foreign.statusCode).toBe(403);
      expect(envelope(foreign).code).toBe(7);
      const allowed = await post(h, '/api/v1/reviews/submit', submission(h), { origin: ORIGIN });
      expect(allowed.headers['access-control-allow-origin']).toBe(ORIGIN);
      await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ review_form_enabled: false }) }).where('id', '=', h.shop.shop_id).execute();
      expect(envelope(await post(h, '/api/v1/reviews/submit', submission(h))).code).toBe(7);
    } finally {
      await h.deps.db.kysely.updateTable('shops').set({ settings: '{}' }).where('id', '=', h.shop.shop_id).execute();
    }
    expect(await count(h, 'reviews')).toBe(before + 2);
  });

  it('allows 5 submissions per IP per 10 minutes and 5 per e-mail per day (code 8, Retry-After)', async () => {
    const h = harness();
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await post(h, '/api/v1/reviews/submit', submission(h, { product_id: '0' }), { ip }));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[5]!.headers['retry-after']).toBeDefined();
    const email = 'same@example.com';
    const perEmail = [];
    for (let i = 0; i < 6; i++) perEmail.push((await post(h, '/api/v1/reviews/submit', submission(h, { email, product_id: i === 0 ? PRODUCT : '0', content: `n${i}` }))).statusCode);
    // The first two land (the second is a store review, not a duplicate); later ones are duplicates until the e-mail limit.
    expect(perEmail.slice(5)).toEqual([429]);
  });

  it('holds a review for moderation when the shop says so; it appears once the merchant publishes it', async () => {
    const h = harness();
    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ auto_publish: true, auto_publish_min_rating: 4 }) }).where('id', '=', h.shop.shop_id).execute();
    try {
      const answer = envelope<{ id: number; status: string }>(await post(h, '/api/v1/reviews/submit', submission(h, { rating: 2, title: 'Held back' }))).data!;
      expect(answer.status).toBe('pending');
      const titles = async () => envelope<{ list: Array<{ title: string }> }>(await h.app.inject(`/api/v1/reviews/get_product_reviews?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}&limit=50`)).data!.list.map((r) => r.title);
      expect(await titles()).not.toContain('Held back');
      expect((await h.call('POST', 'update_review', { body: { id: answer.id, is_published: 1 } })).statusCode).toBe(200);
      expect(await titles()).toContain('Held back');
    } finally {
      await h.deps.db.kysely.updateTable('shops').set({ settings: '{}' }).where('id', '=', h.shop.shop_id).execute();
    }
  });

  it('answers preflights for any origin', async () => {
    const h = harness();
    const response = await h.app.inject({ method: 'OPTIONS', url: '/api/v1/reviews/submit', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({ 'access-control-allow-origin': ORIGIN, 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'Content-Type', 'access-control-max-age': '86400' });
  });

  it('attaches photos uploaded with shopper credentials, and refuses the merchant\'s uploads as media tokens', async () => {
    const h = harness();
    const tokenResponse = await h.app.inject({ url: `/api/v1/reviews/upload_token?shop_id=${h.shop.shop_id}`, remoteAddress: freshIp() });
    expect(tokenResponse.headers['cache-control']).toBe('no-store');
    const credentials = envelope<ImageUploadCredentials>(tokenResponse).data!;
    expect(credentials.access_id).toMatch(/^PLS/);
    expect(credentials.dir).toMatch(new RegExp(`^${h.shop.shop_id}/2026/6/17/s_[0-9a-f]{16}/$`));
    expect(Number(credentials.expire) - Math.floor(h.clock.now() / 1000)).toBe(600);
    const { payload, contentType } = multipartBody([
      ['key', `${credentials.dir}desk.jpg`],
      ['policy', credentials.policy],
      ['OSSAccessKeyId', credentials.access_id],
      ['Signature', credentials.signature],
      ['file', { name: 'desk.jpg', type: 'image/jpeg', data: await testJpeg(80, 60) }],
    ]);
    const upload = await h.app.inject({ method: 'POST', url: '/media/upload', headers: { 'content-type': contentType }, payload });
    const photo = envelope<{ url: string }>(upload).data!;
    const response = await post(h, '/api/v1/reviews/submit', submission(h, { media_tokens: [photo.url] }));
    expect(response.statusCode, response.body).toBe(200);
    const list = envelope<{ list: Array<{ id: number; resources: Array<{ src: string; thumb_src: string; width: number }> }> }>(
      await h.app.inject(`/api/v1/reviews/get_product_reviews?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}&has_media=1`),
    ).data!.list;
    expect(list[0]!.resources).toEqual([{ resource_type: 1, src: `${photo.url}?x-oss-process=style/trustoo_big`, thumb_src: `${photo.url}?x-oss-process=style/trustoo_small`, width: 80, height: 60 }]);
  });

  it('counts helpful votes once per device, replaces an opposite vote, and records changes only', async () => {
    const h = harness();
    const reviewId = envelope<{ id: number }>(await post(h, '/api/v1/reviews/submit', submission(h, { product_id: '0' }))).data!.id;
    const vote = (deviceId: string, value: number) => post(h, '/api/v1/reviews/helpful', { shop_id: h.shop.shop_id, review_id: reviewId, vote: value, device_id: deviceId });
    const events = () => h.deps.db.kysely.selectFrom('customer_events').select((eb) => eb.fn.countAll().as('n')).where('event_type', '=', 'HELPFUL_VOTE').where('review_id', '=', reviewId).executeTakeFirstOrThrow();
    expect(envelope(await vote('d_device_one_0001', 1)).data).toEqual({ review_id: reviewId, vote: 1, helpful_count: 1 });
    expect(envelope(await vote('d_device_one_0001', 1)).data).toEqual({ review_id: reviewId, vote: 1, helpful_count: 1 });
    expect(envelope(await vote('d_device_two_0002', 1)).data).toMatchObject({ helpful_count: 2 });
    expect(envelope(await vote('d_device_one_0001', -1)).data).toMatchObject({ vote: -1, helpful_count: 1 });
    expect(Number((await events()).n)).toBe(3);
    const review = envelope<{ helpful_count: number; updated_at: string }>(await h.call('GET', 'get_review', { query: `id=${reviewId}` })).data!;
    expect(review.helpful_count).toBe(1);
    expect(envelope(await post(h, '/api/v1/reviews/helpful', { shop_id: h.shop.shop_id, review_id: 999999, vote: 1, device_id: 'd_device_one_0001' })).code).toBe(5);
    expect((await post(h, '/api/v1/reviews/helpful', { shop_id: h.shop.shop_id, review_id: reviewId, vote: 2, device_id: 'short' })).json().data.errors).toHaveLength(2);
  });

  it('takes beacon batches as text/plain, keeps valid events, counts the rest, stores no IP', async () => {
    const h = harness();
    const before = await count(h, 'customer_events');
    const body = { shop_id: h.shop.shop_id, session_id: 's_4f1c9a2e7b3d', events: [
      { event_type: 'VIEW_WIDGET', product_id: PRODUCT, page_url: 'https://maple-and-co.myshopify.com/products/lamp', extra: { widget: 'reviews' } },
      { event_type: 'CLICK_MEDIA', product_id: PRODUCT, review_id: 1, extra: { media_index: 0 } },
      { event_type: 'ADD_TO_CART' },
      { event_type: 'SUBMIT_REVIEW' },
      { event_type: 'VIEW_REVIEW', page_url: 'javascript:alert(1)' },
    ] };
    const response = await post(h, '/api/v1/storefront/events', JSON.stringify(body), { contentType: 'text/plain;charset=UTF-8', ip: '203.0.113.77' });
    expect(response.statusCode).toBe(202);
    expect(envelope(response).data).toEqual({ accepted: 2, rejected: 3 });
    // Answered before the write (§7); stored moments later.
    await expect.poll(() => count(h, 'customer_events')).toBe(before + 2);
    const stored = await h.deps.db.kysely.selectFrom('customer_events').selectAll().where('session_id', '=', 's_4f1c9a2e7b3d').execute();
    expect(JSON.stringify(stored)).not.toContain('203.0.113.77');
    const wrongType = await post(h, '/api/v1/storefront/events', JSON.stringify(body), { contentType: 'application/xml' });
    expect(wrongType.statusCode).toBe(415);
    expect(envelope(wrongType).code).toBe(3);
    const badSession = await post(h, '/api/v1/storefront/events', { ...body, session_id: 'has spaces' });
    expect(envelope(badSession).code).toBe(3);
  });

  it("drops beacon events naming another shop's review, or none, and counts them as rejected", async () => {
    const h = harness();
    const own = Number(envelope<{ id: string }>(await h.call('POST', 'create_review', { body: { rating: 5, author: 'Own', is_published: 1 } })).data!.id);
    const foreign = envelope<{ id: number }>(await h.call('POST', 'create_review', { body: { rating: 5, author: 'Theirs', is_published: 1 } }, h.otherShop)).data!.id;
    const hidden = envelope<{ id: number }>(await h.call('POST', 'create_review', { body: { rating: 2, author: 'Hidden', is_published: 0 } })).data!.id;
    const session = `s_tenancy_${dialect}`;
    const body = { shop_id: h.shop.shop_id, session_id: session, events: [
      { event_type: 'CLICK_REVIEW', review_id: own },
      { event_type: 'CLICK_REVIEW', review_id: foreign },
      { event_type: 'CLICK_REVIEW', review_id: 999_999_999_999_999 },
      { event_type: 'CLICK_REVIEW', review_id: hidden },
      { event_type: 'VIEW_WIDGET' },
    ] };
    const response = await post(h, '/api/v1/storefront/events', body);
    expect([response.statusCode, envelope(response).data]).toEqual([202, { accepted: 2, rejected: 3 }]);
    await expect.poll(async () => (await h.deps.db.kysely.selectFrom('customer_events').select('review_id').where('session_id', '=', session).execute()).length).toBe(2);
    const stored = await h.deps.db.kysely.selectFrom('customer_events').select(['shop_id', 'review_id']).where('session_id', '=', session).orderBy('id').execute();
    expect(stored.map((row) => [row.shop_id, row.review_id === null ? null : Number(row.review_id)])).toEqual([[h.shop.shop_id, own], [h.shop.shop_id, null]]);
  });

  it('holds the 64 KiB beacon limit for every content type, and says so', async () => {
    const h = harness();
    const before = await count(h, 'customer_events');
    const padded = JSON.stringify({ shop_id: h.shop.shop_id, session_id: 's_big_beacon', events: [{ event_type: 'VIEW_WIDGET', extra: { pad: 'x'.repeat(87_000) } }] });
    for (const contentType of ['application/json', 'text/plain;charset=UTF-8']) {
      const response = await post(h, '/api/v1/storefront/events', padded, { contentType });
      expect([contentType, response.statusCode, envelope(response).code, envelope(response).message]).toEqual([contentType, 413, 3, 'request body must be at most 64 KiB (65,536 bytes)']);
    }
    expect(await count(h, 'customer_events')).toBe(before);
  });
});

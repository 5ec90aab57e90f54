import { describe, expect, it } from 'vitest';
import { createReviewOperation } from '../../src/open-api/reviews/create-review.route.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia, outboxTopics, reviewBody } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';

describeEachDatabase('create_review', (dialect) => {
  const harness = useHarness(dialect);

  describe('security', () => securitySuite(harness, { op: createReviewOperation, valid: async () => ({ body: reviewBody() }) }));

  it("stores each of Trustoo's source values as given, and Open API when none is given", async () => {
    const h = harness();
    const sources = ['CSV uploaded', 'AliExpress', 'Amazon', 'Store front', 'Store link', 'Email request', 'Auto', 'Shop', 'QR Code', 'Shopee', 'ChatWILL'];
    const ids: number[] = [];
    for (const source of sources) ids.push(await createReviewVia(h, { source }));
    const stored = await h.deps.db.kysely.selectFrom('reviews').select(['id', 'source']).where('id', 'in', ids).orderBy('id').execute();
    expect(stored.map((row) => row.source)).toEqual(sources);
    const unnamed = await createReviewVia(h, {});
    expect(envelope<{ source: string }>(await h.call('GET', 'get_review', { query: `id=${unnamed}` })).data!.source).toBe('Open API');
  });

  it('creates a review in format A and answers its id as a decimal string', async () => {
    const h = harness();
    const body = {
      rating: 5, author: 'Trustoo', commented_at: '2025-06-20 00:00:00', source: 'Shop', is_verified: 0, is_featured: 1, is_published: 0, is_top: 0,
      author_country: 'us', author_phone: '', tag: '', content: 'this is a test',
      media: { images: ['https://cdn.example/a.jpg', 'https://cdn.example/b.jpg'], thumbnails: ['https://cdn.example/a_s.jpg'], video: 'https://cdn.example/v.mp4', video_thumbnail: '' },
      reply: { content: 'Thank you', reply_at: '2025-06-20 00:00:00' },
      author_email: 'Trustoo@Gmail.com', order_id: '', product_id: 0, title: 'test', item_type: 'Red',
    };
    const response = await h.call('POST', 'create_review', { body });
    expect(response.statusCode).toBe(200);
    const answer = envelope<{ id: string }>(response);
    expect(answer.code).toBe(0);
    expect(answer.message).toBe('success');
    expect(answer.data!.id).toMatch(/^\d+$/);

    const review = envelope<Record<string, unknown>>(await h.call('GET', 'get_review', { query: `id=${answer.data!.id}` })).data!;
    expect(review).toMatchObject({
      product_id: '0', product_title: '', rating: 5, author: 'Trustoo', author_email: 'trustoo@gmail.com', author_country: 'US',
      title: 'test', content: 'this is a test', commented_at: '2025-06-20 00:00:00', item_type: 'Red', source: 'Shop',
      is_verified: 0, verification_method: 'none', is_featured: 1, is_published: 0, is_top: 0,
      reply: { content: 'Thank you', reply_at: '2025-06-20 00:00:00' }, helpful_count: 0,
      created_at: '2026-06-17T07:55:00Z', updated_at: '2026-06-17T07:55:00Z',
    });
    expect(review).not.toHaveProperty('deleted_at');
    expect(review.media).toEqual([
      expect.objectContaining({ url: 'https://cdn.example/a.jpg', thumbnail_url: 'https://cdn.example/a_s.jpg', type: 1, is_published: 1, width: 0, height: 0 }),
      expect.objectContaining({ url: 'https://cdn.example/b.jpg', thumbnail_url: 'https://cdn.example/b.jpg', type: 1 }),
      expect.objectContaining({ url: 'https://cdn.example/v.mp4', thumbnail_url: '', type: 2 }),
    ]);
  });

  it('creates a review in format B with the product record fields and defaults', async () => {
    const h = harness();
    const id = await createReviewVia(h, {
      product_id: '555', content: '[openapi]this is a test', source: 'ChatWILL', product_title: 'Stoneware Mug', product_handle: 'stoneware-mug',
      media: [{ url: 'https://cdn.example/c.jpeg?x=1', type: 1, is_published: '0' }, { url: 'https://cdn.example/v.webm', thumbnail_url: 'https://cdn.example/t.jpg', type: 2 }],
    });
    const review = envelope<Record<string, unknown>>(await h.call('GET', 'get_review', { query: `id=${id}` })).data!;
    expect(review).toMatchObject({ product_id: '555', product_title: 'Stoneware Mug', product_handle: 'stoneware-mug', source: 'ChatWILL', is_published: 1, verification_method: 'none', reply: null, commented_at: '2026-06-17 07:55:00' });
    expect(review.media).toEqual([
      expect.objectContaining({ url: 'https://cdn.example/c.jpeg?x=1', thumbnail_url: 'https://cdn.example/c.jpeg?x=1', type: 1, is_published: 0 }),
      expect.objectContaining({ url: 'https://cdn.example/v.webm', thumbnail_url: 'https://cdn.example/t.jpg', type: 2, is_published: 1 }),
    ]);
  });

  it('accepts product_id as a number and as a string, naming the same product', async () => {
    const h = harness();
    const a = await createReviewVia(h, { product_id: 8800001 });
    const b = await createReviewVia(h, { product_id: '8800001' });
    const list = envelope<{ list: Array<{ id: number; product_id: string }> }>(await h.call('GET', 'get_reviews', { query: 'product_ids=8800001' })).data!.list;
    expect(list.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect(list.every((r) => r.product_id === '8800001')).toBe(true);
  });

  it('records review/created in the outbox and counts a published review in the rating', async () => {
    const h = harness();
    const shop = await h.newShop(`outbox-${dialect}.example.com`);
    await createReviewVia(h, { product_id: '77', rating: 4 }, shop);
    await createReviewVia(h, { product_id: '77', rating: 2, is_published: false }, shop);
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created', 'review/created']);
    const rating = envelope(await h.call('GET', 'get_rating', { query: 'product_id=77' }, shop)).data;
    expect(rating).toEqual({ rating_value: '4', review_count: 1, star1_count: 0, star2_count: 0, star3_count: 0, star4_count: 1, star5_count: 0 });
  });

  it("announces each new review with its product's title and handle as recorded, and records a product first named", async () => {
    const h = harness();
    const shop = await h.newShop(`product-event-${dialect}.example.com`);
    await createReviewVia(h, { product_id: '901', product_title: 'Stoneware Mug', product_handle: 'stoneware-mug' }, shop);
    // Only the id: the insert reads the record the first review wrote.
    await createReviewVia(h, { product_id: '901' }, shop);
    // A product nobody described yet: its record is created, with nothing in it.
    await createReviewVia(h, { product_id: '902' }, shop);
    const events = await h.deps.db.kysely.selectFrom('outbox_events').select('payload').where('shop_id', '=', shop.shop_id).where('topic', '=', 'review/created').orderBy('id').execute();
    const products = events.map((event) => {
      const review = (JSON.parse(event.payload) as { list: Array<Record<string, unknown>> }).list[0]!;
      return [review.product_id, review.product_title, review.product_handle];
    });
    expect(products).toEqual([
      ['901', 'Stoneware Mug', 'stoneware-mug'],
      ['901', 'Stoneware Mug', 'stoneware-mug'],
      ['902', '', ''],
    ]);
    const records = await h.deps.db.kysely.selectFrom('products').select(['product_id', 'title']).where('shop_id', '=', shop.shop_id).orderBy('product_id').execute();
    expect(records).toEqual([{ product_id: '901', title: 'Stoneware Mug' }, { product_id: '902', title: '' }]);
  });

  it('treats null optional fields as absent and ignores unknown fields', async () => {
    const h = harness();
    const id = await createReviewVia(h, { title: null, media: null, reply: null, favourite_colour: 'blue', is_featured: null });
    const review = envelope<Record<string, unknown>>(await h.call('GET', 'get_review', { query: `id=${id}` })).data!;
    expect(review).toMatchObject({ title: '', media: [], reply: null, is_featured: 0 });
    expect(review).not.toHaveProperty('favourite_colour');
  });

  it('normalises text: NFC, trimmed, CRLF to LF', async () => {
    const h = harness();
    const id = await createReviewVia(h, { author: '  Zoe\u0301  ', content: '  line one\r\nline two  ' });
    const review = envelope<Record<string, unknown>>(await h.call('GET', 'get_review', { query: `id=${id}` })).data!;
    expect(review.author).toBe('Zoé');
    expect(review.content).toBe('line one\nline two');
  });

  describe('refuses bad input with code 3, naming every field, and stores nothing', () => {
    const cases: Array<[string, Record<string, unknown>, Array<[string, string?]>]> = [
      ['rating 0', { rating: 0 }, [['rating', 'must be an integer from 1 to 5']]],
      ['rating 6', { rating: 6 }, [['rating', 'must be an integer from 1 to 5']]],
      ['rating "five"', { rating: 'five' }, [['rating', 'must be an integer from 1 to 5']]],
      ['rating missing', { rating: undefined }, [['rating', 'is required']]],
      ['author over 120 characters', { author: 'x'.repeat(121) }, [['author']]],
      ['content over 10,000 characters', { content: 'x'.repeat(10_001) }, [['content']]],
      ['11 images (format A)', { media: { images: Array.from({ length: 11 }, (_, i) => `https://cdn.example/${i}.jpg`) } }, [['media.images', 'must have at most 10 images']]],
      ['11 images (format B)', { media: Array.from({ length: 11 }, (_, i) => ({ url: `https://cdn.example/${i}.jpg` })) }, [['media', 'must have at most 10 images']]],
      ['a non-http media URL', { media: [{ url: 'javascript:alert(1)', type: 1 }] }, [['media[0].url', 'must be an http or https URL of at most 2,048 characters']]],
      ['media of another type', { media: 'https://cdn.example/a.jpg' }, [['media']]],
      ['a control character', { title: 'bad\u0007bell' }, [['title', 'must not contain control characters']]],
      ['an invalid e-mail', { author_email: 'not-an-email' }, [['author_email']]],
      ['a three-letter country', { author_country: 'USA' }, [['author_country']]],
      ['commented_at two hours ahead', { commented_at: '2026-06-17 09:56:00' }, [['commented_at', 'must not be more than one hour in the future']]],
      ['commented_at not a time', { commented_at: '2026-02-30' }, [['commented_at']]],
      ['a product id with a comma', { product_id: 'a,b' }, [['product_id']]],
      ['another shop\'s hosted file', { media: [{ url: 'https://reviews.example.com/media/999/2026/6/17/a.jpg' }] }, [['media[0].url', 'must be a file uploaded for this shop']]],
      ['two problems at once', { rating: 6, media: [{ url: 'javascript:alert(1)', type: 1 }] }, [['rating'], ['media[0].url']]],
    ];
    it.each(cases)('%s', async (_name, overrides, expected) => {
      const h = harness();
      const before = await h.deps.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const response = await h.call('POST', 'create_review', { body: reviewBody(overrides) });
      expect(response.statusCode).toBe(400);
      const answer = envelope<{ errors: Array<{ field: string; reason: string }> }>(response);
      expect(answer.code).toBe(3);
      expect(answer.data!.errors.map((e) => e.field)).toEqual(expected.map(([field]) => field));
      for (const [index, [, reason]] of expected.entries()) if (reason) expect(answer.data!.errors[index]!.reason).toBe(reason);
      const first = answer.data!.errors[0]!;
      expect(answer.message.startsWith(`${first.field} ${first.reason}`)).toBe(true);
      if (expected.length > 1) expect(answer.message).toContain(`(and ${expected.length - 1} more)`);
      const after = await h.deps.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  });

  it('refuses malformed JSON, a non-object body and another media type before authentication', async () => {
    const h = harness();
    const malformed = await h.call('POST', 'create_review', { rawBody: '{"rating": 5,' });
    expect([malformed.statusCode, envelope(malformed).code]).toEqual([400, 3]);
    const array = await h.call('POST', 'create_review', { rawBody: '[1,2]' });
    expect([array.statusCode, envelope(array).code]).toEqual([400, 3]);
    const form = await h.app.inject({ method: 'POST', url: '/api/v1/openapi/create_review', headers: { 'content-type': 'text/plain' }, payload: 'rating=5' });
    expect([form.statusCode, envelope(form).code]).toEqual([415, 3]);
  });

  it('refuses a body over 1 MiB with HTTP 413', async () => {
    const h = harness();
    const response = await h.call('POST', 'create_review', { rawBody: JSON.stringify(reviewBody({ content: 'x'.repeat(1_048_600) })) });
    expect(response.statusCode).toBe(413);
    expect(envelope(response).code).toBe(3);
  });

  it('reports every required field of an empty body', async () => {
    const h = harness();
    const response = await h.call('POST', 'create_review', {});
    const answer = envelope<{ errors: Array<{ field: string }> }>(response);
    expect(answer.code).toBe(3);
    expect(answer.data!.errors.map((e) => e.field).sort()).toEqual(['author', 'rating']);
  });
});

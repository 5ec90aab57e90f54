import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../server/test/support/databases.js';
import { type Harness, startHarness } from '../../server/test/support/harness.js';
import type { TestDatabase } from '../../server/test/support/databases.js';
import { PlauditClient, PlauditError, restartCursor, type Review } from '../src/index.js';

describeEachDatabase('@plaudit/sdk against a running server', (dialect) => {
  let h: Harness & { database: TestDatabase };
  let baseUrl: string;
  let client: PlauditClient;
  const delays: number[] = [];

  const clientFor = (shop = h.shop, options: Partial<ConstructorParameters<typeof PlauditClient>[0]> = {}) =>
    new PlauditClient({
      baseUrl,
      credentials: { publicToken: shop.public_token, privateToken: shop.private_token },
      now: () => h.clock.now(),
      // Waiting advances the server's clock instead of the test's wall time.
      sleep: async (ms) => {
        delays.push(ms);
        h.clock.advanceSeconds(Math.ceil(ms / 1000));
      },
      ...options,
    });

  beforeAll(async () => {
    h = await startHarness(dialect, { env: { RATE_LIMIT_OPENAPI: '40/60' } });
    baseUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
    client = clientFor();
  });
  afterAll(async () => {
    await h.app.close();
    await h.database.destroy();
  });

  it('signs with version 2 by default, so a shop that requires it is served; version 1 on request', async () => {
    const strict = await h.newShop(`sdk-v2-${dialect}.example.com`);
    const sent: string[] = [];
    const recording = (signVersion?: 1 | 2) =>
      clientFor(strict, {
        credentials: { publicToken: strict.public_token, privateToken: strict.private_token, ...(signVersion ? { signVersion } : {}) },
        fetch: async (input, init) => {
          sent.push(new Headers(init?.headers).get('sign-version') ?? 'none');
          return fetch(input, init);
        },
      });
    await recording().settings.update({ require_signature_v2: true });
    expect(await recording().ratings.get({ product_id: '1' })).toMatchObject({ review_count: 0 });
    const refused = await recording(1).ratings.get({ product_id: '1' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PlauditError);
    expect((refused as PlauditError).message).toContain('require_signature_v2');
    expect(sent).toEqual(['2', '2', 'none']);
  });

  it('creates in both body formats, reads, updates, lists and deletes with full types', async () => {
    const a = await client.reviews.create({ product_id: 501, rating: 5, author: 'Ann', media: { images: ['https://cdn.example/a.jpg'] } });
    const b = await client.reviews.create({ product_id: '501', rating: 3, author: 'Bo', media: [{ url: 'https://cdn.example/b.jpg', type: 1 }] });
    const review: Review = await client.reviews.get(Number(a.id));
    expect(review).toMatchObject({ product_id: '501', rating: 5, media: [expect.objectContaining({ url: 'https://cdn.example/a.jpg' })] });
    const updated = await client.reviews.update({ id: Number(b.id), reply: { content: 'Thanks!' }, is_featured: 1 });
    expect(updated.reply?.content).toBe('Thanks!');
    const page = await client.reviews.list({ product_ids: ['501'], sort_by: 'rating-descending' });
    expect(page.list.map((r) => r.id)).toEqual([Number(a.id), Number(b.id)]);
    expect(await client.ratings.get({ product_id: '501' })).toMatchObject({ rating_value: '4', review_count: 2 });
    expect(await client.reviews.delete(Number(b.id))).toEqual({ id: Number(b.id) });
    expect((await client.ratings.getMany(['501', '0'])).map((r) => r.review_count)).toEqual([1, 0]);
  });

  it('iterates every page with for await', async () => {
    const shop = await h.newShop(`sdk-iterate-${dialect}.example.com`);
    const own = clientFor(shop);
    const created: number[] = [];
    for (let i = 0; i < 7; i++) created.push(Number((await own.reviews.create({ product_id: '9', rating: (i % 5) + 1, author: `R${i}` })).id));
    const seen: number[] = [];
    for await (const review of own.reviews.iterate({ page_size: 3, sort_by: 'created-ascending' })) seen.push(review.id);
    expect(seen).toEqual(created);
  });

  it('synchronises changes incrementally, tombstones included, and restarts five seconds back', async () => {
    const shop = await h.newShop(`sdk-sync-${dialect}.example.com`);
    const own = clientFor(shop);
    const start = new Date(h.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(Number((await own.reviews.create({ product_id: '3', rating: 5, author: `S${i}` })).id));
    h.clock.advanceSeconds(10);
    await own.reviews.delete(ids[0]!);
    await own.reviews.update({ id: ids[1]!, is_featured: 1 });
    const cursor = { updatedSince: start };
    const seen: Array<[number, boolean]> = [];
    for await (const review of own.reviews.changes(cursor)) seen.push([review.id, review.deleted_at !== undefined]);
    expect(seen).toEqual([[ids[2]!, false], [ids[0]!, true], [ids[1]!, false]]);
    expect(cursor).toMatchObject({ afterId: ids[1] });
    const again: number[] = [];
    for await (const review of own.reviews.changes({ ...cursor })) again.push(review.id);
    expect(again).toEqual([]);
    const restarted: number[] = [];
    for await (const review of own.reviews.changes(restartCursor(cursor))) restarted.push(review.id);
    expect(restarted.sort()).toEqual([ids[0]!, ids[1]!].sort());
  });

  it('exports and erases a person\'s data through customers, typed', async () => {
    const own = clientFor(await h.newShop(`sdk-privacy-${dialect}.example.com`));
    const email = 'erase-me@example.com';
    const review = await own.reviews.create({ product_id: '501', rating: 3, author: 'Erin Example', author_email: email, content: 'Fine.' });
    const copy = await own.customers.exportData({ email });
    expect(copy.reviews.map((r) => [r.id, r.author])).toEqual([[Number(review.id), 'Erin Example']]);
    const erased = await own.customers.erase({ email, mode: 'anonymize' }, { idempotencyKey: `erase-${dialect}` });
    expect(erased).toMatchObject({ mode: 'anonymize', reviews: 1 });
    expect((await own.reviews.get(Number(review.id))).author).toBe('Anonymous');
    expect((await own.customers.exportData({ email })).reviews).toEqual([]);
    expect((await own.reviews.history(Number(review.id))).map((entry) => [entry.action, entry.actor.kind])).toEqual([['created', 'shop_api'], ['anonymized', 'system']]);
  });

  it('reads the moderation queue and decides a held review, typed', async () => {
    const own = clientFor(await h.newShop(`sdk-moderation-${dialect}.example.com`));
    const shop = await own.settings.update({ moderation: { links: 'hold' } });
    expect(shop.moderation.links).toBe('hold');
    const held = await own.reviews.create({ product_id: '502', rating: 2, author: 'Lin', content: 'Cheaper at www.elsewhere.example' });
    const queue: Array<[number, string[]]> = [];
    for await (const review of own.reviews.iterate({ moderation_status: 'held' })) queue.push([review.id, review.moderation.reasons]);
    expect(queue).toEqual([[Number(held.id), ['link']]]);
    const approved = await own.reviews.update({ id: Number(held.id), moderation_status: 'approved' });
    expect([approved.is_published, approved.moderation.status, approved.moderation.decided_by?.kind]).toEqual([1, 'approved', 'shop_api']);
  });

  it('asks, answers, lists the open questions and hides an answer, typed', async () => {
    const own = clientFor(await h.newShop(`sdk-questions-${dialect}.example.com`));
    const asked = await own.questions.ask({ product_id: '503', content: 'Is it machine washable?', asker_name: 'Noa', asker_email: 'noa@example.com' });
    expect([asked.status, asked.answer_count]).toEqual(['published', 0]);
    const open: number[] = [];
    for await (const question of own.questions.iterate({ answered: 0 })) open.push(question.id);
    expect(open).toEqual([asked.id]);
    const answered = await own.questions.answer({ question_id: asked.id, content: 'Yes, at 30 °C.' });
    expect(answered.answers.map((a) => [a.author_kind, a.status])).toEqual([['merchant', 'published']]);
    const buyer = await own.questions.answer({ question_id: asked.id, content: 'Mine survived many washes.', author_kind: 'buyer', author_name: 'Ola', status: 'published' });
    const hidden = await own.questions.updateAnswer({ id: buyer.answers[1]!.id, status: 'hidden' });
    expect([hidden.answer_count, hidden.answers.map((a) => a.status)]).toEqual([1, ['published', 'hidden']]);
    expect((await own.questions.list({ keyword: 'washes' })).list.map((q) => q.id)).toEqual([asked.id]);
    expect(await own.questions.delete(asked.id)).toEqual({ id: asked.id });
    await expect(own.questions.get(asked.id)).rejects.toMatchObject({ code: 5 });
  });

  it('throws PlauditError carrying the code, the field errors and the request id', async () => {
    const error = await client.reviews.create({ rating: 9, author: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlauditError);
    expect(error).toMatchObject({ code: 3, httpStatus: 400, errors: [{ field: 'rating', reason: 'must be an integer from 1 to 5' }] });
    expect((error as PlauditError).requestId).toMatch(/^[0-9a-f]{32}$/);
    await expect(client.reviews.get(987_654_321)).rejects.toMatchObject({ code: 5, httpStatus: 404 });
    const wrongKey = clientFor({ ...h.shop, private_token: 'wrong' });
    await expect(wrongKey.ratings.get({ is_all_rating: 1 })).rejects.toMatchObject({ code: 16 });
  });

  it('retries a rate-limited GET after Retry-After, but never a POST without an Idempotency-Key', async () => {
    const shop = await h.newShop(`sdk-retry-${dialect}.example.com`);
    const own = clientFor(shop, { retry: { retries: 2, maxDelayMs: 120_000 } });
    h.clock.set(1_781_683_200_000); // the start of a rate-limit window
    for (let i = 0; i < 40; i++) await own.ratings.get({ is_all_rating: 1 });
    delays.length = 0;
    expect(await own.ratings.get({ is_all_rating: 1 })).toMatchObject({ review_count: 0 });
    expect(delays).toEqual([60_000]);

    h.clock.set(1_781_683_500_000);
    for (let i = 0; i < 40; i++) await own.ratings.get({ is_all_rating: 1 });
    delays.length = 0;
    await expect(own.reviews.create({ rating: 5, author: 'once' })).rejects.toMatchObject({ code: 8, retryAfterSeconds: 60 });
    expect(delays).toEqual([]);
    const created = await own.reviews.create({ rating: 5, author: 'safe' }, { idempotencyKey: 'sdk-retry-1' });
    expect(delays).toEqual([60_000]);
    expect(created.id).toMatch(/^\d+$/);
    expect((await own.reviews.list()).page.count).toBe(1);
  });

  it('retries a lost connection with backoff and gives up after the configured attempts', async () => {
    const dead = new PlauditClient({ baseUrl: 'http://127.0.0.1:9', credentials: { publicToken: 'p', privateToken: 'k' }, retry: { retries: 2, baseDelayMs: 100 }, sleep: async (ms) => void delays.push(ms) });
    delays.length = 0;
    await expect(dead.ratings.get({ is_all_rating: 1 })).rejects.toMatchObject({ code: -1 });
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThan(100);
    expect(delays[1]).toBeLessThan(200);
  });

  describe('bearer credentials', () => {
    it('sends the access token and surfaces scope errors', async () => {
      const readOnly = new PlauditClient({ baseUrl, credentials: { accessToken: await h.bearerToken(h.shop, ['read_reviews']) } });
      expect(await readOnly.ratings.get({ is_all_rating: 1 })).toHaveProperty('review_count');
      await expect(readOnly.reviews.create({ rating: 5, author: 'no' })).rejects.toMatchObject({ code: 7, httpStatus: 403 });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { updateReviewOperation } from '../../src/open-api/reviews/update-review.route.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia, outboxTopics } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';

describeEachDatabase('update_review', (dialect) => {
  const harness = useHarness(dialect);

  describe('security', () =>
    securitySuite(harness, {
      op: updateReviewOperation,
      valid: async (h) => ({ body: { id: await createReviewVia(h), is_featured: 1 } }),
      foreign: async (h) => {
        const foreignId = await createReviewVia(h, {}, h.otherShop);
        const missingId = foreignId + 100_000;
        return { foreign: { body: { id: foreignId, is_top: 1 } }, missing: { body: { id: missingId, is_top: 1 } }, foreignId: String(foreignId), missingId: String(missingId) };
      },
    }));

  it('publishes, features and replies in one call, and records one review/updated', async () => {
    const h = harness();
    const shop = await h.newShop(`update-${dialect}.example.com`);
    h.clock.set(1_781_682_900_000);
    const id = await createReviewVia(h, { product_id: '9', rating: 4, is_published: 0 }, shop);
    h.clock.advanceSeconds(4);
    const response = await h.call('POST', 'update_review', { body: { id, is_published: 1, is_featured: true, reply: { content: 'Thanks Bea, we have noted the sizing.' } } }, shop);
    const answer = envelope<Record<string, unknown>>(response);
    expect(answer.code).toBe(0);
    expect(answer.data).toMatchObject({
      id, is_published: 1, is_featured: 1, updated_at: '2026-06-17T07:55:04Z',
      reply: { content: 'Thanks Bea, we have noted the sizing.', reply_at: '2026-06-17 07:55:04' },
    });
    expect(envelope(await h.call('GET', 'get_rating', { query: 'product_id=9' }, shop)).data).toMatchObject({ review_count: 1, star4_count: 1 });
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created', 'review/updated']);
  });

  it('records review/deleted when it hides a review, and the rating drops it', async () => {
    const h = harness();
    const shop = await h.newShop(`hide-${dialect}.example.com`);
    const id = await createReviewVia(h, { product_id: '10', rating: 2 }, shop);
    const answer = envelope(await h.call('POST', 'update_review', { body: { id, is_published: 0, tag: 'spam?' } }, shop));
    expect(answer.data).toMatchObject({ is_published: 0, tag: 'spam?' });
    expect(envelope(await h.call('GET', 'get_rating', { query: 'product_id=10' }, shop)).data).toMatchObject({ review_count: 0, rating_value: '0' });
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created', 'review/deleted']);
  });

  it('changes nothing, keeps updated_at and records no event when every value is already stored', async () => {
    const h = harness();
    const shop = await h.newShop(`noop-${dialect}.example.com`);
    const id = await createReviewVia(h, { is_featured: 1 }, shop);
    const created = envelope<{ updated_at: string }>(await h.call('GET', 'get_review', { query: `id=${id}` }, shop)).data!.updated_at;
    h.clock.advanceSeconds(30);
    const answer = envelope<{ updated_at: string }>(await h.call('POST', 'update_review', { body: { id, is_featured: '1', is_top: 0 } }, shop));
    expect(answer.code).toBe(0);
    expect(answer.data!.updated_at).toBe(created);
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created']);
  });

  it('removes a reply with reply: null and derives the verification method', async () => {
    const h = harness();
    const id = await createReviewVia(h, { reply: { content: 'hello' }, source: 'CSV uploaded' });
    const answer = envelope(await h.call('POST', 'update_review', { body: { id, reply: null, is_verified: 1 } }));
    expect(answer.data).toMatchObject({ reply: null, is_verified: 1, verification_method: 'import' });
    const other = await createReviewVia(h, { source: 'Amazon' });
    expect(envelope(await h.call('POST', 'update_review', { body: { id: other, is_verified: 1 } })).data).toMatchObject({ verification_method: 'platform' });
    expect(envelope(await h.call('POST', 'update_review', { body: { id: other, is_verified: 0 } })).data).toMatchObject({ is_verified: 0, verification_method: 'none' });
  });

  it.each([
    ['the reviewer\'s rating', { rating: 1 }, 'rating', 'cannot be changed through the API'],
    ['the reviewer\'s words', { content: 'better words' }, 'content', 'cannot be changed through the API'],
    ['media', { media: [] }, 'media', 'cannot be changed through the API'],
    ['nothing but the id', {}, 'body', 'no field to update'],
    ['an empty reply', { reply: { content: '' } }, 'reply.content', undefined],
    ['a flag of 2', { is_top: 2 }, 'is_top', 'must be 0 or 1'],
  ])('refuses %s with code 3 and changes nothing', async (_name, extra, field, reason) => {
    const h = harness();
    const id = await createReviewVia(h);
    const before = envelope(await h.call('GET', 'get_review', { query: `id=${id}` })).data;
    const answer = envelope<{ errors: Array<{ field: string; reason: string }> }>(await h.call('POST', 'update_review', { body: { id, ...extra } }));
    expect(answer.code).toBe(3);
    expect(answer.data!.errors[0]!.field).toBe(field);
    if (reason) expect(answer.data!.errors[0]!.reason).toBe(reason);
    expect(envelope(await h.call('GET', 'get_review', { query: `id=${id}` })).data).toEqual(before);
  });
});

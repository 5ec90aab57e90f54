import { describe, expect, it } from 'vitest';
import { deleteReviewOperation } from '../../src/open-api/reviews/delete-review.route.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia, outboxTopics } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';

describeEachDatabase('delete_review', (dialect) => {
  const harness = useHarness(dialect);

  describe('security', () =>
    securitySuite(harness, {
      op: deleteReviewOperation,
      valid: async (h) => ({ body: { id: await createReviewVia(h) } }),
      foreign: async (h) => {
        const foreignId = await createReviewVia(h, {}, h.otherShop);
        const missingId = foreignId + 100_000;
        return { foreign: { body: { id: foreignId } }, missing: { body: { id: missingId } }, foreignId: String(foreignId), missingId: String(missingId) };
      },
    }));

  it('soft-deletes: the review leaves get_reviews and the rating, and stays as a tombstone', async () => {
    const h = harness();
    h.clock.set(1_781_682_900_000);
    const shop = await h.newShop(`delete-${dialect}.example.com`);
    const keep = await createReviewVia(h, { product_id: '42', rating: 5 }, shop);
    const gone = await createReviewVia(h, { product_id: '42', rating: 1 }, shop);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'product_id=42' }, shop)).data).toMatchObject({ rating_value: '3', review_count: 2 });

    h.clock.advanceSeconds(60);
    const answer = envelope(await h.call('POST', 'delete_review', { body: { id: String(gone) } }, shop));
    expect(answer).toMatchObject({ code: 0, data: { id: gone } });

    expect(envelope(await h.call('GET', 'get_rating', { query: 'product_id=42' }, shop)).data).toMatchObject({ rating_value: '5', review_count: 1, star1_count: 0 });
    const live = envelope<{ list: Array<{ id: number }> }>(await h.call('GET', 'get_reviews', { query: '' }, shop)).data!;
    expect(live.list.map((r) => r.id)).toEqual([keep]);
    const all = envelope<{ list: Array<{ id: number; deleted_at?: string; updated_at: string }> }>(await h.call('GET', 'get_reviews', { query: 'include_deleted=1' }, shop)).data!;
    const tombstone = all.list.find((r) => r.id === gone)!;
    expect(tombstone.deleted_at).toBe('2026-06-17T07:56:00Z');
    expect(tombstone.updated_at).toBe(tombstone.deleted_at);
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created', 'review/created', 'review/deleted']);
  });

  it('answers code 5 when the review is already deleted, and records nothing', async () => {
    const h = harness();
    const shop = await h.newShop(`delete-twice-${dialect}.example.com`);
    const id = await createReviewVia(h, {}, shop);
    await h.call('POST', 'delete_review', { body: { review_id: id } }, shop);
    const again = await h.call('POST', 'delete_review', { body: { id } }, shop);
    expect([again.statusCode, envelope(again).code]).toEqual([404, 5]);
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created', 'review/deleted']);
  });

  it.each([
    ['no id', {}, 'id'],
    ['id 0', { id: 0 }, 'id'],
    ['id "abc"', { id: 'abc' }, 'id'],
    ['id and review_id differ', { id: 1, review_id: 2 }, 'review_id'],
  ])('refuses %s with code 3', async (_name, body, field) => {
    const h = harness();
    const answer = envelope<{ errors: Array<{ field: string }> }>(await h.call('POST', 'delete_review', { body }));
    expect(answer.code).toBe(3);
    expect(answer.data!.errors[0]!.field).toBe(field);
  });
});

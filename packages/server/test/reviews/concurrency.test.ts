import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia, outboxTopics } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';

describeEachDatabase('concurrent writes', (dialect) => {
  const harness = useHarness(dialect);

  it('deletes a review once when ten deletes race, and counts it out once', async () => {
    const h = harness();
    const shop = await h.newShop(`race-delete-${dialect}.example.com`);
    await createReviewVia(h, { product_id: '5', rating: 3 }, shop);
    const id = await createReviewVia(h, { product_id: '5', rating: 5 }, shop);
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.call('POST', 'delete_review', { body: { id } }, shop)));
    const codes = answers.map((r) => envelope(r).code).sort();
    expect(codes).toEqual([0, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'product_id=5' }, shop)).data).toMatchObject({ review_count: 1, star3_count: 1, star5_count: 0 });
    expect((await outboxTopics(h, shop.shop_id)).filter((t) => t === 'review/deleted')).toHaveLength(1);
  });

  it('keeps the statistics exact when hides, publishes and creates race', async () => {
    const h = harness();
    const shop = await h.newShop(`race-mixed-${dialect}.example.com`);
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => createReviewVia(h, { product_id: '6', rating: (i % 5) + 1 }, shop)));
    await Promise.all([
      ...ids.map((id, i) => h.call('POST', 'update_review', { body: { id, is_published: i % 2 } }, shop)),
      ...ids.map((id) => h.call('POST', 'update_review', { body: { id, is_published: 0 } }, shop)),
      ...Array.from({ length: 4 }, () => h.call('POST', 'create_review', { body: { product_id: '6', rating: 4, author: 'late' } }, shop)),
    ]);
    const rows = await h.deps.db.kysely.selectFrom('reviews').select(['rating', 'is_published']).where('shop_id', '=', shop.shop_id).where('deleted_at', 'is', null).execute();
    const published = rows.filter((r) => r.is_published === 1);
    const rating = envelope<{ review_count: number; star4_count: number }>(await h.call('GET', 'get_rating', { query: 'product_id=6' }, shop)).data!;
    expect(rating.review_count).toBe(published.length);
    expect(rating.star4_count).toBe(published.filter((r) => r.rating === 4).length);
    const hidden = envelope<{ page: { count: number } }>(await h.call('GET', 'get_reviews', { query: 'is_published=0' }, shop)).data!;
    expect(hidden.page.count).toBe(rows.length - published.length);
  });
});

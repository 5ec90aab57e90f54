import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { keysFor } from './keys.js';
import { wildCall } from './wild-client.js';

interface WildReview {
  id: number;
  rating: number;
  author: string;
  content: string;
  commented_at: string;
  is_verified: number;
  media: Array<{ url: string; thumbnail_url: string; type: string }> | null;
  reply: { content: string; reply_at: string } | null;
}

// A headless storefront in TypeScript: writes reviews with an integer product id, reads the
// product's rating and its newest reviews five at a time (works today; must keep working).
describeEachDatabase('a headless storefront client', (dialect) => {
  const harness = useListeningHarness(dialect);

  it('creates reviews with an integer product_id and reads the rating and the newest page back', async () => {
    const h = harness();
    const keys = keysFor(h);
    for (const [rating, author] of [[5, 'Ann'], [4, 'Bo'], [2, 'Cy']] as const) {
      const created = await wildCall<{ id: string }>(keys, {
        method: 'POST',
        path: '/api/v1/openapi/create_review',
        body: { product_id: 8123456789, rating, author, content: `Review by ${author}`, is_published: 1, is_featured: 0, is_top: 0, is_verified: 1 },
      });
      expect(created.status).toBe(200);
      expect(created.envelope.code).toBe(0);
      expect(created.envelope.data.id).toMatch(/^\d+$/);
    }

    const rating = await wildCall<Record<string, unknown>>(keys, { method: 'GET', path: '/api/v1/openapi/get_rating', query: { product_id: '8123456789' } });
    expect(rating.envelope.code).toBe(0);
    expect(rating.envelope.data).toMatchObject({ rating_value: '3.67', star5_count: 1, star4_count: 1, star3_count: 0, star2_count: 1, star1_count: 0 });

    const page = await wildCall<{ page: Record<string, number>; list: WildReview[] }>(keys, {
      method: 'GET',
      path: '/api/v1/openapi/get_reviews',
      query: { product_ids: '8123456789', page: '1', page_size: '5', sort_by: 'created-descending' },
    });
    expect(page.envelope.code).toBe(0);
    expect(page.envelope.data.page).toEqual({ page: 1, page_size: 5, total_page: 1, count: 3 });
    const newest = page.envelope.data.list[0]!;
    expect(newest).toMatchObject({ rating: 2, author: 'Cy', content: 'Review by Cy', is_verified: 1, reply: null });
    expect(newest.commented_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // The client reads `media` as null or an array of {url, thumbnail_url, type}.
    expect(newest.media === null || Array.isArray(newest.media)).toBe(true);
    expect(page.envelope.data.list.map((review) => review.author)).toEqual(['Cy', 'Bo', 'Ann']);
  });
});

import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { keysFor } from './keys.js';
import { wildCall } from './wild-client.js';

interface ProxyReview {
  id: number;
  author: string;
  rating: number;
  title: string;
  content: string;
  author_country: string;
  created_at: string;
  reply_content: string;
  images: string[];
}

// A Python proxy in front of the API: creates reviews with a string product id, and lists one
// product's reviews through get_review_list with a single product_id. An older variant of it
// also puts the timestamp in the query string.
describeEachDatabase('a review-list proxy client', (dialect) => {
  const harness = useListeningHarness(dialect);

  it('creates with a string product_id and lists one product through get_review_list', async () => {
    const h = harness();
    const keys = keysFor(h);
    const created = await wildCall<{ id: string }>(keys, {
      method: 'POST',
      path: '/api/v1/openapi/create_review',
      body: { product_id: '7001', rating: 4, author: 'Dana', author_country: 'NL', author_email: 'dana@example.com', title: 'Solid', content: 'Does the job.' },
    });
    expect(created.envelope.code).toBe(0);
    await wildCall(keys, { method: 'POST', path: '/api/v1/openapi/create_review', body: { product_id: '7002', rating: 1, author: 'Eli', content: 'Other product' } });

    const listed = await wildCall<{ page: { count: number }; list: ProxyReview[] }>(keys, {
      method: 'GET',
      path: '/api/v1/openapi/get_review_list',
      query: { product_id: '7001', page: '1', page_size: '20' },
    });
    expect(listed.status).toBe(200);
    expect(listed.envelope.code).toBe(0);
    expect(listed.envelope.data.page.count).toBe(1);
    const [review] = listed.envelope.data.list;
    expect(review).toMatchObject({ id: Number(created.envelope.data.id), author: 'Dana', rating: 4, title: 'Solid', content: 'Does the job.', author_country: 'NL', reply_content: '', images: [] });
    // Written two calls (two client seconds) before the listing.
    expect(Date.parse(review!.created_at)).toBe(h.clock.now() - 2000);
  });

  it('gives reply_content and images their values once a review has them', async () => {
    const h = harness();
    const keys = keysFor(h);
    const created = await wildCall<{ id: number }>(keys, {
      method: 'POST',
      path: '/api/v1/openapi/create_review',
      body: { product_id: '7101', rating: 5, author: 'Fay', content: 'Pictured.', media: [{ url: 'https://cdn.example.com/fay.jpg', type: 1 }], reply: { content: 'Thanks Fay!' } },
    });
    expect(created.envelope.code).toBe(0);
    const listed = await wildCall<{ list: ProxyReview[] }>(keys, { method: 'GET', path: '/api/v1/openapi/get_review_list', query: { product_id: '7101' } });
    expect(listed.envelope.data.list[0]).toMatchObject({ reply_content: 'Thanks Fay!', images: ['https://cdn.example.com/fay.jpg'] });
  });

  it('accepts the older variant that also sends the timestamp in the query, and refuses a query timestamp that differs', async () => {
    const h = harness();
    const keys = keysFor(h);
    await wildCall(keys, { method: 'POST', path: '/api/v1/openapi/create_review', body: { product_id: '7201', rating: 5, author: 'Gil', content: 'Old proxy.' } });
    const accepted = await wildCall<{ list: ProxyReview[] }>(keys, {
      method: 'GET',
      path: '/api/v1/openapi/get_review_list',
      query: { product_id: '7201' },
      timestampInQuery: 'same-as-header',
    });
    expect(accepted.envelope.code).toBe(0);
    expect(accepted.envelope.data.list.map((review) => review.author)).toEqual(['Gil']);

    const differing = await wildCall(keys, { method: 'GET', path: '/api/v1/openapi/get_review_list', query: { product_id: '7201' }, timestampInQuery: '1700000000' });
    expect(differing.status).toBe(401);
    expect(differing.envelope.code).toBe(16);
    expect(differing.envelope.message).toContain('timestamp');
  });
});

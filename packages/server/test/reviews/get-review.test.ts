import { describe, expect, it } from 'vitest';
import { getReviewOperation } from '../../src/open-api/reviews/get-review.route.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';

describeEachDatabase('get_review', (dialect) => {
  const harness = useHarness(dialect);

  describe('security', () =>
    securitySuite(harness, {
      op: getReviewOperation,
      valid: async (h) => ({ query: `id=${await createReviewVia(h)}` }),
      foreign: async (h) => {
        const foreignId = await createReviewVia(h, {}, h.otherShop);
        const missingId = foreignId + 100_000;
        return { foreign: { query: `id=${foreignId}` }, missing: { query: `id=${missingId}` }, foreignId: String(foreignId), missingId: String(missingId) };
      },
    }));

  it('returns unpublished reviews too, by id or by its alias review_id', async () => {
    const h = harness();
    const id = await createReviewVia(h, { is_published: 0 });
    for (const query of [`id=${id}`, `review_id=${id}`, `id=${id}&review_id=${id}`]) {
      const answer = envelope<{ id: number; is_published: number }>(await h.call('GET', 'get_review', { query }));
      expect(answer.code).toBe(0);
      expect(answer.data).toMatchObject({ id, is_published: 0 });
    }
  });

  it('answers code 5 for a deleted review', async () => {
    const h = harness();
    const id = await createReviewVia(h);
    await h.call('POST', 'delete_review', { body: { id } });
    const response = await h.call('GET', 'get_review', { query: `id=${id}` });
    expect([response.statusCode, envelope(response).code]).toEqual([404, 5]);
  });

  it.each([
    ['no id', '', 'id'],
    ['id 0', 'id=0', 'id'],
    ['id -1', 'id=-1', 'id'],
    ['id 1.5', 'id=1.5', 'id'],
    ['id 1e2', 'id=1e2', 'id'],
    ['id and review_id differ', 'id=1&review_id=2', 'review_id'],
    ['id given twice', 'id=1&id=2', 'id'],
  ])('refuses %s with code 3', async (_name, query, field) => {
    const h = harness();
    const answer = envelope<{ errors: Array<{ field: string }> }>(await h.call('GET', 'get_review', { query }));
    expect(answer.code).toBe(3);
    expect(answer.data!.errors[0]!.field).toBe(field);
  });

  it('treats an empty value as not given', async () => {
    const h = harness();
    const id = await createReviewVia(h);
    const answer = envelope(await h.call('GET', 'get_review', { query: `review_id=&id=${id}` }));
    expect(answer.code).toBe(0);
  });
});

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, useHarness } from '../support/harness.js';

type Step =
  | { kind: 'create'; product: string; rating: number; published: boolean }
  | { kind: 'update'; pick: number; published: boolean }
  | { kind: 'delete'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), product: fc.constantFrom('0', '1', '2'), rating: fc.integer({ min: 1, max: 5 }), published: fc.boolean() }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), published: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

describeEachDatabase('rating statistics', (dialect) => {
  const harness = useHarness(dialect);
  let run = 0;

  it('always equal a brute-force recount after any sequence of creates, updates and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const h = harness();
        const shop = await h.newShop(`prop-${run++}-${dialect}.example.com`);
        const live: number[] = [];
        for (const s of steps) {
          if (s.kind === 'create') {
            const answer = envelope<{ id: string }>(await h.call('POST', 'create_review', { body: { product_id: s.product, rating: s.rating, author: 'P', is_published: s.published ? 1 : 0 } }, shop));
            live.push(Number(answer.data!.id));
          } else if (live.length > 0) {
            const id = live[s.pick % live.length]!;
            if (s.kind === 'update') await h.call('POST', 'update_review', { body: { id, is_published: s.published ? 1 : 0 } }, shop);
            else {
              await h.call('POST', 'delete_review', { body: { id } }, shop);
              live.splice(live.indexOf(id), 1);
            }
          }
        }
        // The recount reads the reviews themselves, which the maintained statistics never do.
        const rows = await h.deps.db.kysely.selectFrom('reviews').select(['product_id', 'rating', 'is_published']).where('shop_id', '=', shop.shop_id).where('deleted_at', 'is', null).execute();
        const recount = (keep: (r: (typeof rows)[number]) => boolean) => {
          const stars = [0, 0, 0, 0, 0];
          for (const r of rows) if (r.is_published === 1 && keep(r)) stars[r.rating - 1]! += 1;
          return { review_count: stars.reduce((a, b) => a + b, 0), star1_count: stars[0], star2_count: stars[1], star3_count: stars[2], star4_count: stars[3], star5_count: stars[4] };
        };
        const scopes: Array<[string, (r: (typeof rows)[number]) => boolean]> = [
          ['is_all_rating=1', () => true],
          ['is_all_products_rating=1', (r) => r.product_id !== '0'],
          ['is_store_rating=1', (r) => r.product_id === '0'],
          ['product_id=1', (r) => r.product_id === '1'],
          ['product_id=2', (r) => r.product_id === '2'],
        ];
        for (const [query, keep] of scopes) {
          const served = envelope(await h.call('GET', 'get_rating', { query }, shop)).data;
          expect(served, query).toMatchObject(recount(keep));
        }
        const listed = envelope<{ page: { count: number } }>(await h.call('GET', 'get_reviews', { query: 'is_published=0' }, shop)).data!;
        expect(listed.page.count).toBe(rows.filter((r) => r.is_published === 0).length);
      }),
      { numRuns: dialect === 'sqlite' ? 40 : 20 },
    );
  });
});

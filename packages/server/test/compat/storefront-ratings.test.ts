import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { keysFor } from './keys.js';
import { wildCall } from './wild-client.js';

// A Next.js storefront: one public call for the star ratings of a collection page, by product
// handle and the shop's myshopify domain, read in the order it asked (works today; must keep working).
describeEachDatabase('a storefront ratings client', (dialect) => {
  const harness = useListeningHarness(dialect);

  it('reads rating and total_reviews per handle, aligned with the handles it sent', async () => {
    const h = harness();
    const keys = keysFor(h);
    const review = (productId: string, handle: string, rating: number) =>
      wildCall(keys, { method: 'POST', path: '/api/v1/openapi/create_review', body: { product_id: productId, product_handle: handle, rating, author: 'Ida', content: 'ok', is_published: 1 } });
    await review('501', 'linen-apron', 5);
    await review('501', 'linen-apron', 4);
    await review('502', 'oak-board', 3);

    const domain = (await h.deps.db.kysely.selectFrom('shops').select('domain').where('id', '=', h.shop.shop_id).executeTakeFirstOrThrow()).domain;
    const response = await fetch(`${h.baseUrl}/api/v1/reviews/get_products_rating?shop=${domain}&product_handle=oak-board,linen-apron,never-reviewed`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { code: number; data: Array<{ rating: number; total_reviews: number; product_handle: string }> };
    expect(body.code).toBe(0);
    expect(body.data.map(({ product_handle, rating, total_reviews }) => ({ product_handle, rating, total_reviews }))).toEqual([
      { product_handle: 'oak-board', rating: 3, total_reviews: 1 },
      { product_handle: 'linen-apron', rating: 4.5, total_reviews: 2 },
      { product_handle: 'never-reviewed', rating: 0, total_reviews: 0 },
    ]);
  });
});

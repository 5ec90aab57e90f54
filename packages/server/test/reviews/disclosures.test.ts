import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';

interface Disclosed {
  id: number;
  is_incentivized: number;
  incentive: string;
}

const PRODUCT = '5150';

async function getReview(h: Harness, id: number, shop: ShopCredentials): Promise<Disclosed> {
  return envelope<Disclosed>(await h.call('GET', 'get_review', { query: `id=${id}` }, shop)).data!;
}

async function update(h: Harness, shop: ShopCredentials, body: Record<string, unknown>) {
  return envelope<Disclosed>(await h.call('POST', 'update_review', { body }, shop));
}

/** FTC 16 CFR 465 and Google's review policies: an incentive is disclosed wherever the review is shown. */
describeEachDatabase('incentive disclosures on reviews', (dialect) => {
  const harness = useHarness(dialect, { env: { RATE_LIMIT_STOREFRONT_READ: 'off' } });

  describe('the Open API', () => {
    it('records an incentive on create: the flag, the description, or both; a description implies the flag', async () => {
      const h = harness();
      const shop = await h.newShop(`disclose-create-${dialect}.example.com`);
      const plain = await createReviewVia(h, { product_id: PRODUCT }, shop);
      const flagged = await createReviewVia(h, { product_id: PRODUCT, is_incentivized: 1 }, shop);
      const described = await createReviewVia(h, { product_id: PRODUCT, incentive: '10% off the next order' }, shop);
      expect(await getReview(h, plain, shop)).toMatchObject({ is_incentivized: 0, incentive: '' });
      expect(await getReview(h, flagged, shop)).toMatchObject({ is_incentivized: 1, incentive: '' });
      expect(await getReview(h, described, shop)).toMatchObject({ is_incentivized: 1, incentive: '10% off the next order' });
    });

    it('refuses a described incentive with is_incentivized 0, and an overlong description, storing nothing', async () => {
      const h = harness();
      const shop = await h.newShop(`disclose-refuse-${dialect}.example.com`);
      for (const [body, field] of [
        [{ product_id: PRODUCT, rating: 5, author: 'A', is_incentivized: 0, incentive: 'a gift card' }, 'incentive'],
        [{ product_id: PRODUCT, rating: 5, author: 'A', incentive: 'x'.repeat(201) }, 'incentive'],
      ] as const) {
        const answer = envelope<{ errors: Array<{ field: string }> }>(await h.call('POST', 'create_review', { body }, shop));
        expect(answer.code).toBe(3);
        expect(answer.data!.errors.map((e) => e.field)).toContain(field);
      }
      expect(await h.deps.db.kysely.selectFrom('reviews').select('id').where('shop_id', '=', shop.shop_id).execute()).toEqual([]);
    });

    it('changes the disclosure through update_review: a description sets the flag, clearing the flag clears the description', async () => {
      const h = harness();
      const shop = await h.newShop(`disclose-update-${dialect}.example.com`);
      const id = await createReviewVia(h, { product_id: PRODUCT }, shop);
      expect((await update(h, shop, { id, incentive: 'a free sample' })).data).toMatchObject({ is_incentivized: 1, incentive: 'a free sample' });
      expect((await update(h, shop, { id, is_incentivized: 0 })).data).toMatchObject({ is_incentivized: 0, incentive: '' });
      expect((await update(h, shop, { id, is_incentivized: 0, incentive: 'a mug' })).code).toBe(3);
      expect(await getReview(h, id, shop)).toMatchObject({ is_incentivized: 0, incentive: '' });
      const events = await h.deps.db.kysely.selectFrom('outbox_events').select('topic').where('shop_id', '=', shop.shop_id).orderBy('id').execute();
      expect(events.map((e) => e.topic)).toEqual(['review/created', 'review/updated', 'review/updated']);
    });
  });

  describe('the storefront', () => {
    it('shows the disclosure in the list, the fragment and the hosted page, and keeps the review in the JSON-LD', async () => {
      const h = harness();
      const shop = await h.newShop(`disclose-store-${dialect}.example.com`);
      await createReviewVia(h, { product_id: PRODUCT, product_title: 'Mug', rating: 5, author: 'Gifted Gail', content: 'Lovely.', is_published: 1, incentive: 'a free mug' }, shop);
      await createReviewVia(h, { product_id: PRODUCT, rating: 4, author: 'Paying Pat', content: 'Fine.', is_published: 1 }, shop);

      const list = envelope<{ list: Array<{ author: string; incentivized: number; incentive: string }> }>(
        await h.app.inject(`/api/v1/reviews/get_product_reviews?shop_id=${shop.shop_id}&product_id=${PRODUCT}`),
      ).data!.list;
      expect(list.map((r) => [r.author, r.incentivized, r.incentive]).sort()).toEqual([
        ['Gifted G.', 1, 'a free mug'],
        ['Paying P.', 0, ''],
      ]);

      const fragment = (await h.app.inject(`/api/v1/storefront/widget.html?shop_id=${shop.shop_id}&product_id=${PRODUCT}`)).body;
      expect(fragment.match(/class="pinc"/g)).toHaveLength(1);
      expect(fragment).toContain('The reviewer received a free mug for this review.');
      const jsonLd = JSON.parse(/<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/.exec(fragment)![1]!) as { review: Array<{ '@type': string; author: { name: string } }> };
      // An incentivized review is still a Review: structured data has no property for incentives,
      // and the disclosure sits next to it on the page.
      expect(jsonLd.review.map((r) => r['@type'])).toEqual(['Review', 'Review']);
    });
  });
});

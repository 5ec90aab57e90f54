import { expect, it } from 'vitest';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';

const policyOf = (h: Harness, shopId: string) => h.app.inject(`/r/${encodeURIComponent(shopId)}/policy`);

async function settle(h: Harness, shop: ShopCredentials, settings: Record<string, unknown>): Promise<void> {
  expect(envelope(await h.call('POST', 'update_shop_settings', { body: settings }, shop)).code).toBe(0);
}

/** Paragraph texts of the page, entities decoded, in order. */
const paragraphs = (html: string) => [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]!.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'));

describeEachDatabase('the review policy page, /r/<shop>/policy', (dialect) => {
  const harness = useHarness(dialect);

  it('says what a default shop does: asks buyers after fulfilment, verifies by order, publishes every rating', async () => {
    const h = harness();
    const shop = await h.newShop(`policy-default-${dialect}.example.com`);
    const page = await policyOf(h, shop.shop_id);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain(`<h1>How reviews work at policy-default-${dialect}</h1>`);
    expect(paragraphs(page.body)).toEqual([
      'After an order is fulfilled, the buyer is invited by e-mail to review it, 7 days later.',
      'Buyers who have not answered receive one reminder.',
      'Anyone can also write a review from the product page.',
      'A “Verified buyer” badge means the review was matched to an order of the product in this shop, or was marked as a verified purchase by the review service it was imported from.',
      'Every review is published, whatever its rating. A review is removed only when it breaks the law or the content rules: spam, offensive language or personal data.',
      'Reviews that contain swear words or slurs, web addresses, or the same words as another recent review by the same person are read by the shop before they are published, whatever their rating.',
      'E-mail addresses and phone numbers written in a review are hidden before it is published.',
      'Anyone can report a review. The shop reads every report and decides.',
      'Reviews whose authors received something in return, such as a discount, are marked “Received an incentive”.',
    ]);
  });

  it('follows the settings, and says plainly when low ratings wait for the shop', async () => {
    const h = harness();
    const shop = await h.newShop(`policy-held-${dialect}.example.com`);
    await settle(h, shop, { auto_publish_min_rating: 4, request_delay_days: 1, reminder_enabled: false, review_form_enabled: false, show_verified_badge: false });
    const lines = paragraphs((await policyOf(h, shop.shop_id)).body);
    expect(lines).toContain('After an order is fulfilled, the buyer is invited by e-mail to review it, 1 day later.');
    expect(lines).toContain('Reviews of 4 stars or more are published at once. Reviews with fewer stars are read by the shop before they are published.');
    expect(lines).toContain('This shop does not mark reviews as verified.');
    expect(lines.join(' ')).not.toMatch(/reminder|product page|Every review is published/);
    await settle(h, shop, { auto_publish: false });
    expect(paragraphs((await policyOf(h, shop.shop_id)).body)).toContain('Every review is read by the shop before it is published.');
    // The moderation rules as set: none holding content, one holding reviews without an order.
    await settle(h, shop, { moderation: { profanity: 'off', links: 'off', near_duplicates: 'off', personal_data: 'off' } });
    const unmoderated = paragraphs((await policyOf(h, shop.shop_id)).body);
    expect(unmoderated).toContain('No review is held back for what it says.');
    expect(unmoderated.join(' ')).not.toMatch(/hidden before|read by the shop before they are published, whatever/);
    await settle(h, shop, { moderation: { no_order: 'hold', personal_data: 'hold' } });
    const strict = paragraphs((await policyOf(h, shop.shop_id)).body);
    expect(strict).toContain('Reviews that contain e-mail addresses or phone numbers are read by the shop before they are published, whatever their rating.');
    expect(strict).toContain('Reviews that no order confirms are read by the shop before they are published.');
  });

  it('speaks the shop\'s language', async () => {
    const h = harness();
    const shop = await h.newShop(`policy-de-${dialect}.example.com`);
    await settle(h, shop, { language: 'de' });
    const page = (await policyOf(h, shop.shop_id)).body;
    expect(page).toContain('<html lang="de"');
    expect(page).toContain(`So funktionieren Bewertungen bei policy-de-${dialect}`);
    expect(page).toContain('Jede Bewertung wird veröffentlicht, unabhängig von ihrer Sternezahl.');
  });

  it('is linked under the review list, and product pages keep their own address', async () => {
    const h = harness();
    const shop = await h.newShop(`policy-link-${dialect}.example.com`);
    await createReviewVia(h, { product_id: '77', rating: 5, is_published: 1 }, shop);
    const fragment = (await h.app.inject(`/api/v1/storefront/widget.html?shop_id=${shop.shop_id}&product_id=77`)).body;
    expect(fragment).toContain(`<p class="ppol"><a href="${PUBLIC_URL}/r/${shop.shop_id}/policy">How reviews work</a></p>`);
    expect((await h.app.inject(`/r/${shop.shop_id}/77`)).statusCode).toBe(200);
  });

  it('answers an unknown or inactive shop with a 404 page', async () => {
    const h = harness();
    expect((await policyOf(h, 'no-such-shop')).statusCode).toBe(404);
    const shop = await h.newShop(`policy-gone-${dialect}.example.com`);
    await h.deps.db.kysely.updateTable('shops').set({ status: 'inactive' }).where('id', '=', shop.shop_id).execute();
    expect((await policyOf(h, shop.shop_id)).statusCode).toBe(404);
  });
});


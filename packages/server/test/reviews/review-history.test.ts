import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MediaUrls } from '../../src/media/media-urls.js';
import { getReviewHistoryOperation } from '../../src/open-api/reviews/get-review-history.route.js';
import { importReviews } from '../../src/review-csv/review-import.js';
import { findShopById } from '../../src/shops/shop-repository.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, MerchantBrowser } from '../support/merchant-agent.js';
import { securitySuite } from '../support/security.js';

interface Entry {
  action: string;
  actor: { kind: string; id: string; name: string };
  changes: Array<{ field: string; from: unknown; to: unknown }>;
  occurred_at: string;
}

async function historyOf(h: Harness, id: number, shop: ShopCredentials): Promise<Entry[]> {
  const answer = envelope<{ list: Entry[] }>(await h.call('GET', 'get_review_history', { query: `id=${id}` }, shop));
  expect(answer.code, JSON.stringify(answer)).toBe(0);
  return answer.data!.list;
}

const summary = (entries: Entry[]) => entries.map((e) => `${e.action} by ${e.actor.kind}${e.actor.id ? `:${e.actor.id}` : ''}`);

describeEachDatabase('review history', (dialect) => {
  const harness = useHarness(dialect);

  describe('get_review_history security', () =>
    securitySuite(harness, {
      op: getReviewHistoryOperation,
      valid: async (h) => ({ query: `id=${await createReviewVia(h)}` }),
      foreign: async (h) => {
        const foreignId = String(await createReviewVia(h, {}, h.otherShop));
        return { foreign: { query: `id=${foreignId}` }, missing: { query: 'id=987654321' }, foreignId, missingId: '987654321' };
      },
    }));

  it('records every change path with its actor: shop API, platform, console merchant, then a deletion the tombstone keeps', async () => {
    const h = harness();
    const shop = h.shop;
    const id = await createReviewVia(h, { rating: 3, is_published: 0 }, shop);
    // A partner platform publishes it with its OAuth token.
    const token = await h.bearerToken(shop, ['write_reviews']);
    const published = await h.app.inject({ method: 'POST', url: '/api/v1/openapi/update_review', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ id, is_published: 1, incentive: 'a voucher' }) });
    expect(envelope(published).code, published.body).toBe(0);
    // The merchant replies in the console.
    const email = await createTestMerchant(h, [shop.shop_id]);
    const browser = new MerchantBrowser(h);
    await browser.signIn(email);
    const csrf = hiddenField((await browser.get('/console')).body, 'csrf_token')!;
    await browser.post(`/console/reviews/${id}/reply`, { csrf_token: csrf, reply: 'Thank you!' });
    // The console shows the timeline on the review's page, newest first.
    const page = (await browser.get(`/console/reviews/${id}`)).body;
    const timeline = page.slice(page.indexOf('<ol class="timeline">'));
    expect(timeline.indexOf(`<strong>Changed</strong> by ${email}`)).toBeLessThan(timeline.indexOf('<strong>Created</strong> by Shop API'));
    expect(timeline).toContain('<li>Reply: — → Thank you!</li>');
    expect(timeline).toContain('<li>Published: no → yes</li>');
    expect(timeline).toContain('(partner app)');
    // Nothing changes: nothing recorded.
    expect(envelope(await h.call('POST', 'update_review', { body: { id, is_published: 1 } }, shop)).code).toBe(0);
    expect(envelope(await h.call('POST', 'delete_review', { body: { id } }, shop)).code).toBe(0);

    const entries = await historyOf(h, id, shop);
    expect(summary(entries)).toEqual(['created by shop_api', 'updated by platform:harness-platform', expect.stringMatching(/^updated by merchant:\d+$/), 'deleted by shop_api']);
    expect(entries[0]!.changes).toEqual(expect.arrayContaining([{ field: 'rating', from: null, to: 3 }, { field: 'is_published', from: null, to: 0 }]));
    expect(entries[1]!.changes).toEqual(expect.arrayContaining([{ field: 'is_published', from: 0, to: 1 }, { field: 'is_incentivized', from: 0, to: 1 }, { field: 'incentive', from: '', to: 'a voucher' }]));
    expect(entries[2]!.changes).toEqual([{ field: 'reply_content', from: null, to: 'Thank you!' }]);
    expect(entries[2]!.actor.name).toBe(email);
  });

  it("stores a creation's facts compactly and reads entries stored as lists, as before, the same way", async () => {
    const h = harness();
    const shop = await h.newShop(`history-storage-${dialect}.example.com`);
    const id = await createReviewVia(h, { rating: 2 }, shop);
    const created = await h.deps.db.kysely.selectFrom('review_history').select('changes').where('shop_id', '=', shop.shop_id).where('review_id', '=', id).executeTakeFirstOrThrow();
    expect(created.changes.length).toBeLessThan(160);
    const facts = (await historyOf(h, id, shop))[0]!.changes;
    expect(facts.map((c) => c.field)).toEqual(['moderation_status', 'moderation_reasons', 'rating', 'is_published', 'is_verified', 'is_incentivized', 'source']);
    expect(facts.every((c) => c.from === null)).toBe(true);
    expect(facts.find((c) => c.field === 'rating')).toEqual({ field: 'rating', from: null, to: 2 });

    // An entry written as a list (every entry before this storage) reads back unchanged.
    const listed = [{ field: 'rating', from: null, to: 5 }, { field: 'source', from: null, to: 'judgeme' }];
    const older = await createReviewVia(h, {}, shop);
    await h.deps.db.kysely.updateTable('review_history').set({ changes: JSON.stringify(listed) }).where('shop_id', '=', shop.shop_id).where('review_id', '=', older).execute();
    expect((await historyOf(h, older, shop))[0]!.changes).toEqual(listed);
  });

  it('records shoppers, imports and the erasure of an author, never the erased values', async () => {
    const h = harness();
    const shop = await h.newShop(`history-paths-${dialect}.example.com`);
    await createReviewVia(h, { product_id: '88', product_title: 'Mug' }, shop);
    const submitted = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reviews/submit',
      remoteAddress: '198.51.100.201',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ shop_id: shop.shop_id, product_id: '88', rating: 4, author: 'Sam Shopper', email: 'sam@example.com', title: 'Good', content: 'Works.', website: '', session_id: 's_history' }),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const shopperReview = Number(envelope<{ id: string | number }>(submitted).data!.id);

    const row = (await findShopById(h.deps.db.kysely, shop.shop_id))!;
    const csv = 'title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,picture_urls\nGreat,Love it,5,2024-05-01,web,ok,Ivy Import,ivy@example.com,88,mug,,\n';
    await importReviews(h.deps.db.kysely, row, Readable.from([Buffer.from(csv)]), { format: 'judgeme', dryRun: false, mediaUrls: MediaUrls.of(h.deps.config), clock: h.clock });
    const imported = Number((await h.deps.db.kysely.selectFrom('reviews').select('id').where('shop_id', '=', shop.shop_id).where('author', '=', 'Ivy Import').executeTakeFirstOrThrow()).id);

    expect(summary(await historyOf(h, shopperReview, shop))).toEqual(['created by shopper']);
    expect(summary(await historyOf(h, imported, shop))).toEqual(['created by import:csv']);

    expect(envelope(await h.call('POST', 'erase_customer_data', { body: { email: 'sam@example.com', mode: 'anonymize' } }, shop)).code).toBe(0);
    const afterErasure = await historyOf(h, shopperReview, shop);
    expect(summary(afterErasure)).toEqual(['created by shopper', 'anonymized by system:erasure']);
    expect(afterErasure[1]!.changes.map((c) => [c.field, c.from, c.to])).toEqual([['author', null, null], ['author_email', null, null]]);
    const stored = await h.deps.db.kysely.selectFrom('review_history').select('changes').where('shop_id', '=', shop.shop_id).execute();
    expect(JSON.stringify(stored)).not.toMatch(/Sam Shopper|sam@example\.com/);

    // Deleting the person's data deletes their reviews' history with them.
    expect(envelope(await h.call('POST', 'erase_customer_data', { body: { email: 'ivy@example.com', mode: 'delete' } }, shop)).code).toBe(0);
    expect(envelope(await h.call('GET', 'get_review_history', { query: `id=${imported}` }, shop)).code).toBe(5);
    expect(await h.deps.db.kysely.selectFrom('review_history').select('id').where('review_id', '=', imported).execute()).toEqual([]);
  });
});

import { expect, it } from 'vitest';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { createTestMerchant, MerchantBrowser } from '../support/merchant-agent.js';

const PATH = '/api/v1/storefront/report_review';
const DEVICE = 'device_0123456789abcdef';
let ipCounter = 0;

function report(h: Harness, body: Record<string, unknown>, ip = `203.0.113.${++ipCounter}`) {
  return h.app.inject({ method: 'POST', url: PATH, remoteAddress: ip, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
}

const reportOf = (shop: ShopCredentials, reviewId: number, extra: Record<string, unknown> = {}) => ({ shop_id: shop.shop_id, review_id: reviewId, reason: 'offensive', device_id: DEVICE, ...extra });

describeEachDatabase('shoppers report reviews', (dialect) => {
  const harness = useHarness(dialect, { env: { RATE_LIMIT_STOREFRONT_REPORT: '3/3600' } });

  it('records a report once per device, keeps the device only as a hash, and tells partners with review/reported', async () => {
    const h = harness();
    const shop = await h.newShop(`report-${dialect}.example.com`);
    const id = await createReviewVia(h, { is_published: 1 }, shop);
    const first = await report(h, reportOf(shop, id, { text: 'Rude words in the title' }));
    expect(first.statusCode, first.body).toBe(200);
    expect(envelope(first).data).toEqual({ review_id: id, reported: true, reports: 1 });
    expect(envelope(await report(h, reportOf(shop, id, { reason: 'spam' }))).data).toEqual({ review_id: id, reported: true, reports: 1 });
    expect(envelope(await report(h, reportOf(shop, id, { device_id: 'another_device_000001' }))).data).toMatchObject({ reports: 2 });

    const rows = await h.deps.db.kysely.selectFrom('review_reports').selectAll().where('shop_id', '=', shop.shop_id).orderBy('id').execute();
    expect(rows.map((r) => [r.reason, r.text])).toEqual([['offensive', 'Rude words in the title'], ['offensive', '']]);
    expect(JSON.stringify(rows)).not.toContain(DEVICE);
    const events = await h.deps.db.kysely.selectFrom('outbox_events').select(['topic', 'payload']).where('shop_id', '=', shop.shop_id).where('topic', '=', 'review/reported').orderBy('id').execute();
    expect(events.map((e) => JSON.parse(e.payload) as { list: Array<{ id: number; reason: string; reports: number }> }).map((p) => [p.list[0]!.id, p.list[0]!.reason, p.list[0]!.reports])).toEqual([[id, 'offensive', 1], [id, 'offensive', 2]]);

    // The merchant reads the reports on the review's page.
    const browser = new MerchantBrowser(h);
    await browser.signIn(await createTestMerchant(h, [shop.shop_id]));
    const page = (await browser.get(`/console/reviews/${id}`)).body;
    expect(page).toContain('Reported by shoppers <span class="badge warn">2</span>');
    expect(page).toContain('Rude words in the title');
  });

  it('answers a hidden, deleted, missing or other shop\'s review alike, and refuses bad fields, changing nothing', async () => {
    const h = harness();
    const shop = await h.newShop(`report-refused-${dialect}.example.com`);
    const hidden = await createReviewVia(h, { is_published: 0 }, shop);
    const deleted = await createReviewVia(h, { is_published: 1 }, shop);
    expect(envelope(await h.call('POST', 'delete_review', { body: { id: deleted } }, shop)).code).toBe(0);
    const theirs = await createReviewVia(h, { is_published: 1 }, h.otherShop);
    const visible = await createReviewVia(h, { is_published: 1 }, shop);
    const before = await databaseChecksum(h);
    const answers = [];
    for (const reviewId of [hidden, deleted, theirs, 987654321]) {
      const answer = await report(h, reportOf(shop, reviewId));
      expect(answer.statusCode).toBe(404);
      answers.push(envelope(answer).message.replace(String(reviewId), 'ID'));
    }
    expect(new Set(answers).size).toBe(1);
    for (const [extra, field] of [[{ reason: 'boring' }, 'reason'], [{ device_id: 'short' }, 'device_id'], [{ text: 'x'.repeat(501) }, 'text'], [{ review_id: 'abc' }, 'review_id']] as const) {
      const answer = envelope<{ errors: Array<{ field: string }> }>(await report(h, reportOf(shop, visible, extra)));
      expect(answer.code).toBe(3);
      expect(answer.data!.errors.map((e) => e.field)).toContain(field);
    }
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('limits reports per network', async () => {
    const h = harness();
    const shop = await h.newShop(`report-limit-${dialect}.example.com`);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await createReviewVia(h, { is_published: 1 }, shop));
    const statuses = [];
    for (const id of ids) statuses.push((await report(h, reportOf(shop, id), '203.0.113.250')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

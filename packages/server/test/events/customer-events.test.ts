import { describe, expect, it } from 'vitest';
import { recordCustomerEvents } from '../../src/events/customer-events.js';
import { osTypeFromUserAgent } from '../../src/events/event-types.js';
import { getCustomerEventsOperation } from '../../src/open-api/events/get-customer-events.route.js';
import { RetentionJob } from '../../src/worker/retention-job.js';
import { describeEachDatabase } from '../support/databases.js';
import { outboxTopics } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';

interface EventObject {
  id: number;
  event_type: string;
  event_source: string;
  os_type: string;
  email: string;
  session_id: string;
  extra: Record<string, unknown>;
  created_at: string;
}

describe('os_type from the User-Agent', () => {
  it.each([
    ['Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)', 'IOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8)', 'ANDROID'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'WINDOWS'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)', 'MACOS'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0)', 'LINUX'],
    ['curl/8.0', 'OTHER'],
    [undefined, 'OTHER'],
  ])('%s → %s', (userAgent, os) => {
    expect(osTypeFromUserAgent(userAgent)).toBe(os);
  });
});

describeEachDatabase('customer events', (dialect) => {
  const harness = useHarness(dialect);

  describe('get_customer_events security', () => securitySuite(harness, { op: getCustomerEventsOperation, valid: async () => ({ query: 'event_source=STOREFRONT' }) }));

  it('stores a batch, records customer_event/created for each, and lists them with the filters', async () => {
    const h = harness();
    const shop = await h.newShop(`events-${dialect}.example.com`);
    const db = h.deps.db.kysely;
    await db.transaction().execute((trx) =>
      recordCustomerEvents(
        trx,
        shop.shop_id,
        [
          { eventType: 'CLICK_MEDIA', eventSource: 'STOREFRONT', osType: 'IOS', sessionId: 's_1', email: 'leak@example.com', productId: '9200305176832', reviewId: 1842, pageUrl: 'https://shop.example/p', extra: { media_index: 0 } },
          { eventType: 'OPEN_EMAIL', eventSource: 'EMAIL', osType: 'MACOS', email: 'bea@example.com', sessionId: 'ignored', customerId: '23', extra: { message: 'request' } },
        ],
        h.clock.now(),
      ),
    );
    h.clock.advanceSeconds(10);
    try {
      await db.transaction().execute((trx) => recordCustomerEvents(trx, shop.shop_id, [{ eventType: 'VIEW_WIDGET', eventSource: 'STOREFRONT', osType: 'ANDROID', extra: { widget: 'stars' } }], h.clock.now()));
    } finally {
      h.clock.advanceSeconds(-10);
    }
    expect((await outboxTopics(h, shop.shop_id)).filter((t) => t === 'customer_event/created')).toHaveLength(3);

    const list = async (query: string) => envelope<{ page: { count: number }; list: EventObject[] }>(await h.call('GET', 'get_customer_events', { query }, shop)).data!;
    const all = await list('');
    expect(all.list.map((e) => e.event_type)).toEqual(['VIEW_WIDGET', 'OPEN_EMAIL', 'CLICK_MEDIA']);
    const media = all.list.find((e) => e.event_type === 'CLICK_MEDIA')!;
    // Storefront events never keep an address; e-mail events never keep a session.
    expect(media).toMatchObject({ email: '', session_id: 's_1', extra: { media_index: 0 }, created_at: '2026-06-17T07:55:00Z' });
    expect(all.list.find((e) => e.event_type === 'OPEN_EMAIL')).toMatchObject({ email: 'bea@example.com', session_id: '' });
    expect((await list('event_type=CLICK_MEDIA&os_type=&event_source=')).list.map((e) => e.id)).toEqual([media.id]);
    expect((await list('event_source=EMAIL')).page.count).toBe(1);
    expect((await list('os_type=ANDROID&sort_by=created-ascending')).list.map((e) => e.event_type)).toEqual(['VIEW_WIDGET']);
    expect((await list('start_time=2026-06-17 07:55:05')).list.map((e) => e.event_type)).toEqual(['VIEW_WIDGET']);
    expect((await list('sort_by=created-ascending&page_size=1&page=3')).list.map((e) => e.event_type)).toEqual(['VIEW_WIDGET']);
    for (const bad of ['event_type=click_media', 'os_type=BEOS', 'event_source=SMS', 'start_time=2026-06-18&end_time=2026-06-17']) {
      expect(envelope(await h.call('GET', 'get_customer_events', { query: bad }, shop)).code, bad).toBe(3);
    }
    expect(envelope(await h.call('GET', '/api/v1/open_api/customer_events', { query: 'event_type=OPEN_EMAIL' }, shop)).code).toBe(0);
  });

  it('deletes events older than the retention period', async () => {
    const h = harness();
    const shop = await h.newShop(`events-retention-${dialect}.example.com`);
    await h.deps.db.kysely.transaction().execute((trx) => recordCustomerEvents(trx, shop.shop_id, [{ eventType: 'VIEW_REVIEW', eventSource: 'STOREFRONT', osType: 'OTHER' }], h.clock.now()));
    const count = async () => (await h.deps.db.kysely.selectFrom('customer_events').select('id').where('shop_id', '=', shop.shop_id).execute()).length;
    h.clock.advanceSeconds(399 * 86_400);
    try {
      await new RetentionJob({ db: h.deps.db, clock: h.clock, storage: h.deps.storage, customerEventRetentionDays: 400 }).runOnce();
      expect(await count()).toBe(1);
      h.clock.advanceSeconds(2 * 86_400);
      await new RetentionJob({ db: h.deps.db, clock: h.clock, storage: h.deps.storage, customerEventRetentionDays: 400 }).runOnce();
      expect(await count()).toBe(0);
    } finally {
      h.clock.advanceSeconds(-401 * 86_400);
    }
  });
});

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { appendOutboxEvent, appendOutboxEventsJson, appendSystemEvent, newEventId } from '../../src/outbox/outbox.js';
import { isTopic, TOPIC_SCOPES, TOPICS } from '../../src/outbox/topics.js';
import { createShop } from '../../src/shops/shop-service.js';
import { systemClock } from '../../src/time/clock.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

describe('topics', () => {
  it('lists each subscribable topic once, with the scope a platform needs for it', () => {
    expect(TOPICS).toEqual(Object.keys(TOPIC_SCOPES));
    expect(TOPICS).toContain('review/created');
    expect(TOPIC_SCOPES['order/updated']).toBe('read_orders');
    expect(isTopic('review/created')).toBe(true);
    expect(isTopic('shop/authorized')).toBe(false);
    expect(isTopic('toString')).toBe(false);
  });

  it('mints event ids that sort by time and never repeat', () => {
    const earlier = newEventId(1_700_000_000_000);
    const later = newEventId(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(earlier).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(new Set(Array.from({ length: 500 }, () => newEventId(1_700_000_000_000))).size).toBe(500);
  });
});

describeEachDatabase('outbox', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let shopId: string;
  const nowMs = 1_767_000_000_123;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.db.kysely;
    shopId = (await createShop(db, { secretKey: randomBytes(32), clock: systemClock }, { domain: `outbox-${dialect}.example.com`, name: 'Outbox' })).shop_id;
  });
  afterAll(() => database.destroy());

  const stored = () => db.selectFrom('outbox_events').selectAll().where('shop_id', '=', shopId).orderBy('id').execute();

  it('keeps an event with the writer’s transaction, and none when it rolls back', async () => {
    const kept = await db.transaction().execute((trx) => appendOutboxEvent(trx, shopId, 'review/created', { id: 1 }, nowMs));
    await expect(
      db.transaction().execute(async (trx) => {
        await appendOutboxEvent(trx, shopId, 'review/deleted', { id: 1 }, nowMs);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await stored();
    expect(rows.map((row) => [row.event_id, row.topic, JSON.parse(row.payload), row.occurred_at, row.platform_id, row.fanned_out_at])).toEqual([[kept, 'review/created', { id: 1 }, Math.floor(nowMs / 1000), null, null]]);
  });

  it('appends a batch of one topic, and a system event addressed to one platform', async () => {
    await appendOutboxEventsJson(db, shopId, 'customer_event/created', ['{"n":1}', '{"n":2}'], nowMs);
    await appendOutboxEventsJson(db, shopId, 'customer_event/created', [], nowMs);
    await appendSystemEvent(db, 'platform-1', shopId, 'shop/authorized', { shop_id: shopId }, nowMs);
    const rows = (await stored()).slice(1);
    expect(rows.map((row) => [row.topic, row.payload, row.platform_id])).toEqual([
      ['customer_event/created', '{"n":1}', null],
      ['customer_event/created', '{"n":2}', null],
      ['shop/authorized', JSON.stringify({ shop_id: shopId }), 'platform-1'],
    ]);
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(3);
  });
});

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, TEST_SECRET_KEY, useHarness } from '../support/harness.js';
import { deliverDue, deliveryJob, WEBHOOK_ENV } from '../support/webhooks.js';
import { verifyStandard, WebhookReceiver } from '../support/webhook-receiver.js';
import { killWorkerMidway, startWorker } from '../support/worker-process.js';

/** Per database: 60 kills in all across SQLite and PostgreSQL. */
const TRIALS = 30;
const EVENTS = 120;

describeEachDatabase('webhook worker killed at random points', (dialect) => {
  const harness = useHarness(dialect, { env: WEBHOOK_ENV });
  const receiver = new WebhookReceiver();
  beforeAll(async () => {
    await receiver.start();
    harness().clock.set(Date.now());
  });
  afterAll(() => receiver.stop());

  it('finishes the deliveries in flight on SIGTERM and leaves nothing claimed', async () => {
    const h = harness();
    const shop = await h.newShop(`graceful-${dialect}.example.com`);
    receiver.on('/graceful', { kind: 'answer', status: 200, body: '{"code":0}', delayMs: 1500 });
    await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: `${receiver.origin}/graceful` } }, shop);
    for (let i = 0; i < 3; i += 1) await createReviewVia(h, {}, shop);
    const env = { ...WEBHOOK_ENV, DATABASE_URL: h.databaseUrl, SECRET_KEY: TEST_SECRET_KEY, DATA_DIR: path.dirname(h.databaseUrl) };
    const { child, exited } = await startWorker(env);
    while (receiver.at('/graceful').length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    // Every request is now waiting for the receiver's answer.
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const rows = await h.deps.db.kysely.selectFrom('webhook_deliveries').select(['status', 'claimed_by']).where('shop_id', '=', shop.shop_id).execute();
    expect(rows).toEqual([
      { status: 'succeeded', claimed_by: null },
      { status: 'succeeded', claimed_by: null },
      { status: 'succeeded', claimed_by: null },
    ]);
    expect(receiver.at('/graceful')).toHaveLength(3);
  }, 60_000);

  it(`loses no committed event over ${TRIALS} SIGKILLs, and every redelivery carries the same webhook-id`, async () => {
    const h = harness();
    const shop = await h.newShop(`crash-${dialect}.example.com`);
    // A slow receiver, so kills land while requests are in flight.
    receiver.on('/crash', { kind: 'answer', status: 200, body: '{"code":0}', delayMs: 15 });
    const hook = envelope<{ id: string; secret: string }>(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: `${receiver.origin}/crash` } }, shop)).data!;
    for (let i = 0; i < EVENTS; i += 1) await createReviewVia(h, { product_id: String(i) }, shop);
    const events = await h.deps.db.kysely.selectFrom('outbox_events').select('event_id').where('shop_id', '=', shop.shop_id).where('topic', '=', 'review/created').execute();
    expect(events).toHaveLength(EVENTS);

    const env = { ...WEBHOOK_ENV, DATABASE_URL: h.databaseUrl, SECRET_KEY: TEST_SECRET_KEY, DATA_DIR: path.dirname(h.databaseUrl) };
    // The first worker fans out and claims most events, and its claims hold for the 60 s lease; were
    // it killed before its first send (a slow start under load), the next ones could find nothing
    // claimable and no killed worker would ever send. So it dies a random while after its first
    // request reaches the receiver, and the rest at random points from their start.
    const firstSend = () => expect.poll(() => receiver.at('/crash').length, { timeout: 30_000, interval: 10 }).toBeGreaterThan(0);
    for (let trial = 0; trial < TRIALS; trial += 1) await killWorkerMidway(env, 30 + Math.floor(Math.random() * 300), trial === 0 ? firstSend : undefined);

    const beforeSurvivor = receiver.at('/crash').length;
    // The killed workers did real work before dying (otherwise this test would prove nothing).
    expect(beforeSurvivor).toBeGreaterThan(0);
    // What the dead workers still held is claimable once their leases lapse; a survivor finishes.
    h.clock.set(Date.now() + 61_000);
    const survivor = deliveryJob(h);
    try {
      await deliverDue(survivor);
    } finally {
      survivor.close();
      h.clock.set(Date.now());
    }

    const received = receiver.at('/crash');
    console.info(`[${dialect}] ${TRIALS} kills: ${beforeSurvivor} deliveries by killed workers, ${received.length - beforeSurvivor} by the survivor, ${received.length - EVENTS} redeliveries`);
    const delivered = new Set(received.map((r) => String(r.headers['webhook-id'])));
    expect([...delivered].sort()).toEqual(events.map((e) => e.event_id).sort());
    for (const delivery of received) {
      expect((JSON.parse(delivery.body) as { event_id: string }).event_id).toBe(delivery.headers['webhook-id']);
    }
    // Signatures hold on redeliveries too (they were signed at real time, within the tolerance).
    expect(verifyStandard(received.at(-1)!, hook.secret)).toBeTruthy();
    const pending = await h.deps.db.kysely.selectFrom('webhook_deliveries').select('status').where('shop_id', '=', shop.shop_id).where('status', '!=', 'succeeded').execute();
    expect(pending).toEqual([]);
  }, 600_000);
});

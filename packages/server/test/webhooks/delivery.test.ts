import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimDueDeliveries } from '../../src/webhooks/delivery-repository.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { issueTokens, mintCode, platformDeps, registerPlatform } from '../support/oauth.js';
import { deliverAllDue, deliverDue, deliveryJob, INWARD_NAME, testResolver, WEBHOOK_ENV } from '../support/webhooks.js';
import { type ReceivedDelivery, useWebhookReceiver, verifyStandard, verifyTrustoo } from '../support/webhook-receiver.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';

interface Body {
  topic: string;
  event_id: string;
  occurred_at: string;
  list?: Array<Record<string, unknown>>;
  data?: Record<string, unknown>;
}

const parse = (delivery: ReceivedDelivery) => JSON.parse(delivery.body) as Body;

describeEachDatabase('webhook deliveries', (dialect) => {
  const harness = useHarness(dialect, { env: WEBHOOK_ENV, resolveHost: testResolver });
  const receiver = useWebhookReceiver(harness);

  async function subscribe(h: Harness, shop: ShopCredentials, topic: string, path: string, headers: Record<string, string> = {}) {
    const answer = envelope<{ id: string; secret: string }>(await h.call('POST', 'create_shop_webhook', { body: { topic, url: `${receiver.origin}${path}` }, headers }, shop));
    expect(answer.code).toBe(0);
    return answer.data!;
  }

  async function attemptsOf(h: Harness, webhookId: string) {
    return h.deps.db.kysely
      .selectFrom('webhook_attempts as a')
      .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
      .select(['a.attempt', 'a.status', 'a.http_status', 'a.error', 'a.response_excerpt', 'a.next_attempt_at', 'a.created_at', 'd.status as delivery_status', 'd.event_id'])
      .where('d.subscription_id', '=', Number(webhookId))
      .orderBy('a.id')
      .execute();
  }

  it('signs with the previous secret too for 24 hours after a rotation, and not one second longer', async () => {
    const h = harness();
    const shop = await h.newShop(`rotate-deliver-${dialect}.example.com`);
    const hook = await subscribe(h, shop, 'review/created', '/e2e/rotated');
    const rotated = envelope<{ secret: string }>(await h.call('POST', 'rotate_shop_webhook_secret', { body: { id: hook.id } }, shop)).data!.secret;
    /** The Standard Webhooks signature of a delivery under one secret, computed here from the specification. */
    const signatureUnder = (delivery: ReceivedDelivery, secret: string) =>
      `v1,${createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${String(delivery.headers['webhook-id'])}.${String(delivery.headers['webhook-timestamp'])}.${delivery.body}`).digest('base64')}`;
    const deliverOne = async () => {
      const before = receiver.at('/e2e/rotated').length;
      await createReviewVia(h, { product_id: '78', rating: 5, author: 'Rotation' }, shop);
      await deliverAllDue(h);
      const delivered = receiver.at('/e2e/rotated');
      expect(delivered).toHaveLength(before + 1);
      const delivery = delivered[delivered.length - 1]!;
      const signatures = String(delivery.headers['webhook-signature']).split(' ');
      return { newSecret: signatures.includes(signatureUnder(delivery, rotated)), oldSecret: signatures.includes(signatureUnder(delivery, hook.secret)), count: signatures.length };
    };
    const start = h.clock.now();
    try {
      expect(await deliverOne()).toEqual({ newSecret: true, oldSecret: true, count: 2 });
      h.clock.set(start + 86_400_000 - 1000);
      expect(await deliverOne()).toEqual({ newSecret: true, oldSecret: true, count: 2 });
      // At 24 hours exactly the previous secret has stopped signing.
      h.clock.set(start + 86_400_000);
      expect(await deliverOne()).toEqual({ newSecret: true, oldSecret: false, count: 1 });
    } finally {
      h.clock.set(start);
    }
  });

  it('delivers created and hidden reviews signed both ways, with the shop stamped on each object', async () => {
    const h = harness();
    const shop = await h.newShop(`deliver-${dialect}.example.com`);
    const created = await subscribe(h, shop, 'review/created', '/e2e/created');
    const deleted = await subscribe(h, shop, 'review/deleted', '/e2e/deleted');
    const job = deliveryJob(h);
    try {
      const id = await createReviewVia(h, { product_id: '77', rating: 4, author: 'Ann' }, shop);
      expect(envelope(await h.call('POST', 'update_review', { body: { id, is_published: 0 } }, shop)).code).toBe(0);
      await deliverDue(job);
    } finally {
      job.close();
    }
    const [createdDelivery] = receiver.at('/e2e/created');
    const [deletedDelivery] = receiver.at('/e2e/deleted');
    for (const [delivery, hook] of [[createdDelivery, created], [deletedDelivery, deleted]] as const) {
      expect(delivery).toBeDefined();
      expect(verifyStandard(delivery!, hook.secret)).toBeTruthy();
      expect(verifyTrustoo(delivery!, shop.private_token, shop.public_token)).toBe(true);
      expect(delivery!.headers['content-type']).toBe('application/json');
      expect(delivery!.headers['user-agent']).toMatch(/^Plaudit-Webhooks\//);
      expect(delivery!.headers['open-trustoo-webhook-requestid']).toMatch(/^[0-9a-f]{32}$/);
      expect(delivery!.headers['webhook-id']).toBe(parse(delivery!).event_id);
    }
    const body = parse(createdDelivery!);
    expect(body).toMatchObject({ topic: 'review/created', event_id: expect.stringMatching(/^evt_/), occurred_at: expect.stringMatching(/Z$/) });
    expect(body.list![0]).toMatchObject({ my_shopify_domain: shop.domain, shopify_shop_id: shop.shop_id, product_id: '77', rating: 4, author: 'Ann' });
    expect(Object.keys(body.list![0]!).slice(0, 3)).toEqual(['id', 'my_shopify_domain', 'shopify_shop_id']);
    expect(parse(deletedDelivery!).list![0]).toMatchObject({ is_published: 0 });
    const log = envelope<{ page: unknown; list: Array<{ status: string; attempt: number; http_status: number; response_body: string }> }>(await h.call('GET', 'get_webhook_deliveries', { query: `webhook_id=${created.id}` }, shop));
    expect(log.data!.page).toEqual({ page: 1, page_size: 20, total_page: 1, count: 1 });
    expect(log.data!.list).toEqual([expect.objectContaining({ status: 'succeeded', attempt: 1, http_status: 200, response_body: '{"code":0,"message":"success"}' })]);
  });

  it('signs platform-owned webhooks with the client id and secret, and delivers system webhooks to the platform', async () => {
    const h = harness();
    const shop = await h.newShop(`deliver-platform-${dialect}.example.com`);
    const platform = await registerPlatform(platformDeps(h), { name: `Delivery Partner ${dialect}` });
    await h.deps.db.kysely.updateTable('platforms').set({ webhook_url: `${receiver.origin}/system/${dialect}` }).where('client_id', '=', platform.client_id).execute();
    const tokens = await issueTokens(platformDeps(h), platform.client_id, shop.shop_id, ['write_reviews']);
    const hook = await subscribe(h, shop, 'review/created', `/platform-owned/${dialect}`, { authorization: `Bearer ${tokens.accessToken}` });
    await createReviewVia(h, {}, shop);
    await deliverAllDue(h);
    const [owned] = receiver.at(`/platform-owned/${dialect}`);
    expect(verifyTrustoo(owned!, platform.client_secret, platform.client_id)).toBe(true);
    expect(verifyStandard(owned!, hook.secret)).toBeTruthy();
    const [system] = receiver.at(`/system/${dialect}`);
    expect(verifyTrustoo(system!, platform.client_secret, platform.client_id)).toBe(true);
    expect(verifyStandard(system!, platform.webhook_secret)).toBeTruthy();
    expect(parse(system!)).toMatchObject({ topic: 'shop/authorized', data: { shop_id: shop.shop_id, shop_domain: shop.domain, client_id: platform.client_id, status: 'active', scopes: 'write_reviews' } });
  });

  it('stops delivering to a platform the merchant cancelled', async () => {
    const h = harness();
    const shop = await h.newShop(`deliver-cancelled-${dialect}.example.com`);
    const platform = await registerPlatform(platformDeps(h), { name: `Cancelled Partner ${dialect}` });
    const tokens = await issueTokens(platformDeps(h), platform.client_id, shop.shop_id, ['write_reviews']);
    await subscribe(h, shop, 'review/created', `/cancelled/${dialect}`, { authorization: `Bearer ${tokens.accessToken}` });
    expect(envelope(await h.call('POST', 'oauth/cancel', { body: { client_id: platform.client_id } }, shop)).code).toBe(0);
    await createReviewVia(h, {}, shop);
    await deliverAllDue(h);
    expect(receiver.at(`/cancelled/${dialect}`)).toEqual([]);
  });

  describe('receivers that fail', () => {
    it('records each failure and schedules the retry it calls for', async () => {
      const h = harness();
      const shop = await h.newShop(`deliver-faults-${dialect}.example.com`);
      receiver.on(`/fault/${dialect}/500`, { kind: 'answer', status: 500, body: 'boom' });
      receiver.on(`/fault/${dialect}/hang`, { kind: 'hang' });
      receiver.on(`/fault/${dialect}/reset`, { kind: 'reset' });
      receiver.on(`/fault/${dialect}/redirect`, { kind: 'answer', status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } });
      receiver.on(`/fault/${dialect}/code1`, { kind: 'answer', status: 200, body: '{"code":1,"message":"nope"}' });
      receiver.on(`/fault/${dialect}/gone`, { kind: 'answer', status: 410 });
      receiver.on(`/fault/${dialect}/throttle`, { kind: 'answer', status: 429, headers: { 'retry-after': '120' } });
      receiver.on(`/fault/${dialect}/huge`, { kind: 'huge', bytes: 10 * 1024 * 1024 });
      const hooks: Record<string, string> = {};
      for (const name of ['500', 'hang', 'reset', 'redirect', 'code1', 'gone', 'throttle', 'huge']) hooks[name] = (await subscribe(h, shop, 'review/created', `/fault/${dialect}/${name}`)).id;
      await createReviewVia(h, {}, shop);
      const now = Math.floor(h.clock.now() / 1000);
      const job = deliveryJob(h);
      try {
        await job.runOnce();
      } finally {
        job.close();
      }
      const only = async (name: string) => {
        const attempts = await attemptsOf(h, hooks[name]!);
        expect(attempts).toHaveLength(1);
        return attempts[0]!;
      };
      const within = (at: number | null, seconds: number) => {
        expect(at).not.toBeNull();
        expect(at! - now).toBeGreaterThanOrEqual(Math.floor(seconds * 0.9));
        expect(at! - now).toBeLessThanOrEqual(Math.ceil(seconds * 1.1) + 1);
      };
      const e500 = await only('500');
      expect(e500).toMatchObject({ status: 'failed', http_status: 500, error: 'HTTP 500', response_excerpt: 'boom', delivery_status: 'pending' });
      within(e500.next_attempt_at, 180);
      expect(await only('hang')).toMatchObject({ status: 'failed', http_status: null, error: 'timeout', delivery_status: 'pending' });
      expect(await only('reset')).toMatchObject({ status: 'failed', error: expect.stringMatching(/connection reset|socket hang up/) });
      expect(await only('redirect')).toMatchObject({ status: 'failed', http_status: 302 });
      expect(receiver.received.filter((r) => r.path.includes('meta-data'))).toEqual([]);
      expect(await only('code1')).toMatchObject({ status: 'failed', http_status: 200, error: 'receiver answered a non-zero code' });
      expect(await only('gone')).toMatchObject({ status: 'failed', http_status: 410, delivery_status: 'failed', next_attempt_at: null });
      const gone = await h.deps.db.kysely.selectFrom('webhook_subscriptions').selectAll().where('id', '=', Number(hooks.gone)).executeTakeFirstOrThrow();
      expect(gone).toMatchObject({ status: 'disabled', disabled_reason: 'the receiver answered 410 Gone' });
      const notices = await h.deps.db.kysely.selectFrom('shop_notices').selectAll().where('shop_id', '=', shop.shop_id).execute();
      expect(notices.map((n) => n.kind)).toEqual(['webhook_disabled']);
      const throttled = await only('throttle');
      expect(throttled).toMatchObject({ status: 'failed', http_status: 429 });
      expect(throttled.next_attempt_at).toBe(now + 120);
      const huge = await only('huge');
      expect(huge).toMatchObject({ status: 'succeeded', http_status: 200 });
      expect(huge.response_excerpt.length).toBe(2048);
    });

    it('retries on the schedule, ten attempts in all, with the same webhook-id, then fails the delivery', async () => {
      const h = harness();
      const shop = await h.newShop(`deliver-schedule-${dialect}.example.com`);
      receiver.on(`/schedule/${dialect}`, { kind: 'answer', status: 503 });
      const hook = await subscribe(h, shop, 'review/created', `/schedule/${dialect}`);
      await createReviewVia(h, {}, shop);
      const job = deliveryJob(h);
      const start = h.clock.now();
      try {
        for (let round = 0; round < 12; round += 1) {
          await deliverDue(job);
          h.clock.advanceSeconds(30 * 60);
        }
      } finally {
        job.close();
        h.clock.set(start);
      }
      const attempts = await attemptsOf(h, hook.id);
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(attempts.at(-1)).toMatchObject({ delivery_status: 'failed', next_attempt_at: null });
      attempts.slice(0, 9).forEach((attempt, index) => {
        const planned = (index + 1) * 3 * 60;
        expect(attempt.next_attempt_at! - attempt.created_at).toBeGreaterThanOrEqual(Math.floor(planned * 0.9));
        expect(attempt.next_attempt_at! - attempt.created_at).toBeLessThanOrEqual(Math.ceil(planned * 1.1));
      });
      const ids = new Set(receiver.at(`/schedule/${dialect}`).map((d) => d.headers['webhook-id']));
      expect(ids.size).toBe(1);
      const subscription = await h.deps.db.kysely.selectFrom('webhook_subscriptions').selectAll().where('id', '=', Number(hook.id)).executeTakeFirstOrThrow();
      expect(subscription.consecutive_failures).toBe(1);
    });

    it('disables a subscription after 100 failed deliveries in a row and tells the merchant', async () => {
      const h = harness();
      const shop = await h.newShop(`deliver-disable-${dialect}.example.com`);
      receiver.on(`/disable/${dialect}`, { kind: 'answer', status: 500 });
      const hook = await subscribe(h, shop, 'review/created', `/disable/${dialect}`);
      await h.deps.db.kysely.updateTable('webhook_subscriptions').set({ consecutive_failures: 99, failing_since: Math.floor(h.clock.now() / 1000) }).where('id', '=', Number(hook.id)).execute();
      await createReviewVia(h, {}, shop);
      const job = deliveryJob(h);
      try {
        await job.runOnce();
        // The delivery's tenth attempt is the one that fails for good.
        await h.deps.db.kysely.updateTable('webhook_deliveries').set({ attempts: 9, next_attempt_at: Math.floor(h.clock.now() / 1000) }).where('subscription_id', '=', Number(hook.id)).execute();
        await job.runOnce();
      } finally {
        job.close();
      }
      const subscription = await h.deps.db.kysely.selectFrom('webhook_subscriptions').selectAll().where('id', '=', Number(hook.id)).executeTakeFirstOrThrow();
      expect(subscription).toMatchObject({ status: 'disabled', consecutive_failures: 100 });
      const notice = await h.deps.db.kysely.selectFrom('shop_notices').selectAll().where('shop_id', '=', shop.shop_id).executeTakeFirstOrThrow();
      expect(notice.message).toContain('100 deliveries in a row failed');
    });

    it('blocks at delivery time a name that resolves inward, and sends nothing', async () => {
      const h = harness();
      const shop = await h.newShop(`deliver-rebind-${dialect}.example.com`);
      const port = new URL(receiver.origin).port;
      const answer = envelope<{ id: string }>(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: `http://${INWARD_NAME}:${port}/rebind/${dialect}` } }, shop));
      await createReviewVia(h, {}, shop);
      const job = deliveryJob(h, { allowPrivate: false });
      try {
        await job.runOnce();
      } finally {
        job.close();
      }
      const [attempt] = await attemptsOf(h, answer.data!.id);
      expect(attempt!.error).toMatch(/^blocked address/);
      expect(receiver.at(`/rebind/${dialect}`)).toEqual([]);
    });
  });

  it('reports the queue in /metrics: events awaiting fan-out, then deliveries awaiting a retry', async () => {
    const h = harness();
    const shop = await h.newShop(`deliver-metrics-${dialect}.example.com`);
    receiver.on(`/metrics/${dialect}`, { kind: 'answer', status: 500 });
    await subscribe(h, shop, 'review/created', `/metrics/${dialect}`);
    await createReviewVia(h, {}, shop);
    const gauge = async (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec((await h.app.inject('/metrics')).body)?.[1]);
    expect(await gauge('plaudit_outbox_events_unprocessed')).toBeGreaterThanOrEqual(1);
    await deliverAllDue(h);
    expect(await gauge('plaudit_outbox_events_unprocessed')).toBe(0);
    expect(await gauge('plaudit_webhook_deliveries_pending')).toBeGreaterThanOrEqual(1);
  });

  it('replays a delivery with the same webhook-id', async () => {
    const h = harness();
    const shop = await h.newShop(`deliver-replay-${dialect}.example.com`);
    const hook = await subscribe(h, shop, 'review/created', `/replay/${dialect}`);
    await createReviewVia(h, {}, shop);
    const job = deliveryJob(h);
    try {
      await deliverDue(job);
      const log = envelope<{ list: Array<{ id: string }> }>(await h.call('GET', 'get_webhook_deliveries', { query: `webhook_id=${hook.id}` }, shop));
      const replay = envelope<{ id: string; status: string; event_id: string }>(await h.call('POST', 'replay_webhook_delivery', { body: { delivery_id: log.data!.list[0]!.id } }, shop));
      expect(replay.data).toMatchObject({ status: 'pending' });
      expect(replay.data!.id).not.toBe(log.data!.list[0]!.id);
      await deliverDue(job);
    } finally {
      job.close();
    }
    const received = receiver.at(`/replay/${dialect}`);
    expect(received).toHaveLength(2);
    expect(received[0]!.headers['webhook-id']).toBe(received[1]!.headers['webhook-id']);
    expect(received[0]!.headers['open-trustoo-webhook-requestid']).not.toBe(received[1]!.headers['open-trustoo-webhook-requestid']);
  });

  it('cancels pending deliveries of a deleted webhook', async () => {
    const h = harness();
    const shop = await h.newShop(`deliver-delete-${dialect}.example.com`);
    receiver.on(`/deleted-hook/${dialect}`, { kind: 'answer', status: 500 });
    const hook = await subscribe(h, shop, 'review/created', `/deleted-hook/${dialect}`);
    await createReviewVia(h, {}, shop);
    const job = deliveryJob(h);
    try {
      await job.runOnce();
      expect(envelope(await h.call('POST', 'delete_shop_webhook', { body: { id: hook.id } }, shop)).code).toBe(0);
      h.clock.advanceSeconds(3600);
      await deliverDue(job);
    } finally {
      job.close();
      h.clock.advanceSeconds(-3600);
    }
    expect(receiver.at(`/deleted-hook/${dialect}`)).toHaveLength(1);
    const statuses = await h.deps.db.kysely.selectFrom('webhook_deliveries').select('status').where('subscription_id', '=', Number(hook.id)).execute();
    expect(statuses).toEqual([{ status: 'cancelled' }]);
  });

  it('retries a delivery whose worker died holding the claim, once the lease lapses', async () => {
    const h = harness();
    const shop = await h.newShop(`deliver-lease-${dialect}.example.com`);
    await subscribe(h, shop, 'review/created', `/lease/${dialect}`);
    await createReviewVia(h, {}, shop);
    const survivor = deliveryJob(h, { workerId: 'survivor' });
    try {
      // A worker fans out and claims, then dies before sending.
      const { fanOutPendingEvents } = await import('../../src/webhooks/fan-out.js');
      const now = Math.floor(h.clock.now() / 1000);
      await fanOutPendingEvents(h.deps.db.kysely, h.deps.db.dialect, now, 500);
      const claimed = await claimDueDeliveries(h.deps.db.kysely, h.deps.db.dialect, 'dead-worker', now, now + 60, 1000);
      expect(claimed.length).toBeGreaterThan(0);
      await survivor.runOnce();
      expect(receiver.at(`/lease/${dialect}`)).toHaveLength(0);
      h.clock.advanceSeconds(61);
      await deliverDue(survivor);
    } finally {
      survivor.close();
      h.clock.advanceSeconds(-61);
    }
    expect(receiver.at(`/lease/${dialect}`)).toHaveLength(1);
  });

  it('lets two workers share deliveries without sending any attempt twice', async () => {
    const h = harness();
    const shop = await h.newShop(`deliver-two-workers-${dialect}.example.com`);
    await subscribe(h, shop, 'review/created', `/two-workers/${dialect}`);
    for (let i = 0; i < 60; i += 1) await createReviewVia(h, {}, shop);
    const first = deliveryJob(h, { workerId: 'first' });
    const second = deliveryJob(h, { workerId: 'second' });
    try {
      await Promise.all([deliverDue(first), deliverDue(second)]);
    } finally {
      first.close();
      second.close();
    }
    const received = receiver.at(`/two-workers/${dialect}`);
    expect(received).toHaveLength(60);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(60);
    const attempts = await h.deps.db.kysely.selectFrom('webhook_attempts').select((eb) => eb.fn.countAll().as('n')).where('shop_id', '=', shop.shop_id).executeTakeFirstOrThrow();
    expect(Number(attempts.n)).toBe(60);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createShopWebhookOperation } from '../../src/open-api/webhooks/create-shop-webhook.route.js';
import { deleteShopWebhookOperation } from '../../src/open-api/webhooks/delete-shop-webhook.route.js';
import { getShopWebhooksOperation } from '../../src/open-api/webhooks/get-shop-webhooks.route.js';
import { getWebhookDeliveriesOperation } from '../../src/open-api/webhooks/get-webhook-deliveries.route.js';
import { replayWebhookDeliveryOperation } from '../../src/open-api/webhooks/replay-webhook-delivery.route.js';
import { rotateShopWebhookSecretOperation } from '../../src/open-api/webhooks/rotate-shop-webhook-secret.route.js';
import { updateShopWebhookOperation } from '../../src/open-api/webhooks/update-shop-webhook.route.js';
import type { AnyOperation } from '../../src/http/operation.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { type RequestParts, securitySuite } from '../support/security.js';
import { deliveryFor, INWARD_NAME, testResolver, WEBHOOK_ENV } from '../support/webhooks.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';

interface Webhook {
  id: string;
  topic: string;
  url: string;
  status: string;
  secret?: string;
}

const hookUrl = () => `https://hooks.partner.example/${randomBytes(6).toString('hex')}`;

async function createHook(h: Harness, shop: ShopCredentials = h.shop, topic = 'review/created', headers: Record<string, string> = {}): Promise<Webhook> {
  // The shared shops collect a webhook per security case; keep them under the per-owner limit.
  if (shop === h.shop || shop === h.otherShop) {
    const { n } = await h.deps.db.kysely.selectFrom('webhook_subscriptions').select((eb) => eb.fn.countAll().as('n')).where('shop_id', '=', shop.shop_id).executeTakeFirstOrThrow();
    if (Number(n) >= 15) await h.deps.db.kysely.deleteFrom('webhook_subscriptions').where('shop_id', '=', shop.shop_id).execute();
  }
  const answer = envelope<Webhook>(await h.call('POST', 'create_shop_webhook', { body: { topic, url: hookUrl() }, headers }, shop));
  expect(answer.code).toBe(0);
  return answer.data!;
}

describeEachDatabase('webhook subscription endpoints', (dialect) => {
  const harness = useHarness(dialect, { env: WEBHOOK_ENV, resolveHost: testResolver });

  describe('security', () => {
    /** A subscription of the harness's platform, made with its token: what the topic-scope checks guard. */
    const platformHook = async (h: Harness, token: string) => (await createHook(h, h.shop, 'review/created', { authorization: `Bearer ${token}` })).id;
    const writeReviews = (valid: (h: Harness, token: string) => Promise<RequestParts>) => ({ scope: 'write_reviews' as const, valid });
    const onOneHook = (op: AnyOperation, body: (id: string) => Record<string, unknown>) =>
      securitySuite(harness, {
        op,
        valid: async (h) => ({ body: body((await createHook(h)).id) }),
        foreign: async (h) => {
          const foreignId = (await createHook(h, h.otherShop)).id;
          const missingId = String(Number(foreignId) + 100_000);
          return { foreign: { body: body(foreignId) }, missing: { body: body(missingId) }, foreignId, missingId };
        },
        topicScope: writeReviews(async (h, token) => ({ body: body(await platformHook(h, token)) })),
      });
    describe('create_shop_webhook', () =>
      securitySuite(harness, { op: createShopWebhookOperation, valid: async () => ({ body: { topic: 'review/created', url: hookUrl() } }), topicScope: writeReviews(async () => ({ body: { topic: 'review/created', url: hookUrl() } })) }));
    describe('update_shop_webhook', () => onOneHook(updateShopWebhookOperation, (id) => ({ id, url: hookUrl() })));
    describe('delete_shop_webhook', () => onOneHook(deleteShopWebhookOperation, (id) => ({ id })));
    describe('rotate_shop_webhook_secret', () => onOneHook(rotateShopWebhookSecretOperation, (id) => ({ id })));
    describe('get_shop_webhooks', () =>
      securitySuite(harness, { op: getShopWebhooksOperation, valid: async () => ({ query: 'topic=review/created' }), topicScope: writeReviews(async () => ({ query: 'topic=review/created' })) }));
    describe('get_webhook_deliveries', () =>
      securitySuite(harness, {
        op: getWebhookDeliveriesOperation,
        valid: async () => ({ query: 'status=failed' }),
        // A list: deliveries of topics the token's scopes do not cover are left out, not refused.
        topicScope: {
          scope: 'write_reviews',
          valid: async (h, token) => {
            const hook = await platformHook(h, token);
            await deliveryFor(h, h.shop.shop_id, hook);
            return { query: `webhook_id=${hook}` };
          },
          filtered: (data) => (data as { list: unknown[] }).list.length,
        },
      }));
    describe('replay_webhook_delivery', () =>
      securitySuite(harness, {
        op: replayWebhookDeliveryOperation,
        valid: async (h) => ({ body: { delivery_id: await deliveryFor(h, h.shop.shop_id, (await createHook(h)).id) } }),
        foreign: async (h) => {
          const foreignId = await deliveryFor(h, h.otherShop.shop_id, (await createHook(h, h.otherShop)).id);
          return { foreign: { body: { delivery_id: foreignId } }, missing: { body: { delivery_id: foreignId + 100_000 } }, foreignId: String(foreignId), missingId: String(foreignId + 100_000) };
        },
        topicScope: writeReviews(async (h, token) => ({ body: { delivery_id: await deliveryFor(h, h.shop.shop_id, await platformHook(h, token)) } })),
      }));
  });

  it('creates a webhook with a whsec_ secret shown once, lists it, updates and deletes it', async () => {
    const h = harness();
    const shop = await h.newShop(`hooks-crud-${dialect}.example.com`);
    const created = await createHook(h, shop);
    expect(created).toMatchObject({ id: expect.stringMatching(/^\d+$/), topic: 'review/created', status: 'active', secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/) });
    const listed = envelope<Webhook[]>(await h.call('GET', 'get_shop_webhooks', {}, shop)).data!;
    expect(listed).toEqual([{ id: created.id, topic: 'review/created', url: created.url, status: 'active', created_at: '2026-06-17T07:55:00Z', updated_at: '2026-06-17T07:55:00Z' }]);
    const stored = JSON.stringify(await h.deps.db.kysely.selectFrom('webhook_subscriptions').selectAll().execute());
    expect(stored).not.toContain(created.secret!.slice(6));

    const updated = envelope<Webhook>(await h.call('POST', 'update_shop_webhook', { body: { id: created.id, topic: 'review/deleted', status: 'disabled' } }, shop));
    expect(updated.data).toMatchObject({ topic: 'review/deleted', status: 'disabled' });
    expect(envelope(await h.call('GET', 'get_shop_webhooks', { query: 'topic=review/created' }, shop)).data).toEqual([]);
    expect(envelope(await h.call('POST', 'delete_shop_webhook', { body: { id: created.id } }, shop)).data).toEqual({ id: created.id });
    expect(envelope(await h.call('POST', 'delete_shop_webhook', { body: { id: created.id } }, shop)).code).toBe(5);
  });

  it('refuses the same topic and URL twice (code 6) and a 21st webhook (code 3)', async () => {
    const h = harness();
    const shop = await h.newShop(`hooks-limits-${dialect}.example.com`);
    const url = hookUrl();
    expect(envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url } }, shop)).code).toBe(0);
    expect(envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url } }, shop)).code).toBe(6);
    for (let i = 1; i < 20; i += 1) await createHook(h, shop);
    const over = envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: hookUrl() } }, shop));
    expect(over).toMatchObject({ code: 3, message: expect.stringContaining('at most 20') });
  });

  it('validates topic and url', async () => {
    const h = harness();
    const bad = envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/exploded', url: 'ftp://x' } }));
    expect(bad.code).toBe(3);
    expect((bad.data as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort()).toEqual(['topic']);
    const url = envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: 'ftp://files.example/x' } }));
    expect(url).toMatchObject({ code: 3, data: { errors: [{ field: 'url', reason: 'must be an https URL' }] } });
  });

  it('takes a URL of 2,048 characters and refuses 2,049, saying so', async () => {
    const h = harness();
    const shop = await h.newShop(`hooks-url-length-${dialect}.example.com`);
    const base = 'https://hooks.partner.example/';
    const longest = `${base}${'a'.repeat(2048 - base.length)}`;
    expect(envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: longest } }, shop)).code).toBe(0);
    const over = envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: `${longest}b` } }, shop));
    expect(over).toMatchObject({ code: 3, data: { errors: [{ field: 'url' }] } });
  });

  it('names what it refuses: an unknown webhook, a duplicate, the 21st', async () => {
    const h = harness();
    const shop = await h.newShop(`hooks-words-${dialect}.example.com`);
    const missing = envelope(await h.call('POST', 'update_shop_webhook', { body: { id: 987654, status: 'disabled' } }, shop));
    expect(missing).toMatchObject({ code: 5, message: 'webhook 987654 not found' });
    const hook = await createHook(h, shop);
    const twice = envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: hook.url } }, shop));
    expect(twice).toMatchObject({ code: 6, message: 'a webhook for review/created at this url already exists' });
    for (let i = 1; i < 20; i += 1) await createHook(h, shop);
    const over = envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: hookUrl() } }, shop));
    expect(over).toMatchObject({ code: 3, data: { errors: [{ field: 'topic', reason: 'at most 20 webhooks per owner; delete one first' }] } });
  });

  it('refuses an update that would duplicate another webhook, by topic or by url alone', async () => {
    const h = harness();
    const shop = await h.newShop(`hooks-update-dup-${dialect}.example.com`);
    const sharedUrl = hookUrl();
    const created = envelope<Webhook>(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: sharedUrl } }, shop)).data!;
    const deleted = envelope<Webhook>(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/deleted', url: sharedUrl } }, shop)).data!;
    const elsewhere = envelope<Webhook>(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: hookUrl() } }, shop)).data!;
    // Only the topic changes, onto the other webhook's (topic, url).
    const byTopic = envelope(await h.call('POST', 'update_shop_webhook', { body: { id: deleted.id, topic: 'review/created' } }, shop));
    expect(byTopic).toMatchObject({ code: 6, message: 'a webhook for review/created at this url already exists' });
    // Only the url changes, onto the other webhook's (topic, url).
    const byUrl = envelope(await h.call('POST', 'update_shop_webhook', { body: { id: elsewhere.id, url: sharedUrl } }, shop));
    expect(byUrl).toMatchObject({ code: 6, message: 'a webhook for review/created at this url already exists' });
    // Saving a webhook onto its own (topic, url) is no duplicate.
    expect(envelope(await h.call('POST', 'update_shop_webhook', { body: { id: created.id, topic: 'review/created', url: sharedUrl } }, shop)).code).toBe(0);
  });

  it('resets the failure count only when a disabled webhook is enabled, and records who disabled one', async () => {
    const h = harness();
    const shop = await h.newShop(`hooks-status-${dialect}.example.com`);
    const db = h.deps.db.kysely;
    const hook = await createHook(h, shop);
    const row = () => db.selectFrom('webhook_subscriptions').select(['status', 'consecutive_failures', 'failing_since', 'disabled_reason']).where('id', '=', Number(hook.id)).executeTakeFirstOrThrow();
    const update = (body: Record<string, unknown>) => h.call('POST', 'update_shop_webhook', { body: { id: hook.id, ...body } }, shop);

    // An active webhook that is failing: saving it active again does not forgive its failures.
    await db.updateTable('webhook_subscriptions').set({ consecutive_failures: 3, failing_since: 1000 }).where('id', '=', Number(hook.id)).execute();
    await update({ status: 'active' });
    expect(await row()).toEqual({ status: 'active', consecutive_failures: 3, failing_since: 1000, disabled_reason: null });

    await update({ status: 'disabled' });
    expect(await row()).toEqual({ status: 'disabled', consecutive_failures: 3, failing_since: 1000, disabled_reason: 'disabled by its owner' });

    // Disabled by the worker for failing: saving it disabled, or changing its url, keeps that reason.
    await db.updateTable('webhook_subscriptions').set({ disabled_reason: 'failing for 5 days' }).where('id', '=', Number(hook.id)).execute();
    await update({ status: 'disabled' });
    await update({ url: hookUrl() });
    expect(await row()).toEqual({ status: 'disabled', consecutive_failures: 3, failing_since: 1000, disabled_reason: 'failing for 5 days' });

    await update({ status: 'active' });
    expect(await row()).toEqual({ status: 'active', consecutive_failures: 0, failing_since: null, disabled_reason: null });
  });

  it("lists to a platform only the webhooks its token's scopes cover", async () => {
    const h = harness();
    const shop = await h.newShop(`hooks-list-scopes-${dialect}.example.com`);
    const wide = { authorization: `Bearer ${await h.bearerToken(shop, ['write_reviews', 'read_orders'])}` };
    const reviews = await createHook(h, shop, 'review/created', wide);
    const orders = await createHook(h, shop, 'order/updated', wide);
    const listed = (headers: Record<string, string>) => h.call('GET', 'get_shop_webhooks', { headers }, shop).then((answer) => envelope<Webhook[]>(answer).data!.map((hook) => hook.id).sort());
    expect(await listed(wide)).toEqual([reviews.id, orders.id].sort());
    const narrow = { authorization: `Bearer ${await h.bearerToken(shop, ['write_reviews'])}` };
    expect(await listed(narrow)).toEqual([reviews.id]);
  });

  it('rotates the secret and keeps signing with the previous one for a day', async () => {
    const h = harness();
    const hook = await createHook(h);
    const rotated = envelope<{ id: string; secret: string }>(await h.call('POST', 'rotate_shop_webhook_secret', { body: { id: hook.id } }));
    expect(rotated.data!.secret).not.toBe(hook.secret);
    const row = await h.deps.db.kysely.selectFrom('webhook_subscriptions').selectAll().where('id', '=', Number(hook.id)).executeTakeFirstOrThrow();
    expect(row.previous_secret_expires_at).toBe(Math.floor(h.clock.now() / 1000) + 86_400);
  });

  describe('platform-owned webhooks', () => {
    it('belong to (platform, shop): the shop and other platforms cannot see or change them', async () => {
      const h = harness();
      const shop = await h.newShop(`hooks-platform-${dialect}.example.com`);
      const token = await h.bearerToken(shop, ['write_reviews', 'read_orders']);
      const bearer = { authorization: `Bearer ${token}` };
      const platformHook = await createHook(h, shop, 'review/created', bearer);
      const shopHook = await createHook(h, shop);
      const seenByPlatform = envelope<Webhook[]>(await h.call('GET', 'get_shop_webhooks', { headers: bearer }, shop)).data!.map((w) => w.id);
      const seenByShop = envelope<Webhook[]>(await h.call('GET', 'get_shop_webhooks', {}, shop)).data!.map((w) => w.id);
      expect(seenByPlatform).toEqual([platformHook.id]);
      expect(seenByShop).toEqual([shopHook.id]);
      expect(envelope(await h.call('POST', 'delete_shop_webhook', { body: { id: shopHook.id }, headers: bearer }, shop)).code).toBe(5);
      expect(envelope(await h.call('POST', 'delete_shop_webhook', { body: { id: platformHook.id } }, shop)).code).toBe(5);
    });

    it('need the scope of their topic (code 7 with insufficient_scope)', async () => {
      const h = harness();
      const shop = await h.newShop(`hooks-scope-${dialect}.example.com`);
      const readOnly = { authorization: `Bearer ${await h.bearerToken(shop, ['read_reviews', 'read_orders'])}` };
      const denied = await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: hookUrl() }, headers: readOnly }, shop);
      expect(denied.statusCode).toBe(403);
      expect(envelope(denied).code).toBe(7);
      expect(denied.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="write_reviews"');
      expect(envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'order/updated', url: hookUrl() }, headers: readOnly }, shop)).code).toBe(0);
      const events = await h.call('POST', 'create_shop_webhook', { body: { topic: 'customer_event/created', url: hookUrl() }, headers: readOnly }, shop);
      expect(events.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="read_customer_events"');
      expect(envelope(await h.call('GET', 'get_shop_webhooks', { query: 'topic=review/created', headers: readOnly }, shop)).code).toBe(7);
    });
  });
});

describeEachDatabase('webhook URL rules without WEBHOOK_ALLOW_* flags', (dialect) => {
  const harness = useHarness(dialect, { resolveHost: testResolver });
  const refused: Array<[string, string]> = [
    ['plain http', 'http://hooks.partner.example/x'],
    ['credentials in the URL', 'https://user:pass@hooks.partner.example/x'],
    ['localhost', 'https://localhost/x'],
    ['127.0.0.1', 'https://127.0.0.1/x'],
    ['[::1]', 'https://[::1]/x'],
    ['::ffff:127.0.0.1', 'https://[::ffff:127.0.0.1]/x'],
    ['0.0.0.0', 'https://0.0.0.0/x'],
    ['decimal IPv4', 'https://2130706433/x'],
    ['octal IPv4', 'https://0177.0.0.1/x'],
    ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data'],
    ['a private network', 'https://10.0.0.7/x'],
    ['a name resolving to loopback', `https://${INWARD_NAME}/x`],
    ['IPv4-compatible loopback (hex)', 'https://[::7f00:1]/'],
    ['IPv4-compatible loopback (dotted)', 'https://[::127.0.0.1]/'],
    ['6to4 of loopback', 'https://[2002:7f00:1::1]/'],
    ['local-use NAT64', 'https://[64:ff9b:1::7f00:1]/'],
    ['well-known NAT64 of the metadata address', 'https://[64:ff9b::a9fe:a9fe]/'],
    ['a unique-local address', 'https://[fd00::1]/x'],
    ['shared address space', 'https://100.64.0.1/x'],
  ];
  for (const [label, url] of refused) {
    it(`refuses ${label}`, async () => {
      const h = harness();
      const answer = envelope<{ errors: Array<{ field: string; reason: string }> }>(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url } }));
      expect(answer.code).toBe(3);
      expect(answer.data!.errors[0]!.field).toBe('url');
      expect(answer.data!.errors[0]!.reason).toMatch(/WEBHOOK_ALLOW_(HTTP|PRIVATE)=1|credentials/);
    });
  }

  it('accepts a public https URL', async () => {
    const h = harness();
    expect(envelope(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: 'https://93.184.215.14/hooks' } })).code).toBe(0);
  });
});

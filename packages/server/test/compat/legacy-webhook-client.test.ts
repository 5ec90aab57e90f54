import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { INWARD_NAME, testResolver, WEBHOOK_ENV } from '../support/webhooks.js';
import { keysFor } from './keys.js';
import { wildCall } from './wild-client.js';

interface LegacyWebhook {
  id: string;
  topic: string;
  url: string;
  created_at: string;
  updated_at: string;
}

// A legacy client of the older documentation: every call under /api/v1/open_api/, webhooks
// changed with PUT and removed with DELETE, success read as `code === 0`, and the webhook list
// read as an array.
describeEachDatabase('a legacy webhook client', (dialect) => {
  const harness = useListeningHarness(dialect, { env: WEBHOOK_ENV, resolveHost: testResolver });

  it('creates, lists as an array, updates with PUT and deletes with DELETE under /api/v1/open_api/', async () => {
    const h = harness();
    const keys = keysFor(h);
    const created = await wildCall<LegacyWebhook>(keys, { method: 'POST', path: '/api/v1/open_api/create_shop_webhook', body: { topic: 'review/created', url: `http://${INWARD_NAME}/hooks/reviews` } });
    expect(created.envelope.code).toBe(0);
    const id = created.envelope.data.id;

    const listed = await wildCall<LegacyWebhook[]>(keys, { method: 'GET', path: '/api/v1/open_api/get_shop_webhooks' });
    expect(listed.envelope.code).toBe(0);
    expect(Array.isArray(listed.envelope.data)).toBe(true);
    expect(listed.envelope.data).toEqual([expect.objectContaining({ id, topic: 'review/created', url: `http://${INWARD_NAME}/hooks/reviews`, created_at: expect.any(String), updated_at: expect.any(String) })]);

    const updated = await wildCall<LegacyWebhook>(keys, { method: 'PUT', path: '/api/v1/open_api/update_shop_webhook', body: { id, url: `http://${INWARD_NAME}/hooks/v2` } });
    expect(updated.envelope.code).toBe(0);
    expect(updated.envelope.data.url).toBe(`http://${INWARD_NAME}/hooks/v2`);

    const deleted = await wildCall<{ id: string }>(keys, { method: 'DELETE', path: '/api/v1/open_api/delete_shop_webhook', body: { id } });
    expect(deleted.envelope.code).toBe(0);
    const after = await wildCall<LegacyWebhook[]>(keys, { method: 'GET', path: '/api/v1/open_api/get_shop_webhooks' });
    expect(after.envelope.data).toEqual([]);
  });

  it('answers the legacy methods only where the legacy documentation used them', async () => {
    const h = harness();
    const keys = keysFor(h);
    const wrong = await wildCall(keys, { method: 'PUT', path: '/api/v1/open_api/create_shop_webhook', body: { topic: 'review/created', url: `http://${INWARD_NAME}/x` } });
    expect(wrong.status).toBe(405);
    expect(await h.deps.db.kysely.selectFrom('webhook_subscriptions').select('id').where('shop_id', '=', h.shop.shop_id).execute()).toEqual([]);
  });
});

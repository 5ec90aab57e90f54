import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../server/test/support/databases.js';
import { createReviewVia } from '../../server/test/support/factories.js';
import { envelope, useHarness } from '../../server/test/support/harness.js';
import { deliverAllDue, WEBHOOK_ENV } from '../../server/test/support/webhooks.js';
import { WebhookReceiver } from '../../server/test/support/webhook-receiver.js';
import { verifyStandardWebhook, verifyTrustooWebhook } from '../src/index.js';

describeEachDatabase('@plaudit/sdk webhook verification of real deliveries', (dialect) => {
  const harness = useHarness(dialect, { env: WEBHOOK_ENV });
  const receiver = new WebhookReceiver();
  beforeAll(async () => {
    await receiver.start();
    harness().clock.set(Date.now());
  });
  afterAll(() => receiver.stop());

  it('verifies both signature schemes of a delivery, during a secret rotation too, and refuses a tampered body', async () => {
    const h = harness();
    const hook = envelope<{ id: string; secret: string }>(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: `${receiver.origin}/sdk` } })).data!;
    const rotated = envelope<{ secret: string }>(await h.call('POST', 'rotate_shop_webhook_secret', { body: { id: hook.id } })).data!;
    await createReviewVia(h, { author: 'Ann' });
    await deliverAllDue(h);
    const [delivery] = receiver.at('/sdk');
    expect(await verifyStandardWebhook(delivery!.headers, delivery!.body, rotated.secret)).toBe(true);
    expect(await verifyStandardWebhook(delivery!.headers, delivery!.body, hook.secret)).toBe(true);
    expect(await verifyTrustooWebhook(delivery!.headers, delivery!.body, h.shop.private_token)).toBe(true);
    const tampered = delivery!.body.replace('"Ann"', '"Eve"');
    expect(await verifyStandardWebhook(delivery!.headers, tampered, rotated.secret)).toBe(false);
    expect(await verifyTrustooWebhook(delivery!.headers, tampered, h.shop.private_token)).toBe(false);
  });
});

import { Type } from '@sinclair/typebox';
import { defineOperation, TOPIC_SCOPE } from '../../http/operation.js';
import { createSubscription } from '../../webhooks/subscription-service.js';
import { TopicSchema, WebhookUrlSchema, WebhookWithSecretSchema } from './webhook-schemas.js';

export const createShopWebhookOperation = defineOperation({
  operation: 'create_shop_webhook',
  method: 'POST',
  scope: TOPIC_SCOPE,
  summary: 'Create Shop Webhook',
  description:
    'Subscribes an https URL to a topic. HMAC callers create shop-owned webhooks; bearer callers create webhooks owned by their platform for this shop, and need the topic\'s scope. At most 20 per owner; the same topic and URL twice is code 6. The secret is shown only here and on rotation.',
  tags: ['Webhooks'],
  body: Type.Object({ topic: TopicSchema, url: WebhookUrlSchema }),
  data: WebhookWithSecretSchema,
  async handler({ actor, body, db, deps, now }) {
    return createSubscription(db, actor, { secretKey: deps.secretKey, egress: deps.config.webhooks, resolveHost: deps.resolveHost, now }, body);
  },
});

import { Type } from '@sinclair/typebox';
import { defineOperation, TOPIC_SCOPE } from '../../http/operation.js';
import { listSubscriptions } from '../../webhooks/subscription-service.js';
import { TopicSchema, WebhookSchema } from './webhook-schemas.js';

export const getShopWebhooksOperation = defineOperation({
  operation: 'get_shop_webhooks',
  method: 'GET',
  scope: TOPIC_SCOPE,
  summary: 'Get Shop Webhooks',
  description: 'The caller\'s webhooks, as an array: the shop\'s own for HMAC callers, the platform\'s for this shop for bearer callers (only topics its scopes cover).',
  tags: ['Webhooks'],
  querystring: Type.Object({ topic: Type.Optional(TopicSchema) }),
  // An array, as Trustoo documents it (not the {list} of Plaudit's other lists).
  data: Type.Array(WebhookSchema),
  async handler({ actor, query, db }) {
    return listSubscriptions(db, actor, query.topic);
  },
});

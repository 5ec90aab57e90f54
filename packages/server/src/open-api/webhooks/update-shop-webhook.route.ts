import { Type } from '@sinclair/typebox';
import { defineOperation, TOPIC_SCOPE } from '../../http/operation.js';
import { BodyRecordId } from '../../http/wire-schemas.js';
import { updateSubscription } from '../../webhooks/subscription-service.js';
import { TopicSchema, WebhookSchema, WebhookUrlSchema } from './webhook-schemas.js';

export const updateShopWebhookOperation = defineOperation({
  operation: 'update_shop_webhook',
  method: 'POST',
  legacyMethod: 'PUT',
  scope: TOPIC_SCOPE,
  summary: 'Update Shop Webhook',
  description: 'Changes the topic, URL or status of one of the caller\'s webhooks. Re-enabling a disabled webhook resets its failure count.',
  tags: ['Webhooks'],
  body: Type.Object({
    id: BodyRecordId('the webhook id'),
    topic: Type.Optional(TopicSchema),
    url: Type.Optional(WebhookUrlSchema),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')], { 'x-reason': 'must be active or disabled' })),
  }),
  data: WebhookSchema,
  async handler({ actor, body, db, deps, now }) {
    return updateSubscription(db, actor, { secretKey: deps.secretKey, egress: deps.config.webhooks, resolveHost: deps.resolveHost, now }, { ...body, id: Number(body.id) });
  },
});

import { Type } from '@sinclair/typebox';
import { defineOperation, TOPIC_SCOPE } from '../../http/operation.js';
import { BodyRecordId } from '../../http/wire-schemas.js';
import { rotateSubscriptionSecret } from '../../webhooks/subscription-service.js';

export const rotateShopWebhookSecretOperation = defineOperation({
  operation: 'rotate_shop_webhook_secret',
  method: 'POST',
  scope: TOPIC_SCOPE,
  summary: 'Rotate Webhook Secret (Plaudit extension)',
  description: 'A new Standard Webhooks secret. For 24 hours deliveries carry a signature with each secret, so the receiver can switch without missing one.',
  tags: ['Webhooks'],
  body: Type.Object({ id: BodyRecordId('the webhook id') }),
  data: Type.Object({ id: Type.String(), secret: Type.String() }),
  async handler({ actor, body, db, deps, now }) {
    return rotateSubscriptionSecret(db, actor, { secretKey: deps.secretKey, egress: deps.config.webhooks, resolveHost: deps.resolveHost, now }, Number(body.id));
  },
});

import { Type } from '@sinclair/typebox';
import { defineOperation, TOPIC_SCOPE } from '../../http/operation.js';
import { BodyRecordId } from '../../http/wire-schemas.js';
import { deleteSubscription } from '../../webhooks/subscription-service.js';

export const deleteShopWebhookOperation = defineOperation({
  operation: 'delete_shop_webhook',
  method: 'POST',
  legacyMethod: 'DELETE',
  scope: TOPIC_SCOPE,
  summary: 'Delete Shop Webhook',
  description: 'Deletes one of the caller\'s webhooks; deliveries still pending for it are cancelled.',
  tags: ['Webhooks'],
  body: Type.Object({ id: BodyRecordId('the webhook id') }),
  data: Type.Object({ id: Type.String() }),
  async handler({ actor, body, db, now }) {
    return deleteSubscription(db, actor, Number(body.id), now);
  },
});

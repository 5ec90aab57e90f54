import { Type } from '@sinclair/typebox';
import { defineOperation, TOPIC_SCOPE } from '../../http/operation.js';
import { BodyRecordId } from '../../http/wire-schemas.js';
import { replayDelivery } from '../../webhooks/delivery-log.service.js';
import { DeliverySchema } from './delivery-schema.js';

export const replayWebhookDeliveryOperation = defineOperation({
  operation: 'replay_webhook_delivery',
  method: 'POST',
  scope: TOPIC_SCOPE,
  summary: 'Replay Webhook Delivery (Plaudit extension)',
  description: 'Sends the event of a delivery again, as a new delivery with the same webhook-id, to the webhook\'s current URL.',
  tags: ['Webhooks'],
  body: Type.Object({ delivery_id: BodyRecordId('the delivery to send again') }),
  data: DeliverySchema,
  async handler({ actor, body, db, now }) {
    return replayDelivery(db, actor, Number(body.delivery_id), now);
  },
});

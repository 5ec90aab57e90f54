import { Type } from '@sinclair/typebox';
import { defineOperation, TOPIC_SCOPE } from '../../http/operation.js';
import { Page, PageInfo, PageSize, QueryRecordId } from '../../http/wire-schemas.js';
import { listDeliveries } from '../../webhooks/delivery-log.service.js';
import { DeliverySchema } from './delivery-schema.js';

export const getWebhookDeliveriesOperation = defineOperation({
  operation: 'get_webhook_deliveries',
  method: 'GET',
  scope: TOPIC_SCOPE,
  summary: 'Get Webhook Deliveries (Plaudit extension)',
  description: 'The delivery log of the caller\'s webhooks, newest first: each delivery with its latest attempt and every attempt (status, HTTP status, error, duration, the first 2 KB of the answer). Kept 30 days.',
  tags: ['Webhooks'],
  querystring: Type.Object({
    webhook_id: Type.Optional(QueryRecordId('only this webhook')),
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')], { 'x-reason': 'must be pending, succeeded or failed' })),
    event_id: Type.Optional(Type.String({ maxLength: 64, description: 'only deliveries of this event' })),
    page: Type.Optional(Page()),
    page_size: Type.Optional(PageSize()),
  }),
  data: Type.Object({ page: PageInfo, list: Type.Array(DeliverySchema) }),
  async handler({ actor, query, db }) {
    return listDeliveries(db, actor, { ...query, page: query.page ?? 1, page_size: query.page_size ?? 20 });
  },
});

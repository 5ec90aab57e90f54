import { Type } from '@sinclair/typebox';

const nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(schema: T) => Type.Union([schema, Type.Null()]);

export const AttemptSchema = Type.Object({
  attempt: Type.Integer(),
  status: Type.String({ examples: ['failed'] }),
  http_status: nullable(Type.Integer()),
  error: nullable(Type.String({ examples: ['timeout', 'connection refused', 'blocked address'] })),
  duration_ms: Type.Integer(),
  request_id: Type.String({ description: 'the attempt id, sent as Open-Trustoo-Webhook-RequestId' }),
  response_body: Type.String({ description: 'the first 2 KB of the answer' }),
  created_at: Type.String({ format: 'date-time' }),
  next_attempt_at: nullable(Type.String({ format: 'date-time' })),
});

export const DeliverySchema = Type.Object({
  id: Type.String(),
  event_id: Type.String({ description: 'also the webhook-id header, the same on every retry and replay' }),
  webhook_id: Type.String(),
  topic: Type.String(),
  url: Type.String(),
  status: Type.String({ description: 'pending, succeeded, failed or cancelled' }),
  attempt: Type.Integer({ description: 'attempts made so far' }),
  http_status: nullable(Type.Integer()),
  error: nullable(Type.String()),
  duration_ms: nullable(Type.Integer()),
  request_id: nullable(Type.String()),
  response_body: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  next_attempt_at: nullable(Type.String({ format: 'date-time' })),
  attempts: Type.Array(AttemptSchema),
});

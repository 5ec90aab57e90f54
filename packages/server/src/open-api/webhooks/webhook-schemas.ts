import { Type } from '@sinclair/typebox';
import { TOPICS } from '../../outbox/topics.js';

export const TopicSchema = Type.Union(
  TOPICS.map((topic) => Type.Literal(topic)),
  { description: 'the event topic', 'x-reason': `must be one of ${TOPICS.join(', ')}` },
);

export const WebhookUrlSchema = Type.String({ maxLength: 2048, description: 'an https URL that receives the deliveries', 'x-reason': 'must be a string of at most 2,048 characters' });

export const WebhookSchema = Type.Object({
  id: Type.String({ examples: ['19'] }),
  topic: Type.String(),
  url: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')], { description: 'Plaudit extension' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const WebhookWithSecretSchema = Type.Composite([
  WebhookSchema,
  Type.Object({ secret: Type.String({ description: 'Standard Webhooks signing secret (whsec_…); shown only on creation and rotation' }) }),
]);

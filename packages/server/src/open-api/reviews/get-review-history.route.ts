import { Type } from '@sinclair/typebox';
import { notFound } from '../../http/errors.js';
import { defineOperation } from '../../http/operation.js';
import { historyOf } from '../../reviews/review-history.js';
import { creationTimesOf } from '../../reviews/review-repository.js';
import { resolveReviewId, ReviewIdQuery } from './review-id.js';

const ChangeSchema = Type.Object({
  field: Type.String(),
  from: Type.Unknown({ description: 'the value before; null for a new review, and always null for the reviewer\'s personal fields' }),
  to: Type.Unknown({ description: 'the value after; null for the reviewer\'s personal fields' }),
});

const HistoryEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    action: Type.String({ description: 'created | updated | deleted | anonymized' }),
    actor: Type.Object({
      kind: Type.String({ description: 'shop_api | platform | merchant | shopper | import | system' }),
      id: Type.String({ description: 'the platform\'s client id, the merchant\'s id, the system job; "" for the shop\'s API and shoppers' }),
      name: Type.String(),
    }),
    changes: Type.Array(ChangeSchema),
    occurred_at: Type.String({ format: 'date-time' }),
  },
  { title: 'ReviewHistoryEntry' },
);

export const getReviewHistoryOperation = defineOperation({
  operation: 'get_review_history',
  method: 'GET',
  scope: 'read_reviews',
  summary: 'Get Review History (Plaudit extension)',
  description:
    'Every change to one review, oldest first: who made it (the shop\'s API, a platform, a merchant in the console, a shopper, an import, the system) and which fields changed from what to what. Deleted reviews keep their history; other shops\' reviews answer code 5.',
  tags: ['Reviews'],
  querystring: ReviewIdQuery,
  data: Type.Object({ list: Type.Array(HistoryEntrySchema) }),
  async handler({ actor, query, db }) {
    const id = resolveReviewId(query.id, query.review_id);
    if (!(await creationTimesOf(db, actor.shopId, [id])).has(id)) throw notFound('review', id);
    return { list: await historyOf(db, actor.shopId, id) };
  },
});

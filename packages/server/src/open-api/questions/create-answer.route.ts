import { Type } from '@sinclair/typebox';
import { normalizeEmailAddress } from '../../customers/email-types.js';
import { defineOperation } from '../../http/operation.js';
import { BodyRecordId, EmailOrEmpty, Text } from '../../http/wire-schemas.js';
import { AUTHOR_KINDS, type AuthorKind, QuestionSchema, type QuestionStatus } from '../../questions/question-object.js';
import { createAnswer } from '../../questions/answer.service.js';
import { readShopSettings } from '../../shops/shop-settings.js';
import { ANSWER_MAX_LENGTH, StatusField } from './question-fields.js';

export const createAnswerOperation = defineOperation({
  operation: 'create_answer',
  method: 'POST',
  scope: 'write_questions',
  summary: 'Create Answer (Plaudit extension)',
  description:
    'Answers a question. By default the answer is the store\'s, published at once under the shop\'s sender name. A buyer\'s or shopper\'s answer relayed by a partner passes the moderation rules unless `status` is given, and shows "Verified buyer" when an order of `author_email` holds the product. Answers the question with all its answers.',
  tags: ['Questions'],
  body: Type.Object(
    {
      question_id: BodyRecordId('the question to answer'),
      content: Text(ANSWER_MAX_LENGTH, { minLength: 1, description: 'the answer' }),
      author_kind: Type.Optional(Type.Union(AUTHOR_KINDS.map((kind) => Type.Literal(kind)), { description: 'merchant (default), buyer or shopper', 'x-reason': `must be one of ${AUTHOR_KINDS.join(', ')}` })),
      author_name: Type.Optional(Text(120, { description: 'shown with the answer; for the store\'s answers, default the shop\'s sender name' })),
      author_email: Type.Optional(EmailOrEmpty),
      status: Type.Optional(StatusField('the caller\'s decision; absent, the store\'s answers are published and others pass the moderation rules')),
    },
    { additionalProperties: false },
  ),
  data: QuestionSchema,
  async handler({ actor, body, db, deps }) {
    const settings = readShopSettings(actor.shop.settings);
    const kind = (body.author_kind ?? 'merchant') as AuthorKind;
    const name = body.author_name?.trim() ?? '';
    return createAnswer(
      db,
      actor.shopId,
      settings,
      {
        questionId: Number(body.question_id),
        content: body.content.trim(),
        authorName: name !== '' ? name : kind === 'merchant' ? settings.sender_name || actor.shop.name : 'Shopper',
        authorEmail: normalizeEmailAddress(body.author_email ?? ''),
        authorKind: kind,
        status: body.status as QuestionStatus | undefined,
      },
      deps.clock.now(),
    );
  },
});

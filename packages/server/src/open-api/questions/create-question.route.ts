import { Type } from '@sinclair/typebox';
import { normalizeEmailAddress } from '../../customers/email-types.js';
import { defineOperation } from '../../http/operation.js';
import { BodyStoreId, EmailOrEmpty, storeIdValue, Text } from '../../http/wire-schemas.js';
import { QuestionSchema, type QuestionStatus } from '../../questions/question-object.js';
import { createQuestion } from '../../questions/question.service.js';
import { readShopSettings } from '../../shops/shop-settings.js';
import { QUESTION_MAX_LENGTH, StatusField } from './question-fields.js';

export const createQuestionOperation = defineOperation({
  operation: 'create_question',
  method: 'POST',
  scope: 'write_questions',
  summary: 'Create Question (Plaudit extension)',
  description: 'Records a shopper\'s question about a product, asked through a partner (a chat, a help desk). Without `status`, the shop\'s moderation rules decide whether it is published or held.',
  tags: ['Questions'],
  body: Type.Object(
    {
      product_id: BodyStoreId('the product the question is about', false),
      content: Text(QUESTION_MAX_LENGTH, { minLength: 1, description: 'the question' }),
      asker_name: Text(120, { minLength: 1, description: 'shown with the question' }),
      asker_email: Type.Optional(EmailOrEmpty),
      status: Type.Optional(StatusField('the caller\'s decision; absent, the moderation rules decide')),
    },
    { additionalProperties: false },
  ),
  data: QuestionSchema,
  handler: ({ actor, body, db, deps }) =>
    createQuestion(
      db,
      actor.shopId,
      readShopSettings(actor.shop.settings),
      {
        productId: storeIdValue(body.product_id),
        content: body.content.trim(),
        askerName: body.asker_name.trim(),
        askerEmail: normalizeEmailAddress(body.asker_email ?? ''),
        source: 'api',
        status: body.status as QuestionStatus | undefined,
      },
      deps.clock.now(),
    ),
});

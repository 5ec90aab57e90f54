import { Type } from '@sinclair/typebox';
import { invalidField } from '../../http/errors.js';
import { defineOperation } from '../../http/operation.js';
import { BodyFlag, BodyRecordId, flagValue, Forbidden } from '../../http/wire-schemas.js';
import { QuestionSchema, type QuestionStatus } from '../../questions/question-object.js';
import { changeQuestion } from '../../questions/question.service.js';
import { StatusField } from './question-fields.js';

const ASKER_FACT = 'cannot be changed through the API';

export const updateQuestionOperation = defineOperation({
  operation: 'update_question',
  method: 'POST',
  scope: 'write_questions',
  summary: 'Update Question (Plaudit extension)',
  description: 'Publishes, hides or pins a question. The asker\'s words cannot be changed.',
  tags: ['Questions'],
  body: Type.Object(
    {
      id: BodyRecordId('the question'),
      status: Type.Optional(StatusField('published, hidden, or pending to hold it again')),
      is_pinned: Type.Optional(BodyFlag('1: list it first on the storefront')),
      content: Forbidden(ASKER_FACT),
      asker_name: Forbidden(ASKER_FACT),
      asker_email: Forbidden(ASKER_FACT),
      product_id: Forbidden(ASKER_FACT),
    },
    { additionalProperties: false },
  ),
  data: QuestionSchema,
  async handler({ actor, body, db, deps }) {
    if (body.status === undefined && body.is_pinned === undefined) throw invalidField('body', 'no field to update');
    return changeQuestion(db, actor.shopId, Number(body.id), { status: body.status as QuestionStatus | undefined, isPinned: body.is_pinned === undefined ? undefined : flagValue(body.is_pinned) }, deps.clock.now());
  },
});

import { Type } from '@sinclair/typebox';
import { invalidField } from '../../http/errors.js';
import { defineOperation } from '../../http/operation.js';
import { BodyRecordId, Text } from '../../http/wire-schemas.js';
import { changeAnswer } from '../../questions/answer.service.js';
import { QuestionSchema, type QuestionStatus } from '../../questions/question-object.js';
import { ANSWER_MAX_LENGTH, StatusField } from './question-fields.js';

export const updateAnswerOperation = defineOperation({
  operation: 'update_answer',
  method: 'POST',
  scope: 'write_questions',
  summary: 'Update Answer (Plaudit extension)',
  description: 'Publishes or hides an answer, or corrects the words of one of the store\'s own answers (a buyer\'s words cannot be changed). Answers the question with all its answers.',
  tags: ['Questions'],
  body: Type.Object(
    {
      id: BodyRecordId('the answer'),
      status: Type.Optional(StatusField('published, hidden, or pending to hold it again')),
      content: Type.Optional(Text(ANSWER_MAX_LENGTH, { minLength: 1, description: 'new words for a store answer' })),
    },
    { additionalProperties: false },
  ),
  data: QuestionSchema,
  async handler({ actor, body, db, deps }) {
    if (body.status === undefined && body.content === undefined) throw invalidField('body', 'no field to update');
    return changeAnswer(db, actor.shopId, Number(body.id), { status: body.status as QuestionStatus | undefined, content: body.content?.trim() }, deps.clock.now());
  },
});

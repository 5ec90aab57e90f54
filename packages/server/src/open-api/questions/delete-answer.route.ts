import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { BodyRecordId } from '../../http/wire-schemas.js';
import { deleteAnswer } from '../../questions/answer.service.js';
import { QuestionSchema } from '../../questions/question-object.js';

export const deleteAnswerOperation = defineOperation({
  operation: 'delete_answer',
  method: 'POST',
  scope: 'write_questions',
  summary: 'Delete Answer (Plaudit extension)',
  description: 'Removes an answer for good. Answers the question with the answers it keeps.',
  tags: ['Questions'],
  body: Type.Object({ id: BodyRecordId('the answer to delete') }, { additionalProperties: false }),
  data: QuestionSchema,
  handler: ({ actor, body, db, deps }) => deleteAnswer(db, actor.shopId, Number(body.id), deps.clock.now()),
});

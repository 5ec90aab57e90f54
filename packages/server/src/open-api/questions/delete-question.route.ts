import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { BodyRecordId } from '../../http/wire-schemas.js';
import { deleteQuestion } from '../../questions/question.service.js';

export const deleteQuestionOperation = defineOperation({
  operation: 'delete_question',
  method: 'POST',
  scope: 'write_questions',
  summary: 'Delete Question (Plaudit extension)',
  description: 'Soft-deletes a question with its answers: it leaves every list and the storefront and stays as a tombstone for get_questions?include_deleted=1.',
  tags: ['Questions'],
  body: Type.Object({ id: BodyRecordId('the question to delete') }, { additionalProperties: false }),
  data: Type.Object({ id: Type.Integer() }),
  async handler({ actor, body, db, deps }) {
    const id = Number(body.id);
    await deleteQuestion(db, actor.shopId, id, deps.clock.now());
    return { id };
  },
});

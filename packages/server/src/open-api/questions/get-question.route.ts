import { defineOperation } from '../../http/operation.js';
import { QuestionSchema } from '../../questions/question-object.js';
import { questionById } from '../../questions/question.service.js';
import { QuestionIdQuery } from './question-fields.js';

export const getQuestionOperation = defineOperation({
  operation: 'get_question',
  method: 'GET',
  scope: 'read_questions',
  cacheable: true,
  summary: 'Get Question (Plaudit extension)',
  description: 'One question of the shop with all its answers, whatever their status. Deleted questions and other shops\' questions answer code 5.',
  tags: ['Questions'],
  querystring: QuestionIdQuery,
  data: QuestionSchema,
  handler: ({ actor, query, db }) => questionById(db, actor.shopId, query.id),
});

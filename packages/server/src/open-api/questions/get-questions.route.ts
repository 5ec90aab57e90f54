import { Type } from '@sinclair/typebox';
import { changeFeedOrder } from '../../http/change-feed.js';
import { defineOperation } from '../../http/operation.js';
import { Page, PageInfo, pageInfo, PageSize, QueryArray, QueryFlag, QueryRecordId, QueryStoreId, QueryTime, Text } from '../../http/wire-schemas.js';
import { listQuestions, type QuestionSort } from '../../questions/list-questions.service.js';
import { QuestionSchema, type QuestionStatus } from '../../questions/question-object.js';
import { StatusField } from './question-fields.js';

const SORTS = ['created-descending', 'created-ascending', 'updated-ascending'] as const;

export const getQuestionsOperation = defineOperation({
  operation: 'get_questions',
  method: 'GET',
  scope: 'read_questions',
  cacheable: true,
  summary: 'Get Question List (Plaudit extension)',
  description: 'The shop\'s questions with their answers, filtered, sorted and paged. All filters combine with AND.',
  tags: ['Questions'],
  querystring: Type.Object({
    product_ids: Type.Optional(QueryArray(QueryStoreId(), 'only questions about these products')),
    product_id: Type.Optional(QueryStoreId('one product; combines with product_ids')),
    status: Type.Optional(StatusField('only questions with this status')),
    answered: Type.Optional(QueryFlag('1: only questions with a published answer; 0: only those without')),
    keyword: Type.Optional(Text(100, { minLength: 1, description: 'case-insensitive substring of the question, its asker or any of its answers' })),
    updated_since: Type.Optional(QueryTime('only questions updated at or after this time; orders by updated-ascending')),
    after_id: Type.Optional(QueryRecordId('with updated_since: keyset continuation')),
    include_deleted: Type.Optional(QueryFlag('1: include deleted questions as tombstones')),
    sort_by: Type.Optional(Type.String({ enum: [...SORTS], 'x-reason': `must be one of ${SORTS.join(', ')}` })),
    page: Type.Optional(Page()),
    page_size: Type.Optional(PageSize()),
  }),
  data: Type.Object({ page: PageInfo, list: Type.Array(QuestionSchema) }),
  async handler({ actor, query, db }) {
    const { sort, updatedSince } = changeFeedOrder<QuestionSort>(query, 'created-descending');
    const page = query.page ?? 1;
    const pageSize = query.page_size ?? 20;
    const result = await listQuestions(
      db,
      actor.shopId,
      {
        productIds: query.product_id === undefined ? query.product_ids : [...(query.product_ids ?? []), query.product_id],
        status: query.status as QuestionStatus | undefined,
        answered: query.answered as 0 | 1 | undefined,
        keyword: query.keyword,
        updatedSince,
        afterId: query.after_id,
        includeDeleted: query.include_deleted === 1,
      },
      sort,
      { page, pageSize },
    );
    return { page: pageInfo(page, pageSize, result.count), list: result.list };
  },
});

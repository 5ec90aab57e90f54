import { type Kysely, sql } from 'kysely';
import { containing } from '../db/like.js';
import { countOf, pageOf, type PageRequest } from '../db/paging.js';
import type { Database } from '../db/schema.js';
import type { Question, QuestionStatus } from './question-object.js';
import { presentQuestions } from './question-presenter.js';
import { questionsOfShop } from './question-repository.js';

export interface QuestionFilter {
  productIds?: string[] | undefined;
  status?: QuestionStatus | undefined;
  /** 1: with a published answer; 0: without one. */
  answered?: 0 | 1 | undefined;
  keyword?: string | undefined;
  updatedSince?: number | undefined;
  afterId?: number | undefined;
  includeDeleted?: boolean | undefined;
}

export type QuestionSort = 'created-descending' | 'created-ascending' | 'updated-ascending';

function filtered(db: Kysely<Database>, shopId: string, f: QuestionFilter) {
  let query = questionsOfShop(db, shopId);
  if (!f.includeDeleted) query = query.where('deleted_at', 'is', null);
  if (f.productIds) query = query.where('product_id', 'in', f.productIds);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.answered === 1) query = query.where('answer_count', '>', 0);
  if (f.answered === 0) query = query.where('answer_count', '=', 0);
  if (f.keyword !== undefined) {
    // The question's words, its asker, or the words of any of its answers (docs/reference/questions.md §3).
    const pattern = containing(f.keyword);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(questions.content)`, 'like', pattern),
        eb(sql`lower(questions.asker_name)`, 'like', pattern),
        eb.exists(eb.selectFrom('answers').select('answers.id').whereRef('answers.question_id', '=', 'questions.id').where(sql`lower(answers.content)`, 'like', pattern)),
      ]),
    );
  }
  if (f.updatedSince !== undefined) {
    const since = f.updatedSince;
    const after = f.afterId;
    query = after === undefined ? query.where('updated_at', '>=', since) : query.where((eb) => eb.or([eb('updated_at', '>', since), eb.and([eb('updated_at', '=', since), eb('id', '>', after)])]));
  }
  return query;
}

/** get_questions: one page of the shop's questions with their answers, and how many match in all. */
export async function listQuestions(db: Kysely<Database>, shopId: string, filter: QuestionFilter, sort: QuestionSort, page: PageRequest): Promise<{ count: number; list: Question[] }> {
  const query = filtered(db, shopId, filter);
  const ordered =
    sort === 'updated-ascending'
      ? query.orderBy('updated_at', 'asc').orderBy('id', 'asc')
      : query.orderBy('created_at', sort === 'created-ascending' ? 'asc' : 'desc').orderBy('id', sort === 'created-ascending' ? 'asc' : 'desc');
  const [count, rows] = await Promise.all([countOf(query), pageOf(ordered, page).execute()]);
  return { count, list: await presentQuestions(db, shopId, rows) };
}

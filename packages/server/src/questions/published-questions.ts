import { type Kysely, sql } from 'kysely';
import { containing } from '../db/like.js';
import { countOf, pageOf } from '../db/paging.js';
import type { Database } from '../db/schema.js';
import { questionCountsOf } from './question-counts.js';
import { type AnswerRow, answersOf, type QuestionRow, shownQuestionsOfShop } from './question-repository.js';

export interface PublishedQuestionsQuery {
  productId: string;
  page: number;
  limit: number;
  /** Searches the question and its published answers, so a shopper finds an answer before asking. */
  keyword?: string | undefined;
}

/**
 * The storefront's questions of one product (docs/reference/questions.md §7): published and
 * answered, pinned first, newest first, each with its published answers only. Read from the
 * partial index `questions_storefront_product`, so the page costs the same for any product.
 */
export async function publishedQuestions(db: Kysely<Database>, shopId: string, q: PublishedQuestionsQuery): Promise<{ count: number; rows: Array<{ question: QuestionRow; answers: AnswerRow[] }> }> {
  let query = shownQuestionsOfShop(db, shopId).where('product_id', '=', q.productId);
  if (q.keyword !== undefined) {
    const pattern = containing(q.keyword);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(questions.content)`, 'like', pattern),
        eb.exists(eb.selectFrom('answers').select('answers.id').whereRef('answers.question_id', '=', 'questions.id').where('answers.status', '=', 'published').where(sql`lower(answers.content)`, 'like', pattern)),
      ]),
    );
  }
  const ordered = query.orderBy('is_pinned', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc');
  // Without a search, the maintained count says how many; a search has to count what it matched.
  const counting = q.keyword === undefined ? questionCountsOf(db, shopId, [q.productId]).then((counts) => counts.get(q.productId)!.shown) : countOf(query);
  const [count, questions] = await Promise.all([counting, pageOf(ordered, { page: q.page, pageSize: q.limit }).execute()]);
  const answers = await answersOf(db, shopId, questions.map((row) => Number(row.id)), true);
  return { count, rows: questions.map((question) => ({ question, answers: answers.get(Number(question.id)) ?? [] })) };
}

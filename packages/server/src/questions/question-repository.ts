import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AnswersTable, Database, QuestionsTable } from '../db/schema.js';
import { recountProductQuestions } from './question-counts.js';

export type QuestionRow = Selectable<QuestionsTable>;
export type AnswerRow = Selectable<AnswersTable>;

/** The questions of one shop, live and deleted: every query of this module starts here. */
export function questionsOfShop(db: Kysely<Database>, shopId: string) {
  return db.selectFrom('questions').selectAll().where('shop_id', '=', shopId);
}

/** The questions shoppers see: published, answered and not deleted (the partial index `questions_storefront_product`). */
export function shownQuestionsOfShop(db: Kysely<Database>, shopId: string) {
  return questionsOfShop(db, shopId).where('status', '=', 'published').where('answer_count', '>', 0).where('deleted_at', 'is', null);
}

export async function findLiveQuestion(db: Kysely<Database>, shopId: string, id: number): Promise<QuestionRow | undefined> {
  return questionsOfShop(db, shopId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertQuestion(db: Kysely<Database>, row: Insertable<QuestionsTable>): Promise<QuestionRow> {
  return db.insertInto('questions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateQuestionRow(db: Kysely<Database>, shopId: string, id: number, changes: Updateable<QuestionsTable>): Promise<void> {
  await db.updateTable('questions').set(changes).where('shop_id', '=', shopId).where('id', '=', id).execute();
}

/** The answers of some questions, oldest first per question. */
export async function answersOf(db: Kysely<Database>, shopId: string, questionIds: readonly number[], onlyPublished = false): Promise<Map<number, AnswerRow[]>> {
  const byQuestion = new Map<number, AnswerRow[]>();
  if (questionIds.length === 0) return byQuestion;
  let query = db.selectFrom('answers').selectAll().where('shop_id', '=', shopId).where('question_id', 'in', [...new Set(questionIds)]);
  if (onlyPublished) query = query.where('status', '=', 'published');
  for (const row of await query.orderBy('question_id').orderBy('id').execute()) {
    const questionId = Number(row.question_id);
    const list = byQuestion.get(questionId) ?? [];
    list.push(row);
    byQuestion.set(questionId, list);
  }
  return byQuestion;
}

export async function findAnswer(db: Kysely<Database>, shopId: string, id: number): Promise<AnswerRow | undefined> {
  return db.selectFrom('answers').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

/** Removes answers for good, with the helpful votes they had. */
export async function removeAnswers(db: Kysely<Database>, shopId: string, answerIds: readonly number[]): Promise<void> {
  if (answerIds.length === 0) return;
  await db.deleteFrom('question_votes').where('shop_id', '=', shopId).where('target', '=', 'answer').where('target_id', 'in', [...answerIds]).execute();
  await db.deleteFrom('answers').where('shop_id', '=', shopId).where('id', 'in', [...answerIds]).execute();
}

export async function insertAnswer(db: Kysely<Database>, row: Insertable<AnswersTable>): Promise<AnswerRow> {
  return db.insertInto('answers').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Recounts a question's published answers after one of them changed, in the writer's transaction,
 * so the count the storefront lists by never drifts. The first published answer sets answered_at;
 * the question's updated_at moves, since partners sync questions with their answers inside.
 */
export async function recountAnswers(db: Kysely<Database>, shopId: string, question: QuestionRow, now: number): Promise<void> {
  const row = await db
    .selectFrom('answers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('shop_id', '=', shopId)
    .where('question_id', '=', question.id)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  const count = Number(row.n);
  await updateQuestionRow(db, shopId, question.id, {
    answer_count: count,
    answered_at: count === 0 ? null : (question.answered_at ?? now),
    updated_at: now,
  });
  await recountProductQuestions(db, shopId, question.product_id);
}

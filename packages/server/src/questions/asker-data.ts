import type { Kysely } from 'kysely';
import { deleteShopRows } from '../db/shop-rows.js';
import type { Database } from '../db/schema.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import { secondsOf } from '../time/clock.js';
import type { Answer, Question } from './question-object.js';
import { presentAnswer, presentQuestions } from './question-presenter.js';
import { recountProductQuestions } from './question-counts.js';
import { type AnswerRow, findLiveQuestion, type QuestionRow, questionsOfShop, recountAnswers, removeAnswers } from './question-repository.js';
import { questionById } from './question.service.js';

/** What an erased person's questions and answers show instead of their name (docs/privacy.md). */
const ANONYMOUS = 'Anonymous';

/** One person's questions (asked with one of their addresses) and answers (written with one), tombstones included. */
async function rowsOfPerson(db: Kysely<Database>, shopId: string, emails: readonly string[]): Promise<{ questions: QuestionRow[]; answers: AnswerRow[] }> {
  if (emails.length === 0) return { questions: [], answers: [] };
  const questions = await questionsOfShop(db, shopId).where('asker_email', 'in', [...emails]).orderBy('id').execute();
  const answers = await db.selectFrom('answers').selectAll().where('shop_id', '=', shopId).where('author_email', 'in', [...emails]).orderBy('id').execute();
  return { questions, answers };
}

/** For Export Customer Data: the questions the person asked and the answers they wrote. */
export async function questionDataOf(db: Kysely<Database>, shopId: string, emails: readonly string[]): Promise<{ questions: Question[]; answers: Answer[] }> {
  const rows = await rowsOfPerson(db, shopId, emails);
  return { questions: await presentQuestions(db, shopId, rows.questions), answers: rows.answers.map(presentAnswer) };
}

/**
 * Erases a person's part in the questions, in the caller's transaction (docs/privacy.md §3):
 * `anonymize` keeps the words under "Anonymous" without an address; `delete` removes their
 * questions (with the answers to them) and their answers. Invitations to the person go either way.
 * Each live question touched is announced, so partners' copies follow. Answers the names that
 * were on the rows, for the outbox redaction, and how many of each went.
 */
export async function eraseQuestionDataOf(db: Kysely<Database>, shopId: string, emails: readonly string[], mode: 'anonymize' | 'delete', nowMs: number): Promise<{ questions: number; answers: number; names: string[] }> {
  const now = secondsOf(nowMs);
  const { questions, answers } = await rowsOfPerson(db, shopId, emails);
  if (emails.length > 0) await db.deleteFrom('question_invitations').where('shop_id', '=', shopId).where('email', 'in', [...emails]).execute();
  const names = [...questions.map((q) => q.asker_name), ...answers.map((a) => a.author_name)];
  const questionIds = questions.map((q) => Number(q.id));
  const answerIds = answers.map((a) => Number(a.id));
  // The questions whose answers change but which stay: each is announced once, after the changes.
  const touched = new Set(answers.map((a) => Number(a.question_id)).filter((id) => !(mode === 'delete' && questionIds.includes(id))));
  if (mode === 'anonymize') {
    if (questionIds.length > 0) await db.updateTable('questions').set({ asker_name: ANONYMOUS, asker_email: '', updated_at: now }).where('shop_id', '=', shopId).where('id', 'in', questionIds).execute();
    if (answerIds.length > 0) await db.updateTable('answers').set({ author_name: ANONYMOUS, author_email: '', updated_at: now }).where('shop_id', '=', shopId).where('id', 'in', answerIds).execute();
    for (const id of questionIds) touched.add(id);
  } else {
    // Their answers, and every answer to their questions: an answer without its question has no place.
    const toQuestions = questionIds.length === 0 ? [] : await db.selectFrom('answers').select('id').where('shop_id', '=', shopId).where('question_id', 'in', questionIds).execute();
    await removeAnswers(db, shopId, [...new Set([...answerIds, ...toQuestions.map((row) => Number(row.id))])]);
    if (questionIds.length > 0) {
      await db.deleteFrom('question_votes').where('shop_id', '=', shopId).where('target', '=', 'question').where('target_id', 'in', questionIds).execute();
      await db.deleteFrom('questions').where('shop_id', '=', shopId).where('id', 'in', questionIds).execute();
      for (const productId of new Set(questions.map((q) => q.product_id))) await recountProductQuestions(db, shopId, productId);
    }
    for (const question of questions.filter((q) => q.deleted_at === null)) {
      const [tombstone] = await presentQuestions(db, shopId, [{ ...question, asker_name: ANONYMOUS, asker_email: '', deleted_at: now, updated_at: now }]);
      await appendOutboxEvent(db, shopId, 'question/deleted', { list: [tombstone] }, nowMs);
    }
  }
  for (const id of touched) {
    const question = await findLiveQuestion(db, shopId, id);
    if (!question) continue;
    await recountAnswers(db, shopId, question, now);
    await appendOutboxEvent(db, shopId, 'question/updated', { list: [await questionById(db, shopId, id)] }, nowMs);
  }
  return { questions: questions.length, answers: answers.length, names };
}

/** A whole shop's questions, answers, votes and invitations (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopQuestions(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['question_votes', 'question_invitations', 'question_counts', 'answers', 'questions']);
}

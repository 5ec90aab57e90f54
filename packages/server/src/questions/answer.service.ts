import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { invalidField, notFound } from '../http/errors.js';
import { hasMatchingOrder } from '../orders/review-match.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import type { ShopSettings } from '../shops/shop-settings.js';
import { secondsOf } from '../time/clock.js';
import type { AuthorKind, Question, QuestionStatus } from './question-object.js';
import { findAnswer, findLiveQuestion, insertAnswer, type QuestionRow, recountAnswers, removeAnswers } from './question-repository.js';
import { screenQuestionText } from './question-screening.js';
import { questionById } from './question.service.js';

export interface NewAnswer {
  questionId: number;
  content: string;
  authorName: string;
  /** Lower-case, or ''. */
  authorEmail: string;
  authorKind: AuthorKind;
  /** The caller's decision; absent, the store's own answers are published and others pass the moderation rules. */
  status?: QuestionStatus | undefined;
}

/**
 * `question/answered` when the change gave the question a published answer it did not have,
 * `question/updated` otherwise: a partner that relays answers to the asker listens to the first.
 */
async function announce(db: Kysely<Database>, shopId: string, before: QuestionRow, nowMs: number, newlyPublished: boolean): Promise<Question> {
  const question = await questionById(db, shopId, Number(before.id));
  await appendOutboxEvent(db, shopId, newlyPublished ? 'question/answered' : 'question/updated', { list: [question] }, nowMs);
  return question;
}

/**
 * docs/reference/questions.md §5: stores an answer in the caller's transaction, recounts the
 * question's published answers and tells partners. A buyer's or shopper's answer is a verified
 * buyer's when an order of their address holds the product.
 */
export async function createAnswer(db: Kysely<Database>, shopId: string, settings: ShopSettings, input: NewAnswer, nowMs: number): Promise<Question> {
  const now = secondsOf(nowMs);
  const question = await findLiveQuestion(db, shopId, input.questionId);
  if (!question) throw notFound('question', input.questionId);
  const screened =
    input.status !== undefined || input.authorKind === 'merchant'
      ? { status: input.status ?? 'published', reasons: [], content: input.content }
      : await screenQuestionText(db, shopId, { author: input.authorName, content: input.content, email: '' }, settings, now);
  const verified = input.authorKind !== 'merchant' && input.authorEmail !== '' && (await hasMatchingOrder(db, shopId, { productId: question.product_id, orderId: '', authorEmail: input.authorEmail }));
  await insertAnswer(db, {
    shop_id: shopId,
    question_id: question.id,
    content: screened.content,
    author_name: input.authorName,
    author_email: input.authorEmail,
    author_kind: input.authorKind,
    is_verified_buyer: verified ? 1 : 0,
    status: screened.status,
    moderation_reasons: JSON.stringify(screened.reasons),
    created_at: now,
    updated_at: now,
  });
  await recountAnswers(db, shopId, question, now);
  return announce(db, shopId, question, nowMs, screened.status === 'published' && Number(question.answer_count) === 0);
}

/** The question an answer belongs to, live; another shop's answer, or one of a deleted question, is missing. */
async function answerAndQuestion(db: Kysely<Database>, shopId: string, answerId: number) {
  const answer = await findAnswer(db, shopId, answerId);
  const question = answer && (await findLiveQuestion(db, shopId, Number(answer.question_id)));
  if (!answer || !question) throw notFound('answer', answerId);
  return { answer, question };
}

/** Publishes, hides or changes an answer's words (the store may correct its own answers only). */
export async function changeAnswer(db: Kysely<Database>, shopId: string, answerId: number, changes: { status?: QuestionStatus | undefined; content?: string | undefined }, nowMs: number): Promise<Question> {
  const now = secondsOf(nowMs);
  const { answer, question } = await answerAndQuestion(db, shopId, answerId);
  // A buyer's words are theirs, as a reviewer's are: the store may hide them, not rewrite them.
  if (changes.content !== undefined && answer.author_kind !== 'merchant') throw invalidField('content', "only the store's own answers can be edited");
  const set: { status?: string; content?: string } = {};
  if (changes.status !== undefined && changes.status !== answer.status) set.status = changes.status;
  if (changes.content !== undefined && changes.content !== answer.content) set.content = changes.content;
  if (Object.keys(set).length === 0) return questionById(db, shopId, Number(question.id));
  await db.updateTable('answers').set({ ...set, updated_at: now }).where('shop_id', '=', shopId).where('id', '=', answerId).execute();
  await recountAnswers(db, shopId, question, now);
  return announce(db, shopId, question, nowMs, set.status === 'published' && Number(question.answer_count) === 0);
}

/** Answers are removed outright: the question, with its remaining answers, is what partners keep. */
export async function deleteAnswer(db: Kysely<Database>, shopId: string, answerId: number, nowMs: number): Promise<Question> {
  const { question } = await answerAndQuestion(db, shopId, answerId);
  await removeAnswers(db, shopId, [answerId]);
  await recountAnswers(db, shopId, question, secondsOf(nowMs));
  return announce(db, shopId, question, nowMs, false);
}

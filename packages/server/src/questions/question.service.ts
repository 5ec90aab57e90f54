import type { Kysely, Updateable } from 'kysely';
import type { Database, QuestionsTable } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import type { ShopSettings } from '../shops/shop-settings.js';
import { secondsOf } from '../time/clock.js';
import type { Question, QuestionStatus } from './question-object.js';
import { presentQuestions } from './question-presenter.js';
import { findLiveQuestion, insertQuestion, updateQuestionRow } from './question-repository.js';
import { screenQuestionText } from './question-screening.js';
import { recountProductQuestions } from './question-counts.js';

export type QuestionSource = 'storefront' | 'api' | 'import';

export interface NewQuestion {
  productId: string;
  content: string;
  askerName: string;
  /** Lower-case, or ''. */
  askerEmail: string;
  source: QuestionSource;
  /** The caller's decision; absent, the shop's moderation rules decide. */
  status?: QuestionStatus | undefined;
}

/** One question as the API shows it, read in the caller's transaction. */
export async function questionById(db: Kysely<Database>, shopId: string, id: number): Promise<Question> {
  const row = await findLiveQuestion(db, shopId, id);
  if (!row) throw notFound('question', id);
  return (await presentQuestions(db, shopId, [row]))[0]!;
}

/**
 * docs/reference/questions.md §4: stores a question and its `question/created` event in the
 * caller's transaction. A question whose publication is left to the shop passes its moderation
 * rules first: one they hold waits as pending; personal data is masked before it is stored.
 */
export async function createQuestion(db: Kysely<Database>, shopId: string, settings: ShopSettings, input: NewQuestion, nowMs: number): Promise<Question> {
  const now = secondsOf(nowMs);
  const screened =
    input.status === undefined
      ? await screenQuestionText(db, shopId, { author: input.askerName, content: input.content, email: input.askerEmail }, settings, now)
      : { status: input.status, reasons: [], content: input.content };
  const row = await insertQuestion(db, {
    shop_id: shopId,
    product_id: input.productId,
    content: screened.content,
    asker_name: input.askerName,
    asker_email: input.askerEmail,
    status: screened.status,
    moderation_reasons: JSON.stringify(screened.reasons),
    source: input.source,
    created_at: now,
    updated_at: now,
    // Imported questions are history: nobody is told about them, nor later about their answers.
    announced_at: input.source === 'import' ? now : null,
    asker_notified_at: input.source === 'import' ? now : null,
  });
  await recountProductQuestions(db, shopId, input.productId);
  const [question] = await presentQuestions(db, shopId, [row]);
  await appendOutboxEvent(db, shopId, 'question/created', { list: [question] }, nowMs);
  return question!;
}

/** What a merchant or partner may change about a question; the asker's words stay theirs. */
export interface QuestionChanges {
  status?: QuestionStatus | undefined;
  isPinned?: 0 | 1 | undefined;
}

export async function changeQuestion(db: Kysely<Database>, shopId: string, id: number, changes: QuestionChanges, nowMs: number): Promise<Question> {
  const row = await findLiveQuestion(db, shopId, id);
  if (!row) throw notFound('question', id);
  const set: Updateable<QuestionsTable> = {};
  if (changes.status !== undefined && changes.status !== row.status) set.status = changes.status;
  if (changes.isPinned !== undefined && changes.isPinned !== Number(row.is_pinned)) set.is_pinned = changes.isPinned;
  if (Object.keys(set).length === 0) return (await presentQuestions(db, shopId, [row]))[0]!;
  await updateQuestionRow(db, shopId, id, { ...set, updated_at: secondsOf(nowMs) });
  if (set.status !== undefined) await recountProductQuestions(db, shopId, row.product_id);
  const question = await questionById(db, shopId, id);
  await appendOutboxEvent(db, shopId, 'question/updated', { list: [question] }, nowMs);
  return question;
}

/** Soft delete, as for reviews: the question leaves every list and stays a tombstone for `updated_since` readers. */
export async function deleteQuestion(db: Kysely<Database>, shopId: string, id: number, nowMs: number): Promise<void> {
  const now = secondsOf(nowMs);
  const row = await findLiveQuestion(db, shopId, id);
  if (!row) throw notFound('question', id);
  const result = await db.updateTable('questions').set({ deleted_at: now, updated_at: now }).where('shop_id', '=', shopId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('question', id);
  await recountProductQuestions(db, shopId, row.product_id);
  const [tombstone] = await presentQuestions(db, shopId, [{ ...row, deleted_at: now, updated_at: now }]);
  await appendOutboxEvent(db, shopId, 'question/deleted', { list: [tombstone] }, nowMs);
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { formatRecordTime } from '../time/time-format.js';
import type { Answer, AuthorKind, Question, QuestionStatus } from './question-object.js';
import { type AnswerRow, answersOf, type QuestionRow } from './question-repository.js';

const reasonsOf = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((reason): reason is string => typeof reason === 'string') : [];
};

export function presentAnswer(row: AnswerRow): Answer {
  return {
    id: Number(row.id),
    question_id: Number(row.question_id),
    content: row.content,
    author_name: row.author_name,
    author_email: row.author_email,
    author_kind: row.author_kind as AuthorKind,
    is_verified_buyer: Number(row.is_verified_buyer),
    status: row.status as QuestionStatus,
    moderation_reasons: reasonsOf(row.moderation_reasons),
    helpful_count: Number(row.helpful_count),
    created_at: formatRecordTime(Number(row.created_at)),
    updated_at: formatRecordTime(Number(row.updated_at)),
  };
}

function presentQuestion(row: QuestionRow, answers: readonly AnswerRow[]): Question {
  return {
    id: Number(row.id),
    product_id: row.product_id,
    content: row.content,
    asker_name: row.asker_name,
    asker_email: row.asker_email,
    status: row.status as QuestionStatus,
    moderation_reasons: reasonsOf(row.moderation_reasons),
    is_pinned: Number(row.is_pinned),
    source: row.source,
    answer_count: Number(row.answer_count),
    helpful_count: Number(row.helpful_count),
    answers: answers.map(presentAnswer),
    created_at: formatRecordTime(Number(row.created_at)),
    updated_at: formatRecordTime(Number(row.updated_at)),
    answered_at: row.answered_at === null ? null : formatRecordTime(Number(row.answered_at)),
    ...(row.deleted_at === null ? {} : { deleted_at: formatRecordTime(Number(row.deleted_at)) }),
  };
}

/** Questions as the Open API and webhooks show them, each with all its answers, in one query for the answers. */
export async function presentQuestions(db: Kysely<Database>, shopId: string, rows: readonly QuestionRow[]): Promise<Question[]> {
  const answers = await answersOf(db, shopId, rows.map((row) => Number(row.id)));
  return rows.map((row) => presentQuestion(row, answers.get(Number(row.id)) ?? []));
}

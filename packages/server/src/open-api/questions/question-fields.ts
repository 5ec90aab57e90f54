import { Type } from '@sinclair/typebox';
import { QUESTION_STATUSES } from '../../questions/question-object.js';
import { QueryRecordId } from '../../http/wire-schemas.js';

/** A status a caller sets: pending, published or hidden. */
export const StatusField = (description: string) =>
  Type.Union(QUESTION_STATUSES.map((status) => Type.Literal(status)), { description, 'x-reason': `must be one of ${QUESTION_STATUSES.join(', ')}` });

export const QuestionIdQuery = Type.Object({ id: QueryRecordId('the question id') });

/** The longest question and answer a caller may send: a few paragraphs, as the widget allows. */
export const QUESTION_MAX_LENGTH = 1_000;
export const ANSWER_MAX_LENGTH = 5_000;

import type { FieldError } from '../http/errors.js';
import { fieldText } from './submit.service.js';

/** What a past buyer's answer may hold (docs/reference/questions.md §9), on the JSON endpoint and the hosted page alike. */
export const ANSWER_LIMITS = { content: 5_000, name: 120 } as const;

export function checkAnswer(form: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const content = fieldText(form.content);
  if (content.length < 2 || content.length > ANSWER_LIMITS.content) errors.push({ field: 'content', reason: `must be 2 to ${ANSWER_LIMITS.content} characters` });
  if (fieldText(form.name).length > ANSWER_LIMITS.name) errors.push({ field: 'name', reason: `must be at most ${ANSWER_LIMITS.name} characters` });
  return errors;
}

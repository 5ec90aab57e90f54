import { SUBMIT_LIMITS } from './submit-limits.js';
import { format, type ViewMessages } from './messages.js';

const MAX_LENGTH: Readonly<Record<string, number>> = { author: SUBMIT_LIMITS.author, title: SUBMIT_LIMITS.title, content: SUBMIT_LIMITS.content, item_type: SUBMIT_LIMITS.itemType };

/**
 * A field error of the submit rules in the shopper's language. The API's reasons stay English for
 * the developers who read them; the hosted page and the widget show shoppers this instead.
 * `value` is what the shopper entered, which tells "missing" from "too long".
 */
export function shopperFieldError(field: string, reason: string, value: string, m: ViewMessages): string {
  if (field === 'rating') return m.errorRating;
  if (field === 'email') return value.trim() === '' ? m.required : m.errorEmail;
  if (field === 'photos' || field.startsWith('media_tokens')) return m.errorPhotos;
  const max = MAX_LENGTH[field];
  if (max !== undefined) return value.trim() === '' ? m.required : format(m.errorTooLong, { max });
  return reason;
}

import type { StorefrontAnswer, StorefrontQuestion } from '@plaudit/review-view/storefront-question';
import type { AnswerRow, QuestionRow } from '../questions/question-repository.js';
import type { ShopSettings } from '../shops/shop-settings.js';
import { formatReviewTime } from '../time/time-format.js';
import { displayName } from './display-name.js';

export type { StorefrontAnswer, StorefrontQuestion };

function badgeOf(answer: AnswerRow, settings: ShopSettings): StorefrontAnswer['badge'] {
  if (answer.author_kind === 'merchant') return 'store';
  return answer.is_verified_buyer === 1 && settings.show_verified_badge ? 'buyer' : 'shopper';
}

/** docs/reference/questions.md §7: what shoppers may read of a question. No address, status or moderation detail. */
export function presentStorefrontQuestion(question: QuestionRow, answers: readonly AnswerRow[], settings: ShopSettings): StorefrontQuestion {
  return {
    id: Number(question.id),
    content: question.content,
    author: displayName(question.asker_name, settings.name_format),
    asked_at: formatReviewTime(Number(question.created_at)),
    is_pinned: Number(question.is_pinned),
    helpful_count: Number(question.helpful_count),
    answers: answers.map((answer) => ({
      id: Number(answer.id),
      content: answer.content,
      // The store answers under its own name, whatever the name format of shoppers.
      author: answer.author_kind === 'merchant' ? answer.author_name : displayName(answer.author_name, settings.name_format),
      badge: badgeOf(answer, settings),
      answered_at: formatReviewTime(Number(answer.created_at)),
      helpful_count: Number(answer.helpful_count),
    })),
  };
}

import { isRightToLeft, type Messages, pickLanguage } from '@plaudit/review-view/messages';
import { questionViewCss } from '@plaudit/review-view/question-view-style';
import { reviewViewCss } from '@plaudit/review-view/review-view-style';
import type { QuestionsPage } from '@plaudit/review-view/storefront-question';
import { renderHtml } from '@plaudit/review-view/view/html';
import { el } from '@plaudit/review-view/view/node';
import { questionListView } from '@plaudit/review-view/view/question-list';
import type { ShopSettings } from '../../shops/shop-settings.js';
import { html, trusted } from './safe-html.js';

const FRAGMENT_STYLE = reviewViewCss('.plaudit-ssr') + questionViewCss('.plaudit-ssr');

export interface QuestionFragmentInput {
  shopId: string;
  productId: string;
  settings: ShopSettings;
  messages: Messages;
  page: QuestionsPage;
  nowSeconds: number;
}

/**
 * The server-rendered questions of a product (docs/reference/questions.md §8): the element's own
 * view as escaped HTML, readable without JavaScript and by crawlers, and hydrated without a shift.
 * No structured data: Google's guidelines give Q&A markup to pages about one question, not to
 * product pages with many (see the reference).
 */
export function renderQuestionFragment(input: QuestionFragmentInput): string {
  const { messages, page } = input;
  const colours = `.plaudit-ssr{--plaudit-shop-star-color:${input.settings.widget_star_color};--plaudit-shop-accent-color:${input.settings.widget_accent_color}}`;
  const view = el(
    'div',
    null,
    questionListView(
      { questions: page.list, count: page.page.count, totalPages: page.page.total_page, page: 1, keyword: '' },
      { messages, dateFormat: input.settings.date_format, nowSeconds: input.nowSeconds, showHelpful: input.settings.helpful_votes_enabled, canAsk: input.settings.questions_enabled },
    ),
  );
  return html`<div class="plaudit-ssr" data-plaudit-shop-id="${input.shopId}" data-plaudit-product-id="${input.productId}" data-plaudit-count="${page.page.count}" data-theme="${input.settings.widget_theme}" lang="${messages.locale}"${isRightToLeft(pickLanguage(messages.locale)) ? trusted(' dir="rtl"') : ''}>
<style>${trusted(colours + FRAGMENT_STYLE)}</style>
${trusted(view.children.map(renderHtml).join('\n'))}
</div>`.markup;
}

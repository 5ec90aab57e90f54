import type { Kysely } from 'kysely';
import { MESSAGES, pickLanguage } from '@plaudit/review-view/messages';
import type { AppDeps } from '../http/app-deps.js';
import type { RawQuery } from '../http/query-string.js';
import { unixSeconds } from '../time/clock.js';
import { renderQuestionFragment } from './html/question-fragment.js';
import type { QuestionsPage } from '@plaudit/review-view/storefront-question';
import type { Database } from '../db/schema.js';
import { invalidField } from '../http/errors.js';
import { publishedQuestions } from '../questions/published-questions.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { firstValue, integerParam } from './public-endpoint/query.js';
import { presentStorefrontQuestion } from './storefront-question.presenter.js';

/** The widget's first page and the fragment's: five questions, each with its answers. */
export const QUESTIONS_PAGE_SIZE = 5;

export interface QuestionsPageQuery {
  productId: string;
  page: number;
  limit: number;
  keyword: string | undefined;
}

/** The query of a storefront question read, by the contract's rules: product required, paging clamped, keyword trimmed. */
export function questionsPageQuery(query: RawQuery): QuestionsPageQuery {
  const productId = firstValue(query, 'product_id');
  if (productId === undefined) throw invalidField('product_id', 'is required');
  const keyword = firstValue(query, 'keyword');
  if (keyword !== undefined && keyword.length > 100) throw invalidField('keyword', 'must be at most 100 characters');
  return { productId, page: integerParam(query, 'page', 1, 100_000, 1)!, limit: integerParam(query, 'limit', 1, 50, QUESTIONS_PAGE_SIZE)!, keyword: keyword?.toLowerCase() };
}

/** One page of a product's shown questions as the storefront presents it. */
export async function questionsPage(db: Kysely<Database>, shop: ShopRow, q: QuestionsPageQuery): Promise<QuestionsPage> {
  const settings = readShopSettings(shop.settings);
  const result = await publishedQuestions(db, shop.id, { productId: q.productId, page: q.page, limit: q.limit, keyword: q.keyword });
  return {
    page: { cur_page: q.page, total_page: Math.ceil(result.count / q.limit), count: result.count },
    list: result.rows.map(({ question, answers }) => presentStorefrontQuestion(question, answers, settings)),
  };
}

/** The first page of a product's questions as the server's fragment (questions.md §8); the demo page renders the same in-process. */
export async function questionFragmentFor(deps: AppDeps, shop: ShopRow, query: RawQuery): Promise<string> {
  const q = { ...questionsPageQuery(query), page: 1, limit: QUESTIONS_PAGE_SIZE, keyword: undefined };
  const settings = readShopSettings(shop.settings);
  const messages = MESSAGES[pickLanguage(firstValue(query, 'lang'), settings.language)];
  return renderQuestionFragment({ shopId: shop.id, productId: q.productId, settings, messages, page: await questionsPage(deps.db.kysely, shop, q), nowSeconds: unixSeconds(deps.clock) });
}

/** The fragment's answer-cache key besides the shop's version: the product, the language, and the minute when dates are relative. */
export function questionFragmentKey(shop: ShopRow, query: RawQuery, nowSeconds: number): string {
  const settings = readShopSettings(shop.settings);
  const relative = settings.date_format === 'relative' ? Math.floor(nowSeconds / 60) : '';
  return `questions.html ${JSON.stringify([questionsPageQuery(query).productId, pickLanguage(firstValue(query, 'lang'), settings.language), relative])}`;
}

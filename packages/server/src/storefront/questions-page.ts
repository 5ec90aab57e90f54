import type { Kysely } from 'kysely';
import type { QuestionsPage } from '@plaudit/review-view/storefront-question';
import type { Database } from '../db/schema.js';
import { invalidField } from '../http/errors.js';
import type { RawQueryRoute } from '../http/query-string.js';
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
export function questionsPageQuery(query: RawQueryRoute['Querystring']): QuestionsPageQuery {
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

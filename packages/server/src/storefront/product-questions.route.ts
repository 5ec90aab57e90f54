import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { QuestionsPage } from '@plaudit/review-view/storefront-question';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/app-deps.js';
import { invalidField } from '../http/errors.js';
import type { RawQueryRoute } from '../http/query-string.js';
import { publishedQuestions } from '../questions/published-questions.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { unixSeconds } from '../time/clock.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { firstValue, integerParam, shopSelector } from './public-endpoint/query.js';
import { sendPublicAnswer } from './public-endpoint/reply.js';
import { resolvePublicShop } from './public-endpoint/shop.js';
import { presentStorefrontQuestion } from './storefront-question.presenter.js';

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
  return { productId, page: integerParam(query, 'page', 1, 100_000, 1)!, limit: integerParam(query, 'limit', 1, 50, 5)!, keyword: keyword?.toLowerCase() };
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

/**
 * `GET /api/v1/storefront/get_product_questions` (questions.md §7): a product's published, answered
 * questions, cached by the shop's content version like the review list.
 */
export function registerProductQuestionsRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get<RawQueryRoute>('/api/v1/storefront/get_product_questions', async (request, reply) => {
    await chargePublicLimit(deps, reply, 'storefront-read', request.ip);
    const { shop, version } = await resolvePublicShop(deps.db, shopSelector(request.query));
    const q = questionsPageQuery(request.query);
    const key = `get_product_questions ${JSON.stringify([q.productId, q.page, q.limit, q.keyword ?? ''])}`;
    const answer = await deps.answers.answer(shop.id, version, key, async () => JSON.stringify(await questionsPage(deps.db.kysely, shop, q)));
    return sendPublicAnswer(request, reply, answer, unixSeconds(deps.clock));
  });
}

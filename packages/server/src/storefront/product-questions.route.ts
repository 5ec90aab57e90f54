import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import type { RawQueryRoute } from '../http/query-string.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { shopSelector } from './public-endpoint/query.js';
import { sendPublicAnswer } from './public-endpoint/reply.js';
import { resolvePublicShop } from './public-endpoint/shop.js';
import { questionsPage, questionsPageQuery } from './questions-page.js';

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
    return sendPublicAnswer(deps, request, reply, answer);
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import type { RawQueryRoute } from '../http/query-string.js';
import { unixSeconds } from '../time/clock.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { shopSelector } from './public-endpoint/query.js';
import { sendPublicHtmlAnswer } from './public-endpoint/reply.js';
import { resolvePublicShop } from './public-endpoint/shop.js';
import { questionFragmentFor, questionFragmentKey } from './questions-page.js';

/** `GET /api/v1/storefront/questions.html` (questions.md §8): the first page of a product's questions for themes to include server-side. */
export function registerQuestionsHtmlRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get<RawQueryRoute>('/api/v1/storefront/questions.html', async (request, reply) => {
    await chargePublicLimit(deps, reply, 'storefront-read', request.ip);
    const query = request.query;
    const { shop, version } = await resolvePublicShop(deps.db, shopSelector(query));
    const key = questionFragmentKey(shop, query, unixSeconds(deps.clock));
    return sendPublicHtmlAnswer(deps, request, reply, await deps.answers.answer(shop.id, version, key, () => questionFragmentFor(deps, shop, query)));
  });
}

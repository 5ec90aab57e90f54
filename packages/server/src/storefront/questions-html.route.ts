import type { FastifyInstance } from 'fastify';
import { MESSAGES, pickLanguage } from '@plaudit/review-view/messages';
import type { AppDeps } from '../http/app-deps.js';
import type { RawQueryRoute } from '../http/query-string.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { unixSeconds } from '../time/clock.js';
import { renderQuestionFragment } from './html/question-fragment.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { firstValue, shopSelector } from './public-endpoint/query.js';
import { sendPublicHtmlAnswer } from './public-endpoint/reply.js';
import { resolvePublicShop } from './public-endpoint/shop.js';
import { QUESTIONS_PAGE_SIZE, questionsPage, questionsPageQuery } from './questions-page.js';

/** `GET /api/v1/storefront/questions.html` (questions.md §8): the first page of a product's questions for themes to include server-side. */
export function registerQuestionsHtmlRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get<RawQueryRoute>('/api/v1/storefront/questions.html', async (request, reply) => {
    await chargePublicLimit(deps, reply, 'storefront-read', request.ip);
    const query = request.query;
    const { shop, version } = await resolvePublicShop(deps.db, shopSelector(query));
    const q = { ...questionsPageQuery(query), page: 1, limit: QUESTIONS_PAGE_SIZE, keyword: undefined };
    const settings = readShopSettings(shop.settings);
    const language = pickLanguage(firstValue(query, 'lang'), settings.language);
    const relative = settings.date_format === 'relative' ? Math.floor(unixSeconds(deps.clock) / 60) : '';
    const key = `questions.html ${JSON.stringify([q.productId, language, relative])}`;
    const answer = await deps.answers.answer(shop.id, version, key, async () =>
      renderQuestionFragment({ shopId: shop.id, productId: q.productId, settings, messages: MESSAGES[language], page: await questionsPage(deps.db.kysely, shop, q), nowSeconds: unixSeconds(deps.clock) }),
    );
    return sendPublicHtmlAnswer(request, reply, answer);
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import type { RawQueryRoute } from '../http/query-string.js';
import { unixSeconds } from '../time/clock.js';
import { fragmentKey, reviewFragmentFor } from './widget-fragment.js';
import { resolvePublicShop } from './public-endpoint/shop.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { shopSelector } from './public-endpoint/query.js';
import { sendPublicHtmlAnswer } from './public-endpoint/reply.js';


/** `GET /api/v1/storefront/widget.html` (§8): the fragment for themes to include server-side. */
export function registerWidgetHtmlRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get<RawQueryRoute>('/api/v1/storefront/widget.html', async (request, reply) => {
    await chargePublicLimit(deps, reply, 'storefront-read', request.ip);
    const query = request.query;
    const { shop, version } = await resolvePublicShop(deps.db, shopSelector(query));
    const key = fragmentKey(shop, query, unixSeconds(deps.clock));
    return sendPublicHtmlAnswer(deps, request, reply, await deps.answers.answer(shop.id, version, key, () => reviewFragmentFor(deps, shop, query)));
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { successEnvelope } from '../http/envelope.js';
import { sendPage } from '../http/html-page.js';
import { wantsHtml } from '../http/wants-html.js';
import { findShopById } from '../shops/shop-repository.js';
import { unixSeconds } from '../time/clock.js';
import { DEMO_SHOP } from '../demo/demo-shop.js';
import { PLAUDIT_VERSION as version } from '../config/version.js';


/**
 * `GET /`: in a browser, a page that says Plaudit runs here and leads to the console, the API
 * reference and (when it exists) the demo storefront; to an API client, the same links in the
 * Open API's envelope.
 */
export async function homePagePlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const links = { console: '/console', api_reference: '/docs', openapi: '/openapi.json', health: '/healthz' };
    if (!wantsHtml(request)) return reply.send(successEnvelope({ name: 'Plaudit', version, links }, request.id, unixSeconds(deps.clock)));
    const demo = (await findShopById(deps.db.kysely, DEMO_SHOP.id)) !== undefined;
    return sendPage(reply, 'home', { title: 'Plaudit', version, demo, wide: true, footer: `Plaudit ${version}` });
  });
}

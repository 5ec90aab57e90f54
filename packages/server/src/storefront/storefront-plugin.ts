import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { registerConfigRoute } from './config.route.js';
import { registerProductReviewRoutes } from './product-reviews.routes.js';
import { registerWidgetHtmlRoute } from './widget-html.route.js';

/**
 * The public storefront endpoints of storefront.md: no credentials, no PII, cacheable GETs that
 * any origin may read, and error answers that are never cached.
 */
export async function storefrontPlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') reply.header('access-control-allow-origin', '*');
    if (reply.statusCode >= 400) reply.header('cache-control', 'no-store');
  });
  registerProductReviewRoutes(app, options.deps);
  registerWidgetHtmlRoute(app, options.deps);
  registerConfigRoute(app, options.deps);
}

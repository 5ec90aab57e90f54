import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { registerConfigRoute } from './config.route.js';
import { registerProductReviewRoutes } from './product-reviews.routes.js';
import { registerWidgetHtmlRoute } from './widget-html.route.js';
import { registerSubmitRoute } from './submit.route.js';
import { registerUploadTokenRoute } from './upload-token.route.js';
import { registerHelpfulRoute } from './helpful.route.js';
import { registerEventsBeaconRoute } from './events-beacon.route.js';
import { registerWidgetAssetRoutes } from './widget-assets.routes.js';
import { registerDemoPage } from './demo-page.route.js';

/** §7: beacons arrive as text/plain; their body is JSON all the same. At most 64 KiB. */
const BEACON_BODY_LIMIT = 64 * 1024;

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
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: BEACON_BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  registerProductReviewRoutes(app, options.deps);
  registerSubmitRoute(app, options.deps);
  registerUploadTokenRoute(app, options.deps);
  registerHelpfulRoute(app, options.deps);
  registerEventsBeaconRoute(app, options.deps);
  registerWidgetAssetRoutes(app);
  registerDemoPage(app, options.deps);
  registerWidgetHtmlRoute(app, options.deps);
  registerConfigRoute(app, options.deps);
}

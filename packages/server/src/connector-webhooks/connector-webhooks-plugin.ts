import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { BODY_LIMIT_BYTES } from '../http/json-body-parser.js';
import { keepOutOfApiReference } from '../http/route-docs.js';
import { registerShopifyInstallRoutes } from './shopify-install.routes.js';
import { registerShopifyWebhookRoute } from './shopify-webhook.route.js';
import { registerWooCommerceWebhookRoute } from './woocommerce-webhook.route.js';

/**
 * Webhooks from store platforms (docs/connectors.md). Their signatures cover the exact bytes
 * sent, so bodies are kept as text, whatever their type, and parsed only once verified.
 */
export async function connectorWebhooksPlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  keepOutOfApiReference(app, { servesPages: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  registerWooCommerceWebhookRoute(app, options.deps);
  registerShopifyWebhookRoute(app, options.deps);
  registerShopifyInstallRoutes(app, options.deps);
}

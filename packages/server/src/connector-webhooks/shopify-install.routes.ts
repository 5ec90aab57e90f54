import type { FastifyInstance } from 'fastify';
import { shopifyAppFor } from '../connectors/shopify/shopify-app.js';
import { installShopifyStore } from '../connectors/shopify/shopify-install.service.js';
import type { AppDeps } from '../http/app-deps.js';
import { sendPlain } from './plain-answer.js';
import type { RawQueryRoute } from '../http/query-string.js';

const CALLBACK_PATH = '/connectors/shopify/callback';

/**
 * The Shopify app's install (docs/connectors.md), with Shopify's authorization code grant done by
 * the Shopify library: `/connectors/shopify/install?shop=…` sends the merchant to their store to
 * approve the scopes, with a signed state cookie; the callback checks Shopify's HMAC of the query
 * and that state, exchanges the code for the offline token, and links the store to its shop.
 */
export function registerShopifyInstallRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<RawQueryRoute>('/connectors/shopify/install', async (request, reply) => {
    const credentials = deps.config.shopify;
    if (credentials === null) return sendPlain(reply, 404, 'the Shopify connector is not configured');
    const shopify = shopifyAppFor(credentials, deps.config.publicUrl);
    const shop = shopify.utils.sanitizeShop(request.query.shop?.[0] ?? '', false);
    if (!shop) return sendPlain(reply, 400, 'shop must be a store domain such as maple-and-co.myshopify.com');
    // The library writes the redirect and its state cookie to the raw response itself.
    reply.hijack();
    await shopify.auth.begin({ shop, callbackPath: CALLBACK_PATH, isOnline: false, rawRequest: request.raw, rawResponse: reply.raw });
  });

  app.get(CALLBACK_PATH, async (request, reply) => {
    const credentials = deps.config.shopify;
    if (credentials === null) return sendPlain(reply, 404, 'the Shopify connector is not configured');
    const shopify = shopifyAppFor(credentials, deps.config.publicUrl);
    let session;
    try {
      ({ session } = await shopify.auth.callback({ rawRequest: request.raw, rawResponse: reply.raw }));
    } catch (error) {
      // A forged or replayed callback, a missing state cookie, a refused code: nothing is linked.
      request.log.warn({ connector: 'shopify', err: error instanceof Error ? error.name : 'error' }, 'shopify install refused');
      return sendPlain(reply, 400, 'This install link is not valid any more. Start the install again from Shopify.');
    }
    await installShopifyStore(deps.db.kysely, { secretKey: deps.secretKey, clock: deps.clock }, { domain: session.shop, accessToken: session.accessToken ?? '', scopes: session.scope ?? '' });
    return reply.code(303).header('location', '/console/login').send();
  });
}

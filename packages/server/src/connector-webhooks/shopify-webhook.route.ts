import type { FastifyInstance } from 'fastify';
import { shopifyAppFor } from '../connectors/shopify/shopify-app.js';
import { parseShopifyJson } from '../connectors/shopify/shopify-json.js';
import { receiveShopifyDelivery } from '../connectors/shopify/shopify-webhooks.service.js';
import type { AppDeps } from '../http/app-deps.js';
import { sendPlain } from './plain-answer.js';

/**
 * `POST /connectors/shopify/webhooks` (docs/connectors.md): every webhook of the Shopify app. The
 * Shopify library checks `X-Shopify-Hmac-Sha256` over the exact body with the app's secret, and
 * the headers Shopify always sends; anything it refuses answers 401 and nothing is stored.
 */
export function registerShopifyWebhookRoute(app: FastifyInstance, deps: AppDeps): void {
  app.post('/connectors/shopify/webhooks', async (request, reply) => {
    const credentials = deps.config.shopify;
    if (credentials === null) return sendPlain(reply, 404, 'the Shopify connector is not configured');
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const check = await shopifyAppFor(credentials, deps.config.publicUrl).webhooks.validate({ rawBody, rawRequest: request.raw, rawResponse: reply.raw });
    if (!check.valid) {
      request.log.warn({ connector: 'shopify', reason: check.reason }, 'shopify webhook refused');
      return sendPlain(reply, 401, 'unauthorized');
    }
    let payload: unknown;
    try {
      payload = parseShopifyJson(rawBody);
    } catch {
      return sendPlain(reply, 400, 'invalid');
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return sendPlain(reply, 400, 'invalid');
    const result = await receiveShopifyDelivery({ db: deps.db, storage: deps.storage }, { topic: check.topic, domain: check.domain, payload: payload as Record<string, unknown> }, deps.clock.now());
    if (result.outcome === 'applied') deps.outboxSignal?.();
    return sendPlain(reply, result.status, result.outcome === 'refused' ? 'unauthorized' : result.outcome);
  });
}

import type { FastifyInstance } from 'fastify';
import { receiveWooDelivery } from '../connectors/woocommerce/woo-webhooks.service.js';
import type { AppDeps } from '../http/app-deps.js';
import { sendPlain } from './plain-answer.js';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * `POST /connectors/woocommerce/webhooks/<shop_id>` (docs/connectors.md): the shop's WooCommerce
 * webhooks. Answers with a status and a word, never with what was stored: WooCommerce only reads
 * the status, and a sender without the secret learns nothing.
 */
export function registerWooCommerceWebhookRoute(app: FastifyInstance, deps: AppDeps): void {
  app.post<{ Params: { shop_id: string } }>('/connectors/woocommerce/webhooks/:shop_id', async (request, reply) => {
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const result = await receiveWooDelivery(
      { db: deps.db.kysely, secretKey: deps.secretKey },
      request.params.shop_id,
      { rawBody, signature: header(request.headers['x-wc-webhook-signature']), topic: header(request.headers['x-wc-webhook-topic']) },
      deps.clock.now(),
    );
    if (result.outcome === 'applied') deps.outboxSignal?.();
    if (result.status !== 200) request.log.warn({ connector: 'woocommerce', outcome: result.outcome }, 'woocommerce webhook not applied');
    return sendPlain(reply, result.status, result.outcome === 'refused' ? 'unauthorized' : result.outcome);
  });
}

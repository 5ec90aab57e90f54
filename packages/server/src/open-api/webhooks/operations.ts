import type { AnyOperation } from '../../http/operation.js';
import { createShopWebhookOperation } from './create-shop-webhook.route.js';
import { deleteShopWebhookOperation } from './delete-shop-webhook.route.js';
import { getShopWebhooksOperation } from './get-shop-webhooks.route.js';
import { getWebhookDeliveriesOperation } from './get-webhook-deliveries.route.js';
import { replayWebhookDeliveryOperation } from './replay-webhook-delivery.route.js';
import { rotateShopWebhookSecretOperation } from './rotate-shop-webhook-secret.route.js';
import { updateShopWebhookOperation } from './update-shop-webhook.route.js';

export const webhookOperations: AnyOperation[] = [
  createShopWebhookOperation,
  updateShopWebhookOperation,
  deleteShopWebhookOperation,
  getShopWebhooksOperation,
  rotateShopWebhookSecretOperation,
  getWebhookDeliveriesOperation,
  replayWebhookDeliveryOperation,
];

import type { AnyOperation } from '../http/operation.js';
import { cancelAuthorizationOperation } from './oauth/cancel-authorization.route.js';
import { customerOperations } from './customers/operations.js';
import { getCustomerEventsOperation } from './events/get-customer-events.route.js';
import { mediaOperations } from './media/operations.js';
import { orderOperations } from './orders/operations.js';
import { questionOperations } from './questions/operations.js';
import { reviewOperations } from './reviews/operations.js';
import { webhookOperations } from './webhooks/operations.js';
import { getShopSettingsOperation, updateShopSettingsOperation } from './shops/shop-settings.routes.js';

/** Every Open API operation the server registers, in one list: the app serves it, tests walk it. */
export const openApiOperations: readonly AnyOperation[] = [
  ...reviewOperations,
  ...questionOperations,
  ...mediaOperations,
  ...webhookOperations,
  ...orderOperations,
  ...customerOperations,
  getCustomerEventsOperation,
  cancelAuthorizationOperation,
  getShopSettingsOperation,
  updateShopSettingsOperation,
];

import type { AnyOperation } from '../../http/operation.js';
import { cancelOrderRequestOperation } from './cancel-order-request.route.js';
import { createOrderOperation } from './create-order.route.js';
import { getOrdersOperation } from './get-orders.route.js';

export const orderOperations: AnyOperation[] = [getOrdersOperation, createOrderOperation, cancelOrderRequestOperation];

import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { BodyStoreId, storeIdValue } from '../../http/wire-schemas.js';
import { OrderSchema } from './order-schemas.js';
import { cancelOrderRequest } from '../../orders/order-service.js';

export const cancelOrderRequestOperation = defineOperation({
  operation: 'cancel_order_request',
  method: 'POST',
  scope: 'write_orders',
  summary: 'Cancel Order Request (Plaudit extension)',
  description: 'Stops the review request of an order before it is sent (status 1 or 2 → 6, merchant). Already cancelled: no change. Already sent: code 3.',
  tags: ['Orders'],
  body: Type.Object({ order_id: BodyStoreId('the store-platform order id', false) }),
  data: OrderSchema,
  async handler({ actor, body, db, deps }) {
    return cancelOrderRequest(db, actor, storeIdValue(body.order_id), deps.clock.now());
  },
});

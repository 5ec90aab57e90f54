import { defineOperation } from '../../http/operation.js';
import { invalidField } from '../../http/errors.js';
import { storeIdValue } from '../../http/wire-schemas.js';
import { parseTimeInput } from '../../time/time-format.js';
import { NewOrderSchema, OrderSchema } from './order-schemas.js';
import { registerOrder } from '../../orders/order-service.js';

const timeOf = (value: string | number | undefined, field: string): number | undefined => {
  if (value === undefined) return undefined;
  const seconds = parseTimeInput(value);
  if (seconds === null) throw invalidField(field, 'must be a valid time');
  return seconds;
};

export const createOrderOperation = defineOperation({
  operation: 'create_order',
  method: 'POST',
  scope: 'write_orders',
  summary: 'Create Order (Plaudit extension)',
  description:
    'Registers an order so its buyer is asked for a review, or updates it: idempotent on order_id (same id, never a second request e-mail). The review-request state follows docs/reference/collection.md §4; every status change records order/updated.',
  tags: ['Orders'],
  body: NewOrderSchema,
  data: OrderSchema,
  async handler({ actor, body, db, deps }) {
    const lines = body.products.map((line, index) => {
      const productId = storeIdValue(line.product_id);
      if (productId === '0') throw invalidField(`products[${index}].product_id`, 'must not be "0": store reviews have no order lines');
      return { ...line, product_id: productId, title: line.title ?? '', handle: line.handle ?? '', quantity: line.quantity ?? 1 };
    });
    return registerOrder(
      db,
      actor,
      {
        orderId: storeIdValue(body.order_id),
        orderName: body.order_name,
        email: body.email,
        customerId: body.customer_id === undefined ? undefined : storeIdValue(body.customer_id),
        firstName: body.first_name,
        lastName: body.last_name,
        phone: body.phone,
        products: lines,
        orderCreatedAt: timeOf(body.order_created_at, 'order_created_at'),
        fulfilledAt: timeOf(body.fulfilled_at, 'fulfilled_at'),
      },
      deps.clock.now(),
    );
  },
});

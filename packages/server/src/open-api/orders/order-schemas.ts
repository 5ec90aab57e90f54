import { Type } from '@sinclair/typebox';
import { BodyStoreId, BodyTime, HttpUrl, Text } from '../../http/wire-schemas.js';

export const OrderLineSchema = Type.Object({ product_id: Type.String(), title: Type.String(), handle: Type.String(), quantity: Type.Integer() });

const nullableTime = () => Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const OrderSchema = Type.Object(
  {
    id: Type.Integer(),
    order_id: Type.String(),
    order_name: Type.String(),
    customer_id: Type.String(),
    email: Type.String(),
    customer_name: Type.String(),
    products: Type.Array(OrderLineSchema),
    status: Type.Integer({ description: '1 waiting, 2 scheduled, 3 sent, 4 opened, 5 evaluated, 6 cancelled' }),
    cancel_reason: Type.String({ description: 'Plaudit extension: excluded, unsubscribed, merchant, too_old or send_failed when status is 6' }),
    order_created_at: Type.String({ format: 'date-time' }),
    fulfilled_at: nullableTime(),
    scheduled_at: nullableTime(),
    sent_at: nullableTime(),
    opened_at: nullableTime(),
    reviewed_at: nullableTime(),
    cancelled_at: nullableTime(),
    reminder_sent_at: nullableTime(),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { title: 'Order' },
);

const identifier = () => Type.Optional(Text(64));

export const NewOrderLineSchema = Type.Object({
  product_id: BodyStoreId('the product (not "0")', false),
  title: Type.Optional(Text(255)),
  handle: Type.Optional(Text(255)),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, 'x-reason': 'must be an integer from 1 to 10,000' })),
  image: Type.Optional(HttpUrl('product image')),
  url: Type.Optional(HttpUrl('product page')),
  sku: identifier(),
  gtin: identifier(),
  mpn: identifier(),
  brand: identifier(),
});

export const NewOrderSchema = Type.Object({
  order_id: BodyStoreId('the store-platform order id', false),
  order_name: Text(64, { minLength: 1, description: 'display name, e.g. #1001' }),
  email: Type.String({ format: 'email-address', minLength: 1, maxLength: 254, 'x-reason': 'must be a valid e-mail address' }),
  customer_id: Type.Optional(BodyStoreId('the store-platform customer id', false)),
  first_name: Type.Optional(Text(100)),
  last_name: Type.Optional(Text(100)),
  phone: Type.Optional(Text(32)),
  products: Type.Array(NewOrderLineSchema, { minItems: 1, maxItems: 100, 'x-reasons': { minItems: 'must have at least one line', maxItems: 'must have at most 100 lines' } }),
  order_created_at: Type.Optional(BodyTime('when the order was placed (default: now)')),
  fulfilled_at: Type.Optional(BodyTime('when the order was fulfilled')),
});

import { Type } from '@sinclair/typebox';

/** The CustomerEvent object of docs/reference/collection.md §13. */
export const CustomerEventSchema = Type.Object(
  {
    id: Type.Integer(),
    event_type: Type.String(),
    event_source: Type.String(),
    os_type: Type.String(),
    customer_id: Type.String(),
    email: Type.String(),
    session_id: Type.String(),
    product_id: Type.String(),
    review_id: Type.Union([Type.Integer(), Type.Null()]),
    page_url: Type.String(),
    extra: Type.Record(Type.String(), Type.Unknown()),
    created_at: Type.String({ format: 'date-time' }),
  },
  { title: 'CustomerEvent' },
);

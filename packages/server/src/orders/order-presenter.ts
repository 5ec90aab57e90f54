import type { Selectable } from 'kysely';
import type { OrdersTable } from '../db/schema.js';
import { formatRecordTime } from '../time/time-format.js';

export type OrderRow = Selectable<OrdersTable>;

export interface OrderLine {
  product_id: string;
  title: string;
  handle: string;
  quantity: number;
}

const time = (seconds: number | null) => (seconds === null ? null : formatRecordTime(seconds));

/** The Order object of docs/reference/collection.md §2. */
export function presentOrder(row: OrderRow) {
  return {
    id: Number(row.id),
    order_id: row.order_id,
    order_name: row.order_name,
    customer_id: row.customer_id,
    email: row.email,
    customer_name: row.customer_name,
    products: JSON.parse(row.products) as OrderLine[],
    status: row.status,
    cancel_reason: row.cancel_reason,
    order_created_at: formatRecordTime(row.order_created_at),
    fulfilled_at: time(row.fulfilled_at),
    scheduled_at: time(row.scheduled_at),
    sent_at: time(row.sent_at),
    opened_at: time(row.opened_at),
    reviewed_at: time(row.reviewed_at),
    cancelled_at: time(row.cancelled_at),
    reminder_sent_at: time(row.reminder_sent_at),
    created_at: formatRecordTime(row.created_at),
    updated_at: formatRecordTime(row.updated_at),
  };
}

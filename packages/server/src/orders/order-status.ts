import type { OrderStatus } from '../db/schema.js';

/**
 * Where an order's review request stands. The numbers are the contract's (docs/reference/collection.md §6): the
 * Open API shows them as `status` and filters by them as `type`, so they are stored as they are.
 */
export const ORDER_STATUS = {
  waiting: 1,
  scheduled: 2,
  sent: 3,
  opened: 4,
  reviewed: 5,
  cancelled: 6,
} as const satisfies Record<string, OrderStatus>;

/** Statuses whose request has not gone out yet: they may still be rescheduled or cancelled. */
export const NOT_YET_SENT: OrderStatus[] = [ORDER_STATUS.waiting, ORDER_STATUS.scheduled];

/** Statuses a matching review moves to `reviewed`. */
export const AWAITING_REVIEW: OrderStatus[] = [ORDER_STATUS.waiting, ORDER_STATUS.scheduled, ORDER_STATUS.sent, ORDER_STATUS.opened];

/** Statuses that may still get a reminder. */
export const SENT_OR_OPENED: OrderStatus[] = [ORDER_STATUS.sent, ORDER_STATUS.opened];

/** How the console names each status. */
export const STATUS_NAMES: Record<OrderStatus, string> = { 1: 'Waiting for fulfilment', 2: 'Scheduled', 3: 'Sent', 4: 'Opened', 5: 'Reviewed', 6: 'Cancelled' };

import type { OrderStatus } from '../db/schema.js';
import { ORDER_STATUS } from './order-status.js';

/** A request more than 30 days after fulfilment would surprise the buyer: such imports stay quiet. */
export const TOO_OLD_SECONDS = 30 * 24 * 3600;

export interface RequestFacts {
  /** The order's status before this call, or undefined for a new order. */
  current: OrderStatus | undefined;
  excluded: boolean;
  unsubscribed: boolean;
  fulfilledAt: number | null;
  requestDelayDays: number;
  now: number;
}

export type RequestState =
  | { status: typeof ORDER_STATUS.waiting }
  | { status: typeof ORDER_STATUS.scheduled; scheduledAt: number }
  | { status: typeof ORDER_STATUS.cancelled; reason: 'excluded' | 'unsubscribed' | 'too_old' };

/**
 * The review-request rules of create_order (docs/reference/collection.md §4), in their order. Only new orders and
 * orders in status 1 or 2 are evaluated; undefined means "leave the request as it is".
 */
export function evaluateRequest(facts: RequestFacts): RequestState | undefined {
  if (facts.current !== undefined && facts.current !== 1 && facts.current !== 2) return undefined;
  if (facts.excluded) return { status: ORDER_STATUS.cancelled, reason: 'excluded' };
  if (facts.unsubscribed) return { status: ORDER_STATUS.cancelled, reason: 'unsubscribed' };
  if (facts.fulfilledAt === null) return { status: ORDER_STATUS.waiting };
  // Only when the fulfilment is learned now (new or waiting): a scheduled order keeps its request.
  if ((facts.current === undefined || facts.current === ORDER_STATUS.waiting) && facts.fulfilledAt < facts.now - TOO_OLD_SECONDS) return { status: ORDER_STATUS.cancelled, reason: 'too_old' };
  return { status: ORDER_STATUS.scheduled, scheduledAt: facts.fulfilledAt + facts.requestDelayDays * 86_400 };
}

import type { OrderStatus } from '../db/schema.js';

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

export type RequestState = { status: 1 } | { status: 2; scheduledAt: number } | { status: 6; reason: 'excluded' | 'unsubscribed' | 'too_old' };

/**
 * The review-request rules of create_order (collection.md §4), in their order. Only new orders and
 * orders in status 1 or 2 are evaluated; undefined means "leave the request as it is".
 */
export function evaluateRequest(facts: RequestFacts): RequestState | undefined {
  if (facts.current !== undefined && facts.current !== 1 && facts.current !== 2) return undefined;
  if (facts.excluded) return { status: 6, reason: 'excluded' };
  if (facts.unsubscribed) return { status: 6, reason: 'unsubscribed' };
  if (facts.fulfilledAt === null) return { status: 1 };
  // Only when the fulfilment is learned now (new or waiting): a scheduled order keeps its request.
  if ((facts.current === undefined || facts.current === 1) && facts.fulfilledAt < facts.now - TOO_OLD_SECONDS) return { status: 6, reason: 'too_old' };
  return { status: 2, scheduledAt: facts.fulfilledAt + facts.requestDelayDays * 86_400 };
}

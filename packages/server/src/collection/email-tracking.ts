import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { recordCustomerEvents } from '../events/customer-events.js';
import { osTypeFromUserAgent } from '../events/event-types.js';
import { markRequestClicked, markRequestOpened, orderRecipient } from '../orders/order-service.js';
import type { ClickToken, OpenToken } from './email-tokens.js';

/**
 * An open (pixel) or a click (tracked link) of a review-request e-mail (docs/reference/collection.md §6.3):
 * a customer event with the order's buyer, and the request moves to opened the first time.
 * Tokens of orders that no longer exist record nothing. Call inside a transaction.
 */
export async function recordEmailInteraction(db: Kysely<Database>, token: OpenToken | ClickToken, userAgent: string | undefined, nowMs: number): Promise<void> {
  const recipient = await orderRecipient(db, token.shop, token.order);
  if (!recipient) return;
  const click = 'target' in token;
  await recordCustomerEvents(
    db,
    token.shop,
    [
      {
        eventType: click ? 'CLICK_EMAIL' : 'OPEN_EMAIL',
        eventSource: 'EMAIL',
        osType: osTypeFromUserAgent(userAgent),
        customerId: recipient.customer_id,
        email: recipient.email,
        ...(click && token.product ? { productId: token.product } : {}),
        extra: click ? { message: token.message, link: token.link, ...(token.rating !== undefined ? { rating: token.rating } : {}) } : { message: token.message },
      },
    ],
    nowMs,
  );
  if (click) await markRequestClicked(db, token.shop, token.order, nowMs);
  await markRequestOpened(db, token.shop, token.order, nowMs);
}

import { formatRecordTime } from '../time/time-format.js';

export interface OutboxEvent {
  topic: string;
  event_id: string;
  occurred_at: number;
  payload: string;
  platform_id: string | null;
}

/**
 * The JSON body of a delivery (docs/reference/webhooks.md §3): topic, event id and time, then the affected
 * objects, each stamped with the shop it belongs to. System events carry their `data` (docs/reference/auth.md §8).
 */
export function deliveryBody(event: OutboxEvent, shop: { id: string; domain: string }): string {
  const head = { topic: event.topic, event_id: event.event_id, occurred_at: formatRecordTime(event.occurred_at) };
  if (event.platform_id !== null) return JSON.stringify({ ...head, data: JSON.parse(event.payload) as unknown });
  const { list } = JSON.parse(event.payload) as { list: Array<Record<string, unknown>> };
  return JSON.stringify({ ...head, list: list.map(({ id, ...rest }) => ({ id, my_shopify_domain: shop.domain, shopify_shop_id: shop.id, ...rest })) });
}

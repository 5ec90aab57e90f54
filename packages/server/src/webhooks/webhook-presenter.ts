import { formatRecordTime } from '../time/time-format.js';
import type { SubscriptionRow } from './subscription-repository.js';

/** The Webhook object of docs/reference/webhooks.md §2 (ids as strings, RFC 3339 times). */
export function presentWebhook(row: SubscriptionRow) {
  return {
    id: String(row.id),
    topic: row.topic,
    url: row.url,
    status: row.status,
    created_at: formatRecordTime(row.created_at),
    updated_at: formatRecordTime(row.updated_at),
  };
}

import type { Scope } from '../http/actor.js';

/** Subscribable topics and the scope a platform needs for each (docs/reference/webhooks.md §1). */
export const TOPIC_SCOPES = {
  'review/created': 'write_reviews',
  'review/updated': 'write_reviews',
  'review/deleted': 'write_reviews',
  'review/reported': 'read_reviews',
  'customer_event/created': 'read_customer_events',
  'order/updated': 'read_orders',
  'customer/redacted': 'read_customers',
  'question/created': 'read_questions',
  'question/answered': 'read_questions',
  'question/updated': 'read_questions',
  'question/deleted': 'read_questions',
} as const satisfies Record<string, Scope>;

export type Topic = keyof typeof TOPIC_SCOPES;
export const TOPICS = Object.keys(TOPIC_SCOPES) as Topic[];

/** Topics sent to one platform about its relation to a shop (docs/reference/auth.md §8); not subscribable. */
export type SystemTopic = 'shop/authorized' | 'shop/deauthorized' | 'shop/uninstalled';

export function isTopic(value: string): value is Topic {
  return Object.hasOwn(TOPIC_SCOPES, value);
}

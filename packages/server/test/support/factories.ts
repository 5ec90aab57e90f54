import { expect } from 'vitest';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { envelope, type Harness } from './harness.js';

export interface ReviewInput {
  [field: string]: unknown;
}

/** A valid create_review body; tests override only what they are about. */
export function reviewBody(overrides: ReviewInput = {}): ReviewInput {
  return { product_id: '9200305176832', rating: 5, author: 'Ann Lee', content: 'Well made.', ...overrides };
}

/** Creates a review through the API and returns its id. */
export async function createReviewVia(h: Harness, overrides: ReviewInput = {}, shop?: ShopCredentials): Promise<number> {
  const response = await h.call('POST', 'create_review', { body: reviewBody(overrides) }, shop);
  const answer = envelope<{ id: string }>(response);
  expect(answer, JSON.stringify(answer)).toMatchObject({ code: 0 });
  return Number(answer.data!.id);
}

/** The shop's domain events in order (system events addressed to platforms are left out). */
export async function outboxTopics(h: Harness, shopId: string): Promise<string[]> {
  const rows = await h.deps.db.kysely.selectFrom('outbox_events').select('topic').where('shop_id', '=', shopId).where('platform_id', 'is', null).orderBy('id').execute();
  return rows.map((row) => row.topic);
}

/** System events addressed to platforms about this shop (docs/reference/auth.md §8), payloads parsed. */
export async function systemEvents(h: Harness, shopId: string): Promise<Array<{ topic: string; platform_id: string; payload: Record<string, unknown> }>> {
  const rows = await h.deps.db.kysely
    .selectFrom('outbox_events')
    .select(['topic', 'platform_id', 'payload'])
    .where('shop_id', '=', shopId)
    .where('platform_id', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ topic: row.topic, platform_id: row.platform_id!, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}

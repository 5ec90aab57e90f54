import { type Kysely, type Selectable, sql } from 'kysely';
import type { CustomerEventsTable, Database } from '../db/schema.js';
import { formatRecordTime } from '../time/time-format.js';
import { countOf, type PageRequest, pageOf } from '../db/paging.js';
import { appendOutboxEventsJson } from '../outbox/outbox.js';
import type { EventSource, EventType, OsType } from './event-types.js';
import { secondsOf } from '../time/clock.js';

export const MAX_EXTRA_BYTES = 2048;

export interface NewCustomerEvent {
  eventType: EventType;
  eventSource: EventSource;
  osType: OsType;
  customerId?: string;
  email?: string;
  sessionId?: string;
  productId?: string;
  reviewId?: number | null;
  pageUrl?: string;
  extra?: Record<string, unknown>;
}

/** The CustomerEvent object of docs/reference/collection.md §13. */
export function presentCustomerEvent(row: Selectable<CustomerEventsTable>) {
  return {
    id: Number(row.id),
    event_type: row.event_type,
    event_source: row.event_source,
    os_type: row.os_type,
    customer_id: row.customer_id,
    email: row.email,
    session_id: row.session_id,
    product_id: row.product_id,
    review_id: row.review_id === null ? null : Number(row.review_id),
    page_url: row.page_url,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    created_at: formatRecordTime(row.created_at),
  };
}

/**
 * Stores a batch of events with one multi-row insert, and records `customer_event/created` for
 * each (docs/reference/webhooks.md §1) with another, in the caller's transaction. E-mail addresses are kept only for EMAIL
 * events (§13); extras over 2 KB are refused by the callers and dropped here as a last guard.
 */
export async function recordCustomerEvents(db: Kysely<Database>, shopId: string, events: NewCustomerEvent[], nowMs: number): Promise<number[]> {
  if (events.length === 0) return [];
  const now = secondsOf(nowMs);
  const rows = events.map((event) => {
    const extra = JSON.stringify(event.extra ?? {});
    return {
      shop_id: shopId,
      event_type: event.eventType,
      event_source: event.eventSource,
      os_type: event.osType,
      customer_id: event.customerId ?? '',
      email: event.eventSource === 'EMAIL' ? (event.email ?? '') : '',
      session_id: event.eventSource === 'EMAIL' ? '' : (event.sessionId ?? ''),
      product_id: event.productId ?? '',
      review_id: event.reviewId ?? null,
      page_url: event.pageUrl ?? '',
      extra: Buffer.byteLength(extra) <= MAX_EXTRA_BYTES ? extra : '{}',
      created_at: now,
    };
  });
  const inserted = await db.insertInto('customer_events').values(rows).returningAll().execute();
  await countEvents(db, shopId, events, now);
  await appendOutboxEventsJson(db, shopId, 'customer_event/created', inserted.map((row) => JSON.stringify({ list: [presentCustomerEvent(row)] })), nowMs);
  return inserted.map((row) => Number(row.id));
}

/** Retention (docs/reference/collection.md §15): events older than the operator's period are deleted by the worker. */
export async function pruneCustomerEvents(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('customer_events').where('created_at', '<', before).execute();
}

export interface CustomerEventFilter {
  eventType?: string | undefined;
  osType?: string | undefined;
  eventSource?: string | undefined;
  /** Inclusive bounds in Unix seconds on when the event was recorded. */
  from?: number | undefined;
  to?: number | undefined;
}

/** The shop's events matching the filter, by time (ties by id), one page and the total. */
export async function listCustomerEvents(db: Kysely<Database>, shopId: string, filter: CustomerEventFilter, direction: 'asc' | 'desc', page: PageRequest) {
  let filtered = db.selectFrom('customer_events').where('shop_id', '=', shopId);
  if (filter.eventType) filtered = filtered.where('event_type', '=', filter.eventType);
  if (filter.osType) filtered = filtered.where('os_type', '=', filter.osType);
  if (filter.eventSource) filtered = filtered.where('event_source', '=', filter.eventSource);
  if (filter.from !== undefined) filtered = filtered.where('created_at', '>=', filter.from);
  if (filter.to !== undefined) filtered = filtered.where('created_at', '<=', filter.to);
  const rows = await pageOf(filtered.selectAll().orderBy('created_at', direction).orderBy('id', direction), page).execute();
  return { count: await countOf(filtered), rows };
}

const HOUR = 3600;
/** As review_activity: concurrent writers of one shop and hour take different rows (migration 015). */
const SLOTS = 8;

/** Moves the hourly counters (event_activity) by a batch: one statement, whatever the batch holds. */
async function countEvents(db: Kysely<Database>, shopId: string, events: NewCustomerEvent[], now: number): Promise<void> {
  const byType = new Map<string, number>();
  for (const event of events) byType.set(event.eventType, (byType.get(event.eventType) ?? 0) + 1);
  const hour = Math.floor(now / HOUR);
  const slot = Math.floor(Math.random() * SLOTS);
  await db
    .insertInto('event_activity')
    .values([...byType].map(([eventType, count]) => ({ shop_id: shopId, hour, event_type: eventType, slot, events: count })))
    .onConflict((oc) => oc.columns(['shop_id', 'hour', 'event_type', 'slot']).doUpdateSet({ events: sql`event_activity.events + excluded.events` }))
    .execute();
}

/**
 * How many events of each type the shop recorded in the hours of [from, to), from the hourly
 * counters: a year is a few thousand rows, not the events themselves (which retention may have pruned).
 */
export async function countEventsByType(db: Kysely<Database>, shopId: string, types: readonly EventType[], from: number, to: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('event_activity')
    .select((eb) => ['event_type', eb.fn.sum<number>('events').as('count')])
    .where('shop_id', '=', shopId)
    .where('event_type', 'in', [...types])
    .where('hour', '>=', Math.floor(from / HOUR))
    .where('hour', '<', Math.ceil(to / HOUR))
    .groupBy('event_type')
    .execute();
  return new Map(rows.map((row) => [row.event_type, Number(row.count)]));
}

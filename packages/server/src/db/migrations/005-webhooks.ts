import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * Webhooks (docs/reference/webhooks.md): subscriptions owned by a shop ('' platform) or by a platform for a
 * shop; one delivery per (event, receiver) with its claim for the worker; one row per attempt
 * for the delivery log. Outbox events are marked once fanned out into deliveries.
 */
export function webhooksMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withIdColumn(dialect, db.schema.createTable('webhook_subscriptions'))
        .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
        .addColumn('platform_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('previous_secret_sealed', 'text')
        .addColumn('previous_secret_expires_at', 'bigint')
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failing_since', 'bigint')
        .addColumn('disabled_reason', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('webhook_subscriptions_owner_topic_url', ['shop_id', 'platform_id', 'topic', 'url'])
        .execute();
      await db.schema.createIndex('webhook_subscriptions_fan_out').on('webhook_subscriptions').columns(['shop_id', 'topic', 'status']).execute();

      await withIdColumn(dialect, db.schema.createTable('webhook_deliveries'))
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('subscription_id', 'bigint')
        .addColumn('platform_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('outbox_event_id', 'bigint', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('webhook_deliveries_shop').on('webhook_deliveries').columns(['shop_id', 'subscription_id', 'id']).execute();

      await withIdColumn(dialect, db.schema.createTable('webhook_attempts'))
        .addColumn('delivery_id', 'bigint', (c) => c.notNull())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('request_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('response_excerpt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').columns(['delivery_id', 'attempt']).execute();

      await db.schema.alterTable('outbox_events').addColumn('fanned_out_at', 'bigint').execute();
      await db.schema.createIndex('outbox_events_pending').on('outbox_events').columns(['fanned_out_at', 'id']).execute();

      await withIdColumn(dialect, db.schema.createTable('shop_notices'))
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('read_at', 'bigint')
        .execute();
      await db.schema.createIndex('shop_notices_shop').on('shop_notices').columns(['shop_id', 'id']).execute();
    },
  };
}

import type { Kysely } from 'kysely';

/**
 * What the e-mail worker needs on an order (docs/reference/collection.md §6.1): its claim, retry bookkeeping,
 * and the time a hand-over to the SMTP server began, which makes each e-mail at-most-once: a
 * worker that finds a hand-over begun by a dead worker records the message as sent, never resends.
 * `reminder_due_at` is fixed when the request is sent (null when the shop sends no reminders), so
 * the worker finds due reminders with one indexed condition.
 */
export const requestSendingMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('orders').addColumn('send_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('orders').addColumn('send_claimed_until', 'bigint').execute();
    await db.schema.alterTable('orders').addColumn('send_started_at', 'bigint').execute();
    await db.schema.alterTable('orders').addColumn('reminder_started_at', 'bigint').execute();
    await db.schema.alterTable('orders').addColumn('reminder_due_at', 'bigint').execute();
    await db.schema.createIndex('orders_reminders_due').on('orders').column('reminder_due_at').execute();
  },
};

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import type { JobKind } from '../jobs/job-loop.js';
import type { Clock } from '../time/clock.js';
import { type MailTransport, PermanentMailError } from '../mail/mail-transport.js';
import type { OrderRow } from '../orders/order-presenter.js';
import { setRequestState } from '../orders/order-service.js';
import { isExcluded, isUnsubscribedFromRequests } from '../orders/suppression.js';
import { findShopById, type ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import type { MessageKind } from './email-tokens.js';
import { composeRequestEmail } from './request-email.js';

/** collection.md §6.1: a temporary SMTP failure is retried 1, 5, 15 and 60 minutes later; the fifth failure is final. */
const RETRY_MINUTES = [1, 5, 15, 60];
const LEASE_SECONDS = 120;

export interface RequestJobDeps {
  db: Db;
  secretKey: Buffer;
  clock: Clock;
  transport: MailTransport;
  publicUrl: string;
  mailFrom: string;
}

/**
 * Sends review requests when due and one reminder later (collection.md §6). Each e-mail is sent at
 * most once: the time a hand-over to SMTP begins is committed first, and a worker that finds a
 * hand-over begun by a worker that died records it as sent instead of sending again. Due orders
 * are claimed (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so several workers never take the same one.
 */
export class ReviewRequestJob implements JobKind {
  readonly name = 'review-requests';
  private readonly workerId = `mailer-${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly deps: RequestJobDeps,
    private readonly batchSize = 50,
  ) {}

  private now(): number {
    return Math.floor(this.deps.clock.now() / 1000);
  }

  async runOnce(): Promise<number> {
    const requests = await this.claimDueRequests();
    for (const order of requests) await this.sendRequest(order);
    const reminders = await this.claimDueReminders();
    for (const order of reminders) await this.sendReminder(order);
    return requests.length + reminders.length;
  }

  private async claimDueRequests(): Promise<OrderRow[]> {
    const { db } = this.deps;
    const now = this.now();
    let due = db.kysely
      .selectFrom('orders')
      .select('id')
      .where('status', '=', 2)
      .where('scheduled_at', '<=', now)
      .where((eb) => eb.or([eb('send_claimed_until', 'is', null), eb('send_claimed_until', '<', now)]))
      .orderBy('scheduled_at')
      .limit(this.batchSize);
    if (db.dialect === 'postgres') due = due.forUpdate().skipLocked();
    return db.kysely.updateTable('orders').set({ send_claimed_until: now + LEASE_SECONDS }).where('id', 'in', due).returningAll().execute();
  }

  /** Reminders are claimed by stamping reminder_started_at: once stamped, a reminder is never tried again. */
  private async claimDueReminders(): Promise<OrderRow[]> {
    const db = this.deps.db.kysely;
    const now = this.now();
    const due = await db
      .selectFrom('orders')
      .selectAll()
      .where('reminder_due_at', '<=', now)
      .where('reminder_started_at', 'is', null)
      .where('status', 'in', [3, 4])
      .orderBy('reminder_due_at')
      .limit(this.batchSize)
      .execute();
    const claimed: OrderRow[] = [];
    for (const order of due) {
      const won = await db.updateTable('orders').set({ reminder_started_at: now }).where('id', '=', order.id).where('reminder_started_at', 'is', null).executeTakeFirst();
      if (won.numUpdatedRows > 0n) claimed.push(order);
    }
    return claimed;
  }

  /** When the reminder of a request sent at `sentAt` is due, by the shop's settings at sending time. */
  private reminderDueAt(shop: ShopRow, sentAt: number): number | null {
    const settings = readShopSettings(shop.settings);
    return settings.reminder_enabled ? sentAt + settings.reminder_delay_days * 86_400 : null;
  }

  private async suppressed(db: Kysely<Database>, order: OrderRow): Promise<'excluded' | 'unsubscribed' | undefined> {
    if (await isExcluded(db, order.shop_id, order.customer_id, order.email)) return 'excluded';
    if (await isUnsubscribedFromRequests(db, order.shop_id, order.email)) return 'unsubscribed';
    return undefined;
  }

  private async sendRequest(order: OrderRow): Promise<void> {
    const { db } = this.deps;
    const nowMs = this.deps.clock.now();
    const now = Math.floor(nowMs / 1000);
    const shop = await findShopById(db.kysely, order.shop_id);
    if (!shop) return;
    const startedAt = order.send_started_at;
    if (startedAt !== null) {
      // A worker died after it began handing this message over: it may have gone out, so it is not sent again.
      await db.kysely.transaction().execute((trx) => setRequestState(trx, order, { status: 3, sent_at: startedAt, reminder_due_at: this.reminderDueAt(shop, startedAt) }, nowMs));
      return;
    }
    // Exclusions and unsubscribes are honoured at send time, not only when the order arrived.
    const began = await db.kysely.transaction().execute(async (trx) => {
      const reason = await this.suppressed(trx, order);
      if (reason) {
        await setRequestState(trx, order, { status: 6, cancel_reason: reason, cancelled_at: now }, nowMs);
        return false;
      }
      await trx.updateTable('orders').set({ send_started_at: now }).where('id', '=', order.id).execute();
      return true;
    });
    if (!began) return;
    try {
      await this.deps.transport.send(composeRequestEmail({ ...this.compose(shop, order, 'request'), images: await this.images(order), now }));
      await db.kysely.transaction().execute((trx) => setRequestState(trx, order, { status: 3, sent_at: now, reminder_due_at: this.reminderDueAt(shop, now) }, nowMs));
    } catch (error) {
      const attempts = order.send_attempts + 1;
      const final = error instanceof PermanentMailError || attempts > RETRY_MINUTES.length;
      await db.kysely.transaction().execute(async (trx) => {
        if (final) await setRequestState(trx, order, { status: 6, cancel_reason: 'send_failed', cancelled_at: now, send_attempts: attempts }, nowMs);
        else await trx.updateTable('orders').set({ send_attempts: attempts, scheduled_at: now + RETRY_MINUTES[attempts - 1]! * 60, send_started_at: null, send_claimed_until: null, updated_at: now }).where('id', '=', order.id).execute();
      });
    }
  }

  private async sendReminder(order: OrderRow): Promise<void> {
    const db = this.deps.db.kysely;
    const now = this.now();
    const shop = await findShopById(db, order.shop_id);
    // Switched off since the request went out, or the shopper opted out meanwhile: no reminder.
    if (!shop || !readShopSettings(shop.settings).reminder_enabled || (await this.suppressed(db, order))) return;
    try {
      await this.deps.transport.send(composeRequestEmail({ ...this.compose(shop, order, 'reminder'), images: await this.images(order), now }));
      await db.updateTable('orders').set({ reminder_sent_at: now, updated_at: now }).where('id', '=', order.id).execute();
    } catch {
      // The reminder is a courtesy: a failed one is not retried (the request itself already went out).
    }
  }

  private compose(shop: ShopRow, order: OrderRow, kind: MessageKind) {
    return { shop, order, kind, publicUrl: this.deps.publicUrl, mailFrom: this.deps.mailFrom, secretKey: this.deps.secretKey };
  }

  private async images(order: OrderRow): Promise<Map<string, string>> {
    const ids = (JSON.parse(order.products) as Array<{ product_id: string }>).map((line) => line.product_id);
    const rows = await this.deps.db.kysely.selectFrom('products').select(['product_id', 'image']).where('shop_id', '=', order.shop_id).where('product_id', 'in', ids).execute();
    return new Map(rows.filter((row) => row.image !== '').map((row) => [row.product_id, row.image]));
  }
}

import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import type { JobKind } from '../jobs/job-loop.js';
import { type Clock, secondsOf, unixSeconds } from '../time/clock.js';
import { type MailTransport, PermanentMailError } from '../mail/mail-transport.js';
import type { OrderRow } from '../orders/order-presenter.js';
import { setRequestState } from '../orders/order-service.js';
import { isExcluded, isUnsubscribedFromRequests } from '../customers/suppression.js';
import { findShopById, type ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import type { MessageKind } from './email-tokens.js';
import { composeRequestEmail } from './request-email.js';
import { ORDER_STATUS } from '../orders/order-status.js';
import { claimDueReminders, claimDueRequests, markReminderSent, markSendStarted, scheduleRetry } from '../orders/request-claims.js';
import { productImages } from '../products/product-repository.js';

/** docs/reference/collection.md §6.1: a temporary SMTP failure is retried 1, 5, 15 and 60 minutes later; the fifth failure is final. */
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
 * Sends review requests when due and one reminder later (docs/reference/collection.md §6). Each e-mail is sent at
 * most once: the time a hand-over to SMTP begins is committed first, and a worker that finds a
 * hand-over begun by a worker that died records it as sent instead of sending again. Due orders
 * are claimed (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so several workers never take the same one.
 */
export class ReviewRequestJob implements JobKind {
  readonly name = 'review-requests';

  constructor(
    private readonly deps: RequestJobDeps,
    private readonly batchSize = 50,
  ) {}

  private now(): number {
    return unixSeconds(this.deps.clock);
  }

  async runOnce(): Promise<number> {
    const requests = await claimDueRequests(this.deps.db, this.now(), LEASE_SECONDS, this.batchSize);
    for (const order of requests) await this.sendRequest(order);
    const reminders = await claimDueReminders(this.deps.db.kysely, this.now(), this.batchSize);
    for (const order of reminders) await this.sendReminder(order);
    return requests.length + reminders.length;
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
    const now = secondsOf(nowMs);
    const shop = await findShopById(db.kysely, order.shop_id);
    if (!shop) return;
    const startedAt = order.send_started_at;
    if (startedAt !== null) {
      // A worker died after it began handing this message over: it may have gone out, so it is not sent again.
      await db.kysely.transaction().execute((trx) => setRequestState(trx, order, { status: ORDER_STATUS.sent, sent_at: startedAt, reminder_due_at: this.reminderDueAt(shop, startedAt) }, nowMs));
      return;
    }
    // Exclusions and unsubscribes are honoured at send time, not only when the order arrived.
    const began = await db.kysely.transaction().execute(async (trx) => {
      const reason = await this.suppressed(trx, order);
      if (reason) {
        await setRequestState(trx, order, { status: ORDER_STATUS.cancelled, cancel_reason: reason, cancelled_at: now }, nowMs);
        return false;
      }
      await markSendStarted(trx, order.id, now);
      return true;
    });
    if (!began) return;
    try {
      await this.deps.transport.send(composeRequestEmail({ ...this.compose(shop, order, 'request'), images: await this.images(order), now }));
      await db.kysely.transaction().execute((trx) => setRequestState(trx, order, { status: ORDER_STATUS.sent, sent_at: now, reminder_due_at: this.reminderDueAt(shop, now) }, nowMs));
    } catch (error) {
      const attempts = order.send_attempts + 1;
      const final = error instanceof PermanentMailError || attempts > RETRY_MINUTES.length;
      await db.kysely.transaction().execute(async (trx) => {
        if (final) await setRequestState(trx, order, { status: ORDER_STATUS.cancelled, cancel_reason: 'send_failed', cancelled_at: now, send_attempts: attempts }, nowMs);
        else await scheduleRetry(trx, order.id, attempts, now + RETRY_MINUTES[attempts - 1]! * 60, now);
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
      await markReminderSent(db, order.id, now);
    } catch {
      // The reminder is a courtesy: a failed one is not retried (the request itself already went out).
    }
  }

  private compose(shop: ShopRow, order: OrderRow, kind: MessageKind) {
    return { shop, order, kind, publicUrl: this.deps.publicUrl, mailFrom: this.deps.mailFrom, secretKey: this.deps.secretKey };
  }

  private async images(order: OrderRow): Promise<Map<string, string>> {
    const ids = (JSON.parse(order.products) as Array<{ product_id: string }>).map((line) => line.product_id);
    return productImages(this.deps.db.kysely, order.shop_id, ids);
  }
}

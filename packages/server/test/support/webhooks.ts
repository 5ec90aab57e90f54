import { SafeHttpClient, systemResolver, type HostResolver } from '../../src/egress/safe-http-client.js';
import { WebhookDeliveryJob } from '../../src/webhooks/delivery-job.js';
import { randomBytes } from 'node:crypto';
import type { Harness } from './harness.js';

/** Names tests make resolve inward, as a hostile DNS server would; everything else resolves normally. */
export const INWARD_NAME = 'inward.partner.example';
export const testResolver: HostResolver = async (hostname) => (hostname === INWARD_NAME ? [{ address: '127.0.0.1', family: 4 }] : systemResolver(hostname));

/** The worker's webhook job against the harness database, with short timeouts and loopback allowed. */
export function deliveryJob(h: Harness, options: { allowPrivate?: boolean; totalMs?: number; workerId?: string; leaseSeconds?: number } = {}): WebhookDeliveryJob & { close(): void } {
  const http = new SafeHttpClient({ allowHttp: true, allowPrivate: options.allowPrivate ?? true }, { resolve: testResolver });
  const job = new WebhookDeliveryJob(
    { db: h.deps.db, secretKey: h.deps.secretKey, clock: h.clock, http, retryDelaysMinutes: h.deps.config.webhooks.retryDelaysMinutes, timeouts: { connectMs: 1_000, totalMs: options.totalMs ?? 1_500 } },
    { ...(options.workerId ? { workerId: options.workerId } : {}), ...(options.leaseSeconds ? { leaseSeconds: options.leaseSeconds } : {}) },
  );
  return Object.assign(job, { close: () => http.close() });
}

/** Runs the job until nothing is due now. */
export async function deliverDue(job: WebhookDeliveryJob): Promise<void> {
  while ((await job.runOnce()) > 0);
}

/** A fresh job that delivers everything due now, then releases its HTTP client. */
export async function deliverAllDue(h: Harness): Promise<void> {
  const job = deliveryJob(h);
  try {
    await deliverDue(job);
  } finally {
    job.close();
  }
}

export const WEBHOOK_ENV = { WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_ALLOW_HTTP: '1' };

/** A failed delivery row for a webhook, as the worker's fan-out would leave it (with its outbox event). */
export async function deliveryFor(h: Harness, shopId: string, webhookId: string, fields: { eventId?: string; url?: string } = {}): Promise<number> {
  const db = h.deps.db.kysely;
  const now = Math.floor(h.clock.now() / 1000);
  const event = await db
    .insertInto('outbox_events')
    .values({ shop_id: shopId, topic: 'review/created', event_id: fields.eventId ?? `evt_${randomBytes(8).toString('hex')}`, payload: '{"list":[]}', occurred_at: now, fanned_out_at: now })
    .returning(['id', 'event_id'])
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('webhook_deliveries')
    .values({ shop_id: shopId, subscription_id: Number(webhookId), platform_id: '', outbox_event_id: Number(event.id), event_id: event.event_id, topic: 'review/created', url: fields.url ?? 'https://x.example', status: 'failed', attempts: 10, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

import { SafeHttpClient, systemResolver, type HostResolver } from '../../src/egress/safe-http-client.js';
import { WebhookDeliveryJob } from '../../src/webhooks/delivery-job.js';
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

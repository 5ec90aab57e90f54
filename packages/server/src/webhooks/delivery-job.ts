import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { SafeHttpClient } from '../egress/safe-http-client.js';
import type { JobKind } from '../jobs/job-loop.js';
import { type Clock, unixSeconds } from '../time/clock.js';
import { batchLookups, type DeliveryLookups } from './delivery-lookups.js';
import { cancelDelivery, claimDueDeliveries, type DeliveryRow } from './delivery-repository.js';
import { fanOutPendingEvents } from './fan-out.js';
import { recordAttempt } from './record-attempt.js';
import { nextStep } from './retry-policy.js';
import { type DeliveryTimeouts, sendDelivery } from './send-delivery.js';

export interface DeliveryJobDeps {
  db: Db;
  secretKey: Buffer;
  clock: Clock;
  http: SafeHttpClient;
  retryDelaysMinutes: readonly number[];
  timeouts?: DeliveryTimeouts;
}

export interface DeliveryJobOptions {
  workerId?: string;
  /** Deliveries claimed per batch (default 100). */
  batchSize?: number;
  /** Requests in flight at once (default 50; each receiver host gets at most 10 sockets). */
  concurrency?: number;
  /** A claim lapses after this long: longer than any attempt (15 s) plus its bookkeeping. */
  leaseSeconds?: number;
}

async function forEachConcurrently<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/** Fan-out, claim, send, record: the webhook side of the worker. */
export class WebhookDeliveryJob implements JobKind {
  readonly name = 'webhook-deliveries';
  readonly workerId: string;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly leaseSeconds: number;

  constructor(
    private readonly deps: DeliveryJobDeps,
    options: DeliveryJobOptions = {},
  ) {
    this.workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
    this.batchSize = options.batchSize ?? 100;
    this.concurrency = options.concurrency ?? 50;
    this.leaseSeconds = options.leaseSeconds ?? 60;
  }

  private now(): number {
    return unixSeconds(this.deps.clock);
  }

  async runOnce(): Promise<number> {
    const { db } = this.deps;
    const now = this.now();
    const fannedOut = await fanOutPendingEvents(db.kysely, db.dialect, now, 500);
    const claimed = await claimDueDeliveries(db.kysely, db.dialect, this.workerId, now, now + this.leaseSeconds, this.batchSize);
    const lookups = batchLookups(db.kysely);
    await forEachConcurrently(claimed, this.concurrency, (delivery) => this.deliver(delivery, lookups));
    return fannedOut + claimed.length;
  }

  private async deliver(delivery: DeliveryRow, lookups: DeliveryLookups): Promise<void> {
    const { db } = this.deps;
    const outcome = await sendDelivery({ lookups, secretKey: this.deps.secretKey, http: this.deps.http, now: () => this.deps.clock.now(), ...(this.deps.timeouts ? { timeouts: this.deps.timeouts } : {}) }, delivery);
    const now = this.now();
    if (outcome.kind === 'cancelled') return cancelDelivery(db.kysely, Number(delivery.id), now);
    const step = nextStep(delivery.attempts + 1, outcome.attempt, this.deps.retryDelaysMinutes, now);
    await recordAttempt(db.kysely, this.workerId, delivery, outcome.attempt, step, now);
  }
}

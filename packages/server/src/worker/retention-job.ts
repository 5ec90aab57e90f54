import type { Db } from '../db/connect.js';
import { pruneCustomerEvents } from '../events/customer-events.js';
import { type Clock, unixSeconds } from '../time/clock.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { sweepUnattachedMedia } from '../media/sweep-unattached.js';
import { pruneDeliveryLog } from '../webhooks/delivery-repository.js';
import type { JobKind } from '../jobs/job-loop.js';

const EVERY_SECONDS = 3600;
/** docs/reference/webhooks.md §8: the delivery log is kept 30 days. */
const DELIVERY_LOG_SECONDS = 30 * 24 * 3600;

/** Deletes what has outlived its retention period, at most once an hour per worker. */
export class RetentionJob implements JobKind {
  readonly name = 'retention';
  private nextRunAt = 0;

  constructor(private readonly deps: { db: Db; clock: Clock; storage: MediaStorage; customerEventRetentionDays: number }) {}

  async runOnce(): Promise<number> {
    const now = unixSeconds(this.deps.clock);
    if (now < this.nextRunAt) return 0;
    this.nextRunAt = now + EVERY_SECONDS;
    await pruneCustomerEvents(this.deps.db.kysely, now - this.deps.customerEventRetentionDays * 86_400);
    await pruneDeliveryLog(this.deps.db.kysely, now - DELIVERY_LOG_SECONDS);
    await sweepUnattachedMedia(this.deps.db.kysely, this.deps.storage, now);
    // Pruning is housekeeping, not work that makes the loop spin again.
    return 0;
  }
}

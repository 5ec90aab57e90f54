import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Db } from '../db/connect.js';
import { type HostResolver, SafeHttpClient } from '../egress/safe-http-client.js';
import type { Clock } from '../time/clock.js';
import { WebhookDeliveryJob } from '../webhooks/delivery-job.js';
import { ReviewRequestJob } from '../collection/request-job.js';
import { QuestionMailJob } from '../collection/question-job.js';
import { ShopifyRatingSyncJob } from '../connectors/shopify/rating-sync.js';
import { mailTransportFor } from '../mail/mail-transport.js';
import { JobLoop } from '../jobs/job-loop.js';
import { RetentionJob } from './retention-job.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { MediaUrls } from '../media/media-urls.js';
import { ReviewImportJob } from '../review-csv/review-import-job.js';

export interface BackgroundWorker {
  /** Work may be due now (events were just committed in this process). */
  nudge(): void;
  /** Lets the batch in flight finish, at most `timeoutMs`, then releases the HTTP client. */
  stop(timeoutMs?: number): Promise<void>;
  /** Runs until nothing is due, then returns (without starting the loop). */
  runUntilIdle(): Promise<void>;
}

/** The worker of docs/architecture.md (the worker) (webhooks, review-request e-mails, question e-mails, retention, console imports): in `plaudit serve` by default, alone in `plaudit worker`. */
export function createBackgroundWorker(deps: { config: Config; db: Db; secretKey: Buffer; clock: Clock; storage: MediaStorage; resolveHost?: HostResolver }, log: Logger): BackgroundWorker & { start(): void } {
  const http = new SafeHttpClient(deps.config.webhooks, deps.resolveHost ? { resolve: deps.resolveHost } : {});
  const deliveries = new WebhookDeliveryJob({ db: deps.db, secretKey: deps.secretKey, clock: deps.clock, http, retryDelaysMinutes: deps.config.webhooks.retryDelaysMinutes });
  const transport = mailTransportFor(deps.config);
  const requests = new ReviewRequestJob({ db: deps.db, secretKey: deps.secretKey, clock: deps.clock, transport, publicUrl: deps.config.publicUrl, mailFrom: deps.config.mailFrom });
  const questions = new QuestionMailJob({
    db: deps.db,
    secretKey: deps.secretKey,
    clock: deps.clock,
    transport,
    publicUrl: deps.config.publicUrl,
    mailFrom: deps.config.mailFrom,
    onMailError: (error, mail) => log.warn({ err: error, subject: mail.subject, job: 'question-mail' }, 'question e-mail not sent'),
  });
  const shopifyRatings = new ShopifyRatingSyncJob({ db: deps.db, secretKey: deps.secretKey, clock: deps.clock, config: deps.config, onError: (error) => log.warn({ err: error, job: 'shopify-ratings' }, 'shopify ratings not written') });
  const retention = new RetentionJob({ db: deps.db, clock: deps.clock, storage: deps.storage, customerEventRetentionDays: deps.config.customerEventRetentionDays });
  const imports = new ReviewImportJob({ db: deps.db, clock: deps.clock, storage: deps.storage, mediaUrls: MediaUrls.of(deps.config), onError: (error) => log.error({ err: error, job: 'review-imports' }, 'review import failed; it will run again') });
  const loop = new JobLoop([deliveries, requests, questions, shopifyRatings, retention, imports], { onError: (kind, error) => log.error({ err: error, job: kind }, 'background job failed; it will run again') });
  return {
    start: () => {
      loop.start();
      log.info({ worker: deliveries.workerId }, 'background worker started');
    },
    nudge: () => loop.nudge(),
    runUntilIdle: () => loop.runUntilIdle(),
    stop: async (timeoutMs = 10_000) => {
      await loop.stop(timeoutMs);
      http.close();
      transport.close();
    },
  };
}

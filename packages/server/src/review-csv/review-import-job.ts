import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { JobKind } from '../jobs/job-loop.js';
import { type Clock, unixSeconds } from '../time/clock.js';
import type { MediaStorage } from '../storage/media-storage.js';
import type { MediaUrls } from '../media/media-urls.js';
import { findShopById } from '../shops/shop-repository.js';
import type { CommitPolicy } from './commit-window.js';
import { isImportFormat } from './csv-formats.js';
import { ImportFileError, importReviews } from './review-import.js';
import { claimReviewImport, recordReviewImportProgress, releaseReviewImport, type ReviewImportRow, settleReviewImport } from './review-import-repository.js';

/** Progress is recorded at every commit, so a live worker renews its lease every second or so. */
const LEASE_SECONDS = 120;
/** A file that stops its worker every time (it crashes, or the worker is killed) fails after this many tries. */
const MAX_ATTEMPTS = 3;
/** What the console shows and offers to download. */
const KEPT_REJECTIONS = 1000;
/**
 * In `plaudit serve` the import shares the process's one SQLite connection with the API, which
 * waits while a window is open: shorter windows than the CLI's keep requests answered within
 * about half a second, at some cost in import speed.
 */
export const CONSOLE_COMMIT_POLICY: CommitPolicy = { rows: 50_000, ms: 500 };
/** A batch is written in one go: 5,000 rows take a quarter of a second or so, inside the window. */
const CONSOLE_BATCH_ROWS = 5_000;

class LostClaimError extends Error {}

export interface ReviewImportJobDeps {
  db: Db;
  clock: Clock;
  storage: MediaStorage;
  mediaUrls: MediaUrls;
  /** Errors of an import running beside the loop, which the loop itself never sees. */
  onError: (error: unknown) => void;
  workerId?: string;
}

/**
 * Runs the imports merchants start in the console, one at a time per worker. An import runs
 * beside the job loop rather than inside it, so webhooks and e-mails keep flowing during a
 * million-row file; stopping the worker interrupts it between batches and gives it back.
 */
export class ReviewImportJob implements JobKind {
  readonly name = 'review-imports';
  readonly workerId: string;
  #inFlight: Promise<void> | undefined;
  readonly #stopping = new AbortController();

  constructor(private readonly deps: ReviewImportJobDeps) {
    this.workerId = deps.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  }

  async runOnce(): Promise<number> {
    if (this.#inFlight !== undefined || this.#stopping.signal.aborted) return 0;
    const now = this.#now();
    const claim = await claimReviewImport(this.deps.db.kysely, this.deps.db.dialect, this.workerId, now, now + LEASE_SECONDS);
    if (claim === undefined) return 0;
    this.#inFlight = this.#run(claim)
      .catch(this.deps.onError)
      .finally(() => {
        this.#inFlight = undefined;
      });
    return 1;
  }

  /** Waits for the import in flight; answers whether there was one. */
  async settle(): Promise<boolean> {
    const inFlight = this.#inFlight;
    if (inFlight === undefined) return false;
    await inFlight;
    return true;
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#inFlight;
  }

  #now(): number {
    return unixSeconds(this.deps.clock);
  }

  async #run(claim: ReviewImportRow): Promise<void> {
    const { db, storage } = this.deps;
    const ref = { id: claim.id, workerId: this.workerId };
    const fail = async (error: string) => {
      await settleReviewImport(db.kysely, ref, { status: 'failed', rejections: [], error, now: this.#now() });
      await storage.delete(claim.file_key);
    };
    if (claim.attempts > MAX_ATTEMPTS) return fail(`The import stopped ${MAX_ATTEMPTS} times without finishing; the server log says why.`);
    const shop = await findShopById(db.kysely, claim.shop_id);
    const file = await storage.read(claim.file_key);
    if (shop === undefined || file === undefined || !isImportFormat(claim.format)) return fail('The uploaded file is no longer available; upload it again.');
    try {
      const summary = await importReviews(db.kysely, shop, file.body, {
        format: claim.format,
        dryRun: claim.dry_run === 1,
        mediaUrls: this.deps.mediaUrls,
        clock: this.deps.clock,
        commitPolicy: CONSOLE_COMMIT_POLICY,
        batchSize: CONSOLE_BATCH_ROWS,
        signal: this.#stopping.signal,
        recordProgress: async (trx, progress) => {
          if (!(await recordReviewImportProgress(trx, ref, progress, this.#now() + LEASE_SECONDS))) throw new LostClaimError();
        },
      });
      await settleReviewImport(db.kysely, ref, { status: 'done', progress: summary, rejections: summary.rejections.slice(0, KEPT_REJECTIONS), error: '', now: this.#now() });
      await storage.delete(claim.file_key);
    } catch (error) {
      file.body.destroy();
      // Another worker holds the import now: it carries on, this one lets go.
      if (error instanceof LostClaimError) return;
      if (error instanceof ImportFileError) return fail(error.message);
      // Stopping, or a failure worth another try: the next claim resumes, skipping what is committed.
      await releaseReviewImport(db.kysely, ref);
      if (!this.#stopping.signal.aborted) throw error;
    }
  }
}

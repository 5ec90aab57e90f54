import type { MediaUrls } from '../media/media-urls.js';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import type { ConnectOptions } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { compileBodyValidator } from '../http/body-validator.js';
import type { FieldError } from '../http/errors.js';
import { newReviewFromBody } from '../reviews/create-review.input.js';
import { CreateReviewBody } from '../reviews/create-review.schema.js';
import { checkNewReview } from '../reviews/create-review.service.js';
import { findProductIdsByHandle } from '../products/product-repository.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { type CsvRecord, FORMAT_PRESETS, type FormatPreset, type ImportFormat, missingColumns, normaliseHeader } from './csv-formats.js';
import { BULK_COMMIT_POLICY, type CommitPolicy, CommitWindow } from './commit-window.js';
import { ImportedBatchWriter, type PreparedReview } from './import-batch.js';
import { unixSeconds } from '../time/clock.js';

export interface Rejection {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  reasons: string[];
}

export interface ImportProgress {
  bytes: number;
  rows: number;
  imported: number;
  skipped: number;
  rejected: number;
}

export interface ImportSummary extends ImportProgress {
  dry_run: boolean;
  /** The first rejections (all of them are also passed to onRejection). */
  rejections: Rejection[];
}

export interface ImportOptions {
  format: ImportFormat;
  dryRun: boolean;
  mediaUrls: MediaUrls;
  clock: { now(): number };
  /**
   * Rows written per batch: what the import holds in memory, and what it sorts (import-batch.ts).
   * One batch is written in one go, so it also bounds how long other writers wait for its window.
   */
  batchSize?: number;
  commitPolicy?: CommitPolicy;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Stores progress where it must match what is committed: called inside every commit with the
   * counts that commit makes true (on a dry run, between batches, once per commit interval).
   */
  recordProgress?: (db: Kysely<Database>, progress: ImportProgress) => Promise<void>;
  /** Stops the import between batches; the open window rolls back. */
  signal?: AbortSignal;
  onRejection?: (rejection: Rejection) => void;
}

export class ImportFileError extends Error {}

const KEPT_REJECTIONS = 1000;

/** What a batch holds by default: large enough to walk each product's index pages once per batch. */
const BULK_BATCH_ROWS = 20_000;

/**
 * How `plaudit import` opens SQLite. A review's e-mail and original-id index entries land on random
 * pages; at a million reviews those indexes outgrow the 16 MB page cache better-sqlite3 gives a
 * connection, and each insert then reads a page from the file and evicts another. 256 MiB holds
 * them (taken only as pages are read, and given back when the command ends): a million-row import
 * ran 1.15× faster with it.
 */
export const BULK_IMPORT_CONNECTION: ConnectOptions = { sqlitePageCacheMiB: 256 };
const validateBody = compileBodyValidator(CreateReviewBody);

/** Files without review ids get one from their content, so a re-run finds the same rows again. */
function contentId(body: Record<string, unknown>): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 40)}`;
}

const describe = (errors: FieldError[]) => errors.map((e) => `${e.field} ${e.reason}`);

interface PrepareOptions {
  shopId: string;
  preset: FormatPreset;
  mediaUrls: MediaUrls;
  /** Unix seconds, for the checks on dates. */
  now: number;
  resolveHandle(handle: string): Promise<string | undefined>;
}

/** Turns one record into a review ready to write, or into the reasons it is rejected. */
async function prepareRecord(record: CsvRecord, options: PrepareOptions): Promise<PreparedReview | string[]> {
  if (Object.values(record).some((value) => value.includes('\uFFFD'))) return ['is not valid UTF-8 (export the file as UTF-8)'];
  const mapped = options.preset.map(record);
  if (mapped.handleOnly !== undefined) {
    const productId = await options.resolveHandle(mapped.handleOnly);
    if (productId === undefined) return [`product_handle ${mapped.handleOnly} names no known product and the row has no product_id`];
    mapped.body.product_id = productId;
  }
  const schemaErrors = validateBody(mapped.body);
  if (schemaErrors.length > 0) return describe(schemaErrors);
  const errors: FieldError[] = [];
  const review = newReviewFromBody(mapped.body as Parameters<typeof newReviewFromBody>[0], errors);
  const { commentedAt, replyAt } = checkNewReview(review, options.shopId, options.mediaUrls, options.now, errors);
  if (errors.length > 0) return describe(errors);
  return { input: review, commentedAt, replyAt, externalId: mapped.originalId ?? contentId(mapped.body), ...(mapped.provenance ? { provenance: mapped.provenance } : {}) };
}

/**
 * Streams a CSV export into the shop's reviews: each record is mapped by the format's preset,
 * checked exactly like a create_review call, and written in batches that the commit window commits
 * together. A bad record is reported with its line and never stops the rest; re-running skips what
 * is there, so an interruption, which loses at most the open window, is mended by running again.
 */
export async function importReviews(db: Kysely<Database>, shop: ShopRow, input: Readable, options: ImportOptions): Promise<ImportSummary> {
  const preset = FORMAT_PRESETS[options.format];
  const batchSize = options.batchSize ?? BULK_BATCH_ROWS;
  const summary: ImportSummary = { bytes: 0, rows: 0, imported: 0, skipped: 0, rejected: 0, dry_run: options.dryRun, rejections: [] };
  const progress = (): ImportProgress => ({ bytes: summary.bytes, rows: summary.rows, imported: summary.imported, skipped: summary.skipped, rejected: summary.rejected });
  const policy = options.commitPolicy ?? BULK_COMMIT_POLICY;
  const window = new CommitWindow(db, policy, async (trx) => options.recordProgress?.(trx, progress()));
  let dryRunRecordedAt = performance.now();
  const handles = new Map<string, string | undefined>();
  const writer = new ImportedBatchWriter(shop, options.format, options.mediaUrls);
  let batch: PreparedReview[] = [];
  const seenInBatch = new Set<string>();

  const reject = (rejection: Rejection) => {
    summary.rejected += 1;
    if (summary.rejections.length < KEPT_REJECTIONS) summary.rejections.push(rejection);
    options.onRejection?.(rejection);
  };
  const flush = async () => {
    options.signal?.throwIfAborted();
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    seenInBatch.clear();
    if (options.dryRun) {
      summary.imported += items.length;
      if (performance.now() - dryRunRecordedAt >= policy.ms) {
        await options.recordProgress?.(db, progress());
        dryRunRecordedAt = performance.now();
      }
    } else {
      // Counted inside the write, so a commit it triggers records them.
      await window.write(items.length, async (trx) => {
        const result = await writer.write(trx, items, options.clock.now());
        summary.imported += result.inserted;
        summary.skipped += result.skipped;
      });
    }
    options.onProgress?.(progress());
  };

  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const names = header.map(normaliseHeader);
      const missing = missingColumns(preset, names);
      if (missing.length > 0) throw new ImportFileError(`the file is not a ${options.format} export: missing column ${missing.join(', ')} (found: ${names.join(', ')})`);
      return names;
    },
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
  });
  parser.on('skip', (error: Error & { lines?: number }) => {
    summary.rows += 1;
    reject({ line: error.lines ?? 0, reasons: [`malformed CSV: ${error.message.replace(/^Invalid\s+/, 'invalid ')}`] });
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  const resolveHandle = async (handle: string) => {
    if (!handles.has(handle)) handles.set(handle, (await findProductIdsByHandle(window.reader, shop.id, handle))[0]);
    return handles.get(handle);
  };
  const prepareOptions = { shopId: shop.id, preset, mediaUrls: options.mediaUrls, now: unixSeconds(options.clock), resolveHandle };

  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: CsvRecord; info: { lines: number; bytes: number } }>) {
      summary.rows += 1;
      summary.bytes = info.bytes;
      const prepared = await prepareRecord(record, prepareOptions);
      if (Array.isArray(prepared)) {
        reject({ line: info.lines, reasons: prepared });
        continue;
      }
      // The same review twice in one file: the second is a duplicate, like on a re-run.
      if (seenInBatch.has(prepared.externalId)) {
        summary.skipped += 1;
        continue;
      }
      seenInBatch.add(prepared.externalId);
      batch.push(prepared);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await window.commit();
  } catch (error) {
    await window.rollback();
    throw error;
  }
  return summary;
}

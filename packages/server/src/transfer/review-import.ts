import type { MediaUrls } from '../media/media-urls.js';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { compileBodyValidator } from '../http/body-validator.js';
import type { FieldError } from '../http/errors.js';
import { newReviewFromBody } from '../reviews/create-review.input.js';
import { CreateReviewBody } from '../reviews/create-review.route.js';
import { checkNewReview } from '../reviews/create-review.service.js';
import { findProductIdsByHandle } from '../reviews/product-repository.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { type CsvRecord, FORMAT_PRESETS, type ImportFormat, missingColumns, normaliseHeader } from './csv-formats.js';
import { insertImportedBatch, type PreparedReview } from './import-batch.js';

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
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  onRejection?: (rejection: Rejection) => void;
}

export class ImportFileError extends Error {}

const KEPT_REJECTIONS = 1000;
const validateBody = compileBodyValidator(CreateReviewBody);

/** Files without review ids get one from their content, so a re-run finds the same rows again. */
function contentId(body: Record<string, unknown>): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 40)}`;
}

const describe = (errors: FieldError[]) => errors.map((e) => `${e.field} ${e.reason}`);

/**
 * Streams a CSV export into the shop's reviews: each record is mapped by the format's preset,
 * checked exactly like a create_review call, and written in batches of one transaction each. A bad
 * record is reported with its line and never stops the rest; re-running skips what is there.
 */
export async function importReviews(db: Kysely<Database>, shop: ShopRow, input: Readable, options: ImportOptions): Promise<ImportSummary> {
  const preset = FORMAT_PRESETS[options.format];
  const batchSize = options.batchSize ?? 10_000;
  const summary: ImportSummary = { bytes: 0, rows: 0, imported: 0, skipped: 0, rejected: 0, dry_run: options.dryRun, rejections: [] };
  const handles = new Map<string, string | undefined>();
  const knownProducts = new Map<string, string>();
  let batch: PreparedReview[] = [];
  const seenInBatch = new Set<string>();

  const reject = (rejection: Rejection) => {
    summary.rejected += 1;
    if (summary.rejections.length < KEPT_REJECTIONS) summary.rejections.push(rejection);
    options.onRejection?.(rejection);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    if (options.dryRun) {
      summary.imported += batch.length;
    } else {
      const items = batch;
      const result = await db.transaction().execute((trx) => insertImportedBatch(trx, shop, options.format, items, options.mediaUrls, options.clock.now(), knownProducts));
      summary.imported += result.inserted;
      summary.skipped += result.skipped;
    }
    batch = [];
    seenInBatch.clear();
    options.onProgress?.({ ...summary });
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

  for await (const { record, info } of parser as AsyncIterable<{ record: CsvRecord; info: { lines: number; bytes: number } }>) {
    summary.rows += 1;
    summary.bytes = info.bytes;
    const line = info.lines;
    if (Object.values(record).some((value) => value.includes('\uFFFD'))) {
      reject({ line, reasons: ['is not valid UTF-8 (export the file as UTF-8)'] });
      continue;
    }
    const mapped = preset.map(record);
    if (mapped.handleOnly !== undefined) {
      if (!handles.has(mapped.handleOnly)) handles.set(mapped.handleOnly, (await findProductIdsByHandle(db, shop.id, mapped.handleOnly))[0]);
      const productId = handles.get(mapped.handleOnly);
      if (productId === undefined) {
        reject({ line, reasons: [`product_handle ${mapped.handleOnly} names no known product and the row has no product_id`] });
        continue;
      }
      mapped.body.product_id = productId;
    }
    const schemaErrors = validateBody(mapped.body);
    if (schemaErrors.length > 0) {
      reject({ line, reasons: describe(schemaErrors) });
      continue;
    }
    const errors: FieldError[] = [];
    const review = newReviewFromBody(mapped.body as Parameters<typeof newReviewFromBody>[0], errors);
    const { commentedAt, replyAt } = checkNewReview(review, shop.id, options.mediaUrls, Math.floor(options.clock.now() / 1000), errors);
    if (errors.length > 0) {
      reject({ line, reasons: describe(errors) });
      continue;
    }
    const externalId = mapped.originalId ?? contentId(mapped.body);
    // The same review twice in one file: the second is a duplicate, like on a re-run.
    if (seenInBatch.has(externalId)) {
      summary.skipped += 1;
      continue;
    }
    seenInBatch.add(externalId);
    batch.push({ input: review, commentedAt, replyAt, externalId });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

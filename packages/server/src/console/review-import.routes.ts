import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { FilePartTooLargeError, filePartLimit } from '../http/multipart-limits.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { unixSeconds } from '../time/clock.js';
import { type ImportFormat, isImportFormat } from '../review-csv/csv-formats.js';
import type { Rejection } from '../review-csv/review-import.js';
import { findReviewImport, insertReviewImport, listReviewImports, type ReviewImportRow } from '../review-csv/review-import-repository.js';
import { type ConsoleContext, consoleOf, refuseExpiredForm, sendConsoleMessage, sendConsolePage } from './console-context.js';
import { csrfTokenMatches } from '../merchants/current-session.js';
import { sendCsvDownload } from './csv-download.js';
import { sendMessagePage } from '../http/html-page.js';

/** Larger than any review app's export of a big shop (a million Judge.me rows is about 170 MB). */
export const CONSOLE_IMPORT_MAX_BYTES = 512 * 1024 * 1024;
const FORMAT_NAMES: Record<ImportFormat, string> = { judgeme: 'Judge.me', yotpo: 'Yotpo', plaudit: 'Plaudit (this console\'s export)' };
const SHOWN_REJECTIONS = 20;

interface ImportForm {
  format: string;
  dryRun: boolean;
  error: string;
}

async function sendImportsPage(reply: FastifyReply, deps: AppDeps, context: ConsoleContext, form: ImportForm, status = 200): Promise<FastifyReply> {
  const imports = await listReviewImports(deps.db.kysely, context.shop.id, 20);
  return sendConsolePage(reply, context, 'reviews', 'console-review-imports', { title: 'Import reviews', formats: FORMAT_NAMES, form, imports, maxMegabytes: CONSOLE_IMPORT_MAX_BYTES / 1024 / 1024 }, status);
}

/** Where the file waits for the worker: never under a media key, so /media never serves it. */
const importFileKey = (shopId: string) => `_imports/${shopId}/${randomBytes(16).toString('hex')}.csv`;

/**
 * The uploaded file, spooled to a temporary file (storage wants the size before the bytes) and
 * then stored. The CSRF token is checked before a byte of the file is read: it comes first in the
 * form, like every field the file needs.
 */
async function storeUploadedFile(deps: AppDeps, shopId: string, file: MultipartFile): Promise<{ key: string; bytes: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plaudit-import-'));
  try {
    const spooled = path.join(dir, 'upload.csv');
    await pipeline(file.file, filePartLimit(file.file, CONSOLE_IMPORT_MAX_BYTES), createWriteStream(spooled));
    const { size } = await stat(spooled);
    const key = importFileKey(shopId);
    if (size > 0) await deps.storage.putStream(key, createReadStream(spooled), 'text/csv', size);
    return { key, bytes: size };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type ImportRequestOutcome = { context: ConsoleContext; form: ImportForm; stored?: { key: string; bytes: number; name: string } } | undefined;

async function receiveImportForm(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<ImportRequestOutcome> {
  const fields = new Map<string, string>();
  const formOf = (error: string): ImportForm => ({ format: fields.get('format') ?? '', dryRun: fields.get('dry_run') === '1', error });
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields.set(part.fieldname, String(part.value));
      continue;
    }
    const context = consoleOf(request);
    if (!csrfTokenMatches(context.session, fields.get('csrf_token'))) {
      part.file.resume();
      await refuseExpiredForm(reply);
      return undefined;
    }
    if (part.fieldname !== 'file' || !isImportFormat(fields.get('format') ?? '')) {
      part.file.resume();
      return { context, form: formOf('Choose the app the file comes from.') };
    }
    const stored = await storeUploadedFile(deps, context.shop.id, part);
    if (stored.bytes === 0) return { context, form: formOf('Choose a CSV file to import (the one chosen is empty).') };
    return { context, form: formOf(''), stored: { ...stored, name: (part.filename || 'reviews.csv').slice(0, 200) } };
  }
  const context = consoleOf(request);
  if (!csrfTokenMatches(context.session, fields.get('csrf_token'))) {
    await refuseExpiredForm(reply);
    return undefined;
  }
  return { context, form: formOf('Choose a CSV file to import.') };
}

function rejectionsCsv(rejections: Rejection[]): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return ['line,reasons', ...rejections.map((r) => `${r.line},${quote(r.reasons.join('; '))}`)].join('\r\n') + '\r\n';
}

/** A file size as people read it: 812 bytes, 48.2 KB, 170.4 MB. */
function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const importId = (params: unknown) => {
  const id = Number((params as { id: string }).id);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

async function findImportFor(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<{ context: ConsoleContext; found: ReviewImportRow } | undefined> {
  const context = consoleOf(request);
  const id = importId(request.params);
  const found = id === undefined ? undefined : await findReviewImport(deps.db.kysely, context.shop.id, id);
  if (found === undefined) {
    await sendConsoleMessage(reply, context, 'reviews', 404, 'Import not found', 'There is no such import in this shop.');
    return undefined;
  }
  return { context, found };
}

/**
 * Importing another app's review export from the console (issue 9): the file is uploaded, stored,
 * and imported by the worker; the import's page follows its progress and lists rejected rows.
 */
export function registerConsoleImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/console/reviews/import', async (request, reply) => {
    const context = consoleOf(request);
    return sendImportsPage(reply, deps, context, { format: 'judgeme', dryRun: false, error: '' });
  });

  app.post('/console/reviews/import', { config: { multipartForm: true } }, async (request, reply) => {
    if (!request.isMultipart()) return sendMessagePage(reply, 400, 'Not a file upload', 'Send the import form from the console page.');
    let outcome: ImportRequestOutcome;
    try {
      outcome = await receiveImportForm(request, reply, deps);
    } catch (error) {
      if (error instanceof FilePartTooLargeError || (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') return sendMessagePage(reply, 413, 'File too large', `Files of up to ${CONSOLE_IMPORT_MAX_BYTES / 1024 / 1024} MB can be imported here.`, 'Split the file, or ask the operator to run plaudit import.');
      throw error;
    }
    if (!outcome) return reply;
    const { context, form, stored } = outcome;
    if (!stored) return sendImportsPage(reply, deps, context, form, 400);
    const id = await insertReviewImport(deps.db.kysely, {
      shop_id: context.shop.id, format: form.format, dry_run: form.dryRun ? 1 : 0, file_name: stored.name, file_key: stored.key, file_bytes: stored.bytes,
      status: 'queued', created_by: context.session.merchant.email, created_at: unixSeconds(deps.clock), claimed_by: null, claimed_until: null, started_at: null, finished_at: null,
    });
    deps.outboxSignal?.();
    return reply.code(303).header('location', `/console/reviews/import/${id}`).send();
  });

  app.get('/console/reviews/import/:id', async (request, reply) => {
    const loaded = await findImportFor(request, reply, deps);
    if (!loaded) return reply;
    const { context, found } = loaded;
    const rejections = JSON.parse(found.rejections) as Rejection[];
    const active = found.status === 'queued' || found.status === 'running';
    return sendConsolePage(reply, context, 'reviews', 'console-review-import', {
      title: `Import of ${found.file_name}`,
      entry: found,
      formatName: FORMAT_NAMES[found.format as ImportFormat] ?? found.format,
      size: readableSize(found.file_bytes),
      percent: found.status === 'done' ? 100 : Math.min(99, Math.floor((100 * found.bytes_read) / Math.max(1, found.file_bytes))),
      rejections: rejections.slice(0, SHOWN_REJECTIONS),
      keptRejections: rejections.length,
      // The page follows a running import by reloading itself: the console sends no script.
      refreshSeconds: active ? 2 : 0,
    });
  });

  app.get('/console/reviews/import/:id/rejections.csv', async (request, reply) => {
    const loaded = await findImportFor(request, reply, deps);
    if (!loaded) return reply;
    return sendCsvDownload(reply, `import-${loaded.found.id}-rejected-rows.csv`, rejectionsCsv(JSON.parse(loaded.found.rejections) as Rejection[]));
  });
}

import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database, ReviewImportsTable } from '../db/schema.js';
import type { ImportProgress, Rejection } from './review-import.js';
import { deleteShopRows } from '../db/shop-rows.js';

export type ReviewImportRow = Selectable<ReviewImportsTable>;
export type ReviewImportStatus = 'queued' | 'running' | 'done' | 'failed';

export async function insertReviewImport(db: Kysely<Database>, row: Insertable<ReviewImportsTable>): Promise<number> {
  const inserted = await db.insertInto('review_imports').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** A shop's imports, newest first. */
export function listReviewImports(db: Kysely<Database>, shopId: string, limit: number): Promise<ReviewImportRow[]> {
  return db.selectFrom('review_imports').selectAll().where('shop_id', '=', shopId).orderBy('id', 'desc').limit(limit).execute();
}

/** One import of the shop; another shop's import is not found, like one that does not exist. */
export function findReviewImport(db: Kysely<Database>, shopId: string, id: number): Promise<ReviewImportRow | undefined> {
  return db.selectFrom('review_imports').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

/**
 * Claims the oldest import waiting to run, or one whose worker's lease lapsed (it died mid-way:
 * the import runs again and skips what that worker committed). Same claim discipline as webhook
 * deliveries: SKIP LOCKED on PostgreSQL, the single writer on SQLite.
 */
export async function claimReviewImport(db: Kysely<Database>, dialect: Dialect, workerId: string, now: number, leaseUntil: number): Promise<ReviewImportRow | undefined> {
  let next = db
    .selectFrom('review_imports')
    .select('id')
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)])])]))
    .orderBy('id')
    .limit(1);
  if (dialect === 'postgres') next = next.forUpdate().skipLocked();
  return db
    .updateTable('review_imports')
    .set((eb) => ({ status: 'running', claimed_by: workerId, claimed_until: leaseUntil, attempts: eb('attempts', '+', 1), started_at: eb.fn.coalesce('started_at', eb.val(now)) }))
    .where('id', 'in', next)
    .returningAll()
    .executeTakeFirst();
}

/** The stored columns of an import's counts. */
function progressColumns(progress: ImportProgress) {
  return { bytes_read: progress.bytes, rows: progress.rows, imported: progress.imported, skipped: progress.skipped, rejected: progress.rejected };
}

/** Whether the worker still holds the import's claim; false means another worker took it over. */
export async function recordReviewImportProgress(db: Kysely<Database>, claim: { id: number; workerId: string }, progress: ImportProgress, leaseUntil: number): Promise<boolean> {
  const result = await db
    .updateTable('review_imports')
    .set({ ...progressColumns(progress), claimed_until: leaseUntil })
    .where('id', '=', claim.id)
    .where('claimed_by', '=', claim.workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function settleReviewImport(
  db: Kysely<Database>,
  claim: { id: number; workerId: string },
  outcome: { status: Exclude<ReviewImportStatus, 'queued' | 'running'>; progress?: ImportProgress; rejections: Rejection[]; error: string; now: number },
): Promise<void> {
  const counts = outcome.progress ? progressColumns(outcome.progress) : {};
  await db
    .updateTable('review_imports')
    .set({ ...counts, status: outcome.status, rejections: JSON.stringify(outcome.rejections), error: outcome.error, finished_at: outcome.now, claimed_by: null, claimed_until: null })
    .where('id', '=', claim.id)
    .where('claimed_by', '=', claim.workerId)
    .execute();
}

/** Gives the claim back at once (the worker is stopping): the next worker resumes the import. */
export async function releaseReviewImport(db: Kysely<Database>, claim: { id: number; workerId: string }): Promise<void> {
  await db.updateTable('review_imports').set({ claimed_by: null, claimed_until: null }).where('id', '=', claim.id).where('claimed_by', '=', claim.workerId).execute();
}

/** Uploaded import files of a shop still waiting in storage (finished imports delete theirs). */
export async function importFilesOfShop(db: Kysely<Database>, shopId: string): Promise<string[]> {
  return (await db.selectFrom('review_imports').select('file_key').where('shop_id', '=', shopId).where('status', 'in', ['queued', 'running']).execute()).map((row) => row.file_key);
}

/** A whole shop's imports (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopImports(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['review_imports']);
}

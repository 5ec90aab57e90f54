import type { Kysely, Selectable } from 'kysely';
import type { Database, MediaFilesTable } from '../db/schema.js';

export type MediaFileRow = Selectable<MediaFilesTable>;

export async function findMediaFile(db: Kysely<Database>, key: string): Promise<MediaFileRow | undefined> {
  return db.selectFrom('media_files').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findMediaFiles(db: Kysely<Database>, keys: readonly string[]): Promise<Map<string, MediaFileRow>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('media_files').selectAll().where('key', 'in', [...keys]).execute();
  return new Map(rows.map((row) => [row.key, row]));
}

/** Inserts a ledger row; false when the key is taken (files are never overwritten). */
export async function claimMediaKey(db: Kysely<Database>, row: Omit<MediaFileRow, 'review_id'>): Promise<boolean> {
  const result = await db.insertInto('media_files').values({ ...row, review_id: null }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function forgetMediaKey(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('media_files').where('key', '=', key).execute();
}

export async function countCredentialFiles(db: Kysely<Database>, credential: string): Promise<number> {
  const row = await db.selectFrom('media_files').select((eb) => eb.fn.countAll<number>().as('n')).where('credential', '=', credential).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Attaches files to a review; answers how many were free to attach (the rest belong to another review). */
export async function attachMediaFiles(db: Kysely<Database>, shopId: string, keys: readonly string[], reviewId: number): Promise<number> {
  if (keys.length === 0) return 0;
  const result = await db
    .updateTable('media_files')
    .set({ review_id: reviewId })
    .where('shop_id', '=', shopId)
    .where('key', 'in', [...keys])
    .where('review_id', 'is', null)
    .where('status', '=', 'stored')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markVideoStored(db: Kysely<Database>, key: string): Promise<void> {
  await db.updateTable('media_files').set({ status: 'stored', put_token_hash: null }).where('key', '=', key).execute();
}

/** Unattached files older than `before` (docs/reference/reviews.md §12), oldest first. */
export async function unattachedMediaBefore(db: Kysely<Database>, before: number, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('media_files').select('key').where('review_id', 'is', null).where('created_at', '<', before).orderBy('created_at').limit(limit).execute();
  return rows.map((row) => row.key);
}

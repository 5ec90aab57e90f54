import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { forgetMediaKey, unattachedMediaBefore } from './media-files.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { RenditionCache } from './rendition-cache.js';

/** docs/reference/reviews.md §12: files never attached to a review are deleted 24 hours after upload. */
export const UNATTACHED_LIFETIME_SECONDS = 24 * 3600;
const BATCH = 200;

/**
 * Deletes unattached files older than the lifetime: bytes and renditions first, then the ledger
 * row, so a crash in between leaves a row whose next sweep deletes nothing twice over. Answers how
 * many files went.
 */
export async function sweepUnattachedMedia(db: Kysely<Database>, storage: MediaStorage, now: number): Promise<number> {
  let swept = 0;
  for (;;) {
    const keys = await unattachedMediaBefore(db, now - UNATTACHED_LIFETIME_SECONDS, BATCH);
    await deleteMediaFiles(db, storage, keys);
    swept += keys.length;
    if (keys.length < BATCH) return swept;
  }
}

/** Deletes files for good: bytes and renditions first, then the ledger rows (see above for why). */
export async function deleteMediaFiles(db: Kysely<Database>, storage: MediaStorage, keys: readonly string[]): Promise<void> {
  const renditions = new RenditionCache(storage);
  for (const key of keys) {
    await storage.delete(key);
    await renditions.forget(key);
    await forgetMediaKey(db, key);
  }
}

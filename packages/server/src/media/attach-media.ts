import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type FieldError, invalidArgument } from '../http/errors.js';
import { HOSTED_MEDIA_REASON, type MediaInput } from './review-media-input.js';
import { isVideoType, videoContainerMatches } from './file-signatures.js';
import { attachMediaFiles, findMediaFiles, markVideoStored, type MediaFileRow } from './media-files.js';
import type { MediaStorage } from '../storage/media-storage.js';
import type { MediaUrls } from './media-urls.js';

interface HostedSlot {
  field: string;
  key: string;
  kind: 'image' | 'video';
}

function hostedSlots(items: readonly MediaInput[], urls: MediaUrls): HostedSlot[] {
  const slots: HostedSlot[] = [];
  for (const item of items) {
    const key = urls.keyOf(item.url);
    if (key !== undefined) slots.push({ field: item.urlField, key, kind: item.type === 2 ? 'video' : 'image' });
    const thumbnailKey = item.thumbnailUrl === undefined ? undefined : urls.keyOf(item.thumbnailUrl);
    // A thumbnail is a picture, even a video's; naming the image itself with a rendition query is allowed.
    if (thumbnailKey !== undefined) slots.push({ field: item.thumbnailField, key: thumbnailKey, kind: thumbnailKey === key ? (item.type === 2 ? 'video' : 'image') : 'image' });
  }
  return slots;
}

/**
 * A video uploaded straight to S3 with a presigned URL has not been seen by Plaudit: on first
 * attachment its size and container are checked, as the Plaudit-signed PUT checks them on arrival.
 */
async function confirmPresignedVideo(db: Kysely<Database>, storage: MediaStorage, row: MediaFileRow): Promise<boolean> {
  if (row.status !== 'pending' || row.put_token_hash !== null || !isVideoType(row.content_type)) return false;
  const head = await storage.head(row.key);
  if (head === undefined || head.size !== Number(row.size)) return false;
  const prefix = await storage.readPrefix(row.key, 16);
  if (prefix === undefined || !videoContainerMatches(row.content_type, prefix)) return false;
  await markVideoStored(db, row.key);
  return true;
}

/**
 * The ledger half of docs/reference/reviews.md §5.3 and §12: every Plaudit-hosted URL must name a stored file of
 * this shop, of the slot's kind, not attached to another review. Appends problems to `errors` and
 * answers the files by key (their pixel sizes go into the review's media rows).
 */
export async function checkHostedFiles(
  db: Kysely<Database>,
  storage: MediaStorage,
  shopId: string,
  items: readonly MediaInput[],
  urls: MediaUrls,
  errors: FieldError[],
): Promise<Map<string, MediaFileRow>> {
  const slots = hostedSlots(items, urls).filter((slot) => slot.key.startsWith(`${shopId}/`));
  const files = await findMediaFiles(db, slots.map((slot) => slot.key));
  for (const slot of slots) {
    const file = files.get(slot.key);
    if (file === undefined || file.shop_id !== shopId || file.kind !== slot.kind) {
      errors.push({ field: slot.field, reason: HOSTED_MEDIA_REASON });
    } else if (file.status !== 'stored' && !(await confirmPresignedVideo(db, storage, file))) {
      errors.push({ field: slot.field, reason: file.kind === 'video' ? 'must be a video whose upload has completed with the declared size and type' : HOSTED_MEDIA_REASON });
    } else if (file.review_id !== null) {
      errors.push({ field: slot.field, reason: 'is already attached to another review' });
    }
  }
  return files;
}

/** Marks the checked files attached; a file taken by a concurrent review fails the whole creation. */
export async function attachHostedFiles(db: Kysely<Database>, shopId: string, files: ReadonlyMap<string, MediaFileRow>, reviewId: number): Promise<void> {
  const keys = [...files.keys()];
  const attached = await attachMediaFiles(db, shopId, keys, reviewId);
  if (attached !== keys.length) throw invalidArgument([{ field: 'media', reason: 'names a file that was just attached to another review' }]);
}

import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppDeps } from '../http/app-deps.js';
import { invalidField, unauthenticated } from '../http/errors.js';
import { unixSeconds } from '../time/clock.js';
import { sha256Hex } from '../crypto/tokens.js';
import { VIDEO_EXTENSIONS, type VideoType, videoContainerMatches } from './file-signatures.js';
import { claimMediaKey, markVideoStored } from './media-files.js';
import { SizeMismatchError } from '../storage/media-storage.js';
import { MediaUrls } from './media-urls.js';
import { POLICY_LIFETIME_SECONDS, uploadDirectory } from './upload-policy.js';

/** docs/reference/reviews.md §11.1: one video is at most 200 MiB. */
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;

export interface VideoUploadTicket {
  upload_url: string;
  method: 'PUT';
  headers: Record<string, string>;
  video_url: string;
  expire: string;
}

/**
 * Issues a single-object upload URL: an S3 presigned PUT when the storage can sign one, otherwise a
 * Plaudit URL carrying a single-use token (stored as its SHA-256 only). The ledger row is `pending`
 * until the bytes arrive, and is swept with other unattached files after 24 hours.
 */
export async function issueVideoUpload(deps: AppDeps, shopId: string, request: { fileName: string; contentType: VideoType; size: number }): Promise<VideoUploadTicket> {
  const now = unixSeconds(deps.clock);
  const expire = now + POLICY_LIFETIME_SECONDS;
  const key = `${uploadDirectory(shopId, now)}v_${randomBytes(16).toString('hex')}.${VIDEO_EXTENSIONS[request.contentType]}`;
  const presigned = await deps.storage.presignPut(key, request.contentType, request.size, POLICY_LIFETIME_SECONDS);
  const token = presigned === undefined ? `pt_${randomBytes(24).toString('base64url')}` : undefined;
  await claimMediaKey(deps.db.kysely, {
    key,
    shop_id: shopId,
    kind: 'video',
    status: 'pending',
    content_type: request.contentType,
    size: request.size,
    width: 0,
    height: 0,
    original_name: request.fileName,
    credential: '',
    put_token_hash: token === undefined ? null : sha256Hex(token),
    put_expires_at: expire,
    created_at: now,
  });
  const urls = MediaUrls.of(deps.config);
  return {
    upload_url: presigned ?? `${deps.config.publicUrl}/media/put/${token}`,
    method: 'PUT',
    headers: { 'Content-Type': request.contentType },
    video_url: urls.urlOf(key),
    expire: String(expire),
  };
}

/**
 * `PUT /media/put/<token>` (docs/reference/reviews.md §11.2). The row is claimed (`pending` → `receiving`) so two
 * PUTs cannot both write; a refused body puts it back to `pending`, so the URL stays usable until
 * it expires, and leaves nothing stored.
 */
export async function receiveVideoPut(deps: AppDeps, token: string, contentType: string | undefined, declaredLength: number | undefined, body: Readable): Promise<{ video_url: string; size: number }> {
  const db = deps.db.kysely;
  const now = unixSeconds(deps.clock);
  const tokenHash = sha256Hex(token);
  const row = await db.selectFrom('media_files').selectAll().where('put_token_hash', '=', tokenHash).executeTakeFirst();
  if (row === undefined || row.status !== 'pending') throw unauthenticated('upload URL is unknown or already used');
  if (row.put_expires_at === null || row.put_expires_at <= now) throw unauthenticated('upload URL has expired');
  if (contentType !== row.content_type) throw invalidField('Content-Type', `must be ${row.content_type}, as issued`);
  const size = Number(row.size);
  if (declaredLength !== undefined && declaredLength > size) throw invalidField('body', `must be exactly ${size} bytes, as issued`, 413);
  if (declaredLength !== undefined && declaredLength < size) throw invalidField('body', `must be exactly ${size} bytes, as issued`);

  const claim = await db.updateTable('media_files').set({ status: 'receiving' }).where('key', '=', row.key).where('status', '=', 'pending').executeTakeFirst();
  if (claim.numUpdatedRows === 0n) throw unauthenticated('upload URL is unknown or already used');
  try {
    await deps.storage.putStream(row.key, body, row.content_type, size);
    const prefix = await deps.storage.readPrefix(row.key, 16);
    if (prefix === undefined || !videoContainerMatches(row.content_type as VideoType, prefix)) {
      await deps.storage.delete(row.key);
      throw invalidField('body', `must be a ${row.content_type} file`);
    }
  } catch (error) {
    await db.updateTable('media_files').set({ status: 'pending' }).where('key', '=', row.key).execute();
    if (error instanceof SizeMismatchError) throw invalidField('body', `must be exactly ${size} bytes, as issued`, error.tooLarge ? 413 : 400);
    throw error;
  }
  await markVideoStored(db, row.key);
  return { video_url: MediaUrls.of(deps.config).urlOf(row.key), size };
}

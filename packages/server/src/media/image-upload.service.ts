import { createHash } from 'node:crypto';
import type { AppDeps } from '../http/app-deps.js';
import { ApiError, Code, conflict, invalidField, unauthenticated } from '../http/errors.js';
import { unixSeconds } from '../time/clock.js';
import { sniffImageType } from './file-signatures.js';
import { ImageRefusedError, normalizeImage } from './image-processing.js';
import { claimMediaKey, countCredentialFiles, findMediaFile, forgetMediaKey } from './media-files.js';
import { MediaUrls } from './media-urls.js';
import { findUploadKey, uploadSecret } from './upload-keys.js';
import { verifyPolicy } from './upload-policy.js';

/** docs/reference/storefront.md §5: one shopper credential uploads at most 10 files. */
export const SHOPPER_FILES_PER_CREDENTIAL = 10;

const FILE_NAME = /^[A-Za-z0-9._-]{1,200}$/;

export interface UploadForm {
  /** Form fields before the file, names lower-cased. */
  fields: ReadonlyMap<string, string>;
  file: { name: string; declaredType: string | undefined };
}

export interface UploadAnswer {
  url: string;
  thumbnail_url: string;
  width: number;
  height: number;
}

function field(form: UploadForm, name: string): string {
  const value = form.fields.get(name.toLowerCase());
  if (value === undefined || value === '') throw invalidField(name, 'is required', 400);
  return value;
}

/**
 * The credential half of docs/reference/reviews.md §10.4, run before a byte of the file is read: a known upload
 * key, a signature matching the policy, an unexpired policy, and a key inside the policy's folder.
 */
export async function authorizeUpload(deps: AppDeps, form: UploadForm): Promise<{ shopId: string; key: string; credential: string; shopper: boolean; maxBytes: number }> {
  const accessId = form.fields.get('ossaccesskeyid') ?? '';
  const uploadKey = accessId === '' ? undefined : await findUploadKey(deps.db.kysely, accessId);
  if (uploadKey === undefined) throw unauthenticated('OSSAccessKeyId names no upload key');
  const policy = form.fields.get('policy') ?? '';
  const verdict = verifyPolicy(policy, form.fields.get('signature') ?? '', uploadSecret(deps.secretKey, accessId), unixSeconds(deps.clock));
  if ('refused' in verdict) throw unauthenticated(verdict.refused);

  // `${filename}` takes the uploaded file's own name, reduced to the characters a key allows.
  const key = field(form, 'key').replaceAll('${filename}', form.file.name.replace(/[^A-Za-z0-9._-]/g, ''));
  const name = key.slice(verdict.keyPrefix.length);
  if (!key.startsWith(verdict.keyPrefix) || !verdict.keyPrefix.startsWith(`${uploadKey.shopId}/`)) throw invalidField('key', `must start with the policy's folder ${verdict.keyPrefix}`);
  if (!FILE_NAME.test(name) || name === '.' || name === '..') throw invalidField('key', 'must end in a file name of 1 to 200 characters from A-Z a-z 0-9 . _ -');

  const declared = form.fields.get('content-type') ?? form.file.declaredType;
  if (declared !== undefined && declared !== '' && !declared.toLowerCase().startsWith('image/')) throw invalidField('Content-Type', 'must begin with image/');
  return { shopId: uploadKey.shopId, key, credential: createHash('sha256').update(policy).digest('hex').slice(0, 32), shopper: uploadKey.audience === 'shopper', maxBytes: verdict.maxBytes };
}

/** The content half of §10.4 and the store: real image bytes, within the pixel budget, re-encoded without metadata. */
export async function storeUploadedImage(deps: AppDeps, upload: Awaited<ReturnType<typeof authorizeUpload>>, bytes: Buffer): Promise<UploadAnswer> {
  const db = deps.db.kysely;
  if (bytes.length === 0) throw invalidField('file', 'is empty');
  if (bytes.length > upload.maxBytes) throw invalidField('file', `must be at most ${upload.maxBytes} bytes`, 413);
  const type = sniffImageType(bytes);
  if (type === undefined) throw invalidField('file', 'must be a JPEG, PNG, GIF or WebP image');
  if (await findMediaFile(db, upload.key)) throw conflict(`key ${upload.key} already exists`);
  if (upload.shopper && (await countCredentialFiles(db, upload.credential)) >= SHOPPER_FILES_PER_CREDENTIAL) {
    throw new ApiError(Code.rejected, `one upload credential accepts at most ${SHOPPER_FILES_PER_CREDENTIAL} files`);
  }
  let image;
  try {
    image = await normalizeImage(bytes, type);
  } catch (error) {
    if (error instanceof ImageRefusedError) throw invalidField('file', error.message);
    throw error;
  }
  const claimed = await claimMediaKey(db, {
    key: upload.key,
    shop_id: upload.shopId,
    kind: 'image',
    status: 'stored',
    content_type: type,
    size: image.data.length,
    width: image.width,
    height: image.height,
    original_name: '',
    credential: upload.credential,
    put_token_hash: null,
    put_expires_at: null,
    created_at: unixSeconds(deps.clock),
  });
  if (!claimed) throw conflict(`key ${upload.key} already exists`);
  try {
    await deps.storage.put(upload.key, image.data, type);
  } catch (error) {
    await forgetMediaKey(db, upload.key);
    throw error;
  }
  const urls = MediaUrls.of(deps.config);
  return { url: urls.urlOf(upload.key), thumbnail_url: urls.urlOf(upload.key, 'small'), width: image.width, height: image.height };
}

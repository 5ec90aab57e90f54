import { randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { defineOperation } from '../http/operation.js';
import { MediaUrls } from './media-urls.js';
import { uploadKeyOf, uploadSecret, type UploadAudience } from './upload-keys.js';
import { issueImageCredentials, uploadDirectory, type ImageUploadCredentials } from './upload-policy.js';
import type { AppDeps } from '../app-deps.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export const ImageUploadCredentialsSchema = Type.Object(
  {
    access_id: Type.String({ description: 'the upload key, sent back as OSSAccessKeyId' }),
    host: Type.String({ description: 'the upload URL: POST the multipart form here' }),
    expire: Type.String({ description: 'Unix seconds after which the credentials are refused' }),
    signature: Type.String({ description: 'base64 HMAC-SHA1 of policy, sent back as Signature' }),
    policy: Type.String({ description: 'base64 post policy, sent back unchanged' }),
    dir: Type.String({ description: 'the key prefix every upload must use: <shop_id>/<yyyy>/<m>/<d>/' }),
    callback: Type.String({ description: 'base64 OSS-style callback description (no request is ever made)' }),
  },
  { title: 'ImageUploadCredentials' },
);

/** storefront.md §5: a shopper credential lives 10 minutes and has a folder of its own. */
const SHOPPER_LIFETIME_SECONDS = 10 * 60;

/** A shopper credential's own folder inside the day's: `s_<16 hex>/`. */
const shopperFolder = () => `s_${randomBytes(8).toString('hex')}/`;

/** Whether a stored key lies in a shopper credential's folder (storefront.md §4 `media_tokens`). */
export function isShopperUpload(key: string, shopId: string): boolean {
  return key.startsWith(`${shopId}/`) && /\/s_[0-9a-f]{16}\/[^/]+$/.test(key);
}

/**
 * Credentials for one shop and audience: the merchant's (Open API, 30 minutes, the day's folder)
 * or a shopper's (storefront, 10 minutes, `<day>/s_<16 hex>/` so its files can be told apart).
 */
export async function imageCredentialsFor(db: Kysely<Database>, deps: AppDeps, shopId: string, audience: UploadAudience, now: number): Promise<ImageUploadCredentials> {
  const accessId = await uploadKeyOf(db, shopId, audience, now);
  const day = uploadDirectory(shopId, now);
  return issueImageCredentials({
    accessId,
    secret: uploadSecret(deps.secretKey, accessId),
    host: MediaUrls.of(deps.config).uploadHost,
    dir: audience === 'shopper' ? `${day}${shopperFolder()}` : day,
    nowSeconds: now,
    ...(audience === 'shopper' ? { lifetimeSeconds: SHOPPER_LIFETIME_SECONDS } : {}),
  });
}

export const getImageUploadPolicyTokenOperation = defineOperation({
  operation: 'get_image_upload_policy_token',
  method: 'GET',
  scope: 'write_reviews',
  summary: 'Get Image Upload Credentials',
  description:
    'Fresh OSS-style post-policy credentials, valid 30 minutes for any number of images under `dir`. Upload with a multipart POST to `host` (fields key, policy, OSSAccessKeyId, Signature, optional Content-Type, then file); the answer gives `url`, `thumbnail_url`, `width` and `height`.',
  tags: ['Media'],
  querystring: Type.Object({}),
  data: ImageUploadCredentialsSchema,
  async handler({ actor, db, deps, now }) {
    return imageCredentialsFor(db, deps, actor.shopId, 'merchant', now);
  },
});

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/app-deps.js';
import { MediaUrls } from './media-urls.js';
import { uploadKeyOf, uploadSecret, type UploadAudience } from './upload-keys.js';
import { issueImageCredentials, uploadDirectory, type ImageUploadCredentials } from './upload-policy.js';

/** docs/reference/storefront.md §5: a shopper credential lives 10 minutes and has a folder of its own. */
const SHOPPER_LIFETIME_SECONDS = 10 * 60;

/** A shopper credential's own folder inside the day's: `s_<16 hex>/`. */
const shopperFolder = () => `s_${randomBytes(8).toString('hex')}/`;

/** Whether a stored key lies in a shopper credential's folder (docs/reference/storefront.md §4 `media_tokens`). */
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

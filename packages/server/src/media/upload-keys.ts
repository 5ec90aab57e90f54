import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, MediaUploadKeysTable } from '../db/schema.js';

export type UploadAudience = MediaUploadKeysTable['audience'];

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `PLM` or `PLS` + 17 base32 characters (85 random bits): opaque, and it names a key, not a secret. */
function newAccessId(audience: UploadAudience): string {
  const bytes = randomBytes(18);
  return `PL${audience === 'merchant' ? 'M' : 'S'}${[...bytes].map((byte) => BASE32[byte % 32]).join('').slice(0, 17)}`;
}

/**
 * The upload secret of an access id: HMAC of the server key, so it is never stored and a leaked
 * database alone cannot forge upload policies. 256 bits, base64url.
 */
export function uploadSecret(serverKey: Buffer, accessId: string): string {
  return createHmac('sha256', serverKey).update(`plaudit/media-upload/v1\0${accessId}`).digest('base64url');
}

/** The shop's upload key for `audience`, made on first use. */
export async function uploadKeyOf(db: Kysely<Database>, shopId: string, audience: UploadAudience, now: number): Promise<string> {
  const existing = await db.selectFrom('media_upload_keys').select('access_id').where('shop_id', '=', shopId).where('audience', '=', audience).executeTakeFirst();
  if (existing) return existing.access_id;
  await db
    .insertInto('media_upload_keys')
    .values({ access_id: newAccessId(audience), shop_id: shopId, audience, created_at: now })
    .onConflict((oc) => oc.columns(['shop_id', 'audience']).doNothing())
    .execute();
  const row = await db.selectFrom('media_upload_keys').select('access_id').where('shop_id', '=', shopId).where('audience', '=', audience).executeTakeFirstOrThrow();
  return row.access_id;
}

export async function findUploadKey(db: Kysely<Database>, accessId: string): Promise<{ shopId: string; audience: UploadAudience } | undefined> {
  const row = await db.selectFrom('media_upload_keys').select(['shop_id', 'audience']).where('access_id', '=', accessId).executeTakeFirst();
  return row === undefined ? undefined : { shopId: row.shop_id, audience: row.audience };
}

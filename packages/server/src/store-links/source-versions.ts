import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ConnectorPlatform } from './connector-links.js';

/**
 * Claims a platform object's modification time in the caller's transaction: true when it is newer
 * than any seen before (the webhook is applied), false for a replay or a late delivery of an older
 * state (it is acknowledged and ignored), so an older `updated_at` never overwrites a newer one.
 */
export async function claimNewerVersion(db: Kysely<Database>, key: { shopId: string; platform: ConnectorPlatform; kind: 'order' | 'product'; externalId: string }, sourceUpdatedAt: number): Promise<boolean> {
  const seen = await db
    .selectFrom('connector_versions')
    .select('source_updated_at')
    .where('shop_id', '=', key.shopId)
    .where('platform', '=', key.platform)
    .where('kind', '=', key.kind)
    .where('external_id', '=', key.externalId)
    .executeTakeFirst();
  if (seen !== undefined && Number(seen.source_updated_at) >= sourceUpdatedAt) return false;
  await db
    .insertInto('connector_versions')
    .values({ shop_id: key.shopId, platform: key.platform, kind: key.kind, external_id: key.externalId, source_updated_at: sourceUpdatedAt })
    .onConflict((oc) => oc.columns(['shop_id', 'platform', 'kind', 'external_id']).doUpdateSet({ source_updated_at: sourceUpdatedAt }))
    .execute();
  return true;
}

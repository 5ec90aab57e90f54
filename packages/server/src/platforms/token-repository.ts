import type { Kysely, Selectable } from 'kysely';
import type { Database, GrantsTable, GrantStatus } from '../db/schema.js';

export type GrantRow = Selectable<GrantsTable>;

/**
 * Storage of grants, token families, codes and tokens. Codes and tokens are looked up by their
 * SHA-256 hash only: a copy of the database yields nothing a caller could present.
 */

export async function findGrant(db: Kysely<Database>, platformId: string, shopId: string): Promise<GrantRow | undefined> {
  return db.selectFrom('grants').selectAll().where('platform_id', '=', platformId).where('shop_id', '=', shopId).executeTakeFirst();
}

export async function findGrantById(db: Kysely<Database>, grantId: number): Promise<GrantRow | undefined> {
  return db.selectFrom('grants').selectAll().where('id', '=', grantId).executeTakeFirst();
}

/** The merchant's consent (re)activates the one grant of this platform × shop with the scopes approved now. */
export async function activateGrant(db: Kysely<Database>, platformId: string, shopId: string, scopes: string, now: number): Promise<GrantRow> {
  await db
    .insertInto('grants')
    .values({ platform_id: platformId, shop_id: shopId, scopes, status: 'active', authorized_at: now, status_changed_at: now })
    .onConflict((oc) => oc.columns(['platform_id', 'shop_id']).doUpdateSet({ scopes, status: 'active', authorized_at: now, status_changed_at: now }))
    .execute();
  return (await findGrant(db, platformId, shopId))!;
}

/** Moves an active grant to an ended status; false when it was not active (someone else ended it first). */
export async function endGrantRow(db: Kysely<Database>, grantId: number, status: Exclude<GrantStatus, 'active'>, now: number): Promise<boolean> {
  const result = await db.updateTable('grants').set({ status, status_changed_at: now }).where('id', '=', grantId).where('status', '=', 'active').executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function createFamily(db: Kysely<Database>, grantId: number, scopes: string, now: number, chainExpiresAt: number): Promise<number> {
  const row = await db
    .insertInto('token_families')
    .values({ grant_id: grantId, scopes, created_at: now, chain_expires_at: chainExpiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Kills a family: the family row, and every access and refresh token in it. */
export async function revokeFamilies(db: Kysely<Database>, familyIds: number[], reason: string, now: number): Promise<void> {
  if (familyIds.length === 0) return;
  await db.updateTable('token_families').set({ revoked_at: now, revoked_reason: reason }).where('id', 'in', familyIds).where('revoked_at', 'is', null).execute();
  for (const table of ['access_tokens', 'refresh_tokens'] as const) {
    await db.updateTable(table).set({ revoked_at: now }).where('family_id', 'in', familyIds).where('revoked_at', 'is', null).execute();
  }
}

export async function liveFamilyIdsOfGrant(db: Kysely<Database>, grantId: number): Promise<number[]> {
  const rows = await db.selectFrom('token_families').select('id').where('grant_id', '=', grantId).where('revoked_at', 'is', null).execute();
  return rows.map((row) => Number(row.id));
}

export async function insertToken(db: Kysely<Database>, table: 'access_tokens' | 'refresh_tokens', tokenHash: string, familyId: number, now: number, expiresAt: number): Promise<void> {
  await db.insertInto(table).values({ token_hash: tokenHash, family_id: familyId, created_at: now, expires_at: expiresAt }).execute();
}

/** A token with the family and grant it belongs to: what every check needs in one read. */
export async function findTokenWithGrant(db: Kysely<Database>, table: 'access_tokens' | 'refresh_tokens', tokenHash: string) {
  return db
    // Both tables share every column read here; the cast only picks one name for the type checker.
    .selectFrom(`${table as 'access_tokens'} as t`)
    .innerJoin('token_families as f', 'f.id', 't.family_id')
    .innerJoin('grants as g', 'g.id', 'f.grant_id')
    .select([
      't.family_id',
      't.expires_at',
      't.revoked_at',
      'f.scopes',
      'f.chain_expires_at',
      'f.revoked_at as family_revoked_at',
      'g.id as grant_id',
      'g.platform_id',
      'g.shop_id',
      'g.status as grant_status',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function revokeAccessToken(db: Kysely<Database>, tokenHash: string, now: number): Promise<void> {
  await db.updateTable('access_tokens').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

/**
 * Marks a refresh token used, atomically: of several concurrent presentations exactly one sees
 * true. The loser is indistinguishable from a replay of a rotated token, and is treated as one.
 */
export async function claimRefreshToken(db: Kysely<Database>, tokenHash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('refresh_tokens')
    .set({ rotated_at: now })
    .where('token_hash', '=', tokenHash)
    .where('rotated_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findRefreshTokenState(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('refresh_tokens').select(['family_id', 'rotated_at', 'revoked_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The shop's grants with the platform's name, newest consent first (the console's connected apps). */
export async function grantsOfShop(db: Kysely<Database>, shopId: string) {
  return db
    .selectFrom('grants')
    .innerJoin('platforms', 'platforms.client_id', 'grants.platform_id')
    .select(['grants.platform_id', 'grants.scopes', 'grants.status', 'grants.authorized_at', 'grants.status_changed_at', 'platforms.name'])
    .where('grants.shop_id', '=', shopId)
    .orderBy('grants.authorized_at', 'desc')
    .execute();
}

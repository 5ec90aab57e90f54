import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuthorizationCodesTable, Database } from '../db/schema.js';

export type AuthorizationCodeRow = Selectable<AuthorizationCodesTable>;

export async function insertAuthorizationCode(db: Kysely<Database>, row: Insertable<AuthorizationCodesTable>): Promise<void> {
  await db.insertInto('authorization_codes').values(row).execute();
}

export async function findAuthorizationCode(db: Kysely<Database>, codeHash: string): Promise<AuthorizationCodeRow | undefined> {
  return db.selectFrom('authorization_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

/**
 * Marks a code used, atomically: of any number of concurrent redemptions exactly one sees true
 * (the row lock on PostgreSQL, the single writer on SQLite).
 */
export async function claimAuthorizationCode(db: Kysely<Database>, codeHash: string, now: number): Promise<boolean> {
  const result = await db.updateTable('authorization_codes').set({ used_at: now }).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function recordCodeFamily(db: Kysely<Database>, codeHash: string, familyId: number): Promise<void> {
  await db.updateTable('authorization_codes').set({ family_id: familyId }).where('code_hash', '=', codeHash).execute();
}

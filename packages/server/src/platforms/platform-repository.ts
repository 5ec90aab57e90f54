import type { Kysely, Selectable } from 'kysely';
import type { Database, PlatformsTable } from '../db/schema.js';

export type PlatformRow = Selectable<PlatformsTable>;

export async function findPlatform(db: Kysely<Database>, clientId: string): Promise<PlatformRow | undefined> {
  return db.selectFrom('platforms').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export async function listPlatforms(db: Kysely<Database>): Promise<PlatformRow[]> {
  return db.selectFrom('platforms').selectAll().orderBy('created_at').orderBy('client_id').execute();
}

export async function insertPlatform(db: Kysely<Database>, row: PlatformRow): Promise<void> {
  await db.insertInto('platforms').values(row).execute();
}

export async function updateClientSecret(db: Kysely<Database>, clientId: string, sealed: string, now: number): Promise<boolean> {
  const result = await db.updateTable('platforms').set({ client_secret_sealed: sealed, updated_at: now }).where('client_id', '=', clientId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function redirectUrisOf(platform: PlatformRow): string[] {
  return JSON.parse(platform.redirect_uris) as string[];
}

/** The system-webhook URLs of the active platforms among `clientIds` that set one. */
export async function activePlatformWebhooks(db: Kysely<Database>, clientIds: readonly string[]): Promise<Array<{ client_id: string; webhook_url: string }>> {
  if (clientIds.length === 0) return [];
  return db.selectFrom('platforms').select(['client_id', 'webhook_url']).where('client_id', 'in', [...clientIds]).where('webhook_url', '!=', '').where('status', '=', 'active').execute();
}

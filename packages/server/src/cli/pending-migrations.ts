import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { migrateToLatest, pendingMigrations } from '../db/migrate.js';
import { CliError } from './runtime.js';

/**
 * The embedded SQLite default migrates itself on start (zero setup). A shared PostgreSQL is
 * migrated by the operator with `plaudit migrate`, so several servers never race to change it.
 */
export async function prepareSchema(config: Config, db: Db): Promise<void> {
  if (config.database.dialect === 'sqlite') {
    await migrateToLatest(db);
    return;
  }
  const pending = await pendingMigrations(db);
  if (pending.length > 0) throw new CliError(`the PostgreSQL schema is behind: run \`plaudit migrate\` first (pending: ${pending.join(', ')})`);
}

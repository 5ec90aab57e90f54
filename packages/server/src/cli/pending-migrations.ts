import type { Config } from '../config/config.js';
import type { ConnectOptions, Db } from '../db/connect.js';
import { migrateToLatest, pendingMigrations } from '../db/migrate.js';
import { CliError, withDatabase } from './runtime.js';

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

/** Opens the database for one command, with its schema ready (see prepareSchema), and closes it. */
export function withCurrentSchema<T>(config: Config, work: (db: Db) => Promise<T>, options?: ConnectOptions): Promise<T> {
  return withDatabase(
    config,
    async (db) => {
      await prepareSchema(config, db);
      return work(db);
    },
    options,
  );
}

import type { Command } from 'commander';
import { migrateToLatest } from '../db/migrate.js';
import { loadConfig, output, withDatabase } from './runtime.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema to the latest version')
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      await withDatabase(config, async (db) => {
        const applied = await migrateToLatest(db);
        output(Boolean(options.json), { applied }, () => (applied.length === 0 ? 'schema is up to date' : `applied: ${applied.join(', ')}`));
      });
    });
}

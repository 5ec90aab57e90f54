import type { Command } from 'commander';
import { createLogger } from '../http/logger.js';
import { connectDatabase } from '../db/connect.js';
import { createBackgroundWorker } from '../worker/background-worker.js';
import { prepareSchema } from './pending-migrations.js';
import { loadConfig, runtimeDeps } from './runtime.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the background worker alone (webhook deliveries); any number may run against one PostgreSQL')
    .option('--once', 'deliver what is due now, then exit')
    .action(async (options: { once?: boolean }) => {
      const config = loadConfig();
      const db = connectDatabase(config.database, { sqliteBackgroundCheckpoints: true });
      const deps = runtimeDeps(config, db);
      await prepareSchema(config, db);
      const log = createLogger(config);
      const worker = createBackgroundWorker(deps, log);
      const finish = async () => {
        await worker.stop();
        await deps.closeExtras();
        await db.close();
      };
      if (options.once) {
        await worker.runUntilIdle();
        await finish();
        return;
      }
      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info({ signal }, 'worker stopping: finishing deliveries in flight');
        await finish();
        process.exit(0);
      };
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      process.once('SIGINT', () => void shutdown('SIGINT'));
      worker.start();
    });
}

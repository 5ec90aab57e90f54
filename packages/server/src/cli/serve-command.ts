import type { Command } from 'commander';
import { buildApp } from '../app.js';
import { createLogger } from '../http/logger.js';
import { connectDatabase } from '../db/connect.js';
import { createBackgroundWorker } from '../worker/background-worker.js';
import { announceDemoShop } from '../demo/demo-shop.js';
import { prepareSchema } from './pending-migrations.js';
import { CliError, loadConfig, runtimeDeps } from './runtime.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP server and, unless --no-worker, the background worker (embedded defaults: SQLite under DATA_DIR, port 8080)')
    .option('--no-worker', 'serve HTTP only; run `plaudit worker` processes for webhook deliveries')
    .action(async (options: { worker: boolean }) => {
      const config = loadConfig();
      const db = connectDatabase(config.database, { sqliteBackgroundCheckpoints: true });
      const deps = runtimeDeps(config, db);
      await prepareSchema(config, db);
      const log = createLogger(config);
      const worker = options.worker ? createBackgroundWorker(deps, log) : undefined;
      // Events committed by this process wake its worker at once instead of at the next poll.
      if (worker) deps.outboxSignal = () => worker.nudge();
      const app = await buildApp(deps, { logger: log });

      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down');
        // close() stops accepting connections and waits for in-flight requests to finish; the
        // worker then finishes the deliveries it is sending (bounded) before the process exits.
        await app.close();
        await worker?.stop();
        await deps.closeExtras();
        await db.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      process.once('SIGINT', () => void shutdown('SIGINT'));

      try {
        await app.listen({ port: config.port, host: config.host });
      } catch (error) {
        await app.close();
        await deps.closeExtras();
        await db.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new CliError(`port ${config.port} on ${config.host} is already in use: stop the other server or set PORT`);
        if (code === 'EACCES') throw new CliError(`not allowed to listen on port ${config.port}: choose a port above 1023 with PORT`);
        throw error;
      }
      worker?.start();
      // The banner is written in one piece, so no log line can land in the middle of it.
      const banner: string[] = ['', `Plaudit is listening on ${config.publicUrl} (database: ${config.database.dialect}${config.database.dialect === 'sqlite' ? ` ${config.database.file}` : ''})`];
      await announceDemoShop(config, db, deps.clock, (line) => banner.push(line));
      process.stdout.write(`${banner.join('\n')}\n`);
    });
}

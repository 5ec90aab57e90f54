import { accessSync, constants, mkdirSync } from 'node:fs';
import type { Command } from 'commander';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { type Config, ConfigError, parseConfig } from '../config/config.js';
import { connectDatabase } from '../db/connect.js';
import { pendingMigrations } from '../db/migrate.js';
import { ensureSecretKey } from '../config/secret-key-file.js';
import { listShops } from '../shops/shop-repository.js';
import { revealPrivateToken } from '../shops/shop-service.js';
import { output } from './runtime.js';
import { SmtpTransport } from '../mail/mail-transport.js';
import { storageFor } from '../storage/storage-for-config.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function databaseChecks(config: Config): Promise<Check[]> {
  const db = connectDatabase(config.database);
  try {
    await sql`select 1`.execute(db.kysely);
    const checks: Check[] = [{ name: 'database', ok: true, detail: `${config.database.dialect} answers` }];
    const pending = await pendingMigrations(db);
    checks.push({ name: 'schema', ok: pending.length === 0, detail: pending.length === 0 ? 'up to date' : `pending migrations: ${pending.join(', ')} (run \`plaudit migrate\`)` });
    if (pending.length === 0 && config.secretKey) {
      // A SECRET_KEY that differs from the one the tokens were sealed with breaks every signed request.
      const shops = await listShops(db.kysely);
      const unreadable = shops.filter((shop) => {
        try {
          revealPrivateToken(config.secretKey!, shop);
          return false;
        } catch {
          return true;
        }
      });
      checks.push({
        name: 'secret key',
        ok: unreadable.length === 0,
        detail: unreadable.length === 0 ? `opens the private tokens of ${shops.length} shop(s)` : `cannot open the private tokens of shops ${unreadable.map((s) => s.id).join(', ')}: SECRET_KEY is not the key they were sealed with`,
      });
    }
    return checks;
  } catch (error) {
    return [{ name: 'database', ok: false, detail: `cannot query ${config.database.dialect}: ${(error as Error).message}` }];
  } finally {
    await db.close().catch(() => undefined);
  }
}

async function redisCheck(url: string): Promise<Check> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
    return { name: 'redis', ok: true, detail: 'answers (rate limits are shared across processes)' };
  } catch (error) {
    return { name: 'redis', ok: false, detail: `REDIS_URL does not answer: ${(error as Error).message}` };
  } finally {
    client.disconnect();
  }
}

function dataDirCheck(config: Config): Check {
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK);
    return { name: 'data directory', ok: true, detail: `${config.dataDir} is writable` };
  } catch (error) {
    return { name: 'data directory', ok: false, detail: `${config.dataDir}: ${(error as Error).message}` };
  }
}

async function storageCheck(config: Config): Promise<Check> {
  const where = config.storage.kind === 'local' ? config.storage.directory : `s3://${config.storage.bucket}${config.storage.endpoint ? ` at ${config.storage.endpoint}` : ''}`;
  try {
    await storageFor(config.storage).check();
    return { name: 'media storage', ok: true, detail: `${where} is reachable and writable` };
  } catch (error) {
    return { name: 'media storage', ok: false, detail: `${where}: ${(error as Error).name === 'Error' ? '' : `${(error as Error).name}: `}${(error as Error).message}` };
  }
}

async function smtpCheck(url: string): Promise<Check> {
  const transport = new SmtpTransport(url);
  const server = new URL(url);
  try {
    await transport.verify();
    return { name: 'smtp', ok: true, detail: `${server.hostname}:${server.port || 'default port'} accepts connections` };
  } catch (error) {
    return { name: 'smtp', ok: false, detail: `SMTP_URL ${server.hostname}:${server.port || 'default port'} does not answer: ${(error as Error).message}` };
  } finally {
    transport.close();
  }
}

/** Runs every check and answers them all, failures included, instead of stopping at the first. */
export async function runDoctor(env: Readonly<Record<string, string | undefined>>): Promise<Check[]> {
  let config: Config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [{ name: 'configuration', ok: false, detail: error.message }];
    throw error;
  }
  const checks: Check[] = [{ name: 'configuration', ok: true, detail: `public URL ${config.publicUrl}, ${config.database.dialect} database` }];
  checks.push(dataDirCheck(config));
  if (config.database.dialect === 'sqlite') config = ensureSecretKey(config);
  checks.push(...(await databaseChecks(config)));
  checks.push(await storageCheck(config));
  // Both are optional; saying so keeps an operator from wondering whether they were checked.
  checks.push(config.smtpUrl === null ? { name: 'smtp', ok: true, detail: 'not configured (SMTP_URL): review-request e-mails are not sent' } : await smtpCheck(config.smtpUrl));
  checks.push(config.redisUrl === null ? { name: 'redis', ok: true, detail: 'not configured (REDIS_URL): rate limits are kept per process' } : await redisCheck(config.redisUrl));
  return checks;
}

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('check configuration, data directory, database, schema, secret key, media storage, SMTP and Redis, and say what is wrong')
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      const checks = await runDoctor(process.env);
      const healthy = checks.every((check) => check.ok);
      output(Boolean(options.json), { healthy, checks }, () => [...checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`), healthy ? '\nAll checks passed.' : '\nSome checks failed.'].join('\n'));
      if (!healthy) process.exitCode = 1;
    });
}

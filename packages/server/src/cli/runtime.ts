import { storageFor } from '../storage/storage-for-config.js';
import type { AppDeps } from '../http/app-deps.js';
import { type Config, ConfigError, parseConfig } from '../config/config.js';
import { type ConnectOptions, connectDatabase, type Db } from '../db/connect.js';
import { Redis } from 'ioredis';
import { ApiError } from '../http/errors.js';
import { MemoryRateLimitStore } from '../http/rate-limiter.js';
import { RedisRateLimitStore } from '../http/redis-rate-limit-store.js';
import { DatabaseReplayCache } from '../http/replay-cache.js';
import { AnswerCache } from '../http/answer-cache.js';
import { systemClock } from '../time/clock.js';
import { ensureSecretKey } from '../config/secret-key-file.js';

/** Thrown for operator mistakes: printed without a stack trace, exit code 1. */
export class CliError extends Error {}

/**
 * Service errors become operator messages, each refused field once on its own line; everything
 * else is a bug and keeps its stack.
 */
export function asCliError(error: unknown): never {
  if (error instanceof ApiError) {
    const fields = error.errors ?? [];
    throw new CliError(fields.length > 0 ? fields.map((e) => `${e.field} ${e.reason}`).join('\n') : error.message);
  }
  throw error;
}

/** Reads the environment once (the only place that touches process.env) and resolves SECRET_KEY. */
export function loadConfig(): Config {
  try {
    return ensureSecretKey(parseConfig(process.env));
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`configuration error: ${error.message}`);
    throw error;
  }
}

export interface RuntimeDeps extends AppDeps {
  /** Closes what the deps opened besides the database (the Redis connection). */
  closeExtras(): Promise<void>;
}

export function runtimeDeps(config: Config, db: Db): RuntimeDeps {
  if (config.secretKey === null) throw new CliError('configuration error: SECRET_KEY is missing');
  // Rate-limit windows are per process unless REDIS_URL makes every process share them.
  const redis = config.redisUrl === null ? null : new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  return {
    config,
    db,
    secretKey: config.secretKey,
    clock: systemClock,
    replayCache: new DatabaseReplayCache(db.kysely),
    answers: new AnswerCache(config.answerCacheBytes),
    storage: storageFor(config.storage),
    rateLimitStore: redis === null ? new MemoryRateLimitStore() : new RedisRateLimitStore(redis),
    closeExtras: async () => {
      await redis?.quit();
    },
  };
}

/** Opens the database for one command and always closes it, so the process can exit. */
export async function withDatabase<T>(config: Config, work: (db: Db) => Promise<T>, options?: ConnectOptions): Promise<T> {
  const db = connectDatabase(config.database, options);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** `--json` prints exactly one JSON object on stdout; otherwise a readable form. */
export function output(json: boolean, value: object, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
}

/** Commander's collector for an option given several times (`--shop a --shop b`). */
export function repeatable(value: string, previous: string[]): string[] {
  return [...previous, value];
}

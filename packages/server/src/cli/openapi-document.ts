import { storageFor } from '../storage/storage-for-config.js';
import { parseConfig } from '../config/config.js';
import { connectDatabase } from '../db/connect.js';
import { buildApp } from '../app.js';
import { MemoryRateLimitStore } from '../http/rate-limiter.js';
import { DatabaseReplayCache } from '../http/replay-cache.js';
import { AnswerCache } from '../http/answer-cache.js';
import { systemClock } from '../time/clock.js';

/**
 * The committed openapi.json: generated from the route schemas with the contract's example base
 * URL, so it does not depend on where it was generated. A test compares it with the routes.
 */
export async function generateOpenApiDocument(): Promise<string> {
  const config = parseConfig({ PUBLIC_URL: 'https://reviews.example.com', DATABASE_URL: ':memory:', SECRET_KEY: '0'.repeat(64) });
  const db = connectDatabase(config.database);
  try {
    const app = await buildApp(
      { config, db, secretKey: config.secretKey!, clock: systemClock, replayCache: new DatabaseReplayCache(db.kysely), answers: new AnswerCache(config.answerCacheBytes), rateLimitStore: new MemoryRateLimitStore(), storage: storageFor(config.storage) },
      { logger: false },
    );
    await app.ready();
    const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return text;
  } finally {
    await db.close();
  }
}

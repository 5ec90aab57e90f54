// Plaudit as deployed (the built dist, checkpoints in a thread as in `plaudit serve`; BENCH_INLINE_CHECKPOINTS=1
// leaves them in the writer's commits), on the seeded SQLite file, without rate limits: the
// benchmark measures serving, and 1,200 requests a minute would stop it within a second.
import { storageFor } from '../packages/server/dist/storage/storage-for-config.js';
import { buildApp } from '../packages/server/dist/app.js';
import { parseConfig } from '../packages/server/dist/config/config.js';
import { connectDatabase } from '../packages/server/dist/db/connect.js';
import { MemoryRateLimitStore } from '../packages/server/dist/http/rate-limiter.js';
import { DatabaseReplayCache } from '../packages/server/dist/http/replay-cache.js';
import { AnswerCache } from '../packages/server/dist/http/answer-cache.js';
import { systemClock } from '../packages/server/dist/time/clock.js';

const config = parseConfig({
  DATABASE_URL: process.env.BENCH_DATABASE,
  SECRET_KEY: process.env.BENCH_SECRET_KEY,
  RATE_LIMIT_OPENAPI: 'off',
  RATE_LIMIT_AUTH_FAILURES: 'off',
  RATE_LIMIT_STOREFRONT_READ: process.env.RATE_LIMIT_STOREFRONT_READ ?? 'off',
  LOG_LEVEL: 'silent',
  ...(process.env.SQLITE_SYNCHRONOUS ? { SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS } : {}),
});
const db = connectDatabase(config.database, { sqliteBackgroundCheckpoints: process.env.BENCH_INLINE_CHECKPOINTS !== '1' });
const app = await buildApp({ config, db, secretKey: config.secretKey, clock: systemClock, replayCache: new DatabaseReplayCache(db.kysely), answers: new AnswerCache(config.answerCacheBytes), rateLimitStore: new MemoryRateLimitStore(), storage: storageFor(config.storage) }, { logger: false });
process.once('SIGINT', () => process.exit(0));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');

// Plaudit as `plaudit serve` runs it: the API plus (BENCH_WORKER=1) the in-process background
// worker, nudged after each commit. Rate limits are off; receivers on loopback are allowed.
import { storageFor } from '../packages/server/dist/storage/storage-for-config.js';
import { pino } from 'pino';
import { buildApp } from '../packages/server/dist/app.js';
import { parseConfig } from '../packages/server/dist/config/config.js';
import { connectDatabase } from '../packages/server/dist/db/connect.js';
import { MemoryRateLimitStore } from '../packages/server/dist/http/rate-limiter.js';
import { DatabaseReplayCache } from '../packages/server/dist/http/replay-cache.js';
import { AnswerCache } from '../packages/server/dist/http/answer-cache.js';
import { createBackgroundWorker } from '../packages/server/dist/worker/background-worker.js';
import { systemClock } from '../packages/server/dist/time/clock.js';

const config = parseConfig({
  DATABASE_URL: process.env.BENCH_DATABASE,
  SECRET_KEY: process.env.BENCH_SECRET_KEY,
  RATE_LIMIT_OPENAPI: 'off',
  RATE_LIMIT_AUTH_FAILURES: 'off',
  WEBHOOK_ALLOW_PRIVATE: '1',
  WEBHOOK_ALLOW_HTTP: '1',
  LOG_LEVEL: 'silent',
});
const db = connectDatabase(config.database, { sqliteBackgroundCheckpoints: true });
const deps = { config, db, secretKey: config.secretKey, clock: systemClock, replayCache: new DatabaseReplayCache(db.kysely), answers: new AnswerCache(config.answerCacheBytes), rateLimitStore: new MemoryRateLimitStore(), storage: storageFor(config.storage) };
const worker = process.env.BENCH_WORKER === '1' ? createBackgroundWorker(deps, pino({ level: 'silent' })) : undefined;
if (worker) deps.outboxSignal = () => worker.nudge();
const app = await buildApp(deps, { logger: false });
process.once('SIGTERM', async () => {
  await app.close();
  await worker?.stop(2000);
  process.exit(0);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
worker?.start();
process.send?.('ready');

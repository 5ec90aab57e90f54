// npm run bench:questions (and the end of npm run bench): the storefront's question reads
// (docs/reference/questions.md §7–8) for a product with 5,000 answered questions, against the
// Fastify hello-world baseline measured in the same run. Both are read from the answer cache
// while nothing changes, so this measures what a busy product page costs.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { benchDataDir, load, startServer, stopServer } from './harness.js';
import { createBenchDatabase, createBenchShop } from './seed.js';
import { connectDatabase } from '../packages/server/dist/db/connect.js';
import { createQuestion } from '../packages/server/dist/questions/question.service.js';
import { createAnswer } from '../packages/server/dist/questions/answer.service.js';
import { defaultShopSettings } from '../packages/server/dist/shops/shop-settings.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 5_000);
const PORT = 18_950 + Math.floor(Math.random() * 40);
const origin = `http://127.0.0.1:${PORT}`;

const dir = benchDataDir('questions');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = path.join(dir, 'bench.sqlite');
const secretHex = randomBytes(32).toString('hex');

console.log(`Questions: seeding one product with ${QUESTIONS.toLocaleString('en')} answered questions …`);
const setup = await createBenchDatabase(file);
const shop = await createBenchShop(setup, Buffer.from(secretHex, 'hex'), 'questions-shop.example.com');
await setup.close();
const db = connectDatabase({ dialect: 'sqlite', file });
const settings = { ...defaultShopSettings, moderation: { ...defaultShopSettings.moderation, near_duplicates: 'off' } };
const start = Date.now() - QUESTIONS * 60_000;
for (let batch = 0; batch < QUESTIONS; batch += 500) {
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = batch; i < Math.min(batch + 500, QUESTIONS); i++) {
      const at = start + i * 60_000;
      const question = await createQuestion(trx, shop.shop_id, settings, { productId: 'qa-product', content: `Question ${i}: does it fit a laptop of ${10 + (i % 8)} inches?`, askerName: `Asker ${i}`, askerEmail: '', source: 'import', status: 'published' }, at);
      await createAnswer(trx, shop.shop_id, settings, { questionId: question.id, content: `Yes, up to ${10 + (i % 8)} inches.`, authorName: 'Store', authorEmail: '', authorKind: 'merchant' }, at + 1000);
    }
  });
}
await db.close();

const get = (title, pathAndQuery) => load(title, origin, { connections: CONNECTIONS, duration: DURATION, requests: [{ method: 'GET', path: pathAndQuery }] });
const hello = await startServer('hello-server.js', {}, PORT);
const baseline = await get('Fastify hello world (baseline)', '/');
await stopServer(hello);
const plaudit = await startServer('plaudit-server.js', { BENCH_DATABASE: file, BENCH_SECRET_KEY: secretHex, RATE_LIMIT_STOREFRONT_READ: 'off' }, PORT);
const rows = [
  await get('get_product_questions, first page', `/api/v1/storefront/get_product_questions?shop_id=${shop.shop_id}&product_id=qa-product`),
  await get('questions.html fragment', `/api/v1/storefront/questions.html?shop_id=${shop.shop_id}&product_id=qa-product`),
  await get('get_product_questions, page 400', `/api/v1/storefront/get_product_questions?shop_id=${shop.shop_id}&product_id=qa-product&page=400`),
];
await stopServer(plaudit);
console.log(`| scenario | req/s | p50 | p99 | of baseline |`);
console.log(`|---|---|---|---|---|`);
for (const row of [baseline, ...rows]) console.log(`| ${row.title} | ${Math.round(row.rps).toLocaleString('en')} | ${row.p50} ms | ${row.p99} ms | ${row === baseline ? '—' : `${((row.rps / baseline.rps) * 100).toFixed(1)} %`} |`);

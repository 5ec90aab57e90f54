// npm run bench: load benchmarks reported as ratios against a baseline measured in the same run.
// The server under test runs in a child process; autocannon (the load generator) runs here.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { signRequest } from '../packages/server/dist/http/hmac-signature.js';
import { createBenchDatabase, createBenchShop, seedReviews } from './seed.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LARGE = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
const SMALL = 10_000;
const PORT = 18_900 + Math.floor(Math.random() * 50);

function startServer(script, env) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, script), { env: { ...process.env, ...env, PORT: String(PORT) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function load(title, pathAndQuery, headers = {}) {
  const url = `http://127.0.0.1:${PORT}${pathAndQuery}`;
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up, not reported
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${title}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { title, rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50 };
}

function signedGet(shop, operation, query) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return [`/api/v1/openapi/${operation}?${query}`, { 'Public-Token': shop.public_token, Timestamp: timestamp, Sign: signRequest(shop.private_token, query, timestamp, '') }];
}

const dir = path.join(here, '..', '.bench-data');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = path.join(dir, 'bench.sqlite');
const secretHex = randomBytes(32).toString('hex');
const secretKey = Buffer.from(secretHex, 'hex');

console.log(`Seeding SQLite: ${SMALL.toLocaleString('en')} and ${LARGE.toLocaleString('en')} reviews …`);
const db = await createBenchDatabase(file, secretKey);
const small = await createBenchShop(db, secretKey, 'small-shop.example.com');
const large = await createBenchShop(db, secretKey, 'large-shop.example.com');
await db.close();
seedReviews(file, small.shop_id, SMALL, 1);
const seedSeconds = seedReviews(file, large.shop_id, LARGE, 2);
console.log(`  seeded ${LARGE.toLocaleString('en')} reviews in ${seedSeconds.toFixed(1)} s (target < 60 s)`);

console.log(`Load: ${CONNECTIONS} connections, ${DURATION} s per scenario (after a 2 s warm-up)`);
const hello = await startServer('hello-server.js', {});
const baseline = await load('Fastify hello world (baseline)', '/');
await stopServer(hello);

// The storefront's per-IP limit would refuse a load generator on one address: off for the bench.
const plaudit = await startServer('plaudit-server.js', { BENCH_DATABASE: file, BENCH_SECRET_KEY: secretHex, RATE_LIMIT_STOREFRONT_READ: 'off' });
const reviewsSmall = await load(`get_reviews, ${SMALL.toLocaleString('en')} reviews`, ...signedGet(small, 'get_reviews', 'page=1&page_size=20'));
const reviewsLarge = await load(`get_reviews, ${LARGE.toLocaleString('en')} reviews`, ...signedGet(large, 'get_reviews', 'page=1&page_size=20'));
const rating = await load(`get_rating, ${LARGE.toLocaleString('en')} reviews`, ...signedGet(large, 'get_rating', 'is_all_rating=1'));
// Storefront reads (public, no signature): a product page's list and its server-rendered fragment.
const productQuery = `shop_id=${large.shop_id}&product_id=1000000`;
const storefrontList = await load(`get_product_reviews (storefront), ${LARGE.toLocaleString('en')} reviews`, `/api/v1/reviews/get_product_reviews?${productQuery}`);
const fragment = await load(`widget.html fragment + JSON-LD, ${LARGE.toLocaleString('en')} reviews`, `/api/v1/storefront/widget.html?${productQuery}`);
// The whole shop's list (<plaudit-all-reviews>), in the default order.
const shopList = await load(`get_product_reviews, whole shop, ${LARGE.toLocaleString('en')} reviews`, `/api/v1/reviews/get_product_reviews?shop_id=${large.shop_id}&is_show_all=1`);
await stopServer(plaudit);

const rows = [baseline, reviewsSmall, reviewsLarge, rating, storefrontList, fragment, shopList];
const width = Math.max(...rows.map((r) => r.title.length));
console.log(`\n${'scenario'.padEnd(width)}  ${'req/s'.padStart(8)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'vs baseline'.padStart(11)}`);
for (const r of rows) {
  console.log(`${r.title.padEnd(width)}  ${r.rps.toFixed(0).padStart(8)}  ${String(r.p50).padStart(7)}  ${String(r.p99).padStart(7)}  ${`${((100 * r.rps) / baseline.rps).toFixed(1)} %`.padStart(11)}`);
}
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const growth = reviewsLarge.p50 / Math.max(reviewsSmall.p50, 0.001);
console.log('\nTargets');
console.log(`  get_reviews >= 50 % of baseline:        ${((100 * reviewsLarge.rps) / baseline.rps).toFixed(1)} %  ${verdict(reviewsLarge.rps >= 0.5 * baseline.rps)}`);
console.log(`  get_rating  >= 70 % of baseline:        ${((100 * rating.rps) / baseline.rps).toFixed(1)} %  ${verdict(rating.rps >= 0.7 * baseline.rps)}`);
console.log(`  p99 < 20 ms at ${CONNECTIONS} connections:         get_reviews ${reviewsLarge.p99} ms, get_rating ${rating.p99} ms  ${verdict(reviewsLarge.p99 < 20 && rating.p99 < 20)}`);
console.log(`  get_reviews latency 1M vs 10k <= 1.5x:  ${growth.toFixed(2)}x (p50)  ${verdict(growth <= 1.5)}`);
console.log(`  (storefront, no target) get_product_reviews ${((100 * storefrontList.rps) / baseline.rps).toFixed(1)} %, widget.html ${((100 * fragment.rps) / baseline.rps).toFixed(1)} %, whole shop ${((100 * shopList.rps) / baseline.rps).toFixed(1)} % of baseline`);
console.log(`  seeding 1M reviews < 60 s:              ${seedSeconds.toFixed(1)} s  ${verdict(seedSeconds < 60)}`);
rmSync(dir, { recursive: true, force: true });

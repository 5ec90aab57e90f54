// npm run bench:soak: ten minutes of mixed traffic (storefront reads, signed reads, creates,
// replies) at 200 connections against one Plaudit process on SQLite. It must answer no 5xx, and
// its memory must level off: the resident set of the last minute at most 1.2x that of the second.
import { randomBytes } from 'node:crypto';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchDataDir, signedGet, signedPost, startServer, stopServer } from './harness.js';
import { createBenchDatabase, createBenchShop, FIRST_PRODUCT, PRODUCTS, seedReviews } from './seed.js';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SOAK_CONNECTIONS ?? 200);
const REVIEWS = Number(process.env.BENCH_SOAK_REVIEWS ?? 200_000);
const PORT = 18_860 + Math.floor(Math.random() * 30);

const dir = benchDataDir('soak');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = path.join(dir, 'soak.sqlite');
const secretHex = randomBytes(32).toString('hex');
const db = await createBenchDatabase(file);
const shop = await createBenchShop(db, Buffer.from(secretHex, 'hex'), 'soak-shop.example.com');
await db.close();
console.log(`Seeding ${REVIEWS.toLocaleString('en')} reviews …`);
seedReviews(file, shop.shop_id, REVIEWS, 3);

const server = await startServer('plaudit-server.js', { BENCH_DATABASE: file, BENCH_SECRET_KEY: secretHex, RATE_LIMIT_STOREFRONT_READ: 'off' }, PORT);
const residentBytes = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) * 1024;

let n = 0;
const product = () => String(FIRST_PRODUCT + Math.floor(Math.random() * PRODUCTS));
const existingReview = () => String(1 + Math.floor(Math.random() * REVIEWS));
const get = (path, headers = {}) => ({ method: 'GET', setupRequest: (request) => ({ ...request, path: path(), headers }) });
const signedGetOf = (operation, query) => ({ method: 'GET', setupRequest: (request) => ({ ...request, ...signedGet(shop, operation, query()) }) });
const signedPostOf = (operation, body) => ({ method: 'POST', setupRequest: (request) => ({ ...request, ...signedPost(shop, operation, body()) }) });
// Each connection runs this sequence over and over: mostly reads, as a live shop sees.
const requests = [
  get(() => `/api/v1/reviews/get_product_reviews?shop_id=${shop.shop_id}&product_id=${product()}`),
  get(() => `/api/v1/storefront/widget.html?shop_id=${shop.shop_id}&product_id=${product()}`),
  signedGetOf('get_reviews', () => `page=${1 + Math.floor(Math.random() * 20)}&page_size=20`),
  get(() => `/api/v1/reviews/get_product_reviews?shop_id=${shop.shop_id}&product_id=${product()}&page=2`),
  signedGetOf('get_rating', () => `product_id=${product()}`),
  signedPostOf('create_review', () => ({ product_id: product(), rating: 1 + (n % 5), author: `Soak ${n}`, title: `Soak ${n++}`, content: 'Written during the soak.' })),
  get(() => `/api/v1/reviews/get_products_rating?shop_id=${shop.shop_id}&product_id=${product()},${product()},${product()}`),
  signedPostOf('update_review', () => ({ id: existingReview(), reply: { content: `Thanks, ${n++}` } })),
];

console.log(`Soak: ${MINUTES} minutes, ${CONNECTIONS} connections, mixed reads and writes`);
const samples = [];
const sampler = setInterval(() => samples.push({ at: performance.now(), rss: residentBytes() }), 1000);
const started = performance.now();
const result = await autocannon({ url: `http://127.0.0.1:${PORT}`, connections: CONNECTIONS, duration: MINUTES * 60, requests, timeout: 30 });
clearInterval(sampler);
await stopServer(server);
rmSync(dir, { recursive: true, force: true });

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const minutes = Array.from({ length: MINUTES }, (_, minute) => samples.filter((s) => s.at - started >= minute * 60_000 && s.at - started < (minute + 1) * 60_000).map((s) => s.rss));
console.log(`\n${'minute'.padStart(6)}  ${'RSS (median)'.padStart(12)}  ${'RSS (max)'.padStart(10)}`);
minutes.forEach((rss, minute) => console.log(`${String(minute + 1).padStart(6)}  ${mb(median(rss)).padStart(12)}  ${mb(Math.max(...rss)).padStart(10)}`));
const second = median(minutes[1]);
const last = median(minutes[MINUTES - 1]);
const serverErrors = result['5xx'];
console.log(`\n${result.requests.total.toLocaleString('en')} requests, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; 2xx ${result['2xx']}, 4xx ${result['4xx']}, 5xx ${serverErrors}, errors ${result.errors}, timeouts ${result.timeouts}`);
console.log('\nTargets');
console.log(`  no 5xx answers:                                   ${serverErrors}  ${serverErrors === 0 && result.errors === 0 ? 'met' : 'MISSED'}`);
console.log(`  RSS flat (last minute <= 1.2x the second, median): ${mb(last)} vs ${mb(second)} = ${(last / second).toFixed(2)}x  ${last <= 1.2 * second ? 'met' : 'MISSED'}`);

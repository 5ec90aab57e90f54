// npm run bench: load benchmarks reported as ratios against a baseline measured in the same run
// (bench/README.md). The servers under test run in child processes; autocannon runs here.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchDataDir, load, loadBeside, percentile, signedGet, signedPost, startServer, stopServer } from './harness.js';
import { createBenchDatabase, createBenchShop, FIRST_PRODUCT, handleOf, PRODUCTS, seedReviews } from './seed.js';
import { connectDatabase } from '../packages/server/dist/db/connect.js';
import { migrateToLatest } from '../packages/server/dist/db/migrate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WRITE_CONNECTIONS = 20;
const LARGE = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
const SMALL = 10_000;
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Products of exactly these sizes in the large shop: the sweep shows the cost follows the page. */
const SWEEP = { 'sweep-100': 100, 'sweep-10k': 10_000, 'sweep-50k': 50_000, 'sweep-100k': 100_000 };
const PORT = 18_900 + Math.floor(Math.random() * 40);
const origin = (port = PORT) => `http://127.0.0.1:${port}`;

const dir = benchDataDir('run');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = path.join(dir, 'bench.sqlite');
const secretHex = randomBytes(32).toString('hex');
const secretKey = Buffer.from(secretHex, 'hex');

console.log(`Seeding SQLite: ${SMALL.toLocaleString('en')} and ${LARGE.toLocaleString('en')} reviews (products of ${Object.values(SWEEP).map((n) => n.toLocaleString('en')).join(', ')} reviews among them) …`);
const db = await createBenchDatabase(file);
const small = await createBenchShop(db, secretKey, 'small-shop.example.com');
const large = await createBenchShop(db, secretKey, 'large-shop.example.com');
await db.close();
seedReviews(file, small.shop_id, SMALL, 1);
const seedSeconds = seedReviews(file, large.shop_id, LARGE, 2, SWEEP);
console.log(`  seeded ${LARGE.toLocaleString('en')} reviews in ${seedSeconds.toFixed(1)} s`);

const HELLO_PORT = PORT + 100;
const helloGet = (title) => load(title, origin(HELLO_PORT), { connections: CONNECTIONS, duration: DURATION, requests: [{ method: 'GET', path: '/' }] });
/**
 * A read scenario, measured in slices alternating with the baseline (harness.js, loadBeside): this
 * machine's speed drifts within a minute, so a ratio divides by the baseline of the same seconds
 * (`baselineRps`), not by one taken at the start of the run or just before the read.
 */
const SLICES = 5;
const get = (title, pathAndQuery, headers = {}) =>
  loadBeside(title, origin(), { connections: CONNECTIONS, requests: [{ method: 'GET', path: pathAndQuery, headers }] }, { origin: origin(HELLO_PORT), requests: [{ method: 'GET', path: '/' }] }, { slices: SLICES, seconds: DURATION / SLICES });
const signed = (title, shop, operation, query, headers = {}) => {
  const request = signedGet(shop, operation, query);
  return get(title, request.path, { ...request.headers, ...headers });
};
/** What every browser sends, and most HTTP libraries: the same reads, compressed (no target of their own). */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
let written = 0;
const createRequests = (shop) => [{ method: 'POST', setupRequest: (request) => ({ ...request, ...signedPost(shop, 'create_review', { product_id: String(FIRST_PRODUCT + (written % 1000)), rating: 1 + (written % 5), author: `Bench ${written}`, title: `Load ${written++}`, content: 'Written under load.' }) }) }];

console.log(`Load: ${CONNECTIONS} connections (writes: ${WRITE_CONNECTIONS}), ${DURATION} s per scenario after a 2 s warm-up; reads in ${SLICES} slices alternating with the baseline`);
// Fastify's hello world runs beside the servers under test for the whole run (idle in between).
const hello = await startServer('hello-server.js', {}, HELLO_PORT);
const baseline = await helloGet('Fastify hello world (baseline, at the start)');

// The storefront's per-IP limit would refuse a load generator on one address: off for the run.
const plaudit = await startServer('plaudit-server.js', { BENCH_DATABASE: file, BENCH_SECRET_KEY: secretHex, RATE_LIMIT_STOREFRONT_READ: 'off' }, PORT);
const storefront = (product) => `/api/v1/reviews/get_product_reviews?shop_id=${large.shop_id}&product_id=${product}`;
const fragment = (product) => `/api/v1/storefront/widget.html?shop_id=${large.shop_id}&product_id=${product}`;
const handles = Array.from({ length: 20 }, (_, i) => handleOf(FIRST_PRODUCT + i * 7)).join(',');
const rows = {
  storefront: await get('storefront first page, 50,000-review product', storefront('sweep-50k')),
  fragment: await get('widget.html + JSON-LD, 50,000-review product', fragment('sweep-50k')),
  ratings: await get('get_products_rating, 20 handles', `/api/v1/reviews/get_products_rating?shop_id=${large.shop_id}&product_handle=${handles}`),
  rating: await signed(`signed get_rating, ${LARGE.toLocaleString('en')} reviews`, large, 'get_rating', 'is_all_rating=1'),
  reviews: await signed(`signed get_reviews, page of 20, ${LARGE.toLocaleString('en')} reviews`, large, 'get_reviews', 'page=1&page_size=20'),
  reviewsSmall: await signed(`signed get_reviews, page of 20, ${SMALL.toLocaleString('en')} reviews`, small, 'get_reviews', 'page=1&page_size=20'),
  shopList: await get('storefront whole-shop list', `/api/v1/reviews/get_product_reviews?shop_id=${large.shop_id}&is_show_all=1`),
  storefrontBrowser: await get('storefront first page, 50,000-review product, as a browser asks', storefront('sweep-50k'), BROWSER),
  fragmentBrowser: await get('widget.html + JSON-LD, 50,000-review product, as a browser asks', fragment('sweep-50k'), BROWSER),
  reviewsBrowser: await signed(`signed get_reviews, page of 20, ${LARGE.toLocaleString('en')} reviews, gzip`, large, 'get_reviews', 'page=1&page_size=20', { 'accept-encoding': 'gzip' }),
};
const storefrontBytes = (await (await fetch(`${origin()}${storefront('sweep-50k')}`)).arrayBuffer()).byteLength;
// The first cold rounds of a fresh process pay for compiling what they run: a discarded round
// on another product, as autocannon's warm-up is discarded.
await coldReads(String(FIRST_PRODUCT + 1));
const sweep = [];
for (const [product, size] of Object.entries(SWEEP)) {
  sweep.push({ product, size, warm: await get(`storefront first page, ${size.toLocaleString('en')}-review product`, storefront(product)), ...(await coldReads(product)) });
}
// A host's cache holds many shops' answers, and a hit must not cost more for that: the same two
// reads again once 20,000 other answers (ratings of product pairs) sit in the cache.
const OTHER_ANSWERS = 20_000;
for (let i = 0; i < OTHER_ANSWERS; i += CONNECTIONS) {
  await Promise.all(Array.from({ length: CONNECTIONS }, async (_, j) => {
    const pair = [FIRST_PRODUCT + ((i + j) % PRODUCTS), FIRST_PRODUCT + Math.floor((i + j) / PRODUCTS)].map(handleOf).join(',');
    const response = await fetch(`${origin()}/api/v1/reviews/get_products_rating?shop_id=${large.shop_id}&product_handle=${pair}`);
    if (response.status !== 200) throw new Error(`filling the cache: ${response.status}`);
    await response.arrayBuffer();
  }));
}
rows.storefrontFullCache = await get(`storefront first page, 50,000-review product, ${OTHER_ANSWERS.toLocaleString('en')} other answers cached`, storefront('sweep-50k'));
rows.ratingFullCache = await signed(`signed get_rating, ${OTHER_ANSWERS.toLocaleString('en')} other answers cached`, large, 'get_rating', 'is_all_rating=1');
rows.create = await load('signed create_review (SQLite, synchronous = FULL)', origin(), { connections: WRITE_CONNECTIONS, duration: DURATION, requests: createRequests(large) });
await stopServer(plaudit);
// The baseline again: how far the machine itself drifted during the run (no target).
const baselineAgain = await helloGet('Fastify hello world (baseline, measured again)');

// What this machine can do at all for an answer of the storefront page's size (see README).
const ceilingServer = await startServer('ceiling-server.js', { CEILING_BYTES: String(storefrontBytes) }, PORT);
const ceiling = await get(`Fastify answering a fixed ${storefrontBytes.toLocaleString('en')}-byte body (ceiling)`, '/');
await stopServer(ceilingServer);
await stopServer(hello);

const postgres = await postgresWrites();
const csvImport = await importBench();

/**
 * A cold answer: the first read after a change. Each round changes the shop (a reply on another
 * product's review moves its content version) and then reads the product's first page once, on a
 * kept-alive connection; p50 of 100 rounds, for the list and for widget.html.
 */
async function coldReads(product) {
  const target = (await (await fetch(`${origin()}/api/v1/reviews/get_product_reviews?shop_id=${large.shop_id}&product_id=${FIRST_PRODUCT}&limit=1`)).json()).data.list[0].id;
  const timed = async (url) => {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    return performance.now() - started;
  };
  const list = [];
  const html = [];
  for (let round = 0; round < 100; round += 1) {
    const reply = signedPost(large, 'update_review', { id: String(target), reply: { content: `Reply ${round}` } });
    const answer = await (await fetch(`${origin()}${reply.path}`, { method: 'POST', headers: reply.headers, body: reply.body })).json();
    if (answer.code !== 0) throw new Error(`update_review: ${answer.message}`);
    (round % 2 === 0 ? list : html).push(await timed(`${origin()}${round % 2 === 0 ? storefront(product) : fragment(product)}`));
  }
  return { coldList: percentile(list, 50), coldHtml: percentile(html, 50) };
}

/** create_review on PostgreSQL with two API processes, the load split between them as a balancer would. */
async function postgresWrites() {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL at ${POSTGRES_ADMIN_URL} not reachable (${error.message}): its write target cannot be measured`);
    return undefined;
  }
  const name = `plaudit_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    const database = connectDatabase({ dialect: 'postgres', url: url.href });
    await migrateToLatest(database);
    const shop = await createBenchShop(database, secretKey, 'postgres-shop.example.com');
    await database.close();
    const ports = [PORT + 50, PORT + 51];
    const servers = await Promise.all(ports.map((port) => startServer('plaudit-server.js', { BENCH_DATABASE: url.href, BENCH_SECRET_KEY: secretHex }, port)));
    const results = await Promise.all(ports.map((port) => load(`create_review, PostgreSQL, process on ${port}`, origin(port), { connections: WRITE_CONNECTIONS / 2, duration: DURATION, requests: createRequests(shop) })));
    await Promise.all(servers.map(stopServer));
    return { title: 'signed create_review (PostgreSQL, two processes)', rps: results.reduce((sum, r) => sum + r.rps, 0), p50: Math.max(...results.map((r) => r.p50)), p99: Math.max(...results.map((r) => r.p99)) };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** bench/import.js in a child process of its own (it needs --expose-gc), reporting back its results. */
function importBench() {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'import.js'), { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let results;
    child.on('message', (message) => (results = message));
    child.once('exit', (code) => (code === 0 && results ? resolve(results) : reject(new Error(`import.js exited with ${code}`))));
  });
}

/** Against the baseline of the scenario's own minute where it has one (reads), else the first. */
const share = (r) => r.rps / (r.baselineRps ?? baseline.rps);
const percent = (ratio) => `${(100 * ratio).toFixed(1)} %`;
const table = [baseline, ceiling, ...Object.values(rows), ...sweep.map((s) => s.warm), ...(postgres ? [postgres] : [])];
const width = Math.max(...table.map((r) => r.title.length));
console.log(`\n${'scenario'.padEnd(width)}  ${'req/s'.padStart(8)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'baseline'.padStart(8)}  ${'vs baseline'.padStart(11)}`);
for (const r of table) console.log(`${r.title.padEnd(width)}  ${r.rps.toFixed(0).padStart(8)}  ${String(r.p50).padStart(7)}  ${String(r.p99).padStart(7)}  ${(r.baselineRps ?? baseline.rps).toFixed(0).padStart(8)}  ${percent(share(r)).padStart(11)}`);

console.log(`\nProduct-size sweep (cold: the first read after a change, p50 of 50 reads each)`);
console.log(`${'reviews'.padStart(9)}  ${'warm req/s'.padStart(10)}  ${'vs baseline'.padStart(11)}  ${'cold list ms'.padStart(12)}  ${'cold html ms'.padStart(12)}`);
for (const s of sweep) console.log(`${s.size.toLocaleString('en').padStart(9)}  ${s.warm.rps.toFixed(0).padStart(10)}  ${percent(share(s.warm)).padStart(11)}  ${s.coldList.toFixed(2).padStart(12)}  ${s.coldHtml.toFixed(2).padStart(12)}`);

const at50k = sweep.find((s) => s.size === 50_000);
const coldSpread = (key) => Math.max(...sweep.map((s) => s[key])) / Math.min(...sweep.map((s) => s[key]));
const targets = [
  ['storefront first page, 50k-review product >= 50 % of baseline', percent(share(rows.storefront)), share(rows.storefront) >= 0.5],
  ['widget.html, 50k-review product >= 50 %', percent(share(rows.fragment)), share(rows.fragment) >= 0.5],
  ['cold answer p50 <= 5 ms (list, widget.html; 50k product)', `${at50k.coldList.toFixed(2)} ms, ${at50k.coldHtml.toFixed(2)} ms`, at50k.coldList <= 5 && at50k.coldHtml <= 5],
  ['cold answers within 1.5x across 100 … 100k reviews', `${coldSpread('coldList').toFixed(2)}x, ${coldSpread('coldHtml').toFixed(2)}x`, coldSpread('coldList') <= 1.5 && coldSpread('coldHtml') <= 1.5],
  ['get_products_rating, 20 handles >= 50 %', percent(share(rows.ratings)), share(rows.ratings) >= 0.5],
  ['signed get_rating >= 60 %', percent(share(rows.rating)), share(rows.rating) >= 0.6],
  ['signed get_reviews, page of 20 >= 35 %', percent(share(rows.reviews)), share(rows.reviews) >= 0.35],
  [`p99 < 20 ms at ${CONNECTIONS} connections (get_rating, get_reviews)`, `${rows.rating.p99} ms, ${rows.reviews.p99} ms`, rows.rating.p99 < 20 && rows.reviews.p99 < 20],
  [`create_review >= 1,500 req/s, p99 < 50 ms (SQLite, FULL, ${WRITE_CONNECTIONS} connections)`, `${rows.create.rps.toFixed(0)} req/s, ${rows.create.p99} ms`, rows.create.rps >= 1500 && rows.create.p99 < 50],
  ['create_review >= 800 req/s (PostgreSQL, two processes)', postgres ? `${postgres.rps.toFixed(0)} req/s, p99 ${postgres.p99} ms` : 'not measured', postgres !== undefined && postgres.rps >= 800],
  ['CSV import >= 20,000 rows/s at 1M rows', `${csvImport.rate.toFixed(0)} rows/s`, csvImport.rate >= 20_000],
  ['CSV import memory flat (live heap, full size vs a tenth) <= 1.5x', `${csvImport.heapGrowth.toFixed(2)}x`, csvImport.heapGrowth <= 1.5],
];
console.log('\nTargets');
const targetWidth = Math.max(...targets.map(([name]) => name.length));
for (const [name, measured, met] of targets) console.log(`  ${name.padEnd(targetWidth)}  ${measured.padStart(22)}  ${met ? 'met' : 'MISSED'}`);
const adjacent = table.filter((r) => r.baselineRps !== undefined).map((r) => r.baselineRps);
console.log(`  (no target) the baseline at the end: ${baselineAgain.rps.toFixed(0)} req/s, ${percent(baselineAgain.rps / baseline.rps)} of the first; beside each read it ranged ${Math.min(...adjacent).toFixed(0)} … ${Math.max(...adjacent).toFixed(0)} req/s`);
console.log(`  (no target) with ${OTHER_ANSWERS.toLocaleString('en')} other answers cached: storefront first page ${percent(share(rows.storefrontFullCache))} (first measured: ${percent(share(rows.storefront))}), signed get_rating ${percent(share(rows.ratingFullCache))} (first: ${percent(share(rows.rating))})`);
console.log(`  (no target) the storefront page is ${percent(rows.storefront.rps / ceiling.rps)} of the ceiling, a fixed body of its size, which is ${percent(share(ceiling))} of baseline`);
console.log(`  (no target) seeding ${LARGE.toLocaleString('en')} reviews ${seedSeconds.toFixed(1)} s; get_reviews p50 at ${LARGE.toLocaleString('en')} vs ${SMALL.toLocaleString('en')} reviews ${(rows.reviews.p50 / Math.max(rows.reviewsSmall.p50, 0.001)).toFixed(2)}x; whole-shop list ${percent(share(rows.shopList))}`);
rmSync(dir, { recursive: true, force: true });

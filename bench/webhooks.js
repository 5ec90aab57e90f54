// npm run bench (second part): the cost of webhooks on the request path, the delay from commit to
// first attempt, and the delivery rate to a local receiver. Ratios are against a run without
// webhooks measured in the same process.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchDataDir, percentile, signedPost, startServer, stopServer } from './harness.js';
import { createBenchDatabase, createBenchShop } from './seed.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const BACKLOG = Number(process.env.BENCH_WEBHOOK_BACKLOG ?? 5000);
const PORT = 18_950 + Math.floor(Math.random() * 40);

/** A partner's receiver: answers at once and remembers when each review arrived. */
async function startReceiver() {
  const arrivals = new Map();
  let count = 0;
  let firstAt;
  let lastAt;
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', () => {
      count += 1;
      lastAt = performance.now();
      firstAt ??= lastAt;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const review of body.list ?? []) arrivals.set(review.title, performance.now());
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    arrivals,
    received: () => count,
    /** Milliseconds since the last arrival. */
    quietFor: () => (lastAt === undefined ? Infinity : performance.now() - lastAt),
    resetWindow: () => {
      firstAt = undefined;
      lastAt = undefined;
    },
    window: () => (lastAt - firstAt) / 1000,
    close: () => new Promise((r) => server.close(r)),
  };
}

async function post(shop, operation, bodyObject) {
  const request = signedPost(shop, operation, bodyObject);
  const response = await fetch(`http://127.0.0.1:${PORT}${request.path}`, { method: 'POST', headers: request.headers, body: request.body });
  const answer = await response.json();
  if (answer.code !== 0) throw new Error(`${operation}: ${answer.message}`);
  return answer.data;
}

/** create_review under load; every request is signed afresh (the server refuses a replayed signature). */
async function createLoad(title, shop) {
  let counter = 0;
  const requests = [{ method: 'POST', setupRequest: (request) => ({ ...request, ...signedPost(shop, 'create_review', { product_id: String(counter % 100), rating: 5, author: 'Bench', title: `load-${title}-${counter++}`, content: 'Benchmark review' }) }) }];
  const url = `http://127.0.0.1:${PORT}`;
  await autocannon({ url, connections: CONNECTIONS, duration: 2, requests });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, requests });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${title}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { title, rps: result.requests.average, p99: result.latency.p99 };
}

const dir = benchDataDir('webhooks');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = path.join(dir, 'webhooks.sqlite');
const secretHex = randomBytes(32).toString('hex');
const db = await createBenchDatabase(file);
const quiet = await createBenchShop(db, Buffer.from(secretHex, 'hex'), 'no-webhooks.example.com');
const busy = await createBenchShop(db, Buffer.from(secretHex, 'hex'), 'webhooks.example.com');
await db.close();
const env = { BENCH_DATABASE: file, BENCH_SECRET_KEY: secretHex };
const receiver = await startReceiver();

console.log(`Webhooks: create_review at ${CONNECTIONS} connections, ${DURATION} s per scenario (after a 2 s warm-up)`);
let server = await startServer('webhook-server.js', { ...env, BENCH_WORKER: '1' }, PORT);
await post(busy, 'create_shop_webhook', { topic: 'review/created', url: receiver.url });
// Interleaved and averaged, so warming up does not favour whichever runs second.
const runs = [];
for (let round = 0; round < 2; round += 1) runs.push(await createLoad('without webhooks', quiet), await createLoad('with a review/created webhook', busy));
const mean = (title) => {
  const picked = runs.filter((r) => r.title === title);
  return { title, rps: picked.reduce((sum, r) => sum + r.rps, 0) / picked.length, p99: Math.max(...picked.map((r) => r.p99)) };
};
const without = mean('without webhooks');
const withHooks = mean('with a review/created webhook');

// Commit → first attempt: one review at a time, timed from the API's answer to the receiver's
// arrival, once the deliveries of the load above have drained.
while (receiver.quietFor() < 1000) await new Promise((resolve) => setTimeout(resolve, 100));
const answered = new Map();
for (let i = 0; i < 300; i += 1) {
  const title = `latency-${i}`;
  await post(busy, 'create_review', { product_id: '1', rating: 4, author: 'Bench', title, content: 'Latency probe' });
  answered.set(title, performance.now());
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await new Promise((resolve) => setTimeout(resolve, 2000));
const latencies = [...answered].map(([title, at]) => (receiver.arrivals.get(title) ?? Infinity) - at);
await stopServer(server);

// Delivery rate: a backlog committed with no worker running, then drained by one worker.
server = await startServer('webhook-server.js', env, PORT);
for (let i = 0; i < BACKLOG; i += 1) await post(busy, 'create_review', { product_id: String(i % 50), rating: 3, author: 'Bench', title: `backlog-${i}`, content: 'Backlog' });
await stopServer(server);
const before = receiver.received();
receiver.resetWindow();
server = await startServer('webhook-server.js', { ...env, BENCH_WORKER: '1' }, PORT);
while (receiver.received() - before < BACKLOG) await new Promise((resolve) => setTimeout(resolve, 20));
// From the first delivery to the last: the worker's start-up is not delivery time.
const drainSeconds = receiver.window();
await stopServer(server);
await receiver.close();

const slowdown = 1 - withHooks.rps / without.rps;
const rate = BACKLOG / drainSeconds;
const p50 = percentile(latencies, 50);
const p99 = percentile(latencies, 99);
console.log(`\n${'scenario'.padEnd(32)}  ${'req/s'.padStart(8)}  ${'p99 ms'.padStart(7)}`);
for (const r of [without, withHooks]) console.log(`${r.title.padEnd(32)}  ${r.rps.toFixed(0).padStart(8)}  ${String(r.p99).padStart(7)}`);
console.log(`\ncommit → first attempt (300 reviews): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
console.log(`delivery rate: ${BACKLOG.toLocaleString('en')} deliveries in ${drainSeconds.toFixed(2)} s = ${rate.toFixed(0)}/s (first to last arrival)`);
const verdict = (ok) => (ok ? 'met' : 'MISSED');
console.log('\nTargets');
console.log(`  request path slows <= 10 % with webhooks:  ${(100 * slowdown).toFixed(1)} %  ${verdict(slowdown <= 0.1)}`);
console.log(`  first attempt p99 <= 1 s after commit:     ${p99.toFixed(1)} ms  ${verdict(p99 <= 1000)}`);
console.log(`  deliveries >= 1,000/s to a local receiver: ${rate.toFixed(0)}/s  ${verdict(rate >= 1000)}`);
rmSync(dir, { recursive: true, force: true });

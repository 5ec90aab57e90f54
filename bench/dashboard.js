// npm run bench:dashboard (and the end of npm run bench): the console's home page at a million
// reviews and a million customer events, against the same page for a shop of 10,000 reviews in the
// same run. The dashboard reads maintained rows (hourly review counts, per-product statistics) and
// index ranges (orders by send time, events by type), so its cost should not follow the shop's size.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { benchDataDir, percentile, startServer, stopServer } from './harness.js';
import { createBenchDatabase, createBenchShop, seedEvents, seedReviews, seedSentOrders } from './seed.js';
import { createMerchant } from '../packages/server/dist/merchants/merchant-service.js';
import { systemClock } from '../packages/server/dist/time/clock.js';

const LARGE = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ORDERS = 100_000;
const SMALL = 10_000;
const SAMPLES = Number(process.env.BENCH_DASHBOARD_SAMPLES ?? 40);
const TARGET_MS = 200;
const PASSWORD = 'bench dashboard password';
const PORT = 18_960 + Math.floor(Math.random() * 30);
const origin = `http://127.0.0.1:${PORT}`;

const dir = benchDataDir('dashboard');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = path.join(dir, 'dashboard.sqlite');
const secretHex = randomBytes(32).toString('hex');

console.log(`Seeding SQLite: ${LARGE.toLocaleString('en')} reviews, ${EVENTS.toLocaleString('en')} customer events and ${ORDERS.toLocaleString('en')} sent review requests in one shop; ${SMALL.toLocaleString('en')} reviews in another …`);
const db = await createBenchDatabase(file);
const small = await createBenchShop(db, Buffer.from(secretHex, 'hex'), 'small-dashboard.example.com');
const large = await createBenchShop(db, Buffer.from(secretHex, 'hex'), 'large-dashboard.example.com');
for (const [shop, email] of [[small, 'small@bench.example'], [large, 'large@bench.example']]) await createMerchant(db.kysely, systemClock, { email, password: PASSWORD, shopIds: [shop.shop_id] });
await db.close();
seedReviews(file, small.shop_id, SMALL, 1);
seedEvents(file, small.shop_id, SMALL, 5);
seedReviews(file, large.shop_id, LARGE, 2);
seedEvents(file, large.shop_id, EVENTS, 3);
seedSentOrders(file, large.shop_id, ORDERS);

/** Signs in like a browser (double-submit CSRF cookie) and answers the session's cookie header. */
async function signIn(email) {
  const form = await fetch(`${origin}/console/login`);
  const cookies = form.headers.getSetCookie().map((line) => line.split(';')[0]);
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(await form.text())[1];
  const signedIn = await fetch(`${origin}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf_token: csrf, return_to: '/console', email, password: PASSWORD }),
  });
  if (signedIn.status !== 303) throw new Error(`sign-in as ${email} answered ${signedIn.status}`);
  return [...cookies, ...signedIn.headers.getSetCookie().map((line) => line.split(';')[0])].join('; ');
}

/** Milliseconds per page, one request at a time (a merchant opening the page), after three warm-ups. */
async function timePage(cookie, url) {
  const times = [];
  for (let i = 0; i < SAMPLES + 3; i++) {
    const started = process.hrtime.bigint();
    const answer = await fetch(`${origin}${url}`, { headers: { cookie } });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}`);
    if (i >= 3) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const server = await startServer('plaudit-server.js', { BENCH_DATABASE: file, BENCH_SECRET_KEY: secretHex }, PORT);
const smallCookie = await signIn('small@bench.example');
const largeCookie = await signIn('large@bench.example');
const rows = [];
let missed = 0;
for (const range of ['30', '365']) {
  const baseline = await timePage(smallCookie, `/console?range=${range}`);
  const measured = await timePage(largeCookie, `/console?range=${range}`);
  const met = measured.p95 <= TARGET_MS;
  if (!met) missed += 1;
  rows.push([`home dashboard, ${range} days`, baseline, measured, met]);
}
const csvBaseline = await timePage(smallCookie, '/console/dashboard/reviews.csv?range=365');
const csv = await timePage(largeCookie, '/console/dashboard/reviews.csv?range=365');
rows.push(['reviews CSV, 365 days', csvBaseline, csv, csv.p95 <= TARGET_MS]);
if (csv.p95 > TARGET_MS) missed += 1;
await stopServer(server);

const ms = (value) => `${value.toFixed(1)} ms`;
console.log(`\n| page (SQLite, ${SAMPLES} requests one at a time) | ${SMALL.toLocaleString('en')}-review shop p50 / p95 | ${LARGE.toLocaleString('en')} reviews + ${EVENTS.toLocaleString('en')} events p50 / p95 | ratio (p50) | target p95 ≤ ${TARGET_MS} ms |`);
console.log('|---|---|---|---|---|');
for (const [title, base, large1, met] of rows) console.log(`| ${title} | ${ms(base.p50)} / ${ms(base.p95)} | ${ms(large1.p50)} / ${ms(large1.p95)} | ${(large1.p50 / base.p50).toFixed(2)}× | ${met ? 'met' : 'MISSED'} |`);
process.exitCode = missed > 0 ? 1 : 0;

// npm run bench:import — imports a generated Judge.me export of BENCH_IMPORT_ROWS reviews
// (default 1,000,000) into SQLite and reports rows/s and memory at two sizes, to show memory
// stays flat as the file grows.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { findShopById } from '../packages/server/dist/shops/shop-repository.js';
import { BULK_IMPORT_CONNECTION, importReviews } from '../packages/server/dist/review-csv/review-import.js';
import { systemClock } from '../packages/server/dist/time/clock.js';
import { MediaUrls } from '../packages/server/dist/media/media-urls.js';
import { benchDataDir } from './harness.js';
import { createBenchDatabase, createBenchShop } from './seed.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
// The live heap is read after collections this script forces between batches.
if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc (npm run bench:import does)');
const dir = benchDataDir('import');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

async function writeJudgeMeCsv(file, rows) {
  const out = createWriteStream(file);
  out.write('title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,picture_urls,ip_address,location\n');
  for (let i = 0; i < rows; i++) {
    const line = `Review ${i},"Solid product, arrived quickly; review number ${i}.",${1 + (i % 5)},2024-0${1 + (i % 9)}-1${i % 10} 10:00:00 UTC,web,ok,Reviewer ${i},reviewer${i}@example.com,${1_000_000 + (i % 1000)},product-${i % 1000},,,,,\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function measure(rows) {
  const csv = path.join(dir, `judgeme-${rows}.csv`);
  await writeJudgeMeCsv(csv, rows);
  const secretKey = randomBytes(32);
  const db = await createBenchDatabase(path.join(dir, `import-${rows}.sqlite`), BULK_IMPORT_CONNECTION);
  const credentials = await createBenchShop(db, secretKey, `import-${rows}.example.com`);
  const shop = await findShopById(db.kysely, credentials.shop_id);
  global.gc();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 100);
  // What the import keeps alive, read between batches (onProgress follows each one) after a full
  // collection: V8's own collections land anywhere in a batch, so their readings swing with the
  // batch in hand (20,000 rows), and a short run has too few of them to compare. The forced
  // collections' time is left out of the rate.
  let liveHeap = 0;
  let collecting = 0;
  const betweenBatches = () => {
    const before = performance.now();
    global.gc();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
    collecting += performance.now() - before;
  };
  const started = performance.now();
  const summary = await importReviews(db.kysely, shop, createReadStream(csv), { format: 'judgeme', dryRun: false, mediaUrls: new MediaUrls('http://localhost:8080', 'http://localhost:8080/media'), clock: systemClock, onProgress: betweenBatches });
  const seconds = (performance.now() - started - collecting) / 1000;
  clearInterval(timer);
  sample();
  await db.close();
  if (summary.imported !== rows) throw new Error(`imported ${summary.imported} of ${rows}: ${JSON.stringify(summary.rejections.slice(0, 3))}`);
  return { rows, seconds, rate: rows / seconds, peakRss, peakHeap, liveHeap };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const results = [await measure(Math.max(1000, Math.floor(ROWS / 10))), await measure(ROWS)];
console.log(`\n${'rows'.padStart(10)}  ${'seconds'.padStart(8)}  ${'rows/s'.padStart(8)}  ${'peak RSS'.padStart(9)}  ${'peak heap'.padStart(9)}  ${'live heap'.padStart(9)}`);
for (const r of results) console.log(`${r.rows.toLocaleString('en').padStart(10)}  ${r.seconds.toFixed(1).padStart(8)}  ${r.rate.toFixed(0).padStart(8)}  ${mb(r.peakRss).padStart(9)}  ${mb(r.peakHeap).padStart(9)}  ${mb(r.liveHeap).padStart(9)}`);
const [small, large] = results;
console.log(`\nTargets\n  >= 20,000 rows/s on SQLite: ${large.rate.toFixed(0)} rows/s  ${large.rate >= 20_000 ? 'met' : 'MISSED'}`);
const growth = large.liveHeap / small.liveHeap;
console.log(`  memory flat (live heap at ${large.rows.toLocaleString('en')} vs ${small.rows.toLocaleString('en')} rows): ${growth.toFixed(2)}x  ${growth <= 1.5 ? 'met' : 'MISSED'}`);
rmSync(dir, { recursive: true, force: true });
// Run from bench/run.js, the results also go into its table of targets.
process.send?.({ rate: large.rate, heapGrowth: growth });

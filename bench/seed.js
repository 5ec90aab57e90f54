// Seeds a SQLite database for the benchmarks with batched multi-row inserts, bypassing the API:
// a million reviews through HTTP would measure the seeding, not the server.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { connectDatabase } from '../packages/server/dist/db/connect.js';
import { migrateToLatest } from '../packages/server/dist/db/migrate.js';
import { systemClock } from '../packages/server/dist/time/clock.js';
import { createShop } from '../packages/server/dist/shops/shop-service.js';

const COLUMNS = [
  'shop_id', 'product_id', 'rating', 'author', 'author_email', 'title', 'content', 'commented_at', 'source',
  'is_verified', 'verification_method', 'is_published', 'created_at', 'updated_at',
];
const ROWS_PER_STATEMENT = 500;
/** Products the reviews not given to a sized product are spread over, at random. */
export const PRODUCTS = 1000;
export const FIRST_PRODUCT = 1_000_000;

/**
 * Closes a seeded database and puts it on disk. Seeding skips syncing for speed, and the kernel
 * would write the pages back 10 to 15 s later (589 MB after a million reviews, read from
 * /proc/meminfo), during the first measured scenario; flushed here, the run starts on a quiet disk.
 */
function closeSeeded(sqlite, file) {
  sqlite.close();
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Deterministic pseudo-random numbers, so every run seeds the same data. */
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A migrated database; `options` are connectDatabase's (the import opens it as `plaudit import` does). */
export async function createBenchDatabase(file, options) {
  const db = connectDatabase({ dialect: 'sqlite', file }, options);
  await migrateToLatest(db);
  return db;
}

export async function createBenchShop(db, secretKey, domain) {
  return createShop(db.kysely, { secretKey, clock: systemClock }, { domain, name: domain });
}

/** The handle the seeded products are found by (get_products_rating by handle). */
export const handleOf = (productId) => `product-${productId}`;

/**
 * Inserts `count` reviews for the shop and the matching statistics and product rows; returns
 * seconds taken. `sized` gives products an exact number of reviews (the product-size sweep), in
 * published reviews, interleaved in time with the rest; the others go to 1,000 products at random
 * (10 % to the store).
 */
export function seedReviews(file, shopId, count, seed = 1, sized = {}) {
  const started = process.hrtime.bigint();
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const random = mulberry32(seed);
  const placeholders = `(${COLUMNS.map(() => '?').join(',')})`;
  const batch = sqlite.prepare(`insert into reviews (${COLUMNS.join(',')}) values ${Array(ROWS_PER_STATEMENT).fill(placeholders).join(',')}`);
  const single = sqlite.prepare(`insert into reviews (${COLUMNS.join(',')}) values ${placeholders}`);
  const stats = new Map();
  const hours = new Map();
  const start = Math.floor(Date.now() / 1000) - count;
  // A row goes to a sized product with probability (sized rows left) / (rows left): spread evenly
  // in time, and exactly the sizes asked for by the last row.
  const sizedLeft = new Map(Object.entries(sized));
  let sizedRemaining = [...sizedLeft.values()].reduce((sum, n) => sum + n, 0);
  const productOf = (i) => {
    if (sizedRemaining > 0 && random() * (count - i) < sizedRemaining) {
      let pick = Math.floor(random() * sizedRemaining);
      for (const [product, left] of sizedLeft) {
        if (pick < left) {
          sizedLeft.set(product, left - 1);
          sizedRemaining -= 1;
          return [product, true];
        }
        pick -= left;
      }
    }
    return [random() < 0.1 ? '0' : String(FIRST_PRODUCT + Math.floor(random() * PRODUCTS)), false];
  };
  const row = (i) => {
    const [product, isSized] = productOf(i);
    const rating = 1 + Math.min(4, Math.floor(random() * random() * 6 + random() * 2));
    const published = isSized || random() < 0.9 ? 1 : 0;
    for (const key of product === '0' ? ['product:0'] : [`product:${product}`, 'all_products:']) {
      const counts = stats.get(key) ?? new Array(10).fill(0);
      counts[(published ? 0 : 5) + rating - 1] += 1;
      stats.set(key, counts);
    }
    const created = start + i;
    // The dashboard's hourly counts (review_activity), as the API's writers keep them.
    const hour = Math.floor(created / 3600);
    const activity = hours.get(hour) ?? [0, 0, 0, 0, 0, 0, 0, 0];
    activity[0] += 1;
    activity[rating] += 1;
    hours.set(hour, activity);
    return [shopId, product, rating, `Reviewer ${i}`, `reviewer${i}@example.com`, `Review number ${i}`, `Seeded review ${i}: solid, as described, would buy again.`, created, 'Open API', 0, 'none', published, created, created];
  };
  const insertAll = sqlite.transaction(() => {
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= count; i += ROWS_PER_STATEMENT) {
      const values = [];
      for (let j = 0; j < ROWS_PER_STATEMENT; j++) values.push(...row(i + j));
      batch.run(values);
    }
    for (; i < count; i++) single.run(row(i));
    const upsert = sqlite.prepare(
      'insert into review_stats (shop_id, scope, product_id, published_1, published_2, published_3, published_4, published_5, hidden_1, hidden_2, hidden_3, hidden_4, hidden_5) values (?,?,?,?,?,?,?,?,?,?,?,?,?)',
    );
    const product = sqlite.prepare('insert into products (shop_id, product_id, title, handle, url, created_at, updated_at) values (?,?,?,?,?,?,?)');
    const now = Math.floor(Date.now() / 1000);
    const activity = sqlite.prepare('insert into review_activity (shop_id, hour, slot, reviews, star_1, star_2, star_3, star_4, star_5, with_media, verified) values (?,?,0,?,?,?,?,?,?,?,?)');
    for (const [hour, counts] of hours) activity.run(shopId, hour, ...counts);
    for (const [key, counts] of stats) {
      const [scope, productId] = key.split(':');
      upsert.run(shopId, scope, productId, ...counts);
      if (scope === 'product' && productId !== '0') product.run(shopId, productId, `Product ${productId}`, handleOf(productId), `https://shop.example.com/products/${handleOf(productId)}`, now, now);
    }
  });
  insertAll();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('analyze');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSeeded(sqlite, file);
  return seconds;
}

const EVENT_MIX = [['VIEW_WIDGET', 0.7], ['CLICK_REVIEW', 0.1], ['CLICK_MEDIA', 0.05], ['EXPAND_CONTENT', 0.05], ['PAGINATION', 0.05], ['OPEN_EMAIL', 0.03], ['CLICK_EMAIL', 0.02]];

/** `count` customer events spread over the last year (the dashboard's widget figures); returns seconds taken. */
export function seedEvents(file, shopId, count, seed = 3) {
  const started = process.hrtime.bigint();
  const sqlite = new SQLite(file);
  sqlite.pragma('synchronous = OFF');
  const random = mulberry32(seed);
  const columns = ['shop_id', 'event_type', 'event_source', 'os_type', 'customer_id', 'email', 'session_id', 'product_id', 'page_url', 'extra', 'created_at'];
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  const batch = sqlite.prepare(`insert into customer_events (${columns.join(',')}) values ${Array(ROWS_PER_STATEMENT).fill(placeholders).join(',')}`);
  const now = Math.floor(Date.now() / 1000);
  const typeOf = () => {
    let pick = random();
    for (const [type, share] of EVENT_MIX) if ((pick -= share) < 0) return type;
    return 'VIEW_WIDGET';
  };
  const counts = new Map();
  const row = () => {
    const type = typeOf();
    const at = now - Math.floor(random() * 365 * 86_400);
    // The hourly counters the dashboard reads (event_activity), as recordCustomerEvents keeps them.
    const key = `${Math.floor(at / 3600)}|${type}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return [shopId, type, 'STOREFRONT', 'OTHER', '', '', '', String(FIRST_PRODUCT + Math.floor(random() * PRODUCTS)), '', '{}', at];
  };
  sqlite.transaction(() => {
    for (let i = 0; i + ROWS_PER_STATEMENT <= count; i += ROWS_PER_STATEMENT) batch.run(Array.from({ length: ROWS_PER_STATEMENT }, row).flat());
    const activity = sqlite.prepare('insert into event_activity (shop_id, hour, event_type, slot, events) values (?,?,?,0,?)');
    for (const [key, events] of counts) {
      const [hour, type] = key.split('|');
      activity.run(shopId, Number(hour), type, events);
    }
  })();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSeeded(sqlite, file);
  return seconds;
}

/** `count` orders whose review requests were sent over the last year, most opened, some clicked and reviewed. */
export function seedSentOrders(file, shopId, count, seed = 4) {
  const sqlite = new SQLite(file);
  sqlite.pragma('synchronous = OFF');
  const random = mulberry32(seed);
  const insert = sqlite.prepare('insert into orders (shop_id, order_id, order_name, customer_id, email, products, status, order_created_at, sent_at, opened_at, clicked_at, reviewed_at, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
  const now = Math.floor(Date.now() / 1000);
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const sent = now - Math.floor(random() * 365 * 86_400);
      const opened = random() < 0.6 ? sent + 3600 : null;
      const clicked = opened && random() < 0.5 ? opened + 60 : null;
      const reviewed = clicked && random() < 0.6 ? clicked + 600 : null;
      const product = String(FIRST_PRODUCT + Math.floor(random() * PRODUCTS));
      insert.run(shopId, `bench-${i}`, `#${i}`, `c${i}`, `buyer${i}@example.com`, JSON.stringify([{ product_id: product, title: '', handle: '', quantity: 1 }]), reviewed ? 5 : opened ? 4 : 3, sent - 86_400 * 7, sent, opened, clicked, reviewed, sent, sent);
    }
  })();
  closeSeeded(sqlite, file);
}

import pg from 'pg';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia, reviewBody } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';

describeEachDatabase('server deadline', (dialect) => {
  const harness = useHarness(dialect, { env: { REQUEST_TIMEOUT_MS: '300' } });

  it('answers requests that finish in time', async () => {
    const h = harness();
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' })).code).toBe(0);
  });

  // Holding a row lock from a second session makes a write wait without blocking the server's
  // event loop. SQLite has no row locks, and its file lock makes better-sqlite3 wait synchronously,
  // so only PostgreSQL can show a write that outlives the deadline.
  if (dialect === 'postgres') it('answers code 4 at the deadline and rolls back the late write', async () => {
    const h = harness();
    const shop = await h.newShop('deadline.example.com');
    await createReviewVia(h, { product_id: '31', rating: 5 }, shop);
    const blocker = new pg.Client({ connectionString: h.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query("select * from review_stats where shop_id = $1 and product_id = '31' for update", [shop.shop_id]);
      const started = performance.now();
      const response = await h.call('POST', 'create_review', { body: reviewBody({ product_id: '31', rating: 1 }) }, shop);
      expect(performance.now() - started).toBeLessThan(2000);
      expect([response.statusCode, envelope(response).code]).toEqual([504, 4]);
      await blocker.query('rollback');
    } finally {
      await blocker.end();
    }
    // Wait for the abandoned transaction itself to end: no other session of this database is still
    // inside a transaction or a statement.
    const observer = new pg.Client({ connectionString: h.databaseUrl });
    await observer.connect();
    try {
      const busy = async () => Number((await observer.query("select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'")).rows[0].n);
      await expect.poll(busy, { timeout: 5000 }).toBe(0);
    } finally {
      await observer.end();
    }
    const rows = await h.deps.db.kysely.selectFrom('reviews').select('rating').where('shop_id', '=', shop.shop_id).execute();
    expect(rows.map((r) => r.rating)).toEqual([5]);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'product_id=31' }, shop)).data).toMatchObject({ review_count: 1, star1_count: 0 });
  });
});

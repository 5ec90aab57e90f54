import { MediaUrls } from '../../src/media/media-urls.js';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { findShopById, type ShopRow } from '../../src/shops/shop-repository.js';
import { exportReviews } from '../../src/review-csv/review-export.js';
import { ImportFileError, importReviews, type ImportOptions } from '../../src/review-csv/review-import.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { INWARD_NAME, testResolver, WEBHOOK_ENV } from '../support/webhooks.js';

const JUDGEME = [
  'title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,picture_urls,ip_address,location',
  'Great mug,"Keeps coffee hot, ""really""",5,2024-03-01 10:00:00 UTC,web,ok,Ann Lee,ANN@example.com,9200305176832,stoneware-mug,Thanks!,2024-03-02 09:00:00 UTC,"https://cdn.example/a.jpg,https://cdn.example/b.jpg",1.2.3.4,US',
  'Bad,meh,9,2024-03-01,web,ok,Bob,,9200305176832,stoneware-mug,,,,,',
  'Store,Lovely shop,4,2024-03-05,web,not-yet,Cy,,,,,,,,',
  'Unknown handle,ok,4,2024-03-05,web,ok,Di,,,no-such-handle,,,,,',
  'Broken "quote,x,4,2024-03-05,web,ok,Ed,,1,,,,,,',
  'By handle,Second mug review,3,05/06/2024,web,ok,Flo,,,stoneware-mug,,,,,',
].join('\n');

const YOTPO = [
  'Review ID,Review Title,Review Content,Review Score,Date,Display Name,Email,Product ID,Product Title,Product URL,Published,Comment Content,Comment Created At,Images',
  '9001,Soft,Very soft napkins,5,2023-01-02T03:04:05Z,Gil,gil@example.com,77,Linen Napkins,https://shop.example/products/linen,true,,,',
  '9002,Site,Fast shipping,4,2023-01-03,Hana,,yotpo_site_reviews,,,false,Thank you Hana,2023-01-04,',
].join('\n');

describeEachDatabase('import and export', (dialect) => {
  const harness = useHarness(dialect, { env: WEBHOOK_ENV, resolveHost: testResolver });
  let n = 0;
  let shop: ShopRow;
  let credentials: Awaited<ReturnType<Harness['newShop']>>;

  const run = (csv: string | Buffer, overrides: Partial<ImportOptions> = {}, target = shop) =>
    importReviews(harness().deps.db.kysely, target, Readable.from([Buffer.from(csv)]), { format: 'judgeme', dryRun: false, mediaUrls: MediaUrls.of(harness().deps.config), clock: harness().clock, batchSize: 2, ...overrides });
  const freshShop = async () => {
    credentials = await harness().newShop(`import-${n++}-${dialect}.example.com`);
    return (await findShopById(harness().deps.db.kysely, credentials.shop_id))!;
  };
  const reviews = async (target = shop) => harness().deps.db.kysely.selectFrom('reviews').selectAll().where('shop_id', '=', target.id).orderBy('id').execute();

  beforeAll(async () => {
    shop = await freshShop();
    // A known product, so a row with only a handle can be placed.
    await harness().call('POST', 'create_review', { body: { product_id: '9200305176832', product_handle: 'stoneware-mug', rating: 4, author: 'Seed', incentive: 'a free refill' } }, credentials);
    // A subscriber, so imported reviews are announced (without one, no events are built).
    const subscribed = await harness().call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: `http://${INWARD_NAME}:9/import-hook` } }, credentials);
    expect(subscribed.statusCode, subscribed.body).toBe(200);
  });

  it('imports a Judge.me export, reporting every rejected row with its line and reason', async () => {
    const summary = await run(JUDGEME);
    expect(summary).toMatchObject({ rows: 6, imported: 3, skipped: 0, rejected: 3 });
    expect(summary.rejections.map((r) => r.line).sort()).toEqual([3, 5, 6]);
    expect(summary.rejections.find((r) => r.line === 3)!.reasons).toEqual(['rating must be an integer from 1 to 5']);
    expect(summary.rejections.find((r) => r.line === 6)!.reasons[0]).toMatch(/^malformed CSV/);

    const rows = await reviews();
    const ann = rows.find((r) => r.author === 'Ann Lee')!;
    expect(ann).toMatchObject({ author_email: 'ann@example.com', content: 'Keeps coffee hot, "really"', rating: 5, is_published: 1, source: 'CSV uploaded', external_source: 'judgeme', media_count: 2, reply_content: 'Thanks!' });
    expect(rows.find((r) => r.author === 'Cy')).toMatchObject({ product_id: '0', is_published: 0 });
    expect(rows.find((r) => r.author === 'Flo')).toMatchObject({ product_id: '9200305176832', commented_at: 1714953600 });
    const rating = envelope(await harness().call('GET', 'get_rating', { query: 'product_id=9200305176832' }, credentials)).data;
    expect(rating).toMatchObject({ review_count: 3, star3_count: 1, star4_count: 1, star5_count: 1 });
    const events = await harness().deps.db.kysely.selectFrom('outbox_events').select(['topic', 'payload']).where('shop_id', '=', shop.id).orderBy('id').execute();
    const imported = events.slice(1).flatMap((e) => (JSON.parse(e.payload) as { list: Array<{ author: string; media: unknown[] }> }).list);
    expect(events.slice(1).every((e) => e.topic === 'review/created')).toBe(true);
    expect(imported.map((r) => r.author).sort()).toEqual(['Ann Lee', 'Cy', 'Flo']);
    expect(imported.find((r) => r.author === 'Ann Lee')!.media).toHaveLength(2);
  });

  it('shows the imported reviews on the storefront: the widget fragment, its JSON-LD and the public list', async () => {
    const h = harness();
    const fragment = await h.app.inject(`/api/v1/storefront/widget.html?shop_id=${shop.id}&product_handle=stoneware-mug`);
    expect(fragment.statusCode).toBe(200);
    expect(fragment.body).toContain('Keeps coffee hot, &quot;really&quot;');
    expect(fragment.body).toContain('Second mug review');
    expect(fragment.body).not.toContain('ann@example.com');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(fragment.body)![1]!) as { aggregateRating: { reviewCount: number } };
    expect(jsonLd.aggregateRating.reviewCount).toBe(3);
    const list = envelope<{ list: Array<{ author: string; resources: Array<{ src: string }> }> }>(await h.app.inject(`/api/v1/reviews/get_product_reviews?shop_id=${shop.id}&product_id=9200305176832&sort_by=image-descending`)).data!.list;
    expect(list[0]).toMatchObject({ author: 'Ann L.', resources: [{ src: 'https://cdn.example/a.jpg' }, { src: 'https://cdn.example/b.jpg' }] });
  });

  it('skips everything on a re-run, and resumes an interrupted import without duplicates', async () => {
    const again = await run(JUDGEME);
    expect(again).toMatchObject({ imported: 0, skipped: 3, rejected: 3 });
    const target = await freshShop();
    const lines = JUDGEME.split('\n');
    await run(lines.slice(0, 2).join('\n'), {}, target); // "interrupted" after the first row
    const resumed = await run(JUDGEME, {}, target);
    // Ann's row created the stoneware-mug product, so Flo's handle-only row resolves this time.
    expect(resumed).toMatchObject({ imported: 2, skipped: 1 });
    expect((await reviews(target)).map((r) => r.author).sort()).toEqual(['Ann Lee', 'Cy', 'Flo']);
  });

  it('commits by the window\'s policy: an interrupted import keeps the committed windows and loses only the open one', async () => {
    const header = 'title,body,rating,reviewer_name,product_id,id';
    const row = (i: number) => `Row ${i},Review number ${i},5,Reviewer ${i},1,r${i}`;
    const whole = [header, ...Array.from({ length: 7 }, (_, i) => row(i + 1))].join('\n');
    // Interrupted once row 5 is written (each row is a batch of its own).
    const importInterrupted = (target: ShopRow, commitPolicy: ImportOptions['commitPolicy']) =>
      run(whole, { batchSize: 1, commitPolicy, onProgress: (p) => { if (p.rows === 5) throw new Error('interrupted'); } }, target);

    // Every 2 rows: rows 1–4 are committed, row 5 was in the open window when the file failed.
    const byRows = await freshShop();
    await expect(importInterrupted(byRows, { rows: 2, ms: 3_600_000 })).rejects.toThrow('interrupted');
    expect((await reviews(byRows)).map((r) => r.external_id)).toEqual(['r1', 'r2', 'r3', 'r4']);
    const rating = envelope(await harness().call('GET', 'get_rating', { query: 'product_id=1' }, credentials)).data;
    expect(rating).toMatchObject({ review_count: 4, star5_count: 4 });

    // A window due by time commits after every batch.
    const byTime = await freshShop();
    await expect(importInterrupted(byTime, { rows: 1_000_000, ms: 0 })).rejects.toThrow('interrupted');
    expect(await reviews(byTime)).toHaveLength(5);

    // Neither due: nothing was committed.
    const never = await freshShop();
    await expect(importInterrupted(never, { rows: 1_000_000, ms: 3_600_000 })).rejects.toThrow('interrupted');
    expect(await reviews(never)).toEqual([]);

    // Progress is recorded inside each commit, with the counts that commit makes true.
    const recorded: Array<{ imported: number; stored: number }> = [];
    const counted = await freshShop();
    await run(whole, {
      batchSize: 2,
      commitPolicy: { rows: 4, ms: 3_600_000 },
      recordProgress: async (trx, progress) => {
        const stored = await trx.selectFrom('reviews').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', counted.id).executeTakeFirstOrThrow();
        recorded.push({ imported: progress.imported, stored: Number(stored.n) });
      },
    }, counted);
    expect(recorded).toEqual([{ imported: 4, stored: 4 }, { imported: 7, stored: 7 }]);

    expect(await run(whole, { batchSize: 3 }, byRows)).toMatchObject({ imported: 3, skipped: 4 });
    expect((await reviews(byRows)).map((r) => r.external_id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
  });

  it('imports a batch larger than one SQL statement can carry: 5,000 reviews with two photos each, their media and history', async () => {
    const target = await freshShop();
    const header = JUDGEME.split('\n')[0];
    const lines = Array.from({ length: 5_000 }, (_, i) => `Row ${i},Body ${i},${1 + (i % 5)},2024-03-01,web,ok,Reviewer ${i},,p${i % 7},,,,"https://cdn.example/${i}a.jpg,https://cdn.example/${i}b.jpg",,`);
    // One batch of 5,000: 33 review columns, 9 media columns and 8 history columns each exceed
    // SQLite's 32,766 bound values in a single statement.
    const summary = await run([header, ...lines].join('\n'), { batchSize: 5_000 }, target);
    expect(summary).toMatchObject({ rows: 5_000, imported: 5_000, rejected: 0 });
    const count = async (table: 'reviews' | 'review_media' | 'review_history') =>
      Number((await harness().deps.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('shop_id', '=', target.id).executeTakeFirstOrThrow()).n);
    expect([await count('reviews'), await count('review_media'), await count('review_history')]).toEqual([5_000, 10_000, 5_000]);
  });

  it('builds no review/created events when nobody subscribes to them', async () => {
    const target = await freshShop();
    const summary = await run(YOTPO, { format: 'yotpo' }, target);
    expect(summary.imported).toBe(2);
    const topics = await harness().deps.db.kysely.selectFrom('outbox_events').select('topic').where('shop_id', '=', target.id).execute();
    expect(topics.filter((t) => t.topic === 'review/created')).toEqual([]);
  });

  it('writes nothing on a dry run', async () => {
    const target = await freshShop();
    const summary = await run(JUDGEME, { dryRun: true }, target);
    expect(summary).toMatchObject({ dry_run: true, imported: 2, rejected: 4 });
    expect(await reviews(target)).toEqual([]);
  });

  it('refuses a file without the format\'s columns, before importing anything', async () => {
    const target = await freshShop();
    await expect(run('name,stars\nAnn,5\n', {}, target)).rejects.toBeInstanceOf(ImportFileError);
    await expect(run('name,stars\nAnn,5\n', {}, target)).rejects.toThrow(/missing column rating/);
    expect(await reviews(target)).toEqual([]);
  });

  it('reads a byte-order mark and rejects rows that are not UTF-8', async () => {
    const target = await freshShop();
    const header = 'title,body,rating,reviewer_name,product_id\n';
    const latin1 = Buffer.concat([Buffer.from('\uFEFF' + header + 'Ok,fine,5,Ann,1\n'), Buffer.from('Caf\xe9,bad,4,Bo,1\n', 'latin1')]);
    const summary = await run(latin1, {}, target);
    expect(summary).toMatchObject({ imported: 1, rejected: 1 });
    expect(summary.rejections[0]).toEqual({ line: 3, reasons: ['is not valid UTF-8 (export the file as UTF-8)'] });
  });

  it('imports a Yotpo export with site reviews and replies', async () => {
    const target = await freshShop();
    const summary = await run(YOTPO, { format: 'yotpo' }, target);
    expect(summary).toMatchObject({ imported: 2, rejected: 0 });
    const rows = (await reviews(target)).sort((a, b) => a.external_id!.localeCompare(b.external_id!));
    expect(rows.map((r) => [r.external_id, r.product_id, r.is_published, r.reply_content])).toEqual([
      ['9001', '77', 1, null],
      ['9002', '0', 0, 'Thank you Hana'],
    ]);
    expect(await harness().deps.db.kysely.selectFrom('products').select('title').where('shop_id', '=', target.id).where('product_id', '=', '77').executeTakeFirst()).toEqual({ title: 'Linen Napkins' });
  });

  it("writes each batch product by product in storefront order, and reviews of one product and moment in the file's order", async () => {
    const target = await freshShop();
    const csv = [
      'title,body,rating,review_date,reviewer_name,product_id',
      'B newest,b,5,2024-03-03 10:00:00 UTC,Bea,200',
      'A noon first,a,4,2024-03-02 12:00:00 UTC,Al,100',
      'A oldest,a,3,2024-03-01 10:00:00 UTC,Ann,100',
      'A noon second,a,5,2024-03-02 12:00:00 UTC,Ari,100',
    ].join('\n');
    expect(await run(csv, { batchSize: 10 }, target)).toMatchObject({ imported: 4, rejected: 0 });
    expect((await reviews(target)).map((r) => r.title)).toEqual(['A oldest', 'A noon first', 'A noon second', 'B newest']);
  });

  it('exports CSV that imports back unchanged, and JSON Lines with filters', async () => {
    const h = harness();
    let csv = '';
    for await (const chunk of exportReviews(h.deps.db.kysely, shop.id, {}, 'csv', 2)) csv += chunk;
    expect(csv.split('\r\n')[0]).toMatch(/^id,product_id,product_title/);
    const copy = await freshShop();
    const summary = await run(csv, { format: 'plaudit' }, copy);
    expect(summary).toMatchObject({ imported: 4, rejected: 0 });
    // Every review, field for field; ids follow the import's write order (see the test below), not the file's.
    const pick = (r: Record<string, unknown>) => JSON.stringify([r.product_id, r.rating, r.author, r.author_email, r.title, r.content, r.commented_at, r.is_published, r.reply_content, r.media_count, r.is_incentivized, r.incentive]);
    expect((await reviews(copy)).map(pick).sort()).toEqual((await reviews(shop)).map(pick).sort());
    expect(await reviews(copy)).toHaveLength(4);
    expect((await reviews(copy)).filter((r) => r.is_incentivized === 1).map((r) => [r.author, r.incentive])).toEqual([['Seed', 'a free refill']]);

    let jsonl = '';
    for await (const chunk of exportReviews(h.deps.db.kysely, shop.id, { ratings: [5], isPublished: 1 }, 'jsonl')) jsonl += chunk;
    const lines = jsonl.trim().split('\n').map((line) => JSON.parse(line) as { author: string; rating: number });
    expect(lines.map((r) => [r.author, r.rating])).toEqual([['Ann Lee', 5]]);
  });

  it("re-imports the shop's own export as a no-op, keeping ids, counts and created_at; into another shop exactly once", async () => {
    const h = harness();
    const own = await freshShop();
    for (const [rating, author] of [[5, 'Ana'], [2, 'Ben'], [4, 'Cleo']] as const) {
      expect(envelope(await h.call('POST', 'create_review', { body: { product_id: '8800', rating, author, content: `${author} wrote this` } }, credentials)).code).toBe(0);
    }
    h.clock.advanceSeconds(3600);
    const exported = async (from: ShopRow, columns?: (header: string[]) => number[]) => {
      let csv = '';
      for await (const chunk of exportReviews(h.deps.db.kysely, from.id, {}, 'csv')) csv += chunk;
      if (!columns) return csv;
      // An export made before the shop_id column existed: the same file without it.
      const rows = csv.trimEnd().split('\r\n').map((line) => line.split(','));
      const keep = columns(rows[0]!);
      return `${rows.map((cells) => keep.map((index) => cells[index]).join(',')).join('\r\n')}\r\n`;
    };
    const snapshot = async (target: ShopRow) => ({
      reviews: (await reviews(target)).map((r) => [r.id, r.rating, r.author, r.created_at]),
      stats: await h.deps.db.kysely.selectFrom('review_stats').selectAll().where('shop_id', '=', target.id).orderBy('product_id').execute(),
    });
    const before = await snapshot(own);
    const csv = await exported(own);
    expect(await run(csv, { format: 'plaudit' }, own)).toMatchObject({ imported: 0, skipped: 3, rejected: 0 });
    const legacy = await exported(own, (header) => header.flatMap((name, index) => (name === 'shop_id' ? [] : [index])));
    expect(legacy.split('\r\n')[0]).not.toContain('shop_id');
    expect(await run(legacy, { format: 'plaudit' }, own)).toMatchObject({ imported: 0, skipped: 3, rejected: 0 });
    expect(await snapshot(own)).toEqual(before);

    const other = await freshShop();
    expect(await run(csv, { format: 'plaudit' }, other)).toMatchObject({ imported: 3, skipped: 0 });
    expect(await run(csv, { format: 'plaudit' }, other)).toMatchObject({ imported: 0, skipped: 3 });
    const copied = await reviews(other);
    expect(copied.map((r) => [r.author, r.created_at])).toEqual((await reviews(own)).map((r) => [r.author, r.created_at]));
    // The copies' own export re-imports into the copy as a no-op too.
    expect(await run(await exported(other), { format: 'plaudit' }, other)).toMatchObject({ imported: 0, skipped: 3 });
    expect(await reviews(other)).toHaveLength(3);
  });
});

describe('import formats', () => {
  it('normalises dates from other apps', async () => {
    const { normaliseDate } = await import('../../src/review-csv/csv-formats.js');
    expect(normaliseDate('2024-03-01 10:00:00 UTC')).toBe('2024-03-01 10:00:00');
    expect(normaliseDate('05/06/2024')).toBe('2024-05-06 00:00:00');
    expect(normaliseDate('2024-03-01 10:00:00 +0200')).toBe('2024-03-01T10:00:00+02:00');
  });
});

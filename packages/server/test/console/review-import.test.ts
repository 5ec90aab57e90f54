import pino from 'pino';
import { expect, it } from 'vitest';
import { createBackgroundWorker } from '../../src/worker/background-worker.js';
import { MediaUrls } from '../../src/media/media-urls.js';
import { ReviewImportJob } from '../../src/review-csv/review-import-job.js';
import { claimReviewImport } from '../../src/review-csv/review-import-repository.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { multipartBody } from '../support/media.js';
import { createTestMerchant, hiddenField, MerchantBrowser } from '../support/merchant-agent.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';

const JUDGEME = [
  'title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,picture_urls,ip_address,location',
  'Great mug,"Keeps coffee hot",5,2024-03-01 10:00:00 UTC,web,ok,Ann Lee,ann@example.com,9200305176832,stoneware-mug,,,,,',
  'Bad,meh,9,2024-03-01,web,ok,Bob,,9200305176832,stoneware-mug,,,,,',
  'Store,Lovely shop,4,2024-03-05,web,ok,Cy,,,,,,,,',
].join('\n');

async function signedIn(h: Harness, label: string): Promise<{ shop: ShopCredentials; browser: MerchantBrowser; csrf: string }> {
  const shop = await h.newShop(`${label}-${h.dialect}.example.com`);
  const browser = new MerchantBrowser(h);
  expect((await browser.signIn(await createTestMerchant(h, [shop.shop_id]))).statusCode).toBe(303);
  const page = await browser.get('/console/reviews/import');
  expect(page.statusCode).toBe(200);
  return { shop, browser, csrf: hiddenField(page.body, 'csrf_token')! };
}

/** Posts the import form as a browser does: the fields, then the file. */
function upload(h: Harness, browser: MerchantBrowser, fields: Array<[string, string]>, file: { name: string; data: string | Buffer } | undefined) {
  const { payload, contentType } = multipartBody([...fields, ...(file ? [['file', { name: file.name, type: 'text/csv', data: Buffer.from(file.data) }] as ['file', { name: string; type: string; data: Buffer }]] : [])]);
  return h.app.inject({ method: 'POST', url: '/console/reviews/import', headers: { cookie: browser.cookieHeader(), 'content-type': contentType }, payload });
}

async function runWorker(h: Harness): Promise<void> {
  const worker = createBackgroundWorker({ ...h.deps }, pino({ level: 'silent' }));
  try {
    await worker.runUntilIdle();
  } finally {
    await worker.stop();
  }
}

const reviewsOf = (h: Harness, shopId: string) => h.deps.db.kysely.selectFrom('reviews').select(['author', 'external_source']).where('shop_id', '=', shopId).orderBy('author').execute();
const importsOf = (h: Harness, shopId: string) => h.deps.db.kysely.selectFrom('review_imports').selectAll().where('shop_id', '=', shopId).execute();

describeEachDatabase('console review import', (dialect) => {
  const harness = useHarness(dialect);

  it('uploads a Judge.me export, imports it in the worker, and shows progress, counts and rejected rows', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'import-judgeme');
    const posted = await upload(h, browser, [['csrf_token', csrf], ['format', 'judgeme']], { name: 'judgeme-export.csv', data: JUDGEME });
    expect(posted.statusCode, posted.body).toBe(303);
    const location = posted.headers.location as string;
    expect(location).toMatch(/^\/console\/reviews\/import\/\d+$/);

    const waiting = await browser.get(location);
    expect(waiting.body).toContain('Waiting for the worker');
    expect(waiting.body).toMatch(/<meta http-equiv="refresh" content="2">/);
    expect(await reviewsOf(h, shop.shop_id)).toEqual([]);

    await runWorker(h);
    const done = await browser.get(location);
    expect(done.statusCode).toBe(200);
    expect(done.body).not.toContain('http-equiv="refresh"');
    expect(done.body).toContain('Finished.');
    expect(done.body).toContain('<progress id="import-progress" max="100" value="100">');
    expect(done.body).toContain(`100 % of ${JUDGEME.length} bytes from Judge.me`);
    expect(/id="count-rows">(\d+)</.exec(done.body)![1]).toBe('3');
    expect(/id="count-imported">(\d+)</.exec(done.body)![1]).toBe('2');
    expect(/id="count-rejected">(\d+)</.exec(done.body)![1]).toBe('1');
    expect(done.body).toMatch(/<td[^>]*>3<\/td><td[^>]*>rating must be an integer from 1 to 5<\/td>/);
    expect(await reviewsOf(h, shop.shop_id)).toEqual([{ author: 'Ann Lee', external_source: 'judgeme' }, { author: 'Cy', external_source: 'judgeme' }]);
    const rating = envelope(await h.call('GET', 'get_rating', { query: 'product_id=9200305176832' }, shop)).data;
    expect(rating).toMatchObject({ review_count: 1, star5_count: 1 });

    const csv = await browser.get(`${location}/rejections.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe('line,reasons\r\n3,"rating must be an integer from 1 to 5"\r\n');

    // The stored upload is deleted once imported; the list shows the import.
    const [entry] = await importsOf(h, shop.shop_id);
    expect(await h.deps.storage.head(entry!.file_key)).toBeUndefined();
    expect((await browser.get('/console/reviews/import')).body).toContain('judgeme-export.csv');

    // Uploading the same file again imports nothing twice.
    const again = await upload(h, browser, [['csrf_token', csrf], ['format', 'judgeme']], { name: 'judgeme-export.csv', data: JUDGEME });
    await runWorker(h);
    const second = await browser.get(again.headers.location as string);
    expect(/id="count-imported">(\d+)</.exec(second.body)![1]).toBe('0');
    expect(/id="count-skipped">(\d+)</.exec(second.body)![1]).toBe('2');
    expect(await reviewsOf(h, shop.shop_id)).toHaveLength(2);
  });

  it("imports the console's own CSV export back into its shop as a no-op", async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'import-own-export');
    for (const author of ['Ida', 'Jon']) expect(envelope(await h.call('POST', 'create_review', { body: { product_id: '6100', rating: 5, author } }, shop)).code).toBe(0);
    const exported = await browser.get('/console/reviews/export.csv');
    expect(exported.statusCode).toBe(200);
    const before = await h.deps.db.kysely.selectFrom('reviews').select(['id', 'author', 'created_at']).where('shop_id', '=', shop.shop_id).orderBy('id').execute();
    h.clock.advanceSeconds(60);
    const posted = await upload(h, browser, [['csrf_token', csrf], ['format', 'plaudit']], { name: 'plaudit-export.csv', data: exported.body });
    expect(posted.statusCode, posted.body).toBe(303);
    await runWorker(h);
    const done = await browser.get(posted.headers.location as string);
    expect([/id="count-imported">(\d+)</.exec(done.body)![1], /id="count-skipped">(\d+)</.exec(done.body)![1]]).toEqual(['0', '2']);
    expect(await h.deps.db.kysely.selectFrom('reviews').select(['id', 'author', 'created_at']).where('shop_id', '=', shop.shop_id).orderBy('id').execute()).toEqual(before);
  });

  it('resumes an import whose worker stopped or died, without duplicates, and gives up after three tries', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'import-resume');
    expect((await upload(h, browser, [['csrf_token', csrf], ['format', 'judgeme']], { name: 'resume.csv', data: JUDGEME })).statusCode).toBe(303);
    const job = () => new ReviewImportJob({ db: h.deps.db, clock: h.clock, storage: h.deps.storage, mediaUrls: MediaUrls.of(h.deps.config), onError: (error) => { throw error; } });

    // A worker told to stop interrupts the import before its first batch and gives the claim back.
    const stopping = job();
    expect(await stopping.runOnce()).toBe(1);
    await stopping.stop();
    expect((await importsOf(h, shop.shop_id))[0]).toMatchObject({ status: 'running', claimed_by: null, imported: 0 });
    expect(await reviewsOf(h, shop.shop_id)).toEqual([]);

    // A worker that died holding the claim: once its lease lapses, another takes the import over.
    const now = Math.floor(h.clock.now() / 1000);
    await claimReviewImport(h.deps.db.kysely, h.dialect, 'dead-worker', now, now + 60);
    await runWorker(h);
    expect((await importsOf(h, shop.shop_id))[0]).toMatchObject({ status: 'running', claimed_by: 'dead-worker' });
    h.clock.advanceSeconds(61);
    await runWorker(h);
    expect((await importsOf(h, shop.shop_id))[0]).toMatchObject({ status: 'done', imported: 2, rejected: 1, attempts: 3, claimed_by: null });
    expect(await reviewsOf(h, shop.shop_id)).toHaveLength(2);

    // A file that keeps stopping its worker fails after three tries, and its upload is deleted.
    const stubborn = await upload(h, browser, [['csrf_token', csrf], ['format', 'judgeme']], { name: 'stubborn.csv', data: JUDGEME });
    const stubbornId = Number((stubborn.headers.location as string).split('/').pop());
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await claimReviewImport(h.deps.db.kysely, h.dialect, `crashing-${attempt}`, Math.floor(h.clock.now() / 1000), Math.floor(h.clock.now() / 1000) + 60);
      expect(claimed?.id).toBe(stubbornId);
      h.clock.advanceSeconds(61);
    }
    await runWorker(h);
    const failed = await browser.get(stubborn.headers.location as string);
    expect(failed.body).toContain('The import stopped 3 times without finishing');
    const entry = (await importsOf(h, shop.shop_id)).find((row) => Number(row.id) === stubbornId)!;
    expect(entry).toMatchObject({ status: 'failed', imported: 0 });
    expect(await h.deps.storage.head(entry.file_key)).toBeUndefined();
  });

  it('checks a file without importing it on a dry run', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'import-dry');
    const posted = await upload(h, browser, [['csrf_token', csrf], ['format', 'judgeme'], ['dry_run', '1']], { name: 'check.csv', data: JUDGEME });
    await runWorker(h);
    const page = await browser.get(posted.headers.location as string);
    expect(page.body).toContain('Checked: nothing was imported.');
    expect(/id="count-imported">(\d+)</.exec(page.body)![1]).toBe('2');
    expect(await reviewsOf(h, shop.shop_id)).toEqual([]);
  });

  it('fails an import whose file is not the chosen format, naming the missing columns, and imports nothing', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'import-wrong-format');
    const posted = await upload(h, browser, [['csrf_token', csrf], ['format', 'yotpo']], { name: 'judgeme.csv', data: JUDGEME });
    await runWorker(h);
    const page = await browser.get(posted.headers.location as string);
    expect(page.body).toContain('Stopped.');
    expect(page.body).toMatch(/the file is not a yotpo export: missing column review_score/);
    expect(await reviewsOf(h, shop.shop_id)).toEqual([]);
    const [entry] = await importsOf(h, shop.shop_id);
    expect(entry).toMatchObject({ status: 'failed' });
    expect(await h.deps.storage.head(entry!.file_key)).toBeUndefined();
  });

  it('refuses bad forms with a clear message and stores nothing: no session, no CSRF token, no file, empty file, unknown format', async () => {
    const h = harness();
    const { shop, browser, csrf } = await signedIn(h, 'import-refusals');
    const anonymous = await upload(h, new MerchantBrowser(h), [['csrf_token', csrf], ['format', 'judgeme']], { name: 'a.csv', data: JUDGEME });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/console\/login/);
    const forged = await upload(h, browser, [['csrf_token', 'x'.repeat(43)], ['format', 'judgeme']], { name: 'a.csv', data: JUDGEME });
    expect(forged.statusCode).toBe(403);
    // The token after the file counts for nothing: it must come before the bytes are read.
    const late = multipartBody([['format', 'judgeme'], ['file', { name: 'a.csv', type: 'text/csv', data: Buffer.from(JUDGEME) }], ['csrf_token', csrf]]);
    expect((await h.app.inject({ method: 'POST', url: '/console/reviews/import', headers: { cookie: browser.cookieHeader(), 'content-type': late.contentType }, payload: late.payload })).statusCode).toBe(403);
    const noFile = await upload(h, browser, [['csrf_token', csrf], ['format', 'judgeme']], undefined);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain('Choose a CSV file to import.');
    const empty = await upload(h, browser, [['csrf_token', csrf], ['format', 'judgeme']], { name: 'empty.csv', data: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('the one chosen is empty');
    const unknown = await upload(h, browser, [['csrf_token', csrf], ['format', 'stamped']], { name: 'a.csv', data: JUDGEME });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Choose the app the file comes from.');
    const urlEncoded = await browser.post('/console/reviews/import', { csrf_token: csrf, format: 'judgeme' });
    expect(urlEncoded.statusCode).toBe(400);
    expect(await importsOf(h, shop.shop_id)).toEqual([]);
  });

  it('shows another shop\'s import exactly like one that does not exist', async () => {
    const h = harness();
    const owner = await signedIn(h, 'import-owner');
    const posted = await upload(h, owner.browser, [['csrf_token', owner.csrf], ['format', 'judgeme']], { name: 'mine.csv', data: JUDGEME });
    const location = posted.headers.location as string;
    const stranger = await signedIn(h, 'import-stranger');
    const theirs = await stranger.browser.get(location);
    const missing = await stranger.browser.get('/console/reviews/import/999999999');
    expect(theirs.statusCode).toBe(404);
    const withoutNonce = (body: string) => body.replace(/nonce="[^"]+"/g, 'nonce=""');
    expect(withoutNonce(theirs.body)).toBe(withoutNonce(missing.body));
    expect((await stranger.browser.get(`${location}/rejections.csv`)).statusCode).toBe(404);
    expect((await stranger.browser.get('/console/reviews/import/abc')).statusCode).toBe(404);
    expect((await stranger.browser.get('/console/reviews/import')).body).not.toContain('mine.csv');
  });
});

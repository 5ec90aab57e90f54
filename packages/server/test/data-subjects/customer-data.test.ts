import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eraseCustomerDataOperation } from '../../src/open-api/customers/erase-customer-data.route.js';
import { exportCustomerDataOperation } from '../../src/open-api/customers/export-customer-data.route.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { databaseChecksum, rowsMentioning } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, PUBLIC_URL, TEST_SECRET_KEY, useHarness } from '../support/harness.js';
import { plaudit } from '../support/cli.js';
import { createTestMerchant, hiddenField, MerchantBrowser } from '../support/merchant-agent.js';
import { LocalStorage } from '../../src/storage/local-storage.js';
import { fetchMedia } from '../support/media.js';
import { PRODUCT, seedPerson, unique } from '../support/person.js';
import { securitySuite } from '../support/security.js';

interface Export {
  emails: string[];
  customer_ids: string[];
  customers: Array<{ customer_id: string; email: string }>;
  reviews: Array<{ id: number; author: string; author_email: string; media: Array<{ url: string }>; deleted_at?: string }>;
  orders: Array<{ order_id: string; email: string }>;
  events: Array<{ email: string; customer_id: string }>;
  unsubscribes: Array<{ email: string; email_type: string }>;
  exclusions: Array<{ customer_id: string }>;
}

async function exportOf(h: Harness, query: string, shop?: ShopCredentials): Promise<Export> {
  const answer = envelope<Export>(await h.call('GET', 'export_customer_data', { query }, shop));
  expect(answer.code, JSON.stringify(answer)).toBe(0);
  return answer.data!;
}

async function erase(h: Harness, body: Record<string, unknown>, shop?: ShopCredentials) {
  const answer = envelope<Record<string, number | string>>(await h.call('POST', 'erase_customer_data', { body }, shop));
  expect(answer.code, JSON.stringify(answer)).toBe(0);
  return answer.data!;
}

async function ratingOf(h: Harness, shop: ShopCredentials) {
  return envelope<Record<string, unknown>>(await h.call('GET', 'get_rating', { query: `product_id=${PRODUCT}` }, shop)).data!;
}

/** The product's rating counted again from the review rows, as get_rating shows it. */
async function recount(h: Harness, shop: ShopCredentials) {
  const rows = await h.deps.db.kysely.selectFrom('reviews').select('rating').where('shop_id', '=', shop.shop_id).where('product_id', '=', PRODUCT).where('is_published', '=', 1).where('deleted_at', 'is', null).execute();
  const stars = [1, 2, 3, 4, 5].map((star) => rows.filter((row) => row.rating === star).length);
  return { review_count: rows.length, star1_count: stars[0], star2_count: stars[1], star3_count: stars[2], star4_count: stars[3], star5_count: stars[4] };
}

describeEachDatabase('data-subject requests: export and erase one person', (dialect) => {
  const harness = useHarness(dialect);

  describe('security', () => {
    describe('export_customer_data', () => securitySuite(harness, { op: exportCustomerDataOperation, valid: async () => ({ query: `email=someone-${unique()}@example.com` }) }));
    describe('erase_customer_data', () => securitySuite(harness, { op: eraseCustomerDataOperation, valid: async () => ({ body: { email: `someone-${unique()}@example.com`, mode: 'anonymize' } }) }));
  });

  it('exports exactly the person\'s data, found from the address or from the customer id', async () => {
    const h = harness();
    const shop = await h.newShop(`export-${unique()}.example.com`);
    const person = await seedPerson(h, shop);
    const neighbour = await seedPerson(h, shop);
    // The same address in another shop is another shop's business.
    await seedPerson(h, h.otherShop, { email: person.email, customerId: person.customerId });

    const byEmail = await exportOf(h, `email=${encodeURIComponent(person.email.toUpperCase())}`, shop);
    expect(byEmail.emails).toEqual([person.email]);
    expect(byEmail.customer_ids).toEqual([person.customerId]);
    expect(byEmail.customers).toMatchObject([{ customer_id: person.customerId, email: person.email }]);
    expect(byEmail.reviews.map((review) => review.id).sort()).toEqual([...person.reviewIds].sort());
    expect(byEmail.reviews.find((review) => review.id === person.reviewIds[0])!.media).toMatchObject([{ url: person.photoUrl }]);
    expect(byEmail.reviews.filter((review) => review.deleted_at !== undefined).map((review) => review.id)).toEqual([person.reviewIds[2]]);
    expect(byEmail.orders).toMatchObject([{ email: person.email }]);
    expect(byEmail.events).toHaveLength(2);
    expect(byEmail.unsubscribes).toMatchObject([{ email: person.email, email_type: 'market_email' }]);
    expect(JSON.stringify(byEmail)).not.toContain(neighbour.email);
    expect(JSON.stringify(byEmail)).not.toContain(neighbour.name);

    const byId = await exportOf(h, `customer_id=${person.customerId}`, shop);
    expect(byId).toEqual(byEmail);
  });

  it('answers a person the shop knows nothing about with empty lists, whether another shop knows them or not', async () => {
    const h = harness();
    const theirs = await seedPerson(h, h.otherShop);
    const unknown = await exportOf(h, `email=nobody-${unique()}@example.com`);
    const foreign = await exportOf(h, `email=${theirs.email}`);
    expect({ ...foreign, emails: [] }).toEqual({ ...unknown, emails: [] });
    expect(foreign).toMatchObject({ customer_ids: [], customers: [], reviews: [], orders: [], events: [], unsubscribes: [], exclusions: [] });

    const before = await databaseChecksum(h);
    expect(await erase(h, { email: theirs.email, mode: 'delete' })).toEqual({ mode: 'delete', reviews: 0, questions: 0, answers: 0, media_files: 0, orders: 0, events: 0, customers: 0 });
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('refuses a request naming the person twice or not at all, or without a mode, and changes nothing', async () => {
    const h = harness();
    const before = await databaseChecksum(h);
    for (const body of [{ mode: 'delete' }, { email: 'a@example.com', customer_id: '1', mode: 'delete' }, { email: 'a@example.com' }, { email: 'a@example.com', mode: 'shred' }]) {
      const answer = envelope(await h.call('POST', 'erase_customer_data', { body }));
      expect(answer.code, JSON.stringify(body)).toBe(3);
    }
    for (const query of ['', 'email=a@example.com&customer_id=1', 'email=not-an-address']) expect(envelope(await h.call('GET', 'export_customer_data', { query })).code, query).toBe(3);
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('anonymizes: reviews keep rating and words under "Anonymous", and the address and name are in no table', async () => {
    const h = harness();
    const shop = await h.newShop(`anon-${unique()}.example.com`);
    const person = await seedPerson(h, shop);
    const neighbour = await seedPerson(h, shop);
    const ratingBefore = await ratingOf(h, shop);

    const summary = await erase(h, { email: person.email, mode: 'anonymize' }, shop);
    expect(summary).toEqual({ mode: 'anonymize', reviews: 3, questions: 0, answers: 0, media_files: 0, orders: 1, events: 2, customers: 1 });

    expect(await ratingOf(h, shop)).toEqual(ratingBefore);
    const reviews = await h.deps.db.kysely.selectFrom('reviews').selectAll().where('id', 'in', person.reviewIds).orderBy('id').execute();
    expect(reviews.map((r) => [r.author, r.author_email, r.author_phone, r.content])).toEqual([
      ['Anonymous', '', '', 'The handle chipped.'],
      ['Anonymous', '', '', 'Keeps tea warm.'],
      ['Anonymous', '', '', 'Changed my mind.'],
    ]);
    expect((await fetchMedia(h, person.photoUrl)).statusCode).toBe(200);
    for (const trace of [person.email, person.name, person.phone]) expect(await rowsMentioning(h, trace), trace).toEqual([]);
    // The neighbour is untouched.
    expect((await exportOf(h, `email=${neighbour.email}`, shop)).reviews).toHaveLength(3);

    const topics = await h.deps.db.kysely.selectFrom('outbox_events').select(['topic', 'payload']).where('shop_id', '=', shop.shop_id).orderBy('id', 'desc').limit(3).execute();
    expect(topics.map((t) => t.topic)).toEqual(['customer/redacted', 'review/updated', 'review/updated']);
    expect(JSON.parse(topics[0]!.payload)).toMatchObject({
      list: [{ id: expect.stringMatching(/^era_[0-9a-f]{16}$/), mode: 'anonymize', customer_ids: [person.customerId], review_ids: person.reviewIds, email_sha256: [createHash('sha256').update(person.email).digest('hex')] }],
    });
  });

  it('deletes: reviews, their photo bytes and every trace go; ratings equal a recount; partners hear review/deleted', async () => {
    const h = harness();
    const shop = await h.newShop(`delete-${unique()}.example.com`);
    const person = await seedPerson(h, shop);
    await seedPerson(h, shop);
    const photoKey = person.photoUrl.slice(`${PUBLIC_URL}/media/`.length);
    expect(await h.deps.storage.head(photoKey)).toBeDefined();

    const summary = await erase(h, { customer_id: person.customerId, mode: 'delete' }, shop);
    expect(summary).toEqual({ mode: 'delete', reviews: 3, questions: 0, answers: 0, media_files: 1, orders: 1, events: 2, customers: 1 });

    expect(await h.deps.db.kysely.selectFrom('reviews').select('id').where('id', 'in', person.reviewIds).execute()).toEqual([]);
    expect(await h.deps.storage.head(photoKey)).toBeUndefined();
    expect((await fetchMedia(h, person.photoUrl)).statusCode).toBe(404);
    expect(await ratingOf(h, shop)).toMatchObject(await recount(h, shop));
    for (const trace of [person.email, person.name, person.phone]) expect(await rowsMentioning(h, trace), trace).toEqual([]);
    const deletions = await h.deps.db.kysely.selectFrom('outbox_events').select('payload').where('shop_id', '=', shop.shop_id).where('topic', '=', 'review/deleted').execute();
    // Two live reviews leave now; the one deleted before had its tombstone event then, now redacted.
    const deletedIds = deletions.map((row) => (JSON.parse(row.payload) as { list: Array<{ id: number; author: string }> }).list[0]!);
    expect(deletedIds.filter((review) => person.reviewIds.includes(review.id)).map((review) => review.author)).toEqual(['Anonymous', 'Anonymous', 'Anonymous']);
  });

  it('keeps the person\'s opt-outs as hashes: a later order to the address is not e-mailed', async () => {
    const h = harness();
    const shop = await h.newShop(`optout-${unique()}.example.com`);
    const person = await seedPerson(h, shop);
    expect(envelope(await h.call('POST', 'email_unsubscribe', { body: { email: person.email, email_type: 'review_request' } }, shop)).code).toBe(0);
    await erase(h, { email: person.email, mode: 'anonymize' }, shop);
    expect(await rowsMentioning(h, person.email)).toEqual([]);

    const order = envelope<{ status: number; cancel_reason: string }>(
      await h.call('POST', 'create_order', { body: { order_id: `ORD-again-${unique()}`, order_name: '#again', email: person.email, products: [{ product_id: PRODUCT }], fulfilled_at: Math.floor(h.clock.now() / 1000) } }, shop),
    );
    expect(order.data).toMatchObject({ status: 6, cancel_reason: 'unsubscribed' });
  });

  it('keeps an excluded customer excluded after erasure, by id and by address', async () => {
    const h = harness();
    const shop = await h.newShop(`excluded-${unique()}.example.com`);
    const person = await seedPerson(h, shop);
    expect(envelope(await h.call('POST', 'create_customer_exclude', { body: { customer_id: person.customerId } }, shop)).code).toBe(0);
    await erase(h, { customer_id: person.customerId, mode: 'delete' }, shop);
    expect(await rowsMentioning(h, person.email)).toEqual([]);
    for (const body of [{ customer_id: person.customerId, email: `new-${unique()}@example.com` }, { email: person.email }]) {
      const order = envelope<{ status: number; cancel_reason: string }>(
        await h.call('POST', 'create_order', { body: { order_id: `ORD-${unique()}`, order_name: '#x', products: [{ product_id: PRODUCT }], fulfilled_at: Math.floor(h.clock.now() / 1000), ...body } }, shop),
      );
      expect(order.data, JSON.stringify(body)).toMatchObject({ status: 6 });
    }
  });
});

describeEachDatabase('data-subject requests from the console', (dialect) => {
  const harness = useHarness(dialect);

  it('downloads the same export as the API, and erases only when confirmed', async () => {
    const h = harness();
    const shop = await h.newShop(`console-privacy-${unique()}.example.com`);
    const person = await seedPerson(h, shop);
    const browser = new MerchantBrowser(h);
    expect((await browser.signIn(await createTestMerchant(h, [shop.shop_id]))).statusCode).toBe(303);
    const csrf = hiddenField((await browser.get('/console/customers')).body, 'csrf_token')!;

    const download = await browser.post('/console/customers/data-export', { csrf_token: csrf, person: person.email });
    expect(download.headers['content-disposition']).toBe('attachment; filename="customer-data.json"');
    expect(JSON.parse(download.body)).toEqual(await exportOf(h, `email=${person.email}`, shop));

    const before = await databaseChecksum(h);
    const unconfirmed = await browser.post('/console/customers/data-erase', { csrf_token: csrf, person: person.customerId, mode: 'delete' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('an erasure cannot be undone');
    expect(await databaseChecksum(h)).toEqual(before);

    const erased = await browser.post('/console/customers/data-erase', { csrf_token: csrf, person: person.customerId, mode: 'delete', confirm: 'yes' });
    expect(erased.statusCode).toBe(303);
    expect((await browser.get('/console/customers')).body).toContain('Their data is erased, with 3 reviews.');
    for (const trace of [person.email, person.name, person.phone]) expect(await rowsMentioning(h, trace), trace).toEqual([]);
  });
});

describeEachDatabase('data-subject requests from the command line', (dialect) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plaudit-privacy-cli-'));
  // The CLI keeps media under DATA_DIR/media: the harness stores its uploads there too.
  const harness = useHarness(dialect, { storage: () => new LocalStorage(path.join(dataDir, 'media')) });
  const cliEnv = (h: Harness) => ({ DATABASE_URL: h.databaseUrl, SECRET_KEY: TEST_SECRET_KEY, DATA_DIR: dataDir, PUBLIC_URL });

  it('plaudit customer export and erase do what the API does', async () => {
    const h = harness();
    const shop = await h.newShop(`cli-${unique()}.example.com`);
    const person = await seedPerson(h, shop);
    const env = cliEnv(h);

    const exported = plaudit(['customer', 'export', '--shop', shop.shop_id, '--email', person.email], env);
    expect(exported.stderr).toBe('');
    expect(JSON.parse(exported.stdout)).toEqual(await exportOf(h, `email=${person.email}`, shop));

    expect(plaudit(['customer', 'erase', '--shop', shop.shop_id, '--email', person.email, '--mode', 'shred'], env)).toMatchObject({ status: 1, stderr: 'plaudit: --mode must be anonymize or delete\n' });
    expect(plaudit(['customer', 'erase', '--shop', shop.shop_id, '--mode', 'delete'], env)).toMatchObject({ status: 1, stderr: 'plaudit: body must carry exactly one of email and customer_id\n' });

    const erased = plaudit(['customer', 'erase', '--shop', shop.shop_id, '--customer-id', person.customerId, '--mode', 'delete', '--json'], env);
    expect(erased.stderr).toBe('');
    expect(JSON.parse(erased.stdout)).toEqual({ mode: 'delete', reviews: 3, questions: 0, answers: 0, media_files: 1, orders: 1, events: 2, customers: 1 });
    expect(await h.deps.storage.head(person.photoUrl.slice(`${PUBLIC_URL}/media/`.length))).toBeUndefined();
    for (const trace of [person.email, person.name, person.phone]) expect(await rowsMentioning(h, trace), trace).toEqual([]);
  });
});

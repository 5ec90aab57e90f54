import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { LocalStorage } from '../../src/storage/local-storage.js';
import { plaudit } from '../support/cli.js';
import { databaseChecksum, rowsMentioning } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, PUBLIC_URL, TEST_SECRET_KEY, useHarness } from '../support/harness.js';
import { seedPerson, unique } from '../support/person.js';
import { deliveryFor, WEBHOOK_ENV } from '../support/webhooks.js';

describeEachDatabase('plaudit shop erase: a whole shop, for shop/redact', (dialect) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plaudit-shop-erase-'));
  const harness = useHarness(dialect, { env: WEBHOOK_ENV, storage: () => new LocalStorage(path.join(dataDir, 'media')) });

  it('deletes every row and file of the shop, and nothing of any other shop', async () => {
    const h = harness();
    const env = { DATABASE_URL: h.databaseUrl, SECRET_KEY: TEST_SECRET_KEY, DATA_DIR: dataDir, PUBLIC_URL };
    const shop = await h.newShop(`leaving-${unique()}.example.com`);
    // Everything a shop accumulates: customers, orders, reviews with a photo, events, opt-outs,
    // settings, a webhook with a delivery, a platform's grant and tokens, a merchant.
    const person = await seedPerson(h, shop);
    await seedPerson(h, h.otherShop);
    expect(envelope(await h.call('POST', 'create_customer_exclude', { body: { customer_id: person.customerId } }, shop)).code).toBe(0);
    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { sender_name: 'Leaving team' } }, shop)).code).toBe(0);
    const hook = envelope<{ id: string }>(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: 'https://hooks.example.com/leaving' } }, shop)).data!.id;
    await deliveryFor(h, shop.shop_id, hook);
    const token = await h.bearerToken(shop, ['read_reviews']);
    expect(plaudit(['merchant', 'create', '--email', `owner-${unique()}@example.com`, '--password', 'long enough password', '--shop', shop.shop_id, '--shop', h.otherShop.shop_id], env).status).toBe(0);
    const photoKey = person.photoUrl.slice(`${PUBLIC_URL}/media/`.length);
    expect(await h.deps.storage.head(photoKey)).toBeDefined();
    const othersRows = await rowsMentioning(h, h.otherShop.shop_id);

    const before = await databaseChecksum(h);
    const unconfirmed = plaudit(['shop', 'erase', shop.shop_id], env);
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.stderr).toContain('run again with --yes');
    expect(await databaseChecksum(h)).toEqual(before);
    expect(plaudit(['shop', 'erase', 'no-such-shop', '--yes'], env)).toMatchObject({ status: 1, stderr: 'plaudit: shop no-such-shop not found\n' });

    const erased = plaudit(['shop', 'erase', shop.shop_id, '--yes'], env);
    expect(erased.stderr).toBe('');
    expect(erased.stdout).toContain(`erased shop ${shop.shop_id}`);

    expect(await rowsMentioning(h, shop.shop_id)).toEqual([]);
    expect(await rowsMentioning(h, person.email)).toEqual([]);
    expect(await h.deps.storage.head(photoKey)).toBeUndefined();
    expect(await rowsMentioning(h, h.otherShop.shop_id)).toEqual(othersRows);
    // The platform's token for the shop is gone with its grant; the merchant keeps the other shop.
    const refused = await h.app.inject({ method: 'GET', url: '/api/v1/openapi/get_reviews', headers: { authorization: `Bearer ${token}` } });
    expect(refused.statusCode).toBe(401);
    expect(await h.deps.db.kysely.selectFrom('merchant_shops').select('shop_id').execute()).toEqual(expect.arrayContaining([{ shop_id: h.otherShop.shop_id }]));
  });
});

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.js';
import { systemClock } from '../../src/time/clock.js';
import { createShop } from '../../src/shops/shop-service.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

describeEachDatabase('migration 013-storefront-rank', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(() => database.destroy());

  it('ranks the reviews already there: pinned 4, featured 2, a published photo or video 1', async () => {
    await migrateUpTo(database.db, '012-review-imports');
    // Written with the columns of the schema before 013, as a running older version would.
    const db = database.db.kysely as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const shopId = (await createShop(database.db.kysely, { secretKey: randomBytes(32), clock: systemClock }, { domain: 'rank.example.com', name: 'Rank' })).shop_id;
    const review = async (flags: { is_top: number; is_featured: number }) => {
      const row = { shop_id: shopId, product_id: '1', rating: 5, author: 'A', author_email: '', author_phone: '', author_country: '', title: '', content: 'x', commented_at: 1, item_type: '', source: 'Open API', tag: '', order_id: '', is_verified: 0, verification_method: 'none', is_published: 1, reply_content: null, reply_at: null, helpful_count: 0, media_count: 0, created_at: 1, updated_at: 1, deleted_at: null, ...flags };
      return Number((await db.insertInto('reviews').values(row).returning('id').executeTakeFirstOrThrow()).id);
    };
    const media = (reviewId: number, isPublished: number) =>
      db.insertInto('review_media').values({ shop_id: shopId, review_id: reviewId, position: 0, url: 'https://cdn.example.com/a.jpg', thumbnail_url: '', type: 1, is_published: isPublished, width: 0, height: 0 }).execute();
    const plain = await review({ is_top: 0, is_featured: 0 });
    const pinnedWithPhoto = await review({ is_top: 1, is_featured: 0 });
    await media(pinnedWithPhoto, 1);
    const featuredHiddenPhoto = await review({ is_top: 0, is_featured: 1 });
    await media(featuredHiddenPhoto, 0);
    const everything = await review({ is_top: 1, is_featured: 1 });
    await media(everything, 1);

    expect(await migrateToLatest(database.db)).toContain('013-storefront-rank');
    const ranks = await database.db.kysely.selectFrom('reviews').select(['id', 'storefront_rank']).orderBy('id').execute();
    expect(ranks.map((r) => [Number(r.id), r.storefront_rank])).toEqual([[plain, 0], [pinnedWithPhoto, 5], [featuredHiddenPhoto, 2], [everything, 7]]);
  });
});

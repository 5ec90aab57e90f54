import { describe, expect, it } from 'vitest';
import { RetentionJob } from '../../src/worker/retention-job.js';
import { getImageUploadPolicyTokenOperation } from '../../src/open-api/media/upload-credentials.route.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';
import { fetchMedia, testJpeg, uploadImage } from '../support/media.js';
import { securitySuite } from '../support/security.js';

interface ReviewMedia {
  url: string;
  thumbnail_url: string;
  type: number;
  width: number;
  height: number;
}

async function createReview(h: Harness, media: unknown, shop = h.shop) {
  return h.call('POST', 'create_review', { body: { product_id: '9200305176832', rating: 5, author: 'Ann L.', content: 'Lovely mug', media } }, shop);
}

async function reviewMedia(h: Harness, id: string): Promise<ReviewMedia[]> {
  const response = await h.call('GET', 'get_review', { query: `id=${id}` });
  return envelope<{ media: ReviewMedia[] }>(response).data!.media;
}

describeEachDatabase('media in reviews', (dialect) => {
  const harness = useHarness(dialect);

  describe('get_image_upload_policy_token security', () => securitySuite(harness, { op: getImageUploadPolicyTokenOperation, valid: async () => ({}) }));

  it('attaches uploads named by create_review, with their pixel sizes and the small rendition as default thumbnail', async () => {
    const h = harness();
    const photo = await uploadImage(h, { name: 'mug.jpg', type: 'image/jpeg', data: await testJpeg(640, 480) });
    const created = await createReview(h, { images: [photo.url], thumbnails: [], video: '', video_thumbnail: '' });
    expect(created.statusCode).toBe(200);
    const media = await reviewMedia(h, envelope<{ id: string }>(created).data!.id);
    expect(media).toMatchObject([{ url: photo.url, thumbnail_url: photo.thumbnail_url, type: 1, width: 640, height: 480 }]);

    // Attached files outlive the 24-hour sweep.
    h.clock.advanceSeconds(25 * 3600);
    try {
      await new RetentionJob({ db: h.deps.db, clock: h.clock, storage: h.deps.storage, customerEventRetentionDays: 400 }).runOnce();
    } finally {
      h.clock.advanceSeconds(-25 * 3600);
    }
    expect((await fetchMedia(h, photo.thumbnail_url)).statusCode).toBe(200);
  });

  it('accepts the same file as url and, with a rendition query, as thumbnail_url (format B)', async () => {
    const h = harness();
    const photo = await uploadImage(h, { name: 'b.jpg', type: 'image/jpeg', data: await testJpeg(200, 100) });
    const created = await createReview(h, [{ url: `${photo.url}?x-oss-process=style/trustoo_big`, thumbnail_url: photo.thumbnail_url, type: 1 }]);
    expect(created.statusCode).toBe(200);
    expect(await reviewMedia(h, envelope<{ id: string }>(created).data!.id)).toMatchObject([{ width: 200, height: 100 }]);
  });

  it('refuses (code 3) another shop\'s upload, an unknown key, a file attached elsewhere and an image in the video slot, creating nothing', async () => {
    const h = harness();
    const theirs = await uploadImage(h, { name: 'theirs.jpg', type: 'image/jpeg', data: await testJpeg(50, 50) }, h.otherShop);
    const mine = await uploadImage(h, { name: 'mine.jpg', type: 'image/jpeg', data: await testJpeg(50, 50) });
    expect((await createReview(h, { images: [mine.url] })).statusCode).toBe(200);
    const fresh = await uploadImage(h, { name: 'fresh.jpg', type: 'image/jpeg', data: await testJpeg(50, 50) });
    const count = async () => Number((await h.deps.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases: Array<[unknown, string, string]> = [
      [{ images: [theirs.url] }, 'media.images[0]', 'must be a file uploaded for this shop'],
      [{ images: [`${PUBLIC_URL}/media/${h.shop.shop_id}/2026/6/17/never-uploaded.jpg`] }, 'media.images[0]', 'must be a file uploaded for this shop'],
      [{ images: [mine.url] }, 'media.images[0]', 'is already attached to another review'],
      [{ images: [fresh.url], video: fresh.url }, 'media.video', 'must be a file uploaded for this shop'],
      [[{ url: `${PUBLIC_URL}/media/upload/${theirs.url.slice(`${PUBLIC_URL}/media/`.length)}`, type: 1 }], 'media[0].url', 'must be a file uploaded for this shop'],
    ];
    for (const [media, field, reason] of cases) {
      const response = await createReview(h, media);
      expect(response.statusCode, JSON.stringify(media)).toBe(400);
      expect(envelope(response).code).toBe(3);
      expect(response.json().data.errors).toContainEqual({ field, reason });
    }
    expect(await count()).toBe(before);
    // The refused attempts left `fresh` free to attach.
    expect((await createReview(h, { images: [fresh.url] })).statusCode).toBe(200);
  });

  it('keeps external media URLs as given, fetching nothing', async () => {
    const h = harness();
    const created = await createReview(h, [{ url: 'https://cdn.example.net/p/1.jpg', type: 1 }]);
    expect(await reviewMedia(h, envelope<{ id: string }>(created).data!.id)).toMatchObject([{ url: 'https://cdn.example.net/p/1.jpg', thumbnail_url: 'https://cdn.example.net/p/1.jpg', width: 0, height: 0 }]);
  });
});

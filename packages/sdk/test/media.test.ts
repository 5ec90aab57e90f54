import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { describeEachDatabase } from '../../server/test/support/databases.js';
import { useListeningHarness } from '../../server/test/support/listening-harness.js';
import { testMp4 } from '../../server/test/support/media.js';
import { useS3Peer } from '../../server/test/support/s3-server.js';
import { PlauditClient, PlauditError } from '../src/index.js';

describeEachDatabase('@plaudit/sdk media', (dialect) => {
  describe.each(['local', 's3'] as const)('%s storage', (storageKind) => {
    const s3 = storageKind === 's3' ? useS3Peer() : undefined;
    const harness = useListeningHarness(dialect, s3 ? { storage: () => s3().storage } : {});
    const client = () => {
      const h = harness();
      return new PlauditClient({ baseUrl: h.baseUrl, credentials: { publicToken: h.shop.public_token, privateToken: h.shop.private_token }, now: () => h.clock.now() });
    };

    it('uploads a photo and a video and creates a review that uses them', async () => {
      const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#345' } }).jpeg().toBuffer();
      const photo = await client().media.uploadImage({ data: jpeg, name: 'desk photo.jpg', type: 'image/jpeg' });
      expect(photo).toMatchObject({ width: 320, height: 240 });
      expect(photo.url).toMatch(/\/deskphoto\.jpg$/);
      const videoUrl = await client().media.uploadVideo({ data: testMp4(2048), name: 'clip.mp4', contentType: 'video/mp4' });
      const created = await client().reviews.create({ product_id: '77', rating: 5, author: 'Sam', media: { images: [photo.url], video: videoUrl } });
      const review = await client().reviews.get(Number(created.id));
      expect(review.media.map((m) => [m.type, m.url])).toEqual([
        [1, photo.url],
        [2, videoUrl],
      ]);
    });

    it('surfaces the upload host\'s refusal as a typed error', async () => {
      const error = await client()
        .media.uploadImage({ data: new TextEncoder().encode('<svg onload="alert(1)"/>'), name: 'x.svg', type: 'image/svg+xml' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlauditError);
      expect(error).toMatchObject({ code: 3, httpStatus: 400, requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    });
  });
});

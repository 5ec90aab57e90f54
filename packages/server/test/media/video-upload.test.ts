import { describe, expect, it } from 'vitest';
import { getVideoUploadUrlOperation } from '../../src/open-api/media/video-upload-url.route.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';
import { fetchMedia, testMp4, testWebm, videoTicket } from '../support/media.js';
import { useS3Peer } from '../support/s3-server.js';
import { securitySuite } from '../support/security.js';

function keyOf(videoUrl: string): string {
  return videoUrl.slice(`${PUBLIC_URL}/media/`.length);
}

function put(h: Harness, uploadUrl: string, body: Buffer, contentType = 'video/mp4') {
  return h.app.inject({ method: 'PUT', url: uploadUrl.replace(PUBLIC_URL, ''), headers: { 'content-type': contentType }, payload: body });
}

describeEachDatabase('video uploads', (dialect) => {
  describe('Plaudit-signed PUT URLs (local storage)', () => {
    const harness = useHarness(dialect);

    describe('security', () => securitySuite(harness, { op: getVideoUploadUrlOperation, valid: async () => ({ query: 'file_name=a.mp4&content_type=video/mp4&size=100' }) }));

    it('issues a single-use URL whose upload is then served with byte ranges', async () => {
      const h = harness();
      const ticket = await videoTicket(h, 4096);
      expect(ticket).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'video/mp4' }, expire: String(1_781_682_900 + 1800) });
      expect(ticket.upload_url).toMatch(new RegExp(`^${PUBLIC_URL}/media/put/pt_[A-Za-z0-9_-]{32}$`));
      expect(ticket.video_url).toMatch(new RegExp(`^${PUBLIC_URL}/media/${h.shop.shop_id}/2026/6/17/v_[0-9a-f]{32}\\.mp4$`));
      // Nothing is served before the bytes arrive.
      expect((await fetchMedia(h, ticket.video_url)).statusCode).toBe(404);

      const video = testMp4(4096);
      const response = await put(h, ticket.upload_url, video);
      expect(response.statusCode).toBe(200);
      expect(envelope(response).data).toEqual({ video_url: ticket.video_url, size: 4096 });

      const whole = await fetchMedia(h, ticket.video_url);
      expect(whole.statusCode).toBe(200);
      expect(whole.headers['content-type']).toBe('video/mp4');
      expect(whole.headers['accept-ranges']).toBe('bytes');
      expect(whole.rawPayload.equals(video)).toBe(true);
      const part = await fetchMedia(h, ticket.video_url, { range: 'bytes=100-199' });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe('bytes 100-199/4096');
      expect(part.rawPayload.equals(video.subarray(100, 200))).toBe(true);
      const tail = await fetchMedia(h, ticket.video_url, { range: 'bytes=-96' });
      expect(tail.rawPayload.equals(video.subarray(4000))).toBe(true);
      const beyond = await fetchMedia(h, ticket.video_url, { range: 'bytes=5000-' });
      expect(beyond.statusCode).toBe(416);
      expect(beyond.headers['content-range']).toBe('bytes */4096');
      // A rendition query on a video serves the video.
      expect((await fetchMedia(h, `${ticket.video_url}?x-oss-process=style/trustoo_small`)).rawPayload.equals(video)).toBe(true);

      // The URL worked once.
      const again = await put(h, ticket.upload_url, video);
      expect(again.statusCode).toBe(401);
      expect(envelope(again).code).toBe(16);
    });

    it('refuses a body larger or smaller than declared, another type or container, and keeps the URL usable until one succeeds', async () => {
      const h = harness();
      const ticket = await videoTicket(h, 2048);
      const key = keyOf(ticket.video_url);
      const refusals: Array<[Buffer, string, number, RegExp]> = [
        [testMp4(4096), 'video/mp4', 413, /exactly 2048 bytes/],
        [testMp4(1024), 'video/mp4', 400, /exactly 2048 bytes/],
        [testWebm(2048), 'video/mp4', 400, /must be a video\/mp4 file/],
        [testMp4(2048), 'video/webm', 400, /Content-Type must be video\/mp4/],
        [Buffer.from('<?php echo 1; ?>'.padEnd(2048, ' ')), 'video/mp4', 400, /must be a video\/mp4 file/],
      ];
      for (const [body, type, status, reason] of refusals) {
        const response = await put(h, ticket.upload_url, body, type);
        expect(response.statusCode, reason.source).toBe(status);
        expect(envelope(response).code).toBe(3);
        expect(envelope(response).message).toMatch(reason);
        expect(await h.deps.storage.head(key)).toBeUndefined();
      }
      expect((await put(h, ticket.upload_url, testMp4(2048))).statusCode).toBe(200);
    });

    it('refuses an expired URL and an unknown token, storing nothing', async () => {
      const h = harness();
      const ticket = await videoTicket(h, 512);
      h.clock.advanceSeconds(1801);
      try {
        const expired = await put(h, ticket.upload_url, testMp4(512));
        expect(expired.statusCode).toBe(401);
        expect(envelope(expired).message).toMatch(/expired/);
      } finally {
        h.clock.advanceSeconds(-1801);
      }
      expect(await h.deps.storage.head(keyOf(ticket.video_url))).toBeUndefined();
      const unknown = await put(h, `${PUBLIC_URL}/media/put/pt_${'x'.repeat(32)}`, testMp4(512));
      expect(unknown.statusCode).toBe(401);
    });

    it('validates the ticket request (code 3)', async () => {
      const h = harness();
      const cases: Array<[string, string]> = [
        ['file_name=refused.avi&content_type=video/x-msvideo&size=10', 'content_type'],
        ['file_name=refused.mp4&content_type=video/mp4&size=0', 'size'],
        [`file_name=refused.mp4&content_type=video/mp4&size=${200 * 1024 * 1024 + 1}`, 'size'],
        ['file_name=dir%2Fa.mp4&content_type=video/mp4&size=10', 'file_name'],
        ['content_type=video/mp4&size=10', 'file_name'],
      ];
      for (const [query, field] of cases) {
        const response = await h.call('GET', 'get_video_upload_url', { query });
        expect(response.statusCode, query).toBe(400);
        expect(envelope<unknown>(response).code).toBe(3);
        expect(JSON.stringify(response.json())).toContain(field);
      }
      expect(Number((await h.deps.db.kysely.selectFrom('media_files').select((eb) => eb.fn.countAll().as('n')).where('original_name', 'like', 'refused%').executeTakeFirstOrThrow()).n)).toBe(0);
    });
  });

  describe('S3 presigned PUT URLs', () => {
    const s3 = useS3Peer();
    const harness = useHarness(dialect, { storage: () => s3().storage });

    async function createWithVideo(h: Harness, videoUrl: string) {
      return h.call('POST', 'create_review', { body: { product_id: '9200305176832', rating: 5, author: 'Vic', content: 'See it in use', media: { images: [], thumbnails: [], video: videoUrl, video_thumbnail: '' } } });
    }

    it('signs a PUT straight to the bucket; the video is checked and served once a review names it', async () => {
      const h = harness();
      const ticket = await videoTicket(h, 3000);
      expect(ticket.upload_url.startsWith(`${s3().endpoint}/plaudit-media/${keyOf(ticket.video_url)}?`)).toBe(true);
      expect(ticket.upload_url).toContain('X-Amz-Signature=');
      const video = testMp4(3000);
      const upload = await fetch(ticket.upload_url, { method: 'PUT', headers: ticket.headers, body: new Uint8Array(video) });
      expect(upload.status).toBe(200);

      const created = await createWithVideo(h, ticket.video_url);
      expect(created.statusCode).toBe(200);
      const part = await fetchMedia(h, ticket.video_url, { range: 'bytes=0-11' });
      expect(part.statusCode).toBe(206);
      expect(part.rawPayload.equals(video.subarray(0, 12))).toBe(true);
    });

    it('refuses at attachment a body of another length than declared, or another container', async () => {
      const h = harness();
      // S3 itself refuses a length other than the signed one; s3rver does not check, so Plaudit's own check is what is tested.
      const longer = await videoTicket(h, 3000);
      await fetch(longer.upload_url, { method: 'PUT', headers: longer.headers, body: new Uint8Array(testMp4(3500)) });
      const refusedLength = await createWithVideo(h, longer.video_url);
      expect(refusedLength.statusCode).toBe(400);
      expect(JSON.stringify(refusedLength.json())).toContain('must be a video whose upload has completed with the declared size and type');

      const ticket = await videoTicket(h, 3000);
      const webm = await fetch(ticket.upload_url, { method: 'PUT', headers: ticket.headers, body: new Uint8Array(testWebm(3000)) });
      expect(webm.status).toBe(200);
      const before = Number((await h.deps.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const refused = await createWithVideo(h, ticket.video_url);
      expect(refused.statusCode).toBe(400);
      expect(Number((await h.deps.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
      expect(JSON.stringify(refused.json())).toContain('must be a video whose upload has completed with the declared size and type');
      expect((await fetchMedia(h, ticket.video_url)).statusCode).toBe(404);
    });
  });
});

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { signPolicy } from '../../src/media/upload-policy.js';
import { RetentionJob } from '../../src/worker/retention-job.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';
import { fetchMedia, imageCredentials, pngBomb, postUpload, testJpeg, testPng, uploadFields, uploadImage } from '../support/media.js';
import { useS3Peer } from '../support/s3-server.js';

async function storedFiles(h: Harness): Promise<number> {
  return Number((await h.deps.db.kysely.selectFrom('media_files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describeEachDatabase('image uploads', (dialect) => {
  describe.each(['local', 's3'] as const)('%s storage', (storageKind) => {
    const s3 = storageKind === 's3' ? useS3Peer() : undefined;
    const harness = useHarness(dialect, s3 ? { storage: () => s3().storage } : {});

    it('issues OSS-style credentials for the shop: host, dir of the day, 30 minutes, signed policy', async () => {
      const h = harness();
      const credentials = await imageCredentials(h);
      expect(credentials.host).toBe(`${PUBLIC_URL}/media/upload`);
      expect(credentials.dir).toBe(`${h.shop.shop_id}/2026/6/17/`);
      expect(credentials.expire).toBe(String(1_781_682_900 + 1800));
      expect(credentials.access_id).toMatch(/^PLM[A-Z2-7]{17}$/);
      expect(JSON.parse(Buffer.from(credentials.policy, 'base64').toString())).toEqual({
        expiration: '2026-06-17T08:25:00Z',
        conditions: [
          ['starts-with', '$key', credentials.dir],
          ['content-length-range', 1, 10485760],
          ['starts-with', '$Content-Type', 'image/'],
        ],
      });
      // The same key serves every call; each call signs a fresh policy.
      expect((await imageCredentials(h)).access_id).toBe(credentials.access_id);
      expect((await imageCredentials(h, h.otherShop)).access_id).not.toBe(credentials.access_id);
    });

    it('stores an upload with EXIF orientation applied and every metadata block removed', async () => {
      const h = harness();
      const original = await testJpeg(300, 200, { orientation: 6, gps: true });
      expect((await sharp(original).metadata()).exif).toBeDefined();
      const credentials = await imageCredentials(h);
      const response = await postUpload(h, [...uploadFields(credentials, { 'Content-Type': 'image/jpeg' }), ['file', { name: 'mug on desk.jpg', type: 'image/jpeg', data: original }]]);
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      const data = envelope<{ url: string; thumbnail_url: string; width: number; height: number }>(response).data!;
      // `${filename}` took the file's own name, reduced to the allowed characters.
      expect(data).toEqual({
        url: `${PUBLIC_URL}/media/${credentials.dir}mugondesk.jpg`,
        thumbnail_url: `${PUBLIC_URL}/media/${credentials.dir}mugondesk.jpg?x-oss-process=style/trustoo_small`,
        width: 200,
        height: 300,
      });

      const served = await fetchMedia(h, data.url);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers.etag).toBeTruthy();
      const stored = await sharp(served.rawPayload).metadata();
      expect({ width: stored.width, height: stored.height, exif: stored.exif, xmp: stored.xmp, iptc: stored.iptc, orientation: stored.orientation }).toEqual({
        width: 200,
        height: 300,
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        orientation: undefined,
      });
      const again = await fetchMedia(h, data.url, { 'if-none-match': String(served.headers.etag) });
      expect(again.statusCode).toBe(304);
    });

    it('serves thumbnail and large renditions under both selector spellings, made once and never enlarged', async () => {
      const h = harness();
      const uploaded = await uploadImage(h, { name: 'wide.png', type: 'image/png', data: await testPng(2400, 1200) });
      const small = await fetchMedia(h, uploaded.thumbnail_url);
      expect(small.statusCode).toBe(200);
      expect(small.headers['content-type']).toBe('image/png');
      expect(await sharp(small.rawPayload).metadata()).toMatchObject({ format: 'png', width: 400, height: 200 });
      const large = await fetchMedia(h, `${uploaded.url}?size=large`);
      expect(await sharp(large.rawPayload).metadata()).toMatchObject({ width: 1600, height: 800 });
      const bigStyle = await fetchMedia(h, `${uploaded.url}?x-oss-process=style/trustoo_big`);
      expect(bigStyle.rawPayload.equals(large.rawPayload)).toBe(true);
      const sizeSmall = await fetchMedia(h, `${uploaded.url}?size=small`);
      expect(sizeSmall.rawPayload.equals(small.rawPayload)).toBe(true);
      // The rendition is cached in storage beside the original.
      const key = uploaded.url.slice(`${PUBLIC_URL}/media/`.length);
      expect(await h.deps.storage.head(`_renditions/small/${key}`)).toBeDefined();

      const tiny = await uploadImage(h, { name: 'tiny.jpg', type: 'image/jpeg', data: await testJpeg(120, 90) });
      const tinyLarge = await fetchMedia(h, `${tiny.url}?size=large`);
      expect(await sharp(tinyLarge.rawPayload).metadata()).toMatchObject({ width: 120, height: 90 });
      // Other query strings serve the original.
      const original = await fetchMedia(h, `${uploaded.url}?v=2`);
      expect(await sharp(original.rawPayload).metadata()).toMatchObject({ width: 2400, height: 1200 });
    });

    it('redirects the upload-host alias to the media base, query kept; unknown keys answer 404', async () => {
      const h = harness();
      const uploaded = await uploadImage(h, { name: 'alias.jpg', type: 'image/jpeg', data: await testJpeg(50, 50) });
      const key = uploaded.url.slice(`${PUBLIC_URL}/media/`.length);
      const alias = await h.app.inject(`/media/upload/${key}?x-oss-process=style/trustoo_small`);
      expect(alias.statusCode).toBe(301);
      expect(alias.headers.location).toBe(`${uploaded.url}?x-oss-process=style/trustoo_small`);
      expect((await h.app.inject(`/media/${h.shop.shop_id}/2026/6/17/nothing.jpg`)).statusCode).toBe(404);
    });

    it('answers CORS preflights of the upload host', async () => {
      const h = harness();
      const response = await h.app.inject({ method: 'OPTIONS', url: '/media/upload', headers: { origin: 'https://maple-and-co.myshopify.com', 'access-control-request-method': 'POST' } });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-methods']).toBe('POST, OPTIONS');
    });

    describe('refusals store nothing', () => {
      async function expectRefused(h: Harness, parts: Parameters<typeof postUpload>[1], status: number, code: number, reason: RegExp): Promise<void> {
        const before = await storedFiles(h);
        const response = await postUpload(h, parts);
        expect(response.statusCode).toBe(status);
        expect(envelope(response).code).toBe(code);
        expect(envelope(response).message).toMatch(reason);
        expect(await storedFiles(h)).toBe(before);
      }
      const jpeg = () => testJpeg(64, 48);

      it('expired credentials', async () => {
        const h = harness();
        const credentials = await imageCredentials(h);
        h.clock.advanceSeconds(1801);
        try {
          await expectRefused(h, [...uploadFields(credentials), ['file', { name: 'a.jpg', type: 'image/jpeg', data: await jpeg() }]], 401, 16, /expired/);
        } finally {
          h.clock.advanceSeconds(-1801);
        }
      });

      it('a tampered policy, a wrong signature and an unknown access id', async () => {
        const h = harness();
        const credentials = await imageCredentials(h);
        const wider = Buffer.from(Buffer.from(credentials.policy, 'base64').toString().replace(credentials.dir, `${h.otherShop.shop_id}/`)).toString('base64');
        const file = ['file', { name: 'a.jpg', type: 'image/jpeg', data: await jpeg() }] as const;
        await expectRefused(h, [...uploadFields(credentials, { policy: wider, key: `${h.otherShop.shop_id}/x.jpg` }), [...file]], 401, 16, /Signature/);
        await expectRefused(h, [...uploadFields(credentials, { Signature: signPolicy(credentials.policy, 'guessed-secret') }), [...file]], 401, 16, /Signature/);
        await expectRefused(h, [...uploadFields(credentials, { OSSAccessKeyId: 'PLMAAAAAAAAAAAAAAAAA' }), [...file]], 401, 16, /upload key/);
        await expectRefused(h, [...uploadFields(credentials, { OSSAccessKeyId: '' }), [...file]], 401, 16, /upload key/);
      });

      it('a key outside dir, or with a further folder', async () => {
        const h = harness();
        const credentials = await imageCredentials(h);
        const file = ['file', { name: 'a.jpg', type: 'image/jpeg', data: await jpeg() }] as const;
        await expectRefused(h, [...uploadFields(credentials, { key: `${h.otherShop.shop_id}/2026/6/17/a.jpg` }), [...file]], 400, 3, /key must start with/);
        await expectRefused(h, [...uploadFields(credentials, { key: `${credentials.dir}../../a.jpg` }), [...file]], 400, 3, /key must end in a file name/);
        await expectRefused(h, [...uploadFields(credentials, { key: `${credentials.dir}sub/a.jpg` }), [...file]], 400, 3, /key must end in a file name/);
      });

      it('a file over 10 MiB (413) and a zero-byte file', async () => {
        const h = harness();
        const credentials = await imageCredentials(h);
        const big = Buffer.concat([await jpeg(), Buffer.alloc(10 * 1024 * 1024)]);
        await expectRefused(h, [...uploadFields(credentials), ['file', { name: 'big.jpg', type: 'image/jpeg', data: big }]], 413, 3, /at most 10485760 bytes/);
        await expectRefused(h, [...uploadFields(credentials), ['file', { name: 'empty.jpg', type: 'image/jpeg', data: Buffer.alloc(0) }]], 400, 3, /empty/);
      });

      it('a PHP file renamed .jpg, an SVG, and a declared type that is not an image', async () => {
        const h = harness();
        const credentials = await imageCredentials(h);
        const php = Buffer.from('<?php system($_GET["c"]); ?>');
        await expectRefused(h, [...uploadFields(credentials, { 'Content-Type': 'image/jpeg' }), ['file', { name: 'shell.jpg', type: 'image/jpeg', data: php }]], 400, 3, /JPEG, PNG, GIF or WebP/);
        const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
        await expectRefused(h, [...uploadFields(credentials), ['file', { name: 'x.svg', type: 'image/svg+xml', data: svg }]], 400, 3, /JPEG, PNG, GIF or WebP/);
        await expectRefused(h, [...uploadFields(credentials, { 'Content-Type': 'text/html' }), ['file', { name: 'a.jpg', type: 'image/jpeg', data: await jpeg() }]], 400, 3, /Content-Type must begin with image\//);
        await expectRefused(h, [...uploadFields(credentials), ['file', { name: 'a.bin', type: 'application/octet-stream', data: await jpeg() }]], 400, 3, /Content-Type must begin with image\//);
        // Magic bytes of a JPEG followed by garbage: the type sniffs, the decoder refuses.
        await expectRefused(h, [...uploadFields(credentials), ['file', { name: 'fake.jpg', type: 'image/jpeg', data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]) }]], 400, 3, /decodable/);
      });

      it('a decompression-bomb PNG (50 megapixels in a few kilobytes)', async () => {
        const h = harness();
        const credentials = await imageCredentials(h);
        const bomb = pngBomb(10_000, 5_000);
        expect(bomb.length).toBeLessThan(200_000);
        await expectRefused(h, [...uploadFields(credentials), ['file', { name: 'bomb.png', type: 'image/png', data: bomb }]], 400, 3, /more than 40,000,000 pixels/);
      });

      it('a key that exists already (409), a form without a file, and a body that is not multipart', async () => {
        const h = harness();
        const credentials = await imageCredentials(h);
        const file = ['file', { name: 'taken.jpg', type: 'image/jpeg', data: await jpeg() }] as const;
        expect((await postUpload(h, [...uploadFields(credentials), [...file]])).statusCode).toBe(200);
        await expectRefused(h, [...uploadFields(credentials), [...file]], 409, 6, /already exists/);
        await expectRefused(h, [...uploadFields(credentials)], 400, 3, /file is required/);
        const before = await storedFiles(h);
        const json = await h.app.inject({ method: 'POST', url: '/media/upload', headers: { 'content-type': 'application/json' }, payload: '{"key":"x"}' });
        expect(json.statusCode).toBe(400);
        expect(envelope(json).code).toBe(3);
        expect(await storedFiles(h)).toBe(before);
      });
    });

    it('sweeps uploads never attached to a review after 24 hours', async () => {
      const h = harness();
      const uploaded = await uploadImage(h, { name: 'orphan.jpg', type: 'image/jpeg', data: await testJpeg(40, 40) });
      expect((await fetchMedia(h, uploaded.thumbnail_url)).statusCode).toBe(200);
      const key = uploaded.url.slice(`${PUBLIC_URL}/media/`.length);
      const job = () => new RetentionJob({ db: h.deps.db, clock: h.clock, storage: h.deps.storage, customerEventRetentionDays: 400 }).runOnce();
      h.clock.advanceSeconds(23 * 3600);
      await job();
      expect((await fetchMedia(h, uploaded.url)).statusCode).toBe(200);
      h.clock.advanceSeconds(2 * 3600);
      try {
        await job();
        expect((await fetchMedia(h, uploaded.url)).statusCode).toBe(404);
        expect(await h.deps.storage.head(key)).toBeUndefined();
        expect(await h.deps.storage.head(`_renditions/small/${key}`)).toBeUndefined();
      } finally {
        h.clock.advanceSeconds(-25 * 3600);
      }
    });
  });
});

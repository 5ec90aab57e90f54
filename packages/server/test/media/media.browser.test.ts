/// <reference lib="dom" />
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope } from '../support/harness.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { imageCredentials, testJpeg } from '../support/media.js';
import { useS3Peer } from '../support/s3-server.js';

const run = promisify(execFile);

/**
 * The "done when", end to end over real sockets: credentials from the API, a plain
 * `curl -F` upload (the contract's own example), a review naming the returned URLs, and both
 * renditions loading in Chromium. Once with local storage and once with S3.
 */
describeEachDatabase('media end to end', (dialect) => {
  describe.each(['local', 's3'] as const)('%s storage', (storageKind) => {
    const s3 = storageKind === 's3' ? useS3Peer() : undefined;
    const harness = useListeningHarness(dialect, s3 ? { storage: () => s3().storage } : {});

    describeInBrowser('Chromium', (browser) => {
      it('uploads with curl, creates a review with the URLs, and shows thumbnail and large renditions', async () => {
        const h = harness();
        const folder = await mkdtemp(path.join(tmpdir(), 'plaudit-curl-'));
        try {
          const photo = path.join(folder, 'mug.jpg');
          await writeFile(photo, await testJpeg(2000, 1500));
          const c = await imageCredentials(h);
          const { stdout } = await run('curl', ['-sS', c.host, '-F', `key=${c.dir}\${filename}`, '-F', `policy=${c.policy}`, '-F', `OSSAccessKeyId=${c.access_id}`, '-F', `Signature=${c.signature}`, '-F', 'Content-Type=image/jpeg', '-F', `file=@${photo}`]);
          const uploaded = JSON.parse(stdout) as { code: number; data: { url: string; thumbnail_url: string; width: number; height: number } };
          expect(uploaded.code).toBe(0);
          expect(uploaded.data).toMatchObject({ url: `${h.baseUrl}/media/${c.dir}mug.jpg`, width: 2000, height: 1500 });

          const created = await h.call('POST', 'create_review', {
            body: { product_id: '9200305176832', rating: 5, author: 'Curl User', content: 'Uploaded from a terminal', media: [{ url: uploaded.data.url, thumbnail_url: uploaded.data.thumbnail_url, type: 1 }] },
          });
          const id = envelope<{ id: string }>(created).data!.id;
          const review = envelope<{ media: Array<{ url: string; thumbnail_url: string }> }>(await h.call('GET', 'get_review', { query: `id=${id}` })).data!;

          const page = await browser().newPage();
          try {
            const [item] = review.media;
            await page.setContent(`<img id="thumb" src="${item!.thumbnail_url}"><img id="large" src="${item!.url}?x-oss-process=style/trustoo_big">`);
            await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
            const sizes = await page.evaluate(() => Array.from(document.images).map((image) => [image.naturalWidth, image.naturalHeight]));
            expect(sizes).toEqual([
              [400, 300],
              [1600, 1200],
            ]);
            await page.screenshot({ path: artifactPath(`media-renditions-${storageKind}-${dialect}.png`) });
          } finally {
            await page.close();
          }
        } finally {
          await rm(folder, { recursive: true, force: true });
        }
      });
    });
  });
});

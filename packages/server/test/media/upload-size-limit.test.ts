import { readdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { type ImageUploadCredentials, MAX_IMAGE_BYTES } from '../../src/media/upload-policy.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { type ListeningHarness, useListeningHarness } from '../support/listening-harness.js';
import { imageCredentials, multipartBody, testJpeg, uploadFields } from '../support/media.js';

/** Every file in the local media folder, however deep. */
async function storedObjects(h: ListeningHarness): Promise<string[]> {
  // The harness's storage is a LocalStorage over a fresh folder; its folder is private by design.
  const root = (h.deps.storage as unknown as { directory: string }).directory;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => `${entry.parentPath}/${entry.name}`).sort();
}

/** A real JPEG followed by padding: decoders ignore bytes after the image, so a cut copy still decodes. */
async function paddedJpeg(totalBytes: number): Promise<Buffer> {
  const jpeg = await testJpeg(64, 48);
  return Buffer.concat([jpeg, Buffer.alloc(totalBytes - jpeg.length, 0x20)]);
}

/** Uploads over a real socket, in the chunks a real network delivers, as a browser or curl would. */
async function upload(h: ListeningHarness, credentials: ImageUploadCredentials, data: Buffer): Promise<{ status: number; code: number; message: string }> {
  const { payload, contentType } = multipartBody([...uploadFields(credentials), ['file', { name: 'photo.jpg', type: 'image/jpeg', data }]]);
  const response = await fetch(`${h.baseUrl}/media/upload`, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(payload) });
  const answer = (await response.json()) as { code: number; message: string };
  return { status: response.status, code: answer.code, message: answer.message };
}

describeEachDatabase('image upload size limit', (dialect) => {
  const harness = useListeningHarness(dialect);

  it('refuses a file one byte over 10 MiB, and a 15 MiB one, with 413 and stores nothing', async () => {
    const h = harness();
    const credentials = await imageCredentials(h);
    const before = { rows: await databaseChecksum(h), files: await storedObjects(h) };
    for (const size of [MAX_IMAGE_BYTES + 1, 15 * 1024 * 1024]) {
      expect([size, await upload(h, credentials, await paddedJpeg(size))]).toEqual([size, { status: 413, code: 3, message: `file must be at most ${MAX_IMAGE_BYTES} bytes (10 MiB)` }]);
    }
    expect({ rows: await databaseChecksum(h), files: await storedObjects(h) }).toEqual(before);
  });

  it('accepts a file of exactly 10 MiB', async () => {
    const h = harness();
    const answer = await upload(h, await imageCredentials(h), await paddedJpeg(MAX_IMAGE_BYTES));
    expect([answer.status, answer.code]).toEqual([200, 0]);
  });
});

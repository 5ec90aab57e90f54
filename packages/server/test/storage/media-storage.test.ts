import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage } from '../../src/storage/local-storage.js';
import { type MediaStorage, SizeMismatchError } from '../../src/storage/media-storage.js';
import { storageFor } from '../../src/storage/storage-for-config.js';
import { S3Storage } from '../../src/storage/s3-storage.js';
import { type S3Peer, startS3Peer } from '../support/s3-server.js';

const text = async (stream: Readable) => Buffer.concat(await stream.toArray()).toString('utf8');

/** The same contract for both adapters: what one does, the other must do byte for byte. */
function storageContract(label: string, open: () => MediaStorage, options: { keepsAbortedUploads?: boolean } = {}) {
  describe(`${label} storage`, () => {
    const key = 'shop-1/2026/11/29/photo.jpg';

    it('stores, describes, reads whole and in ranges, and deletes an object', async () => {
      const storage = open();
      await storage.put(key, Buffer.from('0123456789'), 'image/jpeg');
      const head = await storage.head(key);
      expect(head?.size).toBe(10);
      expect(head?.etag).toMatch(/^".+"$/);
      const whole = await storage.read(key);
      expect(await text(whole!.body)).toBe('0123456789');
      const range = await storage.read(key, { start: 2, end: 5 });
      expect(await text(range!.body)).toBe('2345');
      expect((await storage.readPrefix(key, 3))?.toString()).toBe('012');
      await storage.delete(key);
      expect(await storage.head(key)).toBeUndefined();
      expect(await storage.read(key)).toBeUndefined();
    });

    it('keeps a streamed body only when it has exactly the declared size', async () => {
      const storage = open();
      await storage.putStream(`${key}.ok`, Readable.from([Buffer.from('abc')]), 'image/jpeg', 3);
      expect((await storage.head(`${key}.ok`))?.size).toBe(3);
      await expect(storage.putStream(`${key}.long`, Readable.from([Buffer.from('abcd')]), 'image/jpeg', 3)).rejects.toBeInstanceOf(SizeMismatchError);
      await expect(storage.putStream(`${key}.short`, Readable.from([Buffer.from('ab')]), 'image/jpeg', 3)).rejects.toBeInstanceOf(SizeMismatchError);
      if (!options.keepsAbortedUploads) {
        expect(await storage.head(`${key}.long`)).toBeUndefined();
        expect(await storage.head(`${key}.short`)).toBeUndefined();
      }
    });
  });
}

const directory = mkdtempSync(path.join(tmpdir(), 'plaudit-storage-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
storageContract('local', () => new LocalStorage(directory));

let peer: S3Peer;
beforeAll(async () => {
  peer = await startS3Peer();
});
afterAll(() => peer.close());
// S3 never stores a PUT that was aborted mid-body; s3rver, its stand-in here, keeps an empty object.
storageContract('S3', () => peer.storage, { keepsAbortedUploads: true });

describe('storage for a configuration', () => {
  it('picks the adapter the configuration names', () => {
    expect(storageFor({ kind: 'local', directory })).toBeInstanceOf(LocalStorage);
    expect(storageFor({ kind: 's3', bucket: 'b', endpoint: 'http://127.0.0.1:1', region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })).toBeInstanceOf(S3Storage);
  });

  it('presigns uploads only where the storage can take them directly', async () => {
    const local: MediaStorage = new LocalStorage(directory);
    expect(await local.presignPut('shop-1/a.mp4', 'video/mp4', 10, 60)).toBeUndefined();
    expect(await peer.storage.presignPut('shop-1/a.mp4', 'video/mp4', 10, 60)).toContain('X-Amz-Signature=');
  });
});

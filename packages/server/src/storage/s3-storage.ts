import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import type { StorageTarget } from '../config/config.js';
import { exactLength } from './local-storage.js';
import { type ByteRange, type MediaStorage, type ObjectStream, SizeMismatchError, type StoredObject } from './media-storage.js';

type S3Target = Extract<StorageTarget, { kind: 's3' }>;

function isMissing(error: unknown): boolean {
  return error instanceof NoSuchKey || error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);
}

/** Media in an S3-compatible bucket. Credentials come from the configuration, else from the SDK's chain (profiles, instance roles). */
export class S3Storage implements MediaStorage {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly target: S3Target, client?: S3Client) {
    this.client =
      client ??
      new S3Client({
        region: target.region,
        ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
        forcePathStyle: target.forcePathStyle,
        ...(target.credentials === undefined ? {} : { credentials: target.credentials }),
        // The SDK's default CRC checksums use aws-chunked uploads that many S3-compatible servers
        // refuse; checksums only where the API requires them keeps plain PUTs plain.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.target.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async putStream(key: string, body: Readable, contentType: string, size: number): Promise<void> {
    const counted = exactLength(size);
    const abort = new AbortController();
    // A body of another length fails the count mid-upload: that must end the upload and be the
    // answer, never an unhandled stream error (it would take the whole process down) nor a
    // request that waits forever for bytes that never come.
    const wrongLength = new Promise<never>((_resolve, reject) => counted.once('error', reject));
    wrongLength.catch(() => abort.abort());
    body.on('error', (error) => counted.destroy(error));
    const upload = this.client.send(new PutObjectCommand({ Bucket: this.target.bucket, Key: key, Body: body.pipe(counted), ContentType: contentType, ContentLength: size }), { abortSignal: abort.signal });
    try {
      await Promise.race([upload, wrongLength]);
    } catch (error) {
      // Let the aborted request finish before deleting, so no late write can outlive the delete.
      await upload.catch(() => undefined);
      if (error instanceof SizeMismatchError) await this.delete(key);
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.target.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, etag: head.ETag ?? `"${head.ContentLength ?? 0}"` };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<ObjectStream | undefined> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.target.bucket, Key: key, ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }) }),
      );
      const total = range === undefined ? (object.ContentLength ?? 0) : Number(/\/(\d+)$/.exec(object.ContentRange ?? '')?.[1] ?? object.ContentLength ?? 0);
      return { size: total, etag: object.ETag ?? `"${total}"`, body: object.Body as Readable };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async readPrefix(key: string, length: number): Promise<Buffer | undefined> {
    const object = await this.read(key, { start: 0, end: length - 1 });
    if (object === undefined) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).subarray(0, length);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.target.bucket, Key: key }));
  }

  async presignPut(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<string> {
    const command = new PutObjectCommand({ Bucket: this.target.bucket, Key: key, ContentType: contentType, ContentLength: size });
    // Signing type and length binds the URL to one object of the declared kind and size.
    return getSignedUrl(this.client, command, { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) });
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.target.bucket }));
  }
}

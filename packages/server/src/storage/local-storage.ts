import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { type ByteRange, type MediaStorage, type ObjectStream, SizeMismatchError, type StoredObject } from './media-storage.js';

/**
 * Passes a body through that must be exactly `size` bytes: fails as soon as there are more, and at
 * the end when there were fewer (an upload declared longer would otherwise wait for bytes that never come).
 */
export function exactLength(size: number): Transform & { readonly seen: () => number } {
  let seen = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > size) done(new SizeMismatchError(size, true));
      else done(null, chunk);
    },
    flush(done) {
      done(seen < size ? new SizeMismatchError(size, false) : null);
    },
  });
  return Object.assign(transform, { seen: () => seen });
}

/** Media on local disk (DATA_DIR/media by default). Writes land in a temporary file renamed into place. */
export class LocalStorage implements MediaStorage {
  readonly kind = 'local';
  constructor(private readonly directory: string) {}

  private pathOf(key: string): string {
    const file = path.resolve(this.directory, key);
    // Keys are validated before they get here; this guards the disk all the same.
    if (!file.startsWith(path.resolve(this.directory) + path.sep)) throw new Error(`storage key escapes the media directory: ${key}`);
    return file;
  }

  private temporaryPathFor(file: string): string {
    return `${file}.${randomBytes(6).toString('hex')}.part`;
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = this.temporaryPathFor(file);
    await writeFile(temporary, body);
    await rename(temporary, file);
  }

  async putStream(key: string, body: Readable, _contentType: string, size: number): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = this.temporaryPathFor(file);
    try {
      await pipeline(body, exactLength(size), createWriteStream(temporary));
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const info = await stat(this.pathOf(key));
      return { size: info.size, etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"` };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<ObjectStream | undefined> {
    const info = await this.head(key);
    if (info === undefined) return undefined;
    const body = createReadStream(this.pathOf(key), range === undefined ? {} : { start: range.start, end: range.end });
    return { ...info, body };
  }

  async readPrefix(key: string, length: number): Promise<Buffer | undefined> {
    let handle;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async presignPut(): Promise<undefined> {
    return undefined;
  }

  async check(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const probe = path.join(this.directory, `.doctor-${randomBytes(6).toString('hex')}`);
    await writeFile(probe, 'ok');
    await rm(probe);
  }
}

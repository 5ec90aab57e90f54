import type { Readable } from 'node:stream';

/** A byte range of a stored object, inclusive at both ends as in HTTP `Range`. */
export interface ByteRange {
  start: number;
  end: number;
}

/** What the storage knows of an object; its content type is the ledger's (`media_files`), not the storage's. */
export interface StoredObject {
  size: number;
  /** Strong validator, quoted as HTTP wants it. */
  etag: string;
}

export interface ObjectStream extends StoredObject {
  body: Readable;
}

/**
 * Where media bytes live. Two adapters: local disk (default) and S3-compatible storage. Keys are
 * `<shop_id>/<yyyy>/<m>/<d>/<name>`, checked before they reach an adapter. The ledger of which keys
 * exist and who owns them is the `media_files` table; the storage only holds bytes.
 */
export interface MediaStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Streams a body in; rejects with SizeMismatchError when it is not exactly `size` bytes (nothing is kept). */
  putStream(key: string, body: Readable, contentType: string, size: number): Promise<void>;
  head(key: string): Promise<StoredObject | undefined>;
  /** The object, or the given range of it; undefined when the key does not exist. */
  read(key: string, range?: ByteRange): Promise<ObjectStream | undefined>;
  /** The first bytes of an object (container sniffing) without reading the rest. */
  readPrefix(key: string, length: number): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
  /** A presigned PUT URL for one object, when the storage can issue one (S3); undefined otherwise. */
  presignPut(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<string | undefined>;
  /** Checks the storage answers (plaudit doctor). */
  check(): Promise<void>;
}

export class SizeMismatchError extends Error {
  constructor(readonly expected: number, readonly tooLarge: boolean) {
    super(tooLarge ? `body is larger than the declared ${expected} bytes` : `body is smaller than the declared ${expected} bytes`);
    this.name = 'SizeMismatchError';
  }
}

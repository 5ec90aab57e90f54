import { Transform, type Readable } from 'node:stream';

/**
 * A file part over its size limit is refused, never stored cut short. The multipart parser is told
 * one byte more than the limit and the bytes are counted here: a file over the limit then shows as
 * more bytes than allowed, whether or not the parser's own truncation flag or event reached us
 * (@fastify/multipart's toBuffer() can hand back a truncated file as if it were whole).
 */
export class FilePartTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`file part is larger than ${limitBytes} bytes`);
  }
}

/** The parser's `fileSize` for a file allowed `maxBytes`. */
export function parserFileSizeFor(maxBytes: number): number {
  return maxBytes + 1;
}

type FileStream = Readable & { truncated?: boolean };

/** Reads a file part into memory, or throws FilePartTooLargeError once it passes `maxBytes`. */
export async function bufferFilePart(file: FileStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of file) {
    seen += (chunk as Buffer).length;
    if (seen > maxBytes) {
      file.resume();
      throw new FilePartTooLargeError(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  if (file.truncated === true) throw new FilePartTooLargeError(maxBytes);
  return Buffer.concat(chunks);
}

/** For a file part streamed elsewhere: passes bytes through and fails once they pass `maxBytes`. */
export function filePartLimit(file: FileStream, maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > maxBytes ? new FilePartTooLargeError(maxBytes) : null, chunk);
    },
    flush(done) {
      done(file.truncated === true ? new FilePartTooLargeError(maxBytes) : null);
    },
  });
}

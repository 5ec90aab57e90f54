import { Readable } from 'node:stream';
import { brotliCompressSync, constants as zlib, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: never compress this route's answers (media files, already compressed). */
    compress?: boolean;
  }
}

/** Smaller answers gain less from compression than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;
/** Larger ones are compressed on the thread pool, so one big export cannot stall every request. */
const SYNC_LIMIT_BYTES = 256 * 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|x-ndjson|[\w.+-]+\+(json|xml))|image\/svg\+xml)/i;
// Brotli at quality 4 costs about what gzip does; its default (11) would spend more time
// compressing a page of reviews than producing it.
const BROTLI = { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } };

export type Encoding = 'br' | 'gzip';

/** Which encodings Accept-Encoding allows (q > 0), `*` standing for any not named. */
function acceptedEncodings(acceptEncoding: string | undefined): (name: Encoding) => boolean {
  if (acceptEncoding === undefined || acceptEncoding === '') return () => false;
  const allowed = new Map<string, boolean>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    allowed.set(name.trim(), q === undefined || Number(q.slice(2)) > 0);
  }
  return (name) => allowed.get(name) ?? allowed.get('*') ?? false;
}

/** The encoding to answer in: br, else gzip, when Accept-Encoding allows it (q > 0). */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepts = acceptedEncodings(acceptEncoding);
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return undefined;
}

/** Whether Accept-Encoding allows gzip (q > 0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return acceptedEncodings(acceptEncoding)('gzip');
}

export function compressSync(body: string | Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, BROTLI) : gzipSync(body);
}

function isStream(payload: unknown): payload is Readable {
  return typeof payload === 'object' && payload !== null && typeof (payload as Readable).pipe === 'function';
}

/** Whether the answer would be compressed for a client that asked: type, size, route. */
function compressible(reply: FastifyReply, payload: unknown): boolean {
  if (payload === null || payload === undefined || reply.statusCode === 204 || reply.statusCode === 304) return false;
  if (reply.routeOptions.config.compress === false || reply.hasHeader('content-encoding')) return false;
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return false;
  // A string of 1,024 UTF-16 units has at least 1,024 bytes: a long page is not measured byte by byte.
  if (typeof payload === 'string') return payload.length >= COMPRESSION_THRESHOLD_BYTES || Buffer.byteLength(payload) >= COMPRESSION_THRESHOLD_BYTES;
  if (Buffer.isBuffer(payload)) return payload.length >= COMPRESSION_THRESHOLD_BYTES;
  return isStream(payload);
}

/** Marks an answer as compressed (or compressible) by `encoding`, for every cache on the way. */
export function markEncoded(reply: FastifyReply, encoding: Encoding | undefined): void {
  const vary = reply.getHeader('vary');
  if (typeof vary !== 'string' || !/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  if (encoding === undefined) return;
  reply.header('content-encoding', encoding);
  reply.removeHeader('content-length');
}

/**
 * docs/reference/conventions.md §4.6: answers of 1 KiB or more go out compressed (br, else gzip)
 * when the client allows it. One synchronous hook: a request whose client asks for no compression,
 * or whose answer is small, pays a header check and nothing more.
 */
export function installCompression(app: FastifyInstance): void {
  app.addHook('onSend', (request: FastifyRequest, reply, payload, done) => {
    if (!compressible(reply, payload)) {
      done(null, payload);
      return;
    }
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    markEncoded(reply, encoding);
    if (encoding === undefined) {
      done(null, payload);
      return;
    }
    if (isStream(payload) || Buffer.byteLength(payload as string | Buffer) > SYNC_LIMIT_BYTES) {
      const source = isStream(payload) ? payload : Readable.from([payload as string | Buffer]);
      const compressor = encoding === 'br' ? createBrotliCompress(BROTLI) : createGzip();
      source.once('error', (error) => compressor.destroy(error));
      done(null, source.pipe(compressor));
      return;
    }
    done(null, compressSync(payload as string | Buffer, encoding));
  });
}

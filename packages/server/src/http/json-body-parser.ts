import type { FastifyInstance } from 'fastify';
import { ApiError, invalidField } from './errors.js';
import { readJsonText } from './json-text.js';

/** docs/reference/conventions.md §11: JSON bodies are limited to 1 MiB. */
export const BODY_LIMIT_BYTES = 1_048_576;

/**
 * Replaces Fastify's JSON parser with one that keeps the raw body: the HMAC signature and the
 * idempotency fingerprint are computed over the exact bytes sent, not over a re-serialisation.
 * An empty body reads as `{}` (docs/reference/conventions.md §3.3); anything but a JSON object is code 3, and so is text
 * that readJsonText refuses (another charset, invalid UTF-8, excessive nesting).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  // Only JSON is accepted by default (docs/reference/conventions.md §3.3); Fastify's text/plain parser would let other types through.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (request, buffer, done) => {
    const read = readJsonText(buffer as Buffer, request.headers['content-type']);
    if (read instanceof ApiError) return done(read, undefined);
    request.rawBody = read.text;
    if (read.value === null || typeof read.value !== 'object' || Array.isArray(read.value)) {
      return done(invalidField('body', 'must be a JSON object'), undefined);
    }
    done(null, read.value);
  });
}

import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors.js';

/** README §11: JSON bodies are limited to 1 MiB. */
export const BODY_LIMIT_BYTES = 1_048_576;

/**
 * Replaces Fastify's JSON parser with one that keeps the raw body: the HMAC signature and the
 * idempotency fingerprint are computed over the exact bytes sent, not over a re-serialisation.
 * An empty body reads as `{}` (README §3.3); anything but a JSON object is code 3.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  // Only JSON is accepted by default (README §3.3); Fastify's text/plain parser would let other types through.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (request, buffer, done) => {
    const raw = (buffer as Buffer).toString('utf8');
    request.rawBody = raw;
    if (raw.trim() === '') return done(null, {});
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return done(invalidField('body', 'is not valid JSON'), undefined);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return done(invalidField('body', 'must be a JSON object'), undefined);
    }
    done(null, parsed);
  });
}

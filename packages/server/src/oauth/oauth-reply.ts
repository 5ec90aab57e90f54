import type { FastifyReply, FastifyRequest } from 'fastify';
import { successEnvelope } from '../http/envelope.js';
import { OAuthError } from '../platforms/oauth-errors.js';

/**
 * RFC-style callers (docs/reference/auth.md §6) post `application/x-www-form-urlencoded`; Trustoo-style callers
 * post JSON. The same endpoint answers each in its own style.
 */
export function isRfcStyle(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** Strings only: a number or object where a token belongs is a malformed request, not a token. */
export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new OAuthError('invalid_request', `${name} must be a string`, name);
  return value;
}

export function sendRfcJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function sendEnvelope(request: FastifyRequest, reply: FastifyReply, data: unknown, nowSeconds: number): FastifyReply {
  return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(successEnvelope(data, request.id, nowSeconds)));
}

/**
 * Runs an OAuth endpoint and answers its OAuthError in the caller's style: the RFC error object, or
 * (by rethrowing it as an ApiError) the envelope from the one error handler.
 */
export async function answerOAuthErrors(request: FastifyRequest, reply: FastifyReply, run: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    reply.header('cache-control', 'no-store');
    if (!isRfcStyle(request)) throw error.toApiError();
    const basic = /^Basic\s/i.test(request.headers.authorization ?? '');
    if (error.error === 'invalid_client' && basic) reply.header('www-authenticate', 'Basic realm="plaudit", charset="UTF-8"');
    return sendRfcJson(reply, error.httpStatus, error.toRfcBody());
  }
}

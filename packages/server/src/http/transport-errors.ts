import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../time/clock.js';
import { unixSeconds } from '../time/clock.js';
import { errorEnvelope } from './envelope.js';
import { Code } from './errors.js';

/**
 * Refusals that happen before a request reaches a route: the router's (a path parameter too long,
 * a path that is not valid percent-encoding) and Node's HTTP parser's (headers or request line over
 * its limit, a malformed request). Each still answers the contract's envelope with code 3, and none
 * echoes the path or any other framework detail back.
 */

const ROUTER_REFUSALS: Record<string, { status: number; message: string }> = {
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, message: 'url: a path segment is longer than 2,048 characters' },
  FST_ERR_BAD_URL: { status: 400, message: 'url: the path is not valid percent-encoding' },
};

/** Fastify's `frameworkErrors` option: the router's refusals, in the envelope. */
export function answerRouterRefusal(clock: Clock) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const refusal = ROUTER_REFUSALS[error.code] ?? { status: 400, message: 'url: the request cannot be routed' };
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
    return reply
      .code(refusal.status)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(errorEnvelope(Code.invalidArgument, refusal.message, request.id, unixSeconds(clock))));
  };
}

const PARSER_REFUSALS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: 'request: the request line and headers must be at most 16 KiB' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'request: the request was not received in time' },
};

/**
 * Fastify's `clientErrorHandler` option: Node's HTTP parser refused the request, so there is no
 * request object; the answer is written to the socket by hand, then the connection is closed,
 * because the parser cannot tell where the next request would start.
 */
export function answerParserRefusal(clock: Clock) {
  return (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const refusal = PARSER_REFUSALS[error.code ?? ''] ?? { status: 400, message: 'request: the request is not valid HTTP/1.1' };
    const requestId = randomUUID().replaceAll('-', '');
    const body = JSON.stringify(errorEnvelope(Code.invalidArgument, refusal.message, requestId, unixSeconds(clock)));
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status] ?? 'Bad Request'}\r\n` +
          `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
          `x-request-id: ${requestId}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

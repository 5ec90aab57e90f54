import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type Logger, pino } from 'pino';
import type { LogFormat, LogLevel } from '../config/config.js';

export type { Logger };

/** Query names whose values are secrets, or a person's address, and must never reach a log line. */
const SECRET_QUERY_NAMES = /^(client_secret|code|refresh_token|access_token|token|sign|email)$/i;

/** Paths whose last segment is a credential: a password-reset link, an invitation. */
const SECRET_PATH = /^(\/console\/(?:reset|invite)\/)[^/?]+/;

export function redactUrl(given: string): string {
  const url = given.replace(SECRET_PATH, '$1[redacted]');
  const index = url.indexOf('?');
  if (index === -1) return url;
  const params = new URLSearchParams(url.slice(index + 1));
  for (const name of new Set(params.keys())) if (SECRET_QUERY_NAMES.test(name)) params.set(name, '[redacted]');
  return `${url.slice(0, index)}?${params.toString()}`;
}

/** auto means: a person is watching a terminal, so write lines they can read. */
export function resolvedLogFormat(format: LogFormat, stdoutIsTerminal: boolean): 'json' | 'pretty' {
  if (format !== 'auto') return format;
  return stdoutIsTerminal ? 'pretty' : 'json';
}

/**
 * The process's one logger, shared by the HTTP server and the in-process worker. JSON lines for
 * collectors; in a terminal, pino-pretty (pino's own formatter, in a worker thread so formatting
 * never blocks a request). A request is logged as method, redacted URL and address, never headers.
 */
export function createLogger(config: { logLevel: LogLevel; logFormat: LogFormat }, stdoutIsTerminal = process.stdout.isTTY === true): Logger {
  const options = {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.sign', 'req.headers.cookie'],
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: redactUrl(request.url), remoteAddress: request.ip }),
    },
  };
  if (resolvedLogFormat(config.logFormat, stdoutIsTerminal) === 'json') return pino(options);
  const pretty = pino.transport({
    target: 'pino-pretty',
    options: { colorize: stdoutIsTerminal, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId', singleLine: true },
  });
  return pino(options, pretty);
}

/**
 * Requests are logged once, when answered, at debug (LOG_LEVEL=debug shows them): at Fastify's
 * default of two info lines per request, a busy shop drowns everything else in the log. A request
 * that failed inside Fastify is still an error line at every level.
 */
export class DebugRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

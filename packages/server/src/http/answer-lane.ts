import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance, FastifyServerFactory } from 'fastify';
import { LruMap } from './lru-map.js';
import type { RequestTally } from './request-tally.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Set by a cached read that the lane may answer again for the same request (see AnswerLane). */
    laneRecording?: LaneRecording;
  }
}

/** A request the lane is asked to answer, as far as replays need to know it. */
export interface LaneRequest {
  raw: IncomingMessage;
  /** The client's address, as Fastify's request.ip gives it under the same proxy setting. */
  ip: string;
}

/** What a replay sends: the body, and the headers that differ per request besides the request id. */
export interface LaneAnswer {
  body: (requestId: string) => string | Buffer;
  headers: Record<string, string>;
}

/** How a cached read's answer is made again for another request with the same URL and headers. */
export interface LaneRecording {
  /**
   * Does every check the app would do for this request (authentication, the content version, the
   * rate limit last, so that a refusal counts once) and answers, or returns undefined to let the
   * app answer it the long way.
   */
  replay(request: LaneRequest): Promise<LaneAnswer | undefined>;
  /** The Content-Encoding the body was made with; an answer the app encoded differently is not recorded. */
  encoding: string | undefined;
  /** Until when the recording may be replayed (an answer keyed by the minute), in ms; absent: while the replay says so. */
  expiresAtMs?: number;
}

interface Recorded {
  recording: LaneRecording;
  /** The headers the app sent, without those made per request. */
  headers: OutgoingHttpHeaders;
  /** The route pattern and the envelope's business code ('' for other answers), for the request metrics. */
  route: string;
  code: string;
}

/** Headers a replay makes anew: the request id, the body's length, the rate limit's state. */
const PER_REQUEST_HEADERS = new Set(['x-request-id', 'content-length', 'ratelimit', 'ratelimit-policy', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
/** Request headers that make a request one the lane leaves to the app. */
const LONG_WAY_HEADERS = ['authorization', 'if-none-match', 'if-modified-since', 'range', 'cookie'];
const MAX_RECORDINGS = 10_000;

/** 32 lowercase hex characters (docs/reference/conventions.md §4.1); randomUUID draws from a batched CSPRNG buffer. */
export const newRequestId = (): string => randomUUID().replaceAll('-', '');

/**
 * The answer lane: repeated cached reads answered before Fastify routes them
 * (docs/architecture.md, "Reads at memory speed").
 *
 * Most traffic is the same few URLs asked again and again: a product page's reviews, its stars, a
 * partner polling a rating. When the app answers such a read from the answer cache, it leaves a
 * recording on the reply: how to answer it again (check the shop's content version, authenticate,
 * count the rate limit, wrap the kept answer). The lane keeps the recording under the request's
 * URL and the headers that shape the answer, with the headers the app sent, and answers the next
 * identical request from it without routing, hooks or schemas. A request the recording cannot
 * answer exactly as the app would (a changed version, a failed signature, a limit reached, a
 * conditional request) goes the long way, so the lane changes how fast, never what, the app answers.
 */
export class AnswerLane {
  readonly #recorded = new LruMap<string, Recorded>();
  readonly #trust: ((address: string, hop: number) => boolean) | undefined;
  #hits = 0;

  constructor(
    options: { trustProxy: boolean },
    private readonly tally: RequestTally,
    private readonly now: () => number,
  ) {
    this.#trust = options.trustProxy ? () => true : undefined;
  }

  /** Requests answered by the lane, for /metrics. */
  get hits(): number {
    return this.#hits;
  }

  /** Fastify's serverFactory: the lane first, then the app, with the HTTP settings Fastify would apply itself. */
  serverFactory(): FastifyServerFactory {
    return (handler, fastifyOptions) => {
      const options = fastifyOptions as { http?: http.ServerOptions; keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number };
      const server = http.createServer(options.http ?? {}, (request, response) => {
        const recorded = request.method === 'GET' ? this.#recorded.get(laneKey(request)) : undefined;
        if (recorded === undefined) handler(request, response);
        else void this.#answer(recorded, request, response).then((answered) => answered || handler(request, response));
      });
      server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
      server.requestTimeout = options.requestTimeout ?? 0;
      server.setTimeout(options.connectionTimeout ?? 0);
      return server;
    };
  }

  /** Keeps the recordings the app's answers leave (an onResponse hook, after the answer went out). */
  install(app: FastifyInstance): void {
    app.addHook('onResponse', (request, reply, done) => {
      const recording = reply.laneRecording;
      if (recording !== undefined && reply.statusCode === 200 && request.method === 'GET' && reply.getHeader('content-encoding') === recording.encoding) {
        this.#remember(laneKey(request.raw), { recording, headers: sentHeaders(reply.getHeaders()), route: request.routeOptions.url ?? 'unmatched', code: reply.businessCode === undefined ? '' : String(reply.businessCode) });
      }
      done();
    });
  }

  async #answer(recorded: Recorded, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const started = performance.now();
    if (LONG_WAY_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
    const { recording } = recorded;
    if (recording.expiresAtMs !== undefined && this.now() >= recording.expiresAtMs) return false;
    const requestId = newRequestId();
    let answer: LaneAnswer | undefined;
    let body: string | Buffer;
    try {
      answer = await recording.replay({ raw: request, ip: this.#clientIp(request) });
      if (answer === undefined) return false;
      body = answer.body(requestId);
    } catch {
      // Whatever went wrong, nothing was sent yet: the app's own path answers it and says what.
      return false;
    }
    response.writeHead(200, { ...recorded.headers, ...answer.headers, 'x-request-id': requestId, 'content-length': Buffer.byteLength(body) });
    response.end(body);
    this.#hits += 1;
    this.tally.record('GET', recorded.route, 200, recorded.code, (performance.now() - started) / 1000);
    return true;
  }

  #clientIp(request: IncomingMessage): string {
    return this.#trust === undefined ? (request.socket.remoteAddress ?? '') : proxyAddr(request, this.#trust);
  }

  #remember(key: string, recorded: Recorded): void {
    this.#recorded.set(key, recorded);
    if (this.#recorded.size > MAX_RECORDINGS) this.#recorded.delete(this.#recorded.oldest()![0]);
  }
}

/**
 * What makes two requests the same to the lane: the URL as sent, and the headers an answer depends
 * on (its encoding; who signed it and how). Anything else in the headers cannot change a cached read.
 */
function laneKey(request: IncomingMessage): string {
  const h = request.headers;
  return `${request.url}\n${h['accept-encoding'] ?? ''}\n${h['public-token'] ?? ''}\n${h['sign-version'] ?? ''}`;
}

/** The headers of the app's answer (Fastify's own list: it writes them in one writeHead), less those made per request. */
function sentHeaders(sent: Record<string, string | number | string[] | undefined>): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(sent)) {
    if (!PER_REQUEST_HEADERS.has(name) && value !== undefined) headers[name] = value;
  }
  return headers;
}

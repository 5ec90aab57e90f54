import { promises as dns, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isBlockedAddress } from './address-policy.js';

/** Name resolution, injectable so tests can make a name resolve inward without touching DNS. */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: HostResolver = (hostname) => dns.lookup(hostname, { all: true });

export interface EgressPolicy {
  /** Plain http:// allowed (WEBHOOK_ALLOW_HTTP). */
  allowHttp: boolean;
  /** Internal addresses allowed (WEBHOOK_ALLOW_PRIVATE): tests and local development only. */
  allowPrivate: boolean;
}

/** A request Plaudit refuses to make: the reason is shown to the partner and in the delivery log. */
export class EgressRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'EgressRefusedError';
  }
}

export interface EgressResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** At most `maxResponseBytes` of the body. */
  body: Buffer;
}

export interface PostOptions {
  headers: Record<string, string>;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
}

/** Why a request failed, in the delivery log's words (docs/reference/webhooks.md §8). */
export function describeEgressError(error: unknown): string {
  if (error instanceof EgressRefusedError) return error.reason;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
      return 'timeout';
    default:
      if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return 'tls error';
      return (error as Error).message || 'request failed';
  }
}

function blockedMessage(host: string): string {
  return `blocked address: ${host} resolves to an internal address (set WEBHOOK_ALLOW_PRIVATE=1 to allow it in development)`;
}

/**
 * Resolves once, refuses if any address is internal, and hands the connection exactly the address
 * it checked: there is no second lookup for a rebinding DNS server to answer differently.
 */
async function resolveChecked(hostname: string, policy: EgressPolicy, resolve: HostResolver): Promise<LookupAddress[]> {
  const addresses = await resolve(hostname);
  if (addresses.length === 0) throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
  if (!policy.allowPrivate && addresses.some((a) => isBlockedAddress(a.address))) throw new EgressRefusedError(blockedMessage(hostname));
  return addresses;
}

function checkedLookup(policy: EgressPolicy, resolve: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolveChecked(hostname, policy, resolve).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
        const first = wanted[0] ?? addresses[0]!;
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}

/** Scheme, credentials and literal addresses: everything that can be judged without DNS. */
export function checkUrlSyntax(raw: string, policy: EgressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EgressRefusedError('must be an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    throw new EgressRefusedError(url.protocol === 'http:' ? 'must be https (set WEBHOOK_ALLOW_HTTP=1 to allow http in development)' : 'must be an https URL');
  }
  if (url.username !== '' || url.password !== '') throw new EgressRefusedError('must not contain credentials');
  // The WHATWG parser has already turned decimal, octal and hex IPv4 forms into dotted quads.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivate && (isIP(host) !== 0 ? isBlockedAddress(host) : host === 'localhost' || host.endsWith('.localhost'))) {
    throw new EgressRefusedError(blockedMessage(url.hostname));
  }
  return url;
}

/**
 * Subscribe-time check: the URL's syntax, and where its name resolves today. A name that does not
 * resolve yet is accepted (DNS may follow the subscription); every delivery checks again anyway.
 */
export async function checkDestination(raw: string, policy: EgressPolicy, resolve: HostResolver = systemResolver): Promise<void> {
  const url = checkUrlSyntax(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 || policy.allowPrivate) return;
  try {
    await resolveChecked(host, policy, resolve);
  } catch (error) {
    if (error instanceof EgressRefusedError) throw error;
  }
}

/**
 * The one client for server-initiated requests (docs/reference/webhooks.md §7): checked addresses only, no
 * redirects followed, connect and total timeouts, the response read to a bounded size.
 */
export class SafeHttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(
    private readonly policy: EgressPolicy,
    options: { resolve?: HostResolver; maxSocketsPerHost?: number } = {},
  ) {
    const lookup = checkedLookup(policy, options.resolve ?? systemResolver);
    const maxSocketsPerHost = options.maxSocketsPerHost ?? 10;
    // Keep-alive: receivers get many deliveries; a socket is only ever opened to a checked address.
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: maxSocketsPerHost, lookup } as http.AgentOptions);
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: maxSocketsPerHost, lookup } as https.AgentOptions);
  }

  post(raw: string, body: string, options: PostOptions): Promise<EgressResponse> {
    const url = checkUrlSyntax(raw, this.policy);
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, response?: EgressResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        if (error) reject(error);
        else resolve(response!);
      };
      const request = (secure ? https : http).request(url, {
        method: 'POST',
        agent: secure ? this.httpsAgent : this.httpAgent,
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(body)) },
      });
      const total = setTimeout(() => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), options.totalTimeoutMs);
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        const connectTimer = setTimeout(() => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), options.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(connectTimer));
        socket.once('close', () => clearTimeout(connectTimer));
      });
      request.on('error', (error) => finish(error));
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => finish(null, { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
        response.on('data', (chunk: Buffer) => {
          const room = options.maxResponseBytes - size;
          if (room > 0) chunks.push(chunk.subarray(0, room));
          size += chunk.length;
          // Enough read: the rest of a huge body is not our problem, and not worth the bandwidth.
          if (size >= options.maxResponseBytes) {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', (error) => (size >= options.maxResponseBytes ? done() : finish(error)));
      });
      request.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

import { PlauditError } from './errors.js';
import { operations, type OperationId, type Operations } from './generated/api-types.js';
import { encodeQuery, type QueryValue } from './query-string.js';
import type { PlauditOAuth } from './oauth.js';
import { QuestionsApi } from './questions-api.js';
import { RatingsApi } from './ratings-api.js';
import { CustomersApi } from './customers-api.js';
import { MediaApi } from './media-api.js';
import { readEnvelope } from './envelope.js';
import { RefreshingAccessToken } from './refreshing-token.js';
import { ReviewsApi } from './reviews-api.js';
import { SettingsApi } from './settings-api.js';
import { signRequest, signRequestV2 } from './signing.js';
import type { TokenStore } from './token-store.js';

/**
 * A shop's own integration signs with its tokens; a partner platform sends an OAuth access token,
 * either a fixed one or one renewed from a token store as it expires.
 */
/**
 * How the client authenticates. Shop tokens sign every request; `signVersion` 2 (the default) signs
 * the method, path, raw query and a hash of the body, so a captured request cannot be replayed
 * against another endpoint. Version 1 is Trustoo's recipe, for servers that only know it.
 */
export type Credentials = { publicToken: string; privateToken: string; signVersion?: 1 | 2 } | { accessToken: string } | { oauth: PlauditOAuth; tokenStore: TokenStore };

export interface RetryOptions {
  /** Further attempts after the first (default 3). */
  retries?: number;
  /** First backoff delay; doubles each attempt, with full jitter (default 250 ms). */
  baseDelayMs?: number;
  /** Upper bound of any single wait, Retry-After included (default 30 s). */
  maxDelayMs?: number;
}

export interface ClientOptions {
  /** Plaudit's PUBLIC_URL, e.g. https://reviews.example.com */
  baseUrl: string;
  credentials: Credentials;
  retry?: RetryOptions;
  /** Injected for tests and other runtimes; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; signs the Timestamp header (default Date.now). */
  now?: () => number;
  /** How to wait between attempts (default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
}

export interface CallOptions {
  /** Makes a POST safe to retry: the server answers a repeat with the first answer (docs/reference/conventions.md §9). */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

type Input<Op extends OperationId> = Operations[Op]['method'] extends 'GET' ? Operations[Op]['query'] : Operations[Op]['body'];

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Typed client for the Plaudit Open API. One method per operation through `reviews`, `questions`, `ratings`, `settings`, `media` and `customers`,
 * or `call(operation, input)` for any operation by name.
 */
export class PlauditClient {
  readonly reviews: ReviewsApi;
  readonly questions: QuestionsApi;
  readonly ratings: RatingsApi;
  readonly settings: SettingsApi;
  readonly media: MediaApi;
  readonly customers: CustomersApi;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly retry: Required<RetryOptions>;
  private readonly refreshing: RefreshingAccessToken | undefined;

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.retry = { retries: 3, baseDelayMs: 250, maxDelayMs: 30_000, ...options.retry };
    const { credentials } = options;
    this.refreshing = 'oauth' in credentials ? new RefreshingAccessToken(credentials.oauth, credentials.tokenStore, this.now) : undefined;
    this.reviews = new ReviewsApi(this);
    this.questions = new QuestionsApi(this);
    this.ratings = new RatingsApi(this);
    this.settings = new SettingsApi(this);
    this.media = new MediaApi(this, this.fetchImpl);
    this.customers = new CustomersApi(this);
  }

  /** Calls one operation and answers its `data`, or throws PlauditError. */
  async call<Op extends OperationId>(operation: Op, input: Input<Op>, options: CallOptions = {}): Promise<Operations[Op]['data']> {
    const { method, path } = operations[operation];
    // A POST that is not idempotent could run twice if retried after a lost answer.
    const retryable = method === 'GET' || options.idempotencyKey !== undefined;
    let bearer = await this.bearerToken();
    let renewedAfterRejection = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.attempt(method, path, input, options, bearer)) as Operations[Op]['data'];
      } catch (error) {
        // A refused access token is renewed once and the call repeated: nothing ran the first time.
        if (error instanceof PlauditError && error.code === 16 && this.refreshing && bearer !== undefined && !renewedAfterRejection) {
          renewedAfterRejection = true;
          bearer = await this.refreshing.afterRejection(bearer);
          attempt--;
          continue;
        }
        if (!(error instanceof PlauditError) || !retryable || !error.isRetryable || attempt >= this.retry.retries || options.signal?.aborted) throw error;
        await this.sleep(this.delayFor(attempt, error));
        bearer = await this.bearerToken();
      }
    }
  }

  /** The access token to send, or undefined for HMAC-signed calls. */
  private async bearerToken(): Promise<string | undefined> {
    const { credentials } = this.options;
    if (this.refreshing) return this.refreshing.current();
    return 'accessToken' in credentials ? credentials.accessToken : undefined;
  }

  private delayFor(attempt: number, error: PlauditError): number {
    if (error.retryAfterSeconds !== undefined) return Math.min(error.retryAfterSeconds * 1000, this.retry.maxDelayMs);
    const ceiling = Math.min(this.retry.baseDelayMs * 2 ** attempt, this.retry.maxDelayMs);
    return Math.floor(Math.random() * ceiling);
  }

  private async headers(method: 'GET' | 'POST', url: string, rawQuery: string, body: string, options: CallOptions, bearer: string | undefined): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== '') headers['content-type'] = 'application/json';
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    const { credentials } = this.options;
    if (bearer !== undefined) {
      headers.authorization = `Bearer ${bearer}`;
    } else if ('privateToken' in credentials) {
      // Signed again on every attempt: the server refuses a POST signature it has already seen.
      const timestamp = String(Math.floor(this.now() / 1000));
      headers['public-token'] = credentials.publicToken;
      headers.timestamp = timestamp;
      if (credentials.signVersion === 1) {
        headers.sign = await signRequest(credentials.privateToken, rawQuery, timestamp, body);
      } else {
        headers['sign-version'] = '2';
        headers.sign = await signRequestV2(credentials.privateToken, { method, rawPath: new URL(url).pathname, rawQuery, timestamp, rawBody: body });
      }
    }
    return headers;
  }

  private async attempt(method: 'GET' | 'POST', path: string, input: unknown, options: CallOptions, bearer: string | undefined): Promise<unknown> {
    const rawQuery = method === 'GET' ? encodeQuery(input as Record<string, QueryValue>) : '';
    const body = method === 'POST' ? JSON.stringify(input ?? {}) : '';
    let response: Response;
    try {
      const url = `${this.baseUrl}${path}${rawQuery ? `?${rawQuery}` : ''}`;
      response = await this.fetchImpl(url, {
        method,
        headers: await this.headers(method, url, rawQuery, body, options, bearer),
        ...(body !== '' ? { body } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new PlauditError(`request failed: ${(error as Error).message}`, -1, 0, undefined);
    }
    return readEnvelope(response);
  }
}

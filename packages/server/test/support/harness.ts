import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalStorage } from '../../src/storage/local-storage.js';
import type { MediaStorage } from '../../src/storage/media-storage.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { AppDeps } from '../../src/http/app-deps.js';
import { buildApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import type { Dialect } from '../../src/db/connect.js';
import { MemoryRateLimitStore } from '../../src/http/rate-limiter.js';
import { DatabaseReplayCache } from '../../src/http/replay-cache.js';
import { AnswerCache } from '../../src/http/answer-cache.js';
import { signRequest } from '../../src/crypto/hmac-signature.js';
import { ManualClock } from '../../src/time/clock.js';
import { createShop, type ShopCredentials } from '../../src/shops/shop-service.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { issueTokens, registerPlatform } from './oauth.js';
import type { Scope } from '../../src/http/actor.js';
import type { HostResolver } from '../../src/egress/safe-http-client.js';
import { HMAC_DEFAULTS } from '../../src/config/security-defaults.js';

export const TEST_SECRET_KEY = 'a'.repeat(64);
export const PUBLIC_URL = 'https://reviews.example.com';
/** "Now" of the contract's examples: 2026-06-17 07:55:00 UTC. */
export const EXAMPLE_NOW_MS = 1_781_682_900_000;

export interface SignedOptions {
  query?: string;
  body?: unknown;
  /** Exact body bytes, for tests about raw bodies; wins over `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  timestamp?: number;
  /** Sign with this key instead of the shop's private token. */
  signingKey?: string;
}

export interface Harness {
  app: FastifyInstance;
  deps: AppDeps;
  clock: ManualClock;
  dialect: Dialect;
  /** DATABASE_URL of this harness's database, for tests that open a second session. */
  databaseUrl: string;
  shop: ShopCredentials;
  otherShop: ShopCredentials;
  /** Creates another shop (for tests that need a fresh one). */
  newShop(domain: string): Promise<ShopCredentials>;
  /** An access token for the shop with exactly these scopes, issued by the authorization server. */
  bearerToken(shop: ShopCredentials, scopes: Scope[]): Promise<string>;
  /** An HMAC-signed call, as a partner's integration makes it. */
  call(method: 'GET' | 'POST', operation: string, options?: SignedOptions, shop?: ShopCredentials): Promise<LightMyRequestResponse>;
}

export function openApiPath(operation: string): string {
  return operation.startsWith('/') ? operation : `/api/v1/openapi/${operation}`;
}

export function signedHeaders(shop: ShopCredentials, query: string, body: string, timestamp: number, key = shop.private_token): Record<string, string> {
  return {
    'public-token': shop.public_token,
    timestamp: String(timestamp),
    sign: signRequest(key, query, String(timestamp), body),
  };
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** DNS for outgoing requests (see AppDeps.resolveHost). */
  resolveHost?: HostResolver;
  /** Media storage, asked for when the harness starts; default a fresh local directory removed with the harness. */
  storage?: () => MediaStorage;
}

/** Builds the app on a fresh database of the dialect, with a manual clock and two shops. */
export async function startHarness(dialect: Dialect, options: HarnessOptions = {}): Promise<Harness & { database: TestDatabase; destroy(): Promise<void> }> {
  const database = await createTestDatabase(dialect);
  const config = parseConfig({ PUBLIC_URL, SECRET_KEY: TEST_SECRET_KEY, DATABASE_URL: ':memory:', ...options.env });
  const clock = new ManualClock(EXAMPLE_NOW_MS);
  const mediaDirectory = await mkdtemp(path.join(tmpdir(), 'plaudit-media-'));
  const deps: AppDeps = {
    config,
    db: database.db,
    secretKey: config.secretKey!,
    clock,
    replayCache: new DatabaseReplayCache(database.db.kysely),
    answers: new AnswerCache(config.answerCacheBytes),
    rateLimitStore: new MemoryRateLimitStore(),
    storage: options.storage?.() ?? new LocalStorage(mediaDirectory),
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
  };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  const newShop = (domain: string) => createShop(database.db.kysely, { secretKey: deps.secretKey, clock }, { domain, name: domain.split('.')[0]! });
  const shop = await newShop('maple-and-co.myshopify.com');
  const otherShop = await newShop('other-shop.myshopify.com');
  let lastTimestamp = 0;
  const call: Harness['call'] = (method, operation, opts = {}, as = shop) => {
    const query = opts.query ?? '';
    const body = opts.rawBody ?? (opts.body === undefined ? '' : JSON.stringify(opts.body));
    // A fresh timestamp per call keeps identical POSTs from being refused as replays. A test that
    // moved the clock back past the signature window starts again from the clock.
    const nowSeconds = Math.floor(clock.now() / 1000);
    const timestamp = opts.timestamp ?? (lastTimestamp >= nowSeconds && lastTimestamp - nowSeconds < HMAC_DEFAULTS.windowSeconds ? lastTimestamp + 1 : nowSeconds);
    if (opts.timestamp === undefined) lastTimestamp = timestamp;
    return app.inject({
      method,
      url: `${openApiPath(operation)}${query ? `?${query}` : ''}`,
      headers: {
        ...(body !== '' ? { 'content-type': 'application/json' } : {}),
        ...signedHeaders(as, query, body, timestamp, opts.signingKey),
        ...opts.headers,
      },
      ...(body !== '' ? { payload: body } : {}),
    });
  };
  // Bearer tokens come from the real authorization server, for a platform registered once per harness.
  const tokenDeps = { db: database.db.kysely, secretKey: deps.secretKey, clock };
  let testPlatform: Promise<string> | undefined;
  const bearerToken = async (owner: ShopCredentials, scopes: Scope[]) => {
    testPlatform ??= registerPlatform(tokenDeps, { clientId: 'harness-platform' }).then((p) => p.client_id);
    return (await issueTokens(tokenDeps, await testPlatform, owner.shop_id, scopes)).accessToken;
  };
  const destroy = async () => {
    await app.close();
    await database.destroy();
    await rm(mediaDirectory, { recursive: true, force: true });
  };
  return { app, deps, clock, dialect, databaseUrl: database.url, shop, otherShop, newShop, bearerToken, call, database, destroy };
}

/** Registers a harness for the enclosing describe block, torn down after it. */
export function useHarness(dialect: Dialect, options: HarnessOptions = {}): () => Harness {
  let harness: Awaited<ReturnType<typeof startHarness>> | undefined;
  beforeAll(async () => {
    harness = await startHarness(dialect, options);
  });
  afterAll(async () => {
    await harness?.destroy();
  });
  return () => {
    if (!harness) throw new Error('harness not started');
    return harness;
  };
}

export interface Envelope<T = unknown> {
  code: number;
  message: string;
  time: number;
  request_id: string;
  data?: T;
}

export function envelope<T = Record<string, unknown>>(response: LightMyRequestResponse): Envelope<T> {
  return response.json() as Envelope<T>;
}

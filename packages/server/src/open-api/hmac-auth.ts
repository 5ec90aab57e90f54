import { createSecretKey, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type Clock, secondsOf } from '../time/clock.js';
import { safeEqual } from '../crypto/tokens.js';
import { ShopDirectory } from '../shops/shop-directory.js';
import type { AppDeps } from '../http/app-deps.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { type Actor, hmacActor } from '../http/actor.js';
import { unauthenticated } from '../http/errors.js';
import { computeSign, rawQueryPairs, signRequestV2, stringToSignOfPairs } from '../crypto/hmac-signature.js';
import type { ReplayCache } from '../http/replay-cache.js';
import { HMAC_DEFAULTS } from '../config/security-defaults.js';

export interface SignedRequest {
  method: string;
  /** The path as sent, percent-encoded, without the query (signed by version 2). */
  rawPath: string;
  rawQuery: string;
  rawBody: string;
  publicToken: string | undefined;
  timestamp: string | undefined;
  sign: string | undefined;
  /** The Sign-Version header: absent or `1` for Trustoo's recipe, `2` for Plaudit's. */
  signVersion: string | undefined;
}

/** A request header's first value; an empty one counts as absent. */
export function headerOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text;
}

/** The parts of a request a signature covers, the path and query exactly as sent, before any decoding. */
export function signedRequestOf(method: string, url: string | undefined, headers: IncomingHttpHeaders, rawBody: string): SignedRequest {
  const target = url ?? '/';
  const index = target.indexOf('?');
  return {
    method,
    rawPath: index === -1 ? target : target.slice(0, index),
    rawQuery: index === -1 ? '' : target.slice(index + 1),
    rawBody,
    publicToken: headerOf(headers, 'public-token'),
    timestamp: headerOf(headers, 'timestamp'),
    sign: headerOf(headers, 'sign'),
    signVersion: headerOf(headers, 'sign-version'),
  };
}

export interface HmacDeps {
  shops: ShopDirectory;
  secretKey: Buffer;
  clock: Clock;
  replayCache: ReplayCache;
}

/** Signs for an unknown Public-Token, so that its answer costs what a known token's does. */
const UNKNOWN_TOKEN_KEY = createSecretKey('unknown-public-token', 'utf8');

function expectedSign(key: KeyObject, version: 1 | 2, request: SignedRequest, queryPairs: ReadonlyArray<readonly [string, string]>, timestamp: string): string {
  if (version === 1) return computeSign(key, stringToSignOfPairs(queryPairs, timestamp, request.rawBody));
  return signRequestV2(key, { method: request.method, rawPath: request.rawPath, rawQuery: request.rawQuery, timestamp, rawBody: request.rawBody });
}

/** What authenticateHmac needs, from the app's dependencies. */
export function hmacDepsOf(deps: AppDeps): HmacDeps {
  return { shops: ShopDirectory.of(deps.db), secretKey: deps.secretKey, clock: deps.clock, replayCache: deps.replayCache };
}

/**
 * Verifies a Public-Token / Timestamp / Sign request (docs/signing-requests.md). Every failure is
 * code 16; the messages say what was wrong with the request without revealing whether a token exists.
 */
export async function authenticateHmac(request: SignedRequest, deps: HmacDeps): Promise<{ actor: Actor; contentVersion: number }> {
  const { publicToken, timestamp, sign } = request;
  if (publicToken === undefined || timestamp === undefined || sign === undefined) {
    const missing = [['Public-Token', publicToken], ['Timestamp', timestamp], ['Sign', sign]].filter(([, v]) => v === undefined).map(([n]) => n);
    throw unauthenticated(`missing credentials: ${missing.join(', ')} header required`);
  }
  const version = request.signVersion === undefined || request.signVersion === '1' ? 1 : request.signVersion === '2' ? 2 : undefined;
  if (version === undefined) throw unauthenticated('Sign-Version must be 1 or 2');
  if (!/^\d{1,10}$/.test(timestamp)) throw unauthenticated('Timestamp must be Unix seconds');
  const nowMs = deps.clock.now();
  if (Math.abs(Number(timestamp) - secondsOf(nowMs)) > HMAC_DEFAULTS.windowSeconds) {
    throw unauthenticated('Timestamp is outside the 15-minute window; check the client clock');
  }
  if (!/^[0-9a-f]{64}$/.test(sign)) throw unauthenticated('Sign must be 64 lowercase hexadecimal characters');
  const queryPairs = rawQueryPairs(request.rawQuery);
  if (queryPairs.some(([name, value]) => name === 'timestamp' && value !== timestamp)) {
    throw unauthenticated('the query string\'s timestamp differs from the Timestamp header; send one value, or only the header');
  }

  const current = await deps.shops.byPublicToken(publicToken);
  // An unknown token still costs one HMAC, so response timing does not tell which tokens exist.
  const key = current ? deps.shops.signingKeyOf(current, deps.secretKey) : UNKNOWN_TOKEN_KEY;
  if (!safeEqual(expectedSign(key, version, request, queryPairs, timestamp), sign) || !current || current.shop.status !== 'active') {
    throw unauthenticated('invalid signature or unknown Public-Token');
  }
  const { shop } = current;
  // Said only to a caller who proved the key: the shop has turned version 1 off.
  if (version === 1 && readShopSettings(shop.settings).require_signature_v2) {
    throw unauthenticated('this shop accepts only Sign-Version: 2 (its require_signature_v2 setting is on); sign with version 2 or use OAuth');
  }
  if (request.method !== 'GET') {
    // Remembered until the signature stops verifying: one second past its own timestamp's window.
    const verifiesUntilMs = (Number(timestamp) + HMAC_DEFAULTS.windowSeconds + 1) * 1000;
    const fresh = await deps.replayCache.remember(`${publicToken}:${sign}`, nowMs, verifiesUntilMs);
    if (!fresh) throw unauthenticated('request replayed');
  }
  return { actor: hmacActor(shop), contentVersion: current.version };
}

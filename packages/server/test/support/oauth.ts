import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { Scope } from '../../src/http/actor.js';
import type { Clock } from '../../src/time/clock.js';
import { approveAuthorization } from '../../src/platforms/grant-service.js';
import { redeemAuthorizationCode } from '../../src/oauth/grants/authorization-code-grant.js';
import { findPlatform } from '../../src/platforms/platform-repository.js';
import { createPlatform, type PlatformCredentials } from '../../src/platforms/platform-service.js';
import type { IssuedTokens } from '../../src/platforms/token-issuer.js';
import { findShopById } from '../../src/shops/shop-repository.js';

export const TEST_REDIRECT_URI = 'https://partner.example.com/oauth/callback';

interface Deps {
  db: Kysely<Database>;
  secretKey: Buffer;
  clock: Clock;
}

/** What the OAuth services need, taken from a harness. */
export function platformDeps(h: { deps: { db: { kysely: Kysely<Database> }; secretKey: Buffer }; clock: Clock }): Deps {
  return { db: h.deps.db.kysely, secretKey: h.deps.secretKey, clock: h.clock };
}

/** An RFC 7636 verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Registers a platform the way `plaudit platform create` does. */
export function registerPlatform(deps: Deps, options: { name?: string; clientId?: string; redirectUris?: string[]; scopes?: string } = {}): Promise<PlatformCredentials> {
  return createPlatform(deps.db, deps, {
    name: options.name ?? 'Partner App',
    clientId: options.clientId,
    redirectUris: options.redirectUris ?? [TEST_REDIRECT_URI],
    scopes: options.scopes,
  });
}

/**
 * Tokens for a shop through the real consent and code-redemption services, without the browser
 * steps: what a platform holds after a merchant approved exactly these scopes.
 */
export async function issueTokens(deps: Deps, clientId: string, shopId: string, scopes: Scope[]): Promise<IssuedTokens> {
  const platform = (await findPlatform(deps.db, clientId))!;
  const shop = (await findShopById(deps.db, shopId))!;
  const nowMs = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const code = await approveAuthorization(trx, { platform, shop, merchantId: 1, redirectUri: '', scopes, codeChallenge: null }, nowMs);
    const result = await redeemAuthorizationCode(trx, platform, { code, redirectUri: undefined, codeVerifier: undefined }, Math.floor(nowMs / 1000));
    if (!result.ok) throw result.error;
    return result.tokens;
  });
}

/** A code as the consent page issues it on approval, with the binding a test chooses. */
export async function mintCode(
  deps: Deps,
  clientId: string,
  shopId: string,
  options: { redirectUri?: string; scopes?: Scope[]; codeChallenge?: string } = {},
): Promise<string> {
  const platform = (await findPlatform(deps.db, clientId))!;
  const shop = (await findShopById(deps.db, shopId))!;
  return deps.db.transaction().execute((trx) =>
    approveAuthorization(
      trx,
      { platform, shop, merchantId: 1, redirectUri: options.redirectUri ?? '', scopes: options.scopes ?? ['read_reviews'], codeChallenge: options.codeChallenge ?? null },
      deps.clock.now(),
    ),
  );
}

export const TOKEN_PATH = '/api/v1/openapi/oauth/token';

/** A Trustoo-style token request: JSON in, envelope out. */
export function postJson(h: { app: FastifyInstance }, path: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
}

/** An RFC-style request: form-encoded, with HTTP Basic client authentication when credentials are given. */
export function postForm(
  h: { app: FastifyInstance },
  path: string,
  form: Record<string, string>,
  basic?: { clientId: string; clientSecret: string },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic) {
    const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
    headers.authorization = `Basic ${Buffer.from(`${encode(basic.clientId)}:${encode(basic.clientSecret)}`).toString('base64')}`;
  }
  return h.app.inject({ method: 'POST', url: path, headers, payload: new URLSearchParams(form).toString() });
}

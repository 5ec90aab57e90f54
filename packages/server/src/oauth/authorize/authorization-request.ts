import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Scope } from '../../http/actor.js';
import type { OAuthErrorCode } from '../../platforms/oauth-errors.js';
import { isCodeChallenge } from '../pkce.js';
import { findPlatform, type PlatformRow } from '../../platforms/platform-repository.js';
import { parseScopeList, storedScopes } from '../../platforms/scopes.js';
import { checkRedirectUri } from './check-redirect-uri.js';

/** The parameters of docs/reference/auth.md §5, as strings from a query or a form. */
export type AuthorizationParams = Record<string, unknown>;

export interface AuthorizationRequest {
  platform: PlatformRow;
  /** Where the answer goes, and whether the request named it (a code is bound to what was sent). */
  redirectUri: string;
  redirectUriSent: boolean;
  scopes: Scope[];
  state: string | undefined;
  codeChallenge: string | null;
  shopHint: string | undefined;
}

/**
 * Outcomes of validating an authorization request. Until client and redirect URI are proven,
 * errors are shown on our own page and never redirected (RFC 6749 §4.1.2.1: an open redirector
 * otherwise). After that, errors go back to the platform's redirect URI with the state.
 */
export type AuthorizationCheck =
  | { ok: true; request: AuthorizationRequest }
  | { ok: false; redirect: false; field: string; reason: string }
  | { ok: false; redirect: true; field: string; redirectUri: string; state: string | undefined; error: OAuthErrorCode; description: string };

const MAX_STATE_LENGTH = 1024;

function single(params: AuthorizationParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

export async function checkAuthorizationRequest(db: Kysely<Database>, params: AuthorizationParams): Promise<AuthorizationCheck> {
  for (const name of ['client_id', 'redirect_uri', 'state', 'scope', 'response_type', 'code_challenge', 'code_challenge_method']) {
    if (Array.isArray(params[name])) return { ok: false, redirect: false, field: name, reason: `${name} must be sent once` };
  }
  const clientId = single(params, 'client_id');
  if (!clientId) return { ok: false, redirect: false, field: 'client_id', reason: 'client_id is required' };
  const platform = await findPlatform(db, clientId);
  if (!platform || platform.status !== 'active') return { ok: false, redirect: false, field: 'client_id', reason: 'client_id is not a registered platform' };
  const uri = checkRedirectUri(platform, single(params, 'redirect_uri'));
  if (!uri.ok) return { ok: false, redirect: false, field: 'redirect_uri', reason: uri.reason };

  const state = single(params, 'state');
  const fail = (field: string, error: OAuthErrorCode, description: string): AuthorizationCheck => ({ ok: false, redirect: true, field, redirectUri: uri.redirectUri, state, error, description });
  if (state !== undefined && state.length > MAX_STATE_LENGTH) return fail('state', 'invalid_request', `state must be at most ${MAX_STATE_LENGTH} characters`);

  const responseType = single(params, 'response_type') ?? 'code';
  if (responseType !== 'code') return fail('response_type', 'unsupported_response_type', 'only response_type=code is supported');

  const allowed = storedScopes(platform.allowed_scopes);
  const scopeText = single(params, 'scope');
  let scopes: Scope[] = allowed;
  if (scopeText !== undefined && scopeText.trim() !== '') {
    const requested = parseScopeList(scopeText);
    if (requested.unknown.length > 0) return fail('scope', 'invalid_scope', `unknown scope: ${requested.unknown.join(', ')}`);
    const beyond = requested.scopes.filter((scope) => !allowed.includes(scope));
    if (beyond.length > 0) return fail('scope', 'invalid_scope', `this platform may not ask for: ${beyond.join(', ')}`);
    scopes = requested.scopes;
  }

  const challenge = single(params, 'code_challenge');
  const method = single(params, 'code_challenge_method');
  if (challenge === undefined && method !== undefined) return fail('code_challenge', 'invalid_request', 'code_challenge_method was sent without a code_challenge');
  if (challenge !== undefined) {
    if ((method ?? 'plain') !== 'S256') return fail('code_challenge_method', 'invalid_request', 'code_challenge_method must be S256');
    if (!isCodeChallenge(challenge)) return fail('code_challenge', 'invalid_request', 'code_challenge must be a base64url SHA-256 (43 characters)');
  }

  return {
    ok: true,
    request: {
      platform,
      redirectUri: uri.redirectUri,
      redirectUriSent: uri.sent,
      scopes,
      state,
      codeChallenge: challenge ?? null,
      shopHint: single(params, 'shop'),
    },
  };
}

/**
 * A URL with parameters appended (undefined ones left out): the platform's redirect URI with our
 * answer, kept byte for byte since it may carry its own query (`iss` lets the client check who
 * answered, RFC 9207), or one of our own paths.
 */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.append(name, value);
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${query.toString()}`;
}

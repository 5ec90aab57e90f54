import { PlauditError } from './errors.js';
import { codeChallengeOf, randomUrlSafe } from './pkce.js';
import type { TokenSet } from './token-store.js';

export interface OAuthOptions {
  /** Plaudit's PUBLIC_URL, which is also the OAuth issuer. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch (default Date.now); token expiry is computed from it. */
  now?: () => number;
}

/** What to keep (in the merchant's browser session, say) between sending them off and their return. */
export interface PendingAuthorization {
  url: string;
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

/** The merchant came back without a usable code: denied, or the answer was not for this request. */
export class AuthorizationCallbackError extends Error {
  override readonly name = 'AuthorizationCallbackError';
  constructor(
    message: string,
    /** The RFC 6749 error the server sent (`access_denied`…), or `state_mismatch` / `issuer_mismatch`. */
    readonly error: string,
  ) {
    super(message);
  }
}

interface Envelope<T> {
  code: number;
  message: string;
  request_id?: string;
  data?: T;
}

interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires_in: string;
  scope: string;
}

/**
 * The platform's side of Plaudit's OAuth2 server (docs/reference/auth.md §5–6): the authorization URL with state
 * and PKCE, the callback check, code exchange, refresh and revocation.
 */
export class PlauditOAuth {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: OAuthOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? Date.now;
  }

  /** Where to send the merchant; keep the returned state and verifier for the callback. */
  async authorizationRequest(request: { redirectUri: string; scopes?: string[]; shop?: string }): Promise<PendingAuthorization> {
    const state = randomUrlSafe();
    const codeVerifier = randomUrlSafe();
    const params = new URLSearchParams({
      client_id: this.options.clientId,
      redirect_uri: request.redirectUri,
      response_type: 'code',
      state,
      code_challenge: await codeChallengeOf(codeVerifier),
      code_challenge_method: 'S256',
    });
    if (request.scopes) params.set('scope', request.scopes.join(','));
    if (request.shop) params.set('shop', request.shop);
    return { url: `${this.baseUrl}/api/v1/openapi/oauth/authorize?${params}`, state, codeVerifier, redirectUri: request.redirectUri };
  }

  /**
   * Checks the redirect the merchant's browser arrived with and answers its code. The state must be
   * the one sent (CSRF), and the issuer Plaudit (RFC 9207: no code from another server is accepted).
   */
  codeFromCallback(callbackUrl: string | URL, pending: Pick<PendingAuthorization, 'state'>): string {
    const params = new URL(callbackUrl).searchParams;
    if (params.get('state') !== pending.state) throw new AuthorizationCallbackError('the callback state does not match this authorization request', 'state_mismatch');
    const issuer = params.get('iss');
    if (issuer !== null && issuer !== this.baseUrl) throw new AuthorizationCallbackError(`the callback came from issuer ${issuer}, not ${this.baseUrl}`, 'issuer_mismatch');
    const error = params.get('error');
    if (error !== null) throw new AuthorizationCallbackError(params.get('error_description') ?? error, error);
    const code = params.get('code');
    if (code === null) throw new AuthorizationCallbackError('the callback carries neither a code nor an error', 'invalid_request');
    return code;
  }

  exchangeCode(code: string, pending: Pick<PendingAuthorization, 'codeVerifier' | 'redirectUri'>): Promise<TokenSet> {
    return this.tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, code_verifier: pending.codeVerifier });
  }

  /** A new token set; the refresh token given is spent (presenting it again revokes the grant). */
  refresh(refreshToken: string): Promise<TokenSet> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** Revokes a token; a refresh token takes its whole family with it. */
  async revoke(token: string): Promise<void> {
    await this.post('/api/v1/openapi/oauth_revoke_token', { token });
  }

  private async tokenRequest(body: Record<string, string>): Promise<TokenSet> {
    const issuedAt = this.now();
    const answer = await this.post<TokenAnswer>('/api/v1/openapi/oauth/token', body);
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: issuedAt + Number(answer.expires_in) * 1000,
      scopes: answer.scope.split(/[,\s]+/).filter((scope) => scope !== ''),
    };
  }

  private async post<T>(path: string, body: Record<string, string>): Promise<T> {
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ client_id: this.options.clientId, client_secret: this.options.clientSecret, ...body }),
    });
    const envelope = (await response.json().catch(() => ({ code: -1, message: `unexpected non-JSON answer with HTTP ${response.status}` }))) as Envelope<T>;
    if (envelope.code !== 0) throw new PlauditError(envelope.message, envelope.code, response.status, envelope.request_id);
    return envelope.data as T;
  }
}

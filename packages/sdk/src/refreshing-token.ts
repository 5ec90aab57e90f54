import type { PlauditOAuth } from './oauth.js';
import type { TokenSet, TokenStore } from './token-store.js';

/** Refresh this long before expiry, so a request never leaves with a token about to die. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * A shop's access token that renews itself. Refreshes in this process are single-flight: callers
 * that need a new token while one refresh is running wait for it instead of spending the same
 * refresh token twice, which the server would treat as theft and answer by revoking the grant.
 */
export class RefreshingAccessToken {
  private inFlight: Promise<TokenSet> | undefined;

  constructor(
    private readonly oauth: PlauditOAuth,
    private readonly store: TokenStore,
    private readonly now: () => number,
  ) {}

  /** A token that is valid now, refreshing first when it is (about to be) expired. */
  async current(): Promise<string> {
    const tokens = await this.loaded();
    if (tokens.expiresAt - EXPIRY_MARGIN_MS > this.now()) return tokens.accessToken;
    return (await this.refreshOnce(tokens)).accessToken;
  }

  /**
   * The server refused `rejected` (revoked early, clock skew): refresh, unless another caller
   * already replaced it, in which case the newer token is the answer.
   */
  async afterRejection(rejected: string): Promise<string> {
    const tokens = await this.loaded();
    if (tokens.accessToken !== rejected) return tokens.accessToken;
    return (await this.refreshOnce(tokens)).accessToken;
  }

  private async loaded(): Promise<TokenSet> {
    const tokens = await this.store.load();
    if (!tokens) throw new Error('no OAuth tokens in the store: complete the authorization flow first (PlauditOAuth.exchangeCode)');
    return tokens;
  }

  private refreshOnce(tokens: TokenSet): Promise<TokenSet> {
    this.inFlight ??= (async () => {
      try {
        const next = await this.oauth.refresh(tokens.refreshToken);
        await this.store.save(next);
        return next;
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }
}

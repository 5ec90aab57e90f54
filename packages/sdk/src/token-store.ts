/** What a platform holds for one shop after the merchant's consent. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Milliseconds since the epoch at which the access token stops working. */
  expiresAt: number;
  scopes: string[];
}

/**
 * Where a platform keeps a shop's tokens. Refresh tokens rotate on every use and a spent one
 * presented again revokes the whole grant, so every process sharing a shop's tokens must share
 * one store (a database row, for example), save each new set before using it, and not refresh the
 * same token from two processes at once.
 */
export interface TokenStore {
  load(): Promise<TokenSet | undefined>;
  save(tokens: TokenSet): Promise<void>;
}

/** Keeps the tokens in this process only: enough for scripts and a single-process service. */
export class MemoryTokenStore implements TokenStore {
  constructor(private tokens?: TokenSet) {}

  async load(): Promise<TokenSet | undefined> {
    return this.tokens;
  }

  async save(tokens: TokenSet): Promise<void> {
    this.tokens = tokens;
  }
}

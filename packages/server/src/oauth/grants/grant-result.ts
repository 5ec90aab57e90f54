import type { OAuthError } from '../../platforms/oauth-errors.js';
import type { IssuedTokens } from '../../platforms/token-issuer.js';

/**
 * What a grant answers. Failures are returned, not thrown, because some of them must still commit
 * a change (a replayed code or refresh token revokes its family before the refusal goes out).
 */
export type GrantResult = { ok: true; tokens: IssuedTokens } | { ok: false; error: OAuthError };

export const refuse = (error: OAuthError): GrantResult => ({ ok: false, error });

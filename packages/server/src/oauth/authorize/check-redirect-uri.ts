import { safeEqual } from '../../crypto/tokens.js';
import { type PlatformRow, redirectUrisOf } from '../../platforms/platform-repository.js';

export type RedirectUriCheck = { ok: true; redirectUri: string; sent: boolean } | { ok: false; reason: string };

/**
 * docs/reference/auth.md §5: the redirect_uri must equal a registered one byte for byte. No normalisation at all:
 * not case, not trailing slashes, not percent-encoding, not default ports. Every such leniency has
 * been used somewhere to send a code to an attacker. It may be omitted only when exactly one URI
 * is registered.
 */
export function checkRedirectUri(platform: PlatformRow, sent: string | undefined): RedirectUriCheck {
  const registered = redirectUrisOf(platform);
  if (sent === undefined || sent === '') {
    if (registered.length === 1) return { ok: true, redirectUri: registered[0]!, sent: false };
    return { ok: false, reason: 'redirect_uri is required: this platform registered more than one' };
  }
  // Every registered URI is compared (no early exit), in constant time, so timing reveals nothing.
  let matched = false;
  for (const uri of registered) matched = safeEqual(uri, sent) || matched;
  return matched ? { ok: true, redirectUri: sent, sent: true } : { ok: false, reason: 'redirect_uri is not registered for this platform' };
}

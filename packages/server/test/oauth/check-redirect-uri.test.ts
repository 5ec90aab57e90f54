import { describe, expect, it } from 'vitest';
import { checkRedirectUri } from '../../src/oauth/authorize/check-redirect-uri.js';
import type { PlatformRow } from '../../src/platforms/platform-repository.js';

/** A platform row as the table holds it, with these redirect URIs registered. */
function platformWith(redirectUris: string[]): PlatformRow {
  return {
    client_id: 'chat-app',
    name: 'Chat App',
    client_secret_sealed: 'v1.sealed',
    webhook_secret_sealed: 'v1.sealed',
    redirect_uris: JSON.stringify(redirectUris),
    webhook_url: '',
    allowed_scopes: 'read_reviews',
    status: 'active',
    created_at: 0,
    updated_at: 0,
  };
}

const ONE = 'https://chat.example.com/oauth/callback';
const TWO = 'https://chat.example.com/oauth/callback-eu';

describe('the redirect_uri check (docs/reference/auth.md §5)', () => {
  it('lets a platform with exactly one registered URI omit it, and uses that URI', () => {
    for (const sent of [undefined, '']) expect(checkRedirectUri(platformWith([ONE]), sent)).toEqual({ ok: true, redirectUri: ONE, sent: false });
  });

  it('requires it when the platform registered several, or none', () => {
    for (const registered of [[ONE, TWO], []]) {
      expect(checkRedirectUri(platformWith(registered), undefined)).toEqual({ ok: false, reason: 'redirect_uri is required: this platform registered more than one' });
    }
  });

  it('accepts any registered URI sent byte for byte, wherever it is in the list', () => {
    expect(checkRedirectUri(platformWith([ONE, TWO]), ONE)).toEqual({ ok: true, redirectUri: ONE, sent: true });
    expect(checkRedirectUri(platformWith([ONE, TWO]), TWO)).toEqual({ ok: true, redirectUri: TWO, sent: true });
    expect(checkRedirectUri(platformWith([ONE]), ONE)).toEqual({ ok: true, redirectUri: ONE, sent: true });
  });

  it('normalises nothing: case, a trailing slash, encoding, a default port or a longer path are other URIs', () => {
    const lookalikes = [
      'https://Chat.example.com/oauth/callback',
      `${ONE}/`,
      'https://chat.example.com/oauth/%63allback',
      'https://chat.example.com:443/oauth/callback',
      `${ONE}?next=/evil`,
      'https://chat.example.com/oauth/callbac',
      'http://chat.example.com/oauth/callback',
    ];
    for (const sent of lookalikes) {
      expect([sent, checkRedirectUri(platformWith([ONE, TWO]), sent)]).toEqual([sent, { ok: false, reason: 'redirect_uri is not registered for this platform' }]);
    }
  });
});

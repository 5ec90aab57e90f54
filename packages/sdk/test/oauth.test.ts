import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../server/test/support/databases.js';
import { useListeningHarness } from '../../server/test/support/listening-harness.js';
import { createTestMerchant, hiddenFields, MerchantBrowser } from '../../server/test/support/merchant-agent.js';
import { platformDeps, registerPlatform } from '../../server/test/support/oauth.js';
import { AuthorizationCallbackError, MemoryTokenStore, PlauditClient, PlauditError, PlauditOAuth, type TokenSet, type TokenStore } from '../src/index.js';

const REDIRECT_URI = 'https://partner.example.com/plaudit/callback';

/** Counts saves, so tests can see how many refreshes reached the store. */
class CountingStore implements TokenStore {
  saves = 0;
  private inner = new MemoryTokenStore();
  load(): Promise<TokenSet | undefined> {
    return this.inner.load();
  }
  async save(tokens: TokenSet): Promise<void> {
    this.saves += 1;
    await this.inner.save(tokens);
  }
}

describeEachDatabase('@plaudit/sdk OAuth helpers against a running server', (dialect) => {
  const harness = useListeningHarness(dialect);

  async function connected(scopes = ['read_reviews', 'write_reviews']) {
    const h = harness();
    const platform = await registerPlatform(platformDeps(h), { name: `SDK Partner ${Math.random()}`, redirectUris: [REDIRECT_URI] });
    const oauth = new PlauditOAuth({ baseUrl: h.baseUrl, clientId: platform.client_id, clientSecret: platform.client_secret, now: () => h.clock.now() });
    const pending = await oauth.authorizationRequest({ redirectUri: REDIRECT_URI, scopes });
    // The merchant's browser: sign in, approve on the consent page the URL leads to.
    const browser = new MerchantBrowser(h);
    await browser.signIn(await createTestMerchant(h, [h.shop.shop_id]));
    const consent = await browser.get(pending.url.slice(h.baseUrl.length));
    const decision = await browser.post(new URL(pending.url).pathname, [...hiddenFields(consent.body), ['decision', 'approve']]);
    const callback = decision.headers.location as string;
    return { h, platform, oauth, pending, callback };
  }

  it('builds the authorization URL with state and PKCE, checks the callback and exchanges the code', async () => {
    const { oauth, pending, callback } = await connected();
    const url = new URL(pending.url);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(pending.state);
    expect(url.searchParams.get('scope')).toBe('read_reviews,write_reviews');
    expect(() => oauth.codeFromCallback(callback, { state: 'another-state' })).toThrow(AuthorizationCallbackError);
    const forged = callback.replace(/iss=[^&]+/, `iss=${encodeURIComponent('https://evil.example')}`);
    expect(() => oauth.codeFromCallback(forged, pending)).toThrow(/issuer/);
    const tokens = await oauth.exchangeCode(oauth.codeFromCallback(callback, pending), pending);
    expect(tokens.scopes).toEqual(['read_reviews', 'write_reviews']);
    expect(tokens.expiresAt).toBe(harness().clock.now() + 3600 * 1000);
  });

  it('reports a denial as an AuthorizationCallbackError carrying the RFC error', () => {
    const oauth = new PlauditOAuth({ baseUrl: 'https://reviews.example.com', clientId: 'x', clientSecret: 'y' });
    try {
      oauth.codeFromCallback(`${REDIRECT_URI}?error=access_denied&state=s&iss=https%3A%2F%2Freviews.example.com`, { state: 's' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'AuthorizationCallbackError', error: 'access_denied' });
    }
  });

  it('calls the API with a stored token and refreshes it once when it expires, however many calls need it', async () => {
    const { h, oauth, pending, callback } = await connected();
    const store = new CountingStore();
    await store.save(await oauth.exchangeCode(oauth.codeFromCallback(callback, pending), pending));
    const client = new PlauditClient({ baseUrl: h.baseUrl, credentials: { oauth, tokenStore: store }, now: () => h.clock.now() });
    await client.ratings.get({ is_all_rating: 1 });
    expect(store.saves).toBe(1);

    h.clock.advanceSeconds(3600);
    try {
      const answers = await Promise.all(Array.from({ length: 5 }, () => client.ratings.get({ is_all_rating: 1 })));
      expect(answers).toHaveLength(5);
      // One refresh for five callers: a second one would have spent a rotated token and revoked the grant.
      expect(store.saves).toBe(2);
      await client.reviews.list({});
    } finally {
      h.clock.advanceSeconds(-3600);
    }
  });

  it('renews a token the server refused before its time, and repeats the call once', async () => {
    const { h, oauth, pending, callback } = await connected();
    const store = new CountingStore();
    const first = await oauth.exchangeCode(oauth.codeFromCallback(callback, pending), pending);
    await store.save(first);
    await oauth.revoke(first.accessToken);
    const client = new PlauditClient({ baseUrl: h.baseUrl, credentials: { oauth, tokenStore: store }, now: () => h.clock.now() });
    await expect(client.ratings.get({ is_all_rating: 1 })).resolves.toBeDefined();
    expect(store.saves).toBe(2);
  });

  it('surfaces a grant the merchant cancelled as PlauditError code 3 from the refresh', async () => {
    const { h, platform, oauth, pending, callback } = await connected();
    const store = new MemoryTokenStore(await oauth.exchangeCode(oauth.codeFromCallback(callback, pending), pending));
    const cancelled = await h.call('POST', 'oauth/cancel', { body: { client_id: platform.client_id } });
    expect(cancelled.json().code).toBe(0);
    const client = new PlauditClient({ baseUrl: h.baseUrl, credentials: { oauth, tokenStore: store }, now: () => h.clock.now() });
    const failure = await client.ratings.get({ is_all_rating: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlauditError);
    expect(failure).toMatchObject({ code: 3 });
  });
});

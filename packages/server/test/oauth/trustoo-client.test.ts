import { expect, it } from 'vitest';
import { signRequest } from '../../src/crypto/hmac-signature.js';
import { describeEachDatabase } from '../support/databases.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { createTestMerchant, MerchantBrowser } from '../support/merchant-agent.js';
import { platformDeps, registerPlatform } from '../support/oauth.js';

const REDIRECT_URI = 'https://chat-app.example.com/oauth/callback';

interface Envelope<T> {
  code: number;
  message: string;
  data: T;
}

describeEachDatabase('a Trustoo-style JSON client', (dialect) => {
  const harness = useListeningHarness(dialect);

  it('gets the authorization URL, exchanges the code, reads reviews, refreshes, and loses access when the merchant cancels', async () => {
    const h = harness();
    const platform = await registerPlatform(platformDeps(h), { name: 'Chat App', redirectUris: [REDIRECT_URI] });
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const json = async <T>(path: string, init: RequestInit = {}) => (await (await fetch(`${h.baseUrl}${path}`, init)).json()) as Envelope<T>;
    const post = <T>(path: string, body: unknown) => json<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const query = new URLSearchParams({ client_id: platform.client_id, redirect_uri: REDIRECT_URI, scope: 'read_reviews,write_reviews', state: 'trustoo-state' });
    const authorizeUrl = (await json<{ authorize_url: string }>(`/api/v1/openapi/get_oauth_authorize_url?${query}`)).data.authorize_url;
    expect(authorizeUrl.startsWith(`${h.baseUrl}/api/v1/openapi/oauth/authorize?`)).toBe(true);

    // The merchant approves through the programmatic form of the consent step (docs/reference/auth.md §6).
    const browser = new MerchantBrowser(h);
    await browser.signIn(email);
    const approval = (await browser.get(`${authorizeUrl.slice(h.baseUrl.length)}&approve=1`, { accept: 'application/json' })).json() as Envelope<{ code: string; redirect_url: string; state: string }>;
    expect(approval.code).toBe(0);
    expect(approval.data.state).toBe('trustoo-state');

    const credentials = { client_id: platform.client_id, client_secret: platform.client_secret };
    const granted = await post<{ access_token: string; refresh_token: string; expires_in: string; scope: string }>('/api/v1/openapi/oauth/token', {
      grant_type: 'authorization_code',
      ...credentials,
      code: approval.data.code,
      redirect_uri: REDIRECT_URI,
    });
    expect(granted).toMatchObject({ code: 0, data: { expires_in: '3600', scope: 'read_reviews,write_reviews' } });

    const reviews = (token: string) => json<{ list: unknown[] }>('/api/v1/openapi/get_reviews', { headers: { authorization: `Bearer ${token}` } });
    expect((await reviews(granted.data.access_token)).code).toBe(0);

    const refreshed = await post<{ access_token: string }>('/api/v1/openapi/oauth/token', { grant_type: 'refresh_token', ...credentials, refresh_token: granted.data.refresh_token });
    expect(refreshed.code).toBe(0);
    expect((await reviews(refreshed.data.access_token)).code).toBe(0);

    const info = await json<{ is_authorized: boolean }>(`/api/v1/openapi/get_shop_authorization_info?${new URLSearchParams({ ...credentials, shop_id: h.shop.shop_id })}`);
    expect(info.data.is_authorized).toBe(true);

    // The merchant's own integration cancels, HMAC-signed with the shop's private token.
    const body = JSON.stringify({ client_id: platform.client_id });
    const timestamp = String(Math.floor(h.clock.now() / 1000));
    const cancelled = await json<{ status: string }>('/api/v1/openapi/oauth/cancel', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'public-token': h.shop.public_token, timestamp, sign: signRequest(h.shop.private_token, '', timestamp, body) },
      body,
    });
    expect(cancelled).toMatchObject({ code: 0, data: { status: 'cancelled' } });
    expect((await reviews(refreshed.data.access_token)).code).toBe(16);
    expect((await post('/api/v1/openapi/oauth/token', { grant_type: 'refresh_token', ...credentials, refresh_token: granted.data.refresh_token })).code).toBe(3);
  });
});

import * as oauth from 'oauth4webapi';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { createTestMerchant, hiddenFields, MERCHANT_PASSWORD } from '../support/merchant-agent.js';
import { platformDeps, registerPlatform } from '../support/oauth.js';

const REDIRECT_URI = 'http://localhost:4567/callback';
const insecure = { [oauth.allowInsecureRequests]: true } as const;

/** The merchant's side over plain fetch: a cookie jar, sign-in, approval; answers where the browser is sent. */
async function merchantApproves(authorizationUrl: URL, email: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string | URL, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      jar.set(name, value);
    }
    return response;
  };
  const form = (fields: Array<[string, string]>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  const toLogin = await send(authorizationUrl);
  expect(toLogin.status).toBe(303);
  const loginUrl = new URL(toLogin.headers.get('location')!, authorizationUrl);
  const loginPage = await send(loginUrl);
  const signedIn = await send(new URL('/console/login', authorizationUrl), form([...hiddenFields(await loginPage.text()), ['email', email], ['password', MERCHANT_PASSWORD]]));
  expect(signedIn.status).toBe(303);
  const consent = await send(new URL(signedIn.headers.get('location')!, authorizationUrl));
  expect(consent.status).toBe(200);
  const decided = await send(authorizationUrl.origin + authorizationUrl.pathname, form([...hiddenFields(await consent.text()), ['decision', 'approve']]));
  expect(decided.status).toBe(303);
  return new URL(decided.headers.get('location')!);
}

describeEachDatabase('a standard OAuth client library (oauth4webapi)', (dialect) => {
  const harness = useListeningHarness(dialect);

  it('discovers the server, completes authorization code + PKCE, calls the API, refreshes and revokes', async () => {
    const h = harness();
    const registered = await registerPlatform(platformDeps(h), { name: 'Standard Client', redirectUris: [REDIRECT_URI], scopes: 'read_reviews write_reviews' });
    const email = await createTestMerchant(h, [h.shop.shop_id]);

    const issuer = new URL(h.baseUrl);
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
    const client: oauth.Client = { client_id: registered.client_id };
    const clientAuth = oauth.ClientSecretBasic(registered.client_secret);

    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const authorizationUrl = new URL(as.authorization_endpoint!);
    authorizationUrl.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'read_reviews',
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    }).toString();

    const callback = await merchantApproves(authorizationUrl, email);
    // Checks state and the RFC 9207 iss parameter the metadata promises.
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const tokenResponse = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, REDIRECT_URI, codeVerifier, insecure);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, tokenResponse);
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.scope).toBe('read_reviews');

    const api = (accessToken: string) => fetch(`${h.baseUrl}/api/v1/openapi/get_reviews`, { headers: { authorization: `Bearer ${accessToken}` } }).then((r) => r.json() as Promise<{ code: number }>);
    expect((await api(tokens.access_token)).code).toBe(0);

    const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token!, insecure));
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await api(refreshed.access_token)).code).toBe(0);

    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, clientAuth, refreshed.refresh_token!, insecure));
    expect((await api(refreshed.access_token)).code).toBe(16);
  });

  it('surfaces the RFC error of a reused code to the library', async () => {
    const h = harness();
    const registered = await registerPlatform(platformDeps(h), { name: 'Standard Client Reuse', redirectUris: [REDIRECT_URI] });
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const issuer = new URL(h.baseUrl);
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
    const client: oauth.Client = { client_id: registered.client_id };
    const clientAuth = oauth.ClientSecretPost(registered.client_secret);
    const state = oauth.generateRandomState();
    const authorizationUrl = new URL(as.authorization_endpoint!);
    authorizationUrl.search = new URLSearchParams({ client_id: client.client_id, redirect_uri: REDIRECT_URI, response_type: 'code', state }).toString();
    const params = oauth.validateAuthResponse(as, client, await merchantApproves(authorizationUrl, email), state);
    const exchange = async () => oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, REDIRECT_URI, oauth.nopkce, insecure));
    await exchange();
    await expect(exchange()).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

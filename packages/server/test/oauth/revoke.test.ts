import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { mintCode, platformDeps, postForm, postJson, registerPlatform, TOKEN_PATH } from '../support/oauth.js';

const TRUSTOO_PATH = '/api/v1/openapi/oauth_revoke_token';
const RFC_PATH = '/api/v1/openapi/oauth/revoke';

async function connected(h: Harness, label: string) {
  const platform = await registerPlatform(platformDeps(h), { name: `Revoke ${label}` });
  const shop = await h.newShop(`revoke-${label}-${h.dialect}.example.com`);
  const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
  const tokens = envelope<{ access_token: string; refresh_token: string }>(
    await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code }),
  ).data!;
  return { platform, shop, tokens };
}

async function apiCode(h: Harness, accessToken: string): Promise<number> {
  return envelope(await h.app.inject({ method: 'GET', url: '/api/v1/openapi/get_rating?is_all_rating=1', headers: { authorization: `Bearer ${accessToken}` } })).code;
}

describeEachDatabase('OAuth token revocation', (dialect) => {
  const harness = useHarness(dialect);

  it('revokes an access token Trustoo-style (envelope, data {}) and nothing else', async () => {
    const h = harness();
    const { platform, tokens } = await connected(h, 'access');
    const response = await postJson(h, TRUSTOO_PATH, { client_id: platform.client_id, client_secret: platform.client_secret, token: tokens.access_token });
    expect(response.statusCode).toBe(200);
    expect(envelope(response)).toMatchObject({ code: 0, data: {} });
    expect(await apiCode(h, tokens.access_token)).toBe(16);
    const refreshed = await postJson(h, TOKEN_PATH, { grant_type: 'refresh_token', client_id: platform.client_id, client_secret: platform.client_secret, refresh_token: tokens.refresh_token });
    expect(envelope(refreshed).code).toBe(0);
  });

  it('revokes a refresh token RFC-style (empty 200) together with the access tokens of its family', async () => {
    const h = harness();
    const { platform, tokens } = await connected(h, 'refresh');
    const response = await postForm(h, RFC_PATH, { token: tokens.refresh_token, token_type_hint: 'refresh_token' }, { clientId: platform.client_id, clientSecret: platform.client_secret });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await apiCode(h, tokens.access_token)).toBe(16);
    const refreshed = await postJson(h, TOKEN_PATH, { grant_type: 'refresh_token', client_id: platform.client_id, client_secret: platform.client_secret, refresh_token: tokens.refresh_token });
    expect(envelope(refreshed).code).toBe(3);
  });

  it('finds the token whatever the hint says', async () => {
    const h = harness();
    const { platform, tokens } = await connected(h, 'hint');
    await postJson(h, TRUSTOO_PATH, { client_id: platform.client_id, client_secret: platform.client_secret, token: tokens.access_token, token_type_hint: 'refresh_token' });
    expect(await apiCode(h, tokens.access_token)).toBe(16);
  });

  it('succeeds for an unknown or already revoked token', async () => {
    const h = harness();
    const { platform, tokens } = await connected(h, 'unknown');
    const credentials = { client_id: platform.client_id, client_secret: platform.client_secret };
    expect(envelope(await postJson(h, TRUSTOO_PATH, { ...credentials, token: 'AAAAAAAAAAAAAAAAAAAAAA==' })).code).toBe(0);
    await postJson(h, TRUSTOO_PATH, { ...credentials, token: tokens.access_token });
    expect(envelope(await postJson(h, TRUSTOO_PATH, { ...credentials, token: tokens.access_token })).code).toBe(0);
  });

  it("refuses to revoke another client's token, which keeps working", async () => {
    const h = harness();
    const { tokens } = await connected(h, 'foreign');
    const other = await registerPlatform(platformDeps(h), { name: 'Other Revoker' });
    const json = await postJson(h, TRUSTOO_PATH, { client_id: other.client_id, client_secret: other.client_secret, token: tokens.refresh_token });
    expect(envelope(json)).toMatchObject({ code: 3, message: 'this token was not issued to this client' });
    const form = await postForm(h, RFC_PATH, { token: tokens.access_token }, { clientId: other.client_id, clientSecret: other.client_secret });
    expect(form.statusCode).toBe(400);
    expect(form.json().error).toBe('invalid_request');
    expect(await apiCode(h, tokens.access_token)).toBe(0);
  });

  it('requires client authentication and a token', async () => {
    const h = harness();
    const { platform, tokens } = await connected(h, 'auth');
    const anonymous = await postJson(h, TRUSTOO_PATH, { token: tokens.access_token });
    expect(anonymous.statusCode).toBe(401);
    expect(envelope(anonymous).code).toBe(16);
    const wrong = await postForm(h, RFC_PATH, { token: tokens.access_token }, { clientId: platform.client_id, clientSecret: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('invalid_client');
    expect(await apiCode(h, tokens.access_token)).toBe(0);
    const noToken = await postJson(h, TRUSTOO_PATH, { client_id: platform.client_id, client_secret: platform.client_secret });
    expect(envelope(noToken)).toMatchObject({ code: 3, data: { errors: [{ field: 'token' }] } });
  });
});

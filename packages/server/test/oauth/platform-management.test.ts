import { describe, expect, it } from 'vitest';
import { cancelAuthorizationOperation } from '../../src/open-api/oauth/cancel-authorization.route.js';
import { rotateClientSecret } from '../../src/platforms/platform-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia, systemEvents } from '../support/factories.js';
import { envelope, type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';
import { mintCode, platformDeps, postJson, registerPlatform, TEST_REDIRECT_URI, TOKEN_PATH } from '../support/oauth.js';
import { securitySuite } from '../support/security.js';

async function connect(h: Harness, label: string, scopes: Array<'read_reviews' | 'write_reviews' | 'read_shop_install_status'> = ['read_reviews']) {
  const platform = await registerPlatform(platformDeps(h), { name: `Mgmt ${label}` });
  const shop = await h.newShop(`mgmt-${label}-${h.dialect}.example.com`);
  const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id, { scopes });
  const tokens = envelope<{ access_token: string; refresh_token: string }>(
    await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code }),
  ).data!;
  return { platform, shop, tokens };
}

function bearerGet(h: Harness, path: string, token: string) {
  return h.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } });
}

describeEachDatabase('platform management', (dialect) => {
  const harness = useHarness(dialect);

  describe('bearer tokens on the Open API', () => {
    it("answers a shop A token asking for shop B's review exactly like a missing review (code 5)", async () => {
      const h = harness();
      const { tokens } = await connect(h, 'tenancy');
      const foreignId = await createReviewVia(h, {}, h.otherShop);
      const foreign = envelope(await bearerGet(h, `/api/v1/openapi/get_review?id=${foreignId}`, tokens.access_token));
      const missing = envelope(await bearerGet(h, `/api/v1/openapi/get_review?id=${foreignId + 999_999}`, tokens.access_token));
      expect(foreign.code).toBe(5);
      expect(foreign.message.replace(String(foreignId), 'ID')).toBe(missing.message.replace(String(foreignId + 999_999), 'ID'));
    });

    it('refuses a token without read_reviews on get_reviews with insufficient_scope', async () => {
      const h = harness();
      const { tokens } = await connect(h, 'scope', ['write_reviews']);
      const response = await bearerGet(h, '/api/v1/openapi/get_reviews', tokens.access_token);
      expect(response.statusCode).toBe(403);
      expect(envelope(response).code).toBe(7);
      expect(response.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="read_reviews"');
    });

    it('refuses a malformed Authorization header and ignores HMAC headers when one is present', async () => {
      const h = harness();
      const malformed = await h.call('GET', 'get_reviews', { headers: { authorization: 'Token abc' } });
      expect(malformed.statusCode).toBe(401);
      expect(malformed.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    });
  });

  describe('Disconnect Platform Authorization', () => {
    it("ends the grant with the shop's bearer token: every token refused at once, shop/deauthorized recorded", async () => {
      const h = harness();
      const { platform, shop, tokens } = await connect(h, 'disconnect-bearer');
      const response = await h.app.inject({ method: 'POST', url: '/api/v1/openapi/oauth/disconnect', headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(envelope(response)).toMatchObject({ code: 0, data: { shop_id: shop.shop_id, status: 'disconnected' } });
      expect(envelope(await bearerGet(h, '/api/v1/openapi/get_reviews', tokens.access_token)).code).toBe(16);
      const refresh = await postJson(h, TOKEN_PATH, { grant_type: 'refresh_token', client_id: platform.client_id, client_secret: platform.client_secret, refresh_token: tokens.refresh_token });
      expect(envelope(refresh).code).toBe(3);
      const events = await systemEvents(h, shop.shop_id);
      expect(events.map((e) => e.topic)).toEqual(['shop/authorized', 'shop/deauthorized']);
      expect(events[1]!.payload).toMatchObject({ status: 'disconnected', initiator: 'platform', client_id: platform.client_id, shop_id: shop.shop_id });
    });

    it('ends the grant with client credentials and a shop id, and answers the same status again without a second event', async () => {
      const h = harness();
      const { platform, shop } = await connect(h, 'disconnect-credentials');
      const body = { client_id: platform.client_id, client_secret: platform.client_secret, shop_id: shop.shop_id };
      expect(envelope(await postJson(h, '/api/v1/openapi/oauth/disconnect', body)).data).toEqual({ shop_id: shop.shop_id, status: 'disconnected' });
      expect(envelope(await postJson(h, '/api/v1/openapi/oauth/disconnect', body)).data).toEqual({ shop_id: shop.shop_id, status: 'disconnected' });
      expect((await systemEvents(h, shop.shop_id)).map((e) => e.topic)).toEqual(['shop/authorized', 'shop/deauthorized']);
    });

    it('refuses bad credentials (16), a shop the platform never had (5) and an unknown shop (5)', async () => {
      const h = harness();
      const { platform, shop, tokens } = await connect(h, 'disconnect-bad');
      expect(envelope(await postJson(h, '/api/v1/openapi/oauth/disconnect', { client_id: platform.client_id, client_secret: 'x', shop_id: shop.shop_id })).code).toBe(16);
      expect(envelope(await postJson(h, '/api/v1/openapi/oauth/disconnect', { client_id: platform.client_id, client_secret: platform.client_secret, shop_id: h.otherShop.shop_id })).code).toBe(5);
      expect(envelope(await postJson(h, '/api/v1/openapi/oauth/disconnect', { client_id: platform.client_id, client_secret: platform.client_secret, shop_id: '999' })).code).toBe(5);
      expect(envelope(await postJson(h, '/api/v1/openapi/oauth/disconnect', {})).code).toBe(16);
      expect(envelope(await bearerGet(h, '/api/v1/openapi/get_reviews', tokens.access_token)).code).toBe(0);
    });
  });

  describe('Cancel Platform Authorization', () => {
    securitySuite(harness, {
      op: cancelAuthorizationOperation,
      valid: async (h) => {
        const platform = await registerPlatform(platformDeps(h), { name: 'Cancel Target' });
        await mintCode(platformDeps(h), platform.client_id, h.shop.shop_id);
        return { body: { client_id: platform.client_id } };
      },
      foreign: async (h) => {
        const platform = await registerPlatform(platformDeps(h), { name: 'Other Shop Partner' });
        await mintCode(platformDeps(h), platform.client_id, h.otherShop.shop_id);
        return { foreign: { body: { client_id: platform.client_id } }, missing: { body: { client_id: 'no-such-platform' } }, foreignId: platform.client_id, missingId: 'no-such-platform' };
      },
    });

    it('lets the merchant cancel: tokens die, shop/deauthorized says initiator merchant', async () => {
      const h = harness();
      const { platform, shop, tokens } = await connect(h, 'cancel');
      const response = await h.call('POST', 'oauth/cancel', { body: { client_id: platform.client_id } }, shop);
      expect(envelope(response)).toMatchObject({ code: 0, data: { shop_id: shop.shop_id, client_id: platform.client_id, status: 'cancelled' } });
      expect(envelope(await bearerGet(h, '/api/v1/openapi/get_reviews', tokens.access_token)).code).toBe(16);
      const events = await systemEvents(h, shop.shop_id);
      expect(events.at(-1)).toMatchObject({ topic: 'shop/deauthorized', payload: { status: 'cancelled', initiator: 'merchant' } });
    });

    it('validates client_id', async () => {
      const h = harness();
      const response = await h.call('POST', 'oauth/cancel', { body: {} });
      expect(envelope(response)).toMatchObject({ code: 3, data: { errors: [{ field: 'client_id' }] } });
    });
  });

  describe('Get Shop Authorization Info and Installation Status', () => {
    it('reports an active grant, then a disconnected one, with Trustoo fields and the extension fields', async () => {
      const h = harness();
      const { platform, shop } = await connect(h, 'info');
      const query = `client_id=${platform.client_id}&client_secret=${encodeURIComponent(platform.client_secret)}&shop_id=${shop.shop_id}`;
      const active = envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_authorization_info?${query}` }));
      expect(active).toMatchObject({
        code: 0,
        data: { is_authorized: true, authorized_at: '2026-06-17T07:55:00Z', granted_scopes: 'read_reviews', shop_id: shop.shop_id, myshopify_domain: shop.domain, status: 'active', client_id: platform.client_id },
      });
      await postJson(h, '/api/v1/openapi/oauth/disconnect', { client_id: platform.client_id, client_secret: platform.client_secret, shop_id: shop.shop_id });
      const byDomain = `client_id=${platform.client_id}&client_secret=${encodeURIComponent(platform.client_secret)}&myshopify_domain=${shop.domain}`;
      const ended = envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_authorization_info?${byDomain}` }));
      expect(ended.data).toMatchObject({ is_authorized: false, granted_scopes: '', status: 'disconnected' });
    });

    it('reports a shop never authorized, refuses an unknown shop (5) and bad credentials (16)', async () => {
      const h = harness();
      const platform = await registerPlatform(platformDeps(h), { name: 'Info Never' });
      const credentials = `client_id=${platform.client_id}&client_secret=${encodeURIComponent(platform.client_secret)}`;
      const never = envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_authorization_info?${credentials}&shop_id=${h.shop.shop_id}` }));
      expect(never.data).toMatchObject({ is_authorized: false, authorized_at: null, granted_scopes: '', status: 'never_authorized' });
      expect(envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_authorization_info?${credentials}&shop_id=404404` })).code).toBe(5);
      expect(envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_authorization_info?${credentials}` })).code).toBe(3);
      const bad = await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_authorization_info?client_id=${platform.client_id}&client_secret=x&shop_id=${h.shop.shop_id}` });
      expect(bad.statusCode).toBe(401);
      expect(envelope(bad).code).toBe(16);
    });

    it('reports whether the shop has the calling platform installed, by client credentials (Trustoo meaning)', async () => {
      const h = harness();
      const { platform, shop } = await connect(h, 'install');
      const credentials = `client_id=${platform.client_id}&client_secret=${encodeURIComponent(platform.client_secret)}`;
      const installed = envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_install_status?${credentials}&shop_id=${shop.shop_id}` }));
      expect(installed.data).toEqual({ is_installed: 1, installed_at: '2026-06-17T07:55:00Z', shop_id: shop.shop_id, myshopify_domain: shop.domain, plaudit_shop_active: 1 });
      // Another shop, active in Plaudit, that never authorized this platform: not installed.
      const other = envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_install_status?${credentials}&shop_id=${h.shop.shop_id}` }));
      expect(other.data).toEqual({ is_installed: 0, installed_at: null, shop_id: h.shop.shop_id, myshopify_domain: h.shop.domain, plaudit_shop_active: 1 });
      const unknown = envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_install_status?${credentials}&myshopify_domain=nowhere.myshopify.com` }));
      expect(unknown.data).toEqual({ is_installed: 0, installed_at: null, shop_id: '', myshopify_domain: 'nowhere.myshopify.com', plaudit_shop_active: 0 });
      await postJson(h, '/api/v1/openapi/oauth/disconnect', { client_id: platform.client_id, client_secret: platform.client_secret, shop_id: shop.shop_id });
      const uninstalled = envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_install_status?${credentials}&shop_id=${shop.shop_id}` }));
      expect(uninstalled.data).toMatchObject({ is_installed: 0, installed_at: null, plaudit_shop_active: 1 });
      expect(envelope(await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_shop_install_status?client_id=${platform.client_id}&shop_id=1` })).code).toBe(16);
    });

    it('answers a bearer token of the shop only with the read_shop_install_status scope', async () => {
      const h = harness();
      const { shop, tokens } = await connect(h, 'install-bearer', ['read_shop_install_status']);
      const answer = envelope(await bearerGet(h, '/api/v1/openapi/get_shop_install_status', tokens.access_token));
      expect(answer).toMatchObject({ code: 0, data: { is_installed: 1, installed_at: '2026-06-17T07:55:00Z', shop_id: shop.shop_id, myshopify_domain: shop.domain, plaudit_shop_active: 1 } });
      const { tokens: readOnly } = await connect(h, 'install-noscope', ['read_reviews']);
      const refused = await bearerGet(h, '/api/v1/openapi/get_shop_install_status', readOnly.access_token);
      expect(refused.statusCode).toBe(403);
      expect(envelope(refused).code).toBe(7);
    });
  });

  describe('Get OAuth2 Authorization URL', () => {
    it('builds the consent URL for a valid request, ignoring an Authorization header', async () => {
      const h = harness();
      const platform = await registerPlatform(platformDeps(h), { name: 'Url Builder' });
      const query = new URLSearchParams({ client_id: platform.client_id, redirect_uri: TEST_REDIRECT_URI, scope: 'read_reviews,write_reviews', state: 'st' });
      const response = await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_oauth_authorize_url?${query}`, headers: { authorization: 'Bearer whatever' } });
      const body = envelope<{ authorize_url: string }>(response);
      expect(body.code).toBe(0);
      const url = new URL(body.data!.authorize_url);
      expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}/api/v1/openapi/oauth/authorize`);
      expect(Object.fromEntries(url.searchParams)).toEqual(Object.fromEntries(query));
    });

    it('answers code 3 naming the field for an unknown client, an unregistered redirect URI or a bad scope', async () => {
      const h = harness();
      const platform = await registerPlatform(platformDeps(h), { name: 'Url Refusals' });
      const cases: Array<[Record<string, string>, string]> = [
        [{ client_id: 'nobody' }, 'client_id'],
        [{ client_id: platform.client_id, redirect_uri: 'https://evil.example/cb' }, 'redirect_uri'],
        [{ client_id: platform.client_id, scope: 'everything' }, 'scope'],
      ];
      for (const [params, field] of cases) {
        const response = await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_oauth_authorize_url?${new URLSearchParams(params)}` });
        expect(envelope(response)).toMatchObject({ code: 3, data: { errors: [{ field }] } });
      }
    });
  });

  it('serves RFC 8414 metadata that names this server’s endpoints', async () => {
    const h = harness();
    const response = await h.app.inject({ method: 'GET', url: '/.well-known/oauth-authorization-server' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      issuer: PUBLIC_URL,
      authorization_endpoint: `${PUBLIC_URL}/api/v1/openapi/oauth/authorize`,
      token_endpoint: `${PUBLIC_URL}/api/v1/openapi/oauth/token`,
      revocation_endpoint: `${PUBLIC_URL}/api/v1/openapi/oauth/revoke`,
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
    });
  });

  it('rotating a client secret stops the old one at once', async () => {
    const h = harness();
    const { platform, tokens } = await connect(h, 'rotate-secret');
    const rotated = await rotateClientSecret(h.deps.db.kysely, platformDeps(h), platform.client_id);
    const old = await postJson(h, TOKEN_PATH, { grant_type: 'refresh_token', client_id: platform.client_id, client_secret: platform.client_secret, refresh_token: tokens.refresh_token });
    expect(envelope(old).code).toBe(16);
    const fresh = await postJson(h, TOKEN_PATH, { grant_type: 'refresh_token', client_id: platform.client_id, client_secret: rotated.client_secret, refresh_token: tokens.refresh_token });
    expect(envelope(fresh).code).toBe(0);
  });
});

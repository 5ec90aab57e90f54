import { expect, it } from 'vitest';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { type Harness, useHarness } from '../support/harness.js';
import { multipartBody } from '../support/media.js';
import { createTestMerchant, hiddenField, MerchantBrowser } from '../support/merchant-agent.js';
import { registeredRoutes } from '../support/registered-routes.js';

/**
 * The only console routes a visitor without a session may use: signing in and out, asking for a
 * password-reset link, and the reset and invitation links, whose signed token is the credential
 * (account-recovery.test.ts refuses forged, altered, expired and spent ones).
 */
const OPEN_ROUTES = new Set(['/console/login', '/console/logout', '/console/forgot', '/console/reset/:token', '/console/invite/:token']);
/** Forms sent as multipart (a file upload); their CSRF token travels inside the stream. */
const MULTIPART_FORMS = new Set(['/console/reviews/import']);

interface ConsoleRoute {
  method: 'GET' | 'POST';
  url: string;
}

/** Every guarded console route the app registered, its parameters filled with a real object. */
function guardedRoutes(h: Harness, reviewId: number): ConsoleRoute[] {
  const fill = (path: string) => path.replace(':id/:action', '1/disable').replace(/^\/console\/reviews\/:id/, `/console/reviews/${reviewId}`).replace(':id', '1');
  return registeredRoutes(h.app)
    .filter((route) => (route.path === '/console' || route.path.startsWith('/console/')) && !OPEN_ROUTES.has(route.path))
    .flatMap((route) => route.methods.filter((method): method is 'GET' | 'POST' => method === 'GET' || method === 'POST').map((method) => ({ method, url: fill(route.path) })));
}

function send(h: Harness, route: ConsoleRoute, cookie: string, csrfToken: string) {
  if (route.method === 'GET') return h.app.inject({ method: 'GET', url: route.url, headers: { cookie } });
  if (MULTIPART_FORMS.has(route.url)) {
    const { payload, contentType } = multipartBody([['csrf_token', csrfToken], ['format', 'judgeme'], ['file', { name: 'a.csv', type: 'text/csv', data: Buffer.from('title\n') }]]);
    return h.app.inject({ method: 'POST', url: route.url, headers: { cookie, 'content-type': contentType }, payload });
  }
  return h.app.inject({ method: 'POST', url: route.url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ csrf_token: csrfToken, reply: 'x', action: 'hide', ids: '1', email: 'x@example.com' }).toString() });
}

describeEachDatabase('console guards, generated from the registered routes', (dialect) => {
  const harness = useHarness(dialect);

  it('guards the console’s pages and forms, both kinds', async () => {
    const h = harness();
    const routes = guardedRoutes(h, 1);
    expect(routes.filter((route) => route.method === 'GET').length).toBeGreaterThan(5);
    expect(routes.filter((route) => route.method === 'POST').length).toBeGreaterThan(5);
  });

  it('sends a visitor without a session to sign in from every route, and changes nothing', async () => {
    const h = harness();
    const reviewId = await createReviewVia(h, {});
    const before = await databaseChecksum(h);
    for (const route of guardedRoutes(h, reviewId)) {
      const response = await send(h, route, '', 'none');
      const returnTo = route.method === 'GET' ? route.url : '/console';
      expect([route.method, route.url, response.statusCode, response.headers.location]).toEqual([route.method, route.url, 303, `/console/login?return_to=${encodeURIComponent(returnTo)}`]);
    }
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('refuses every form without the session’s CSRF token, and changes nothing', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    expect((await browser.signIn(email)).statusCode).toBe(303);
    const realToken = hiddenField((await browser.get('/console/reviews')).body, 'csrf_token');
    expect(realToken).toBeDefined();
    const reviewId = await createReviewVia(h, {});
    const before = await databaseChecksum(h);
    for (const route of guardedRoutes(h, reviewId).filter((candidate) => candidate.method === 'POST')) {
      const response = await send(h, route, browser.cookieHeader(), 'forged');
      expect([route.url, response.statusCode]).toEqual([route.url, 403]);
      expect(response.body).toContain('This form expired');
    }
    expect(await databaseChecksum(h)).toEqual(before);
    expect((await browser.get('/console/reviews')).statusCode).toBe(200);
  });
});

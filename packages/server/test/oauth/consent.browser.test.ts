import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { freePort } from '../support/free-port.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { createTestMerchant, MERCHANT_PASSWORD } from '../support/merchant-agent.js';
import { platformDeps, postJson, registerPlatform, TOKEN_PATH } from '../support/oauth.js';
import { envelope } from '../support/harness.js';

/** The platform's side: a callback page, and a page of its own that tries to frame the consent page. */
async function startPlatformSite(): Promise<{ origin: string; server: Server }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    response.setHeader('content-type', 'text/html; charset=utf-8');
    if (url.pathname === '/frame') {
      response.end(`<!doctype html><iframe id="consent" src="${url.searchParams.get('src')}" width="600" height="400"></iframe>`);
      return;
    }
    response.end('<!doctype html><title>Partner callback</title><p>connected</p>');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin, server };
}

describeEachDatabase('consent in a real browser', (dialect) => {
  const harness = useListeningHarness(dialect);
  let site: { origin: string; server: Server };
  beforeAll(async () => {
    site = await startPlatformSite();
  });
  afterAll(async () => {
    await new Promise((resolve) => site?.server.close(resolve));
  });

  describeInBrowser('Chromium', (browser) => {
    async function setup(name: string) {
      const h = harness();
      const redirectUri = `${site.origin}/callback`;
      const platform = await registerPlatform(platformDeps(h), { name, redirectUris: [redirectUri], scopes: 'read_reviews write_reviews' });
      const email = await createTestMerchant(h, [h.shop.shop_id]);
      const authorizeUrl = `${h.baseUrl}/oauth/authorize?${new URLSearchParams({ client_id: platform.client_id, redirect_uri: redirectUri, scope: 'read_reviews', state: `${name}-state` })}`;
      return { h, platform, email, redirectUri, authorizeUrl };
    }

    it('signs in, approves, and lands on the platform redirect with a code that exchanges for tokens', async () => {
      const { h, platform, email, redirectUri, authorizeUrl } = await setup(`Browser App ${dialect}`);
      const context = await browser().newContext();
      const page = await context.newPage();
      await page.goto(authorizeUrl);
      expect(new URL(page.url()).pathname).toBe('/console/login');
      // The sign-in page names the app that asks, before the merchant types anything.
      await page.getByRole('heading', { name: `Sign in to connect Browser App ${dialect}` }).waitFor();
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(MERCHANT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: `Browser App ${dialect} wants access to your shop` }).waitFor();
      expect(await page.getByText('See your reviews and ratings').count()).toBe(1);
      await page.screenshot({ path: artifactPath(`consent-${dialect}.png`), fullPage: true });

      await Promise.all([page.waitForURL((url) => url.href.startsWith(redirectUri)), page.getByRole('button', { name: 'Allow access' }).click()]);
      const callback = new URL(page.url());
      expect(callback.searchParams.get('state')).toBe(`Browser App ${dialect}-state`);
      expect(callback.searchParams.get('iss')).toBe(h.baseUrl);
      const code = callback.searchParams.get('code')!;
      const tokens = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code, redirect_uri: redirectUri });
      expect(envelope(tokens).code).toBe(0);
      await context.close();
    });

    it('returns access_denied when the merchant denies', async () => {
      const { email, redirectUri, authorizeUrl } = await setup(`Denied App ${dialect}`);
      const context = await browser().newContext();
      const page = await context.newPage();
      await page.goto(authorizeUrl);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(MERCHANT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await Promise.all([page.waitForURL((url) => url.href.startsWith(redirectUri)), page.getByRole('button', { name: 'Deny' }).click()]);
      expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
      await context.close();
    });

    it('refuses to render inside another site’s frame (clickjacking)', async () => {
      const { email, authorizeUrl } = await setup(`Framed App ${dialect}`);
      const context = await browser().newContext();
      const page = await context.newPage();
      await page.goto(authorizeUrl);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(MERCHANT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Allow access' }).waitFor();
      // Waits for the frame's own navigation to end, whatever it ends in (Chromium commits an error
      // page for a refused frame), before looking for the consent buttons in it.
      const framed = page.waitForEvent('framenavigated', { predicate: (navigated) => navigated !== page.mainFrame() });
      await page.goto(`${site.origin}/frame?src=${encodeURIComponent(authorizeUrl)}`);
      const frame = await framed;
      await frame.waitForLoadState('load');
      expect(frame.url()).not.toBe(authorizeUrl);
      expect(await frame.locator('button').count()).toBe(0);
      await context.close();
    });
  });
});

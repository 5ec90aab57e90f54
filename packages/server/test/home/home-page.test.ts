import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useHarness } from '../support/harness.js';
import { seedDemoStorefront } from '../support/demo-storefront.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describeEachDatabase('home page and pages not found', (dialect) => {
  const harness = useHarness(dialect);

  it('shows a browser a page that leads to the console and the API reference, and to the demo once it exists', async () => {
    const h = harness();
    const page = await h.app.inject({ url: '/', headers: { accept: BROWSER_ACCEPT } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.body).toContain('<h1>Plaudit is running</h1>');
    expect(page.body).toContain('href="/console"');
    expect(page.body).toContain('href="/docs"');
    expect(page.body).not.toContain('href="/demo"');
    await seedDemoStorefront(h);
    expect((await h.app.inject({ url: '/', headers: { accept: BROWSER_ACCEPT } })).body).toContain('href="/demo"');
  });

  it('answers an API client at / in the envelope, with the same links', async () => {
    const h = harness();
    for (const accept of [undefined, '*/*', 'application/json']) {
      const answer = await h.app.inject({ url: '/', headers: accept ? { accept } : {} });
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toMatchObject({ code: 0, message: 'success', data: { name: 'Plaudit', links: { console: '/console', api_reference: '/docs', openapi: '/openapi.json' } } });
    }
  });

  it('gives a browser an HTML 404 page for an unknown page, and API clients the envelope', async () => {
    const h = harness();
    const page = await h.app.inject({ url: '/no/such/page?x=<b>', headers: { accept: BROWSER_ACCEPT } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<h1>Page not found</h1>');
    expect(page.body).toContain('<code>/no/such/page</code>');
    const api = await h.app.inject({ url: '/no/such/page' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 5, message: 'no endpoint at /no/such/page' });
  });

  it('keeps the envelope under /api/ even for a browser, and for anything but GET', async () => {
    const h = harness();
    const underApi = await h.app.inject({ url: '/api/v1/openapi/no_such_operation', headers: { accept: BROWSER_ACCEPT } });
    expect(underApi.statusCode).toBe(404);
    expect(underApi.headers['content-type']).toBe('application/json; charset=utf-8');
    const posted = await h.app.inject({ method: 'POST', url: '/no/such/page', headers: { accept: BROWSER_ACCEPT } });
    expect(posted.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});

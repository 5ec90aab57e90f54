/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: this file needs the DOM types.
import { describe, expect, it } from 'vitest';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { useListeningHarness } from '../support/listening-harness.js';

// The page reads no shop data, so one database is enough.
describe('the API reference page', () => {
  const harness = useListeningHarness('sqlite');

  describeInBrowser('Chromium', (browser) => {
    it('is titled for Plaudit, loads nothing from outside its origin and offers no hosted-service features', async () => {
      const h = harness();
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const outside: string[] = [];
      // Every request is looked at; one that would leave the origin is recorded and never sent.
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${h.baseUrl}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        outside.push(url);
        return route.abort();
      });
      await page.goto(`${h.baseUrl}/docs`);
      await page.getByText('Get Review List').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: artifactPath('api-reference-1280.png') });

      expect(outside).toEqual([]);
      expect(await page.title()).toBe('Plaudit API reference');
      expect(await page.locator('link[rel~="icon"]').getAttribute('href')).toBe('/favicon.svg');
      const favicon = await page.request.get(`${h.baseUrl}/favicon.svg`);
      expect(favicon.headers()['content-type']).toContain('image/svg+xml');
      const text = await page.locator('body').innerText();
      for (const feature of ['Ask AI', 'Generate MCP', 'Deploy', 'Share']) expect(text).not.toContain(feature);
      // The request examples say what goes in each header.
      expect(text).not.toContain('YOUR_SECRET_TOKEN');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: artifactPath('api-reference-390.png') });
      expect(outside).toEqual([]);
      await context.close();
    });
  });
});

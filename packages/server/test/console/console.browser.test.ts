/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: this file needs the DOM types.
import pino from 'pino';
import { expect, it } from 'vitest';
import { createBackgroundWorker } from '../../src/worker/background-worker.js';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia, outboxTopics } from '../support/factories.js';
import { envelope } from '../support/harness.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { createTestMerchant, MERCHANT_PASSWORD } from '../support/merchant-agent.js';
import { issueTokens, platformDeps, registerPlatform } from '../support/oauth.js';

describeEachDatabase('merchant console in a real browser', (dialect) => {
  const harness = useListeningHarness(dialect);

  describeInBrowser('Chromium', (browser) => {
    it('signs in, hides and replies to a review, rotates the private token and disconnects an app', async () => {
      const h = harness();
      const shop = await h.newShop(`console-browser-${dialect}.example.com`);
      const email = await createTestMerchant(h, [shop.shop_id]);
      const hiddenId = await createReviewVia(h, { title: 'Arrived broken', author: 'Cy', rating: 1 }, shop);
      const repliedId = await createReviewVia(h, { title: 'Lovely colour', author: 'Di', rating: 5 }, shop);
      const platform = await registerPlatform(platformDeps(h), { name: `Chat App ${dialect}` });
      const tokens = await issueTokens(platformDeps(h), platform.client_id, shop.shop_id, ['read_reviews']);

      const context = await browser().newContext();
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/console`);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(MERCHANT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Home' }).waitFor();
      await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Reviews' }).click();
      await page.getByRole('heading', { name: 'Reviews' }).waitFor();
      await page.screenshot({ path: artifactPath(`console-reviews-${dialect}.png`), fullPage: true });

      // Moderate: hide one review with the bulk form.
      await page.getByLabel(`Select review ${hiddenId} by Cy`).check();
      await page.getByLabel('With the selected reviews').selectOption('hide');
      await page.getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Review hidden from the storefront.');
      const published = envelope<{ list: Array<{ id: number }> }>(await h.call('GET', 'get_reviews', { query: 'is_published=1' }, shop)).data!.list.map((r) => r.id);
      expect(published).toEqual([repliedId]);
      expect(await outboxTopics(h, shop.shop_id)).toContain('review/deleted');

      // Reply on the review's page.
      await page.getByRole('link', { name: 'Lovely colour' }).click();
      await page.getByLabel(/Your reply/).fill('Thank you, Di!');
      await page.getByRole('button', { name: 'Save reply' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Reply saved. It shows under the review.');
      const review = envelope<{ reply: { content: string } | null }>(await h.call('GET', 'get_review', { query: `id=${repliedId}` }, shop)).data!;
      expect(review.reply?.content).toBe('Thank you, Di!');

      // Rotate the private token: the old signature is refused from then on.
      await page.getByRole('link', { name: 'API access' }).click();
      await page.getByLabel(/to replace the private token/).fill(MERCHANT_PASSWORD);
      await page.getByRole('button', { name: 'Rotate private token' }).click();
      const fresh = (await page.locator('#private-token').textContent())!.trim();
      expect(fresh).not.toBe(shop.private_token);
      expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop)).code).toBe(16);
      expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, { ...shop, private_token: fresh })).code).toBe(0);

      // Disconnect the app: its token is refused at once.
      await page.getByRole('link', { name: 'Connected apps' }).click();
      await page.screenshot({ path: artifactPath(`console-apps-${dialect}.png`), fullPage: true });
      await page.getByRole('button', { name: `Disconnect Chat App ${dialect}` }).click();
      await page.getByText('Disconnected by you').waitFor();
      const refused = await fetch(`${h.baseUrl}/api/v1/openapi/get_reviews`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
      expect(((await refused.json()) as { code: number }).code).toBe(16);
      await context.close();
    });

    it('imports a Judge.me export chosen in the file picker; the import page follows the worker by itself', async () => {
      const h = harness();
      const shop = await h.newShop(`console-import-${dialect}.example.com`);
      const email = await createTestMerchant(h, [shop.shop_id]);
      const context = await browser().newContext();
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/console/reviews/import`);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(MERCHANT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Import reviews' }).waitFor();
      await page.getByLabel('The file comes from').selectOption('judgeme');
      const csv = ['title,body,rating,reviewer_name,reviewer_email,product_id', 'Great,Works well,5,Ann,ann@example.com,42', 'Odd,Too many stars,7,Bo,,42'].join('\n');
      await page.getByLabel(/CSV file/).setInputFiles({ name: 'judgeme.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Upload and import' }).click();
      await page.getByText('Waiting for the worker to start it').waitFor();

      const worker = createBackgroundWorker({ ...h.deps }, pino({ level: 'silent' }));
      await worker.runUntilIdle();
      await worker.stop();
      // No script on the page: the refresh it asks for brings the result.
      await page.getByText('Finished.').waitFor({ timeout: 10_000 });
      expect(await page.locator('#count-imported').textContent()).toBe('1');
      expect(await page.getByRole('cell', { name: 'rating must be an integer from 1 to 5' }).count()).toBe(1);
      await page.screenshot({ path: artifactPath(`console-import-${dialect}.png`), fullPage: true });
      expect(envelope<{ list: Array<{ author: string }> }>(await h.call('GET', 'get_reviews', {}, shop)).data!.list.map((r) => r.author)).toEqual(['Ann']);
      await context.close();
    });

    it('passes an accessibility smoke check: every control labelled, focus follows the page order', async () => {
      const h = harness();
      const shop = await h.newShop(`console-a11y-${dialect}.example.com`);
      const email = await createTestMerchant(h, [shop.shop_id]);
      await createReviewVia(h, { title: 'Fine', author: 'Ed' }, shop);
      const context = await browser().newContext();
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/console/login`);
      // The first Tab stop after the e-mail field is the password, then the button.
      await page.getByLabel('E-mail').fill(email);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
      await page.keyboard.type(MERCHANT_PASSWORD);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Sign in');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /Reviews/ }).waitFor();
      for (const path of ['/console/reviews', '/console/reviews/import', '/console/orders', '/console/customers', '/console/settings', '/console/api', '/console/apps', '/console/webhooks', '/console/account']) {
        await page.goto(`${h.baseUrl}${path}`);
        const unlabelled = await page.evaluate(() =>
          Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
            .filter((el) => {
              const control = el as HTMLInputElement;
              const hasLabel = (control.labels?.length ?? 0) > 0 || control.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent?.trim());
              return !hasLabel;
            })
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        expect(unlabelled, path).toEqual([]);
        expect(await page.locator('h1').count(), path).toBe(1);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        if (path === '/console/settings') {
          for (const width of [1280, 390]) {
            await page.setViewportSize({ width, height: 900 });
            await page.screenshot({ path: artifactPath(`console-settings-${width}-${dialect}.png`), fullPage: true });
          }
          await page.setViewportSize({ width: 1280, height: 720 });
        }
      }
      await page.screenshot({ path: artifactPath(`console-account-${dialect}.png`), fullPage: true });
      await context.close();
    });
  });
});

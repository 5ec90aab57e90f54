/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoStorefront } from '../support/demo-storefront.js';
import { createTestMerchant, MERCHANT_PASSWORD } from '../support/merchant-agent.js';
import { invitationToken, passwordResetToken } from '../../src/merchants/account-links.js';
import { findMerchantByEmail } from '../../src/merchants/merchant-repository.js';
import { issueTokens, platformDeps, registerPlatform } from '../support/oauth.js';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from '../support/page-checks.js';

/** Every page of the console, with data in its tables (the demo shop, plus what the test adds). */
const CONSOLE_PAGES = [
  '/console',
  '/console?range=7',
  '/console/reviews',
  '/console/reviews/import',
  '/console/moderation',
  '/console/questions',
  '/console/products',
  '/console/products/demo-mug',
  '/console/orders',
  '/console/customers',
  '/console/settings',
  '/console/api',
  '/console/apps',
  '/console/webhooks',
  '/console/account',
  '/console/team',
  '/console/products/never-heard-of',
];

/** The pages a person sees outside the console's navigation. */
const OPEN_PAGES = ['/', '/no/such/page', '/console/forgot', '/console/reset/expired.link', '/console/invite/expired.link', '/console/login'];

const WIDTHS = [320, 390, 1280] as const;

async function checkEveryWidth(page: Page, url: string, axe: boolean): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoHorizontalOverflow(page, `${url} at ${width} px`);
    if (axe && width !== 320) await expectNoAxeViolations(page, `${url} at ${width} px`);
  }
}

// One test per group of pages, each with its own time budget: axe-core at two widths costs a second
// or two per page on a two-core machine, and the whole tour in one test outgrew any budget under CI.
describeEachDatabase('every console page in a real browser', (dialect) => {
  const { harness, demo } = useDemoStorefront(dialect);

  describeInBrowser('Chromium', (browser) => {
    let email = '';
    let platform: { client_id: string };
    let signedIn: BrowserContext;
    let page: Page;
    const shop = demo;
    const open = async (url: string, width = 1280) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${harness().baseUrl}${url}`);
    };

    beforeAll(async () => {
      const h = harness();
      email = await createTestMerchant(h, [shop().shop_id, h.shop.shop_id]);
      platform = await registerPlatform(platformDeps(h), { name: `Console App ${dialect}`, scopes: 'read_reviews write_reviews' });
      await issueTokens(platformDeps(h), platform.client_id, shop().shop_id, ['read_reviews']);
      await h.call('POST', 'create_order', { body: { order_id: '5001', order_name: '#5001', email: 'buyer@example.com', products: [{ product_id: 'demo-mug', quantity: 2 }], fulfilled_at: '2026-06-16' } }, shop());
      signedIn = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      page = await signedIn.newPage();
      await open('/console/login');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(MERCHANT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Home' }).waitFor();
    });
    afterAll(() => signedIn?.close());

    it('has no accessibility violation and nothing wider than the screen on the pages outside the console', { timeout: 120_000 }, async () => {
      const h = harness();
      const now = Math.floor(h.clock.now() / 1000);
      const merchant = (await findMerchantByEmail(h.deps.db.kysely, email))!;
      const linkPages = [`/console/reset/${passwordResetToken(h.deps.secretKey, merchant, now)}`, `/console/invite/${invitationToken(h.deps.secretKey, { shop: shop().shop_id, email: 'invited@example.com', by: email }, now)}`];
      const signedOut = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const visitor = await signedOut.newPage();
      for (const url of [...OPEN_PAGES, ...linkPages]) {
        await visitor.setViewportSize({ width: 1280, height: 900 });
        await visitor.goto(`${h.baseUrl}${url}`);
        await checkEveryWidth(visitor, url, true);
      }
      await signedOut.close();
    });

    it('has no accessibility violation and nothing wider than the screen on every console page, at phone and desktop widths', { timeout: 180_000 }, async () => {
      // Data for the tables: a webhook, an exclusion, each added through its form, with the flash that confirms it.
      await open('/console/webhooks');
      await page.getByLabel('Receiver URL (https)').fill('https://hooks.example.com/plaudit');
      await page.getByRole('button', { name: 'Add webhook' }).click();
      await page.locator('#webhook-secret').waitFor();
      await open('/console/customers');
      await page.getByLabel('E-mail to exclude').fill('no-mail@example.com');
      await page.getByRole('button', { name: 'Exclude' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Customer excluded from review requests.');

      for (const url of CONSOLE_PAGES) {
        await open(url);
        await checkEveryWidth(page, url, true);
      }
    });

    it('shows the warning a rating threshold brings on home and settings, accessibly', { timeout: 120_000 }, async () => {
      const h = harness();
      await h.call('POST', 'update_shop_settings', { body: { auto_publish_min_rating: 4 } }, shop());
      try {
        await h.call('POST', 'create_review', { body: { product_id: 'demo-mug', rating: 2, author: 'Held Back', content: 'Too small.' } }, shop());
        for (const url of ['/console', '/console/settings']) {
          await open(url);
          await page.getByText('with fewer than 4 stars').first().waitFor();
          await checkEveryWidth(page, `${url} with the rating warning`, true);
        }
        await page.setViewportSize({ width: 390, height: 900 });
        await page.screenshot({ path: artifactPath(`console-rating-hold-390-${dialect}.png`), fullPage: false });
      } finally {
        await h.call('POST', 'update_shop_settings', { body: { auto_publish_min_rating: 1 } }, shop());
      }
    });

    it('shows the moderation queue with a held and a reported review, accessibly', { timeout: 120_000 }, async () => {
      const h = harness();
      // A review held for a link and a published review a shopper reported: something in both lists.
      await h.call('POST', 'create_review', { body: { product_id: 'demo-mug', rating: 5, author: 'Link Poster', content: 'Cheaper at www.elsewhere.example, and this one is the same mug.' } }, shop());
      const published = await h.deps.db.kysely.selectFrom('reviews').select(['id', 'author']).where('shop_id', '=', shop().shop_id).where('is_published', '=', 1).orderBy('id').executeTakeFirstOrThrow();
      const report = await h.app.inject({ method: 'POST', url: '/api/v1/storefront/report_review', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ shop_id: shop().shop_id, review_id: Number(published.id), reason: 'not_a_buyer', device_id: 'device_console_pages_01', text: 'Never bought it' }) });
      expect(report.statusCode).toBe(200);
      await open('/console/moderation');
      await page.getByRole('button', { name: /^Approve: review \d+ by Link Poster$/ }).waitFor();
      await page.getByRole('button', { name: `Hide: review ${published.id} by ${published.author}` }).waitFor();
      await checkEveryWidth(page, '/console/moderation with held and reported reviews', true);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: artifactPath(`console-moderation-${width}-${dialect}.png`), fullPage: true });
      }
    });

    it('shows the questions inbox with open and answered questions, accessibly', { timeout: 120_000 }, async () => {
      const h = harness();
      // A question waiting (one more held for a link), and one answered by the store and by a buyer.
      const asked = await h.call('POST', 'create_question', { body: { product_id: 'demo-mug', content: 'Is the mug dishwasher safe?', asker_name: 'Dana Shopper', asker_email: 'dana@example.com' } }, shop());
      await h.call('POST', 'create_question', { body: { product_id: 'demo-mug', content: 'Cheaper on www.mugs-elsewhere.example?', asker_name: 'Link Asker' } }, shop());
      const waitingId = (JSON.parse(asked.body) as { data: { id: number } }).data.id;
      const other = await h.call('POST', 'create_question', { body: { product_id: 'demo-mug', content: 'How much coffee does it hold?', asker_name: 'Sam Shopper' } }, shop());
      const answeredId = (JSON.parse(other.body) as { data: { id: number } }).data.id;
      await h.call('POST', 'create_answer', { body: { question_id: answeredId, content: '350 ml, filled to the brim.' } }, shop());
      await h.call('POST', 'create_answer', { body: { question_id: answeredId, content: 'A little more than a regular mug.', author_kind: 'buyer', author_name: 'Kai Buyer', author_email: 'buyer@example.com' } }, shop());
      await open('/console/questions');
      await page.locator(`#question-${waitingId}`).waitFor();
      await checkEveryWidth(page, '/console/questions with open questions', true);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: artifactPath(`console-questions-${width}-${dialect}.png`), fullPage: true });
      }
      await open('/console/questions?view=answered');
      await page.locator(`#question-${answeredId}`).waitFor();
      await checkEveryWidth(page, '/console/questions answered', true);
    });

    it('shows the consent page of a partner app and a single review, accessibly', { timeout: 120_000 }, async () => {
      // The consent page a partner app sends the merchant to (two shops: the shop is chosen there).
      await open(`/oauth/authorize?${new URLSearchParams({ client_id: platform.client_id, scope: 'read_reviews write_reviews', state: 'axe' })}`);
      await page.getByRole('heading', { name: `Console App ${dialect} wants access to your shop` }).waitFor();
      await checkEveryWidth(page, 'the consent page', true);
      await open('/console/reviews');
      const reviewLink = await page.getByRole('link', { name: 'Keeps coffee hot' }).getAttribute('href');
      await open(reviewLink!);
      await checkEveryWidth(page, 'a review', true);
    });

    it('opens its menus accessibly, and stays readable in dark mode', { timeout: 120_000 }, async () => {
      // The shop switcher and the account menu at desktop width, the navigation on a phone.
      await open('/console');
      await page.locator('.shop-menu summary').click();
      await expectNoAxeViolations(page, 'shop switcher open', '.shop-menu');
      await page.locator('.shop-menu summary').click();
      await page.locator('.account-menu summary').click();
      await expectNoAxeViolations(page, 'account menu open', '.account-menu');
      await page.screenshot({ path: artifactPath(`console-home-1280-${dialect}.png`), fullPage: true });
      await open('/console', 390);
      await page.getByRole('button', { name: 'Menu' }).or(page.locator('.nav-menu summary')).first().click();
      await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Webhooks' }).waitFor();
      await expectNoAxeViolations(page, 'navigation menu open at 390 px');
      await expectNoHorizontalOverflow(page, 'navigation menu open at 390 px');
      await page.screenshot({ path: artifactPath(`console-menu-390-${dialect}.png`) });

      // Dark mode: the same dashboard, every colour pair still readable.
      await page.emulateMedia({ colorScheme: 'dark' });
      try {
        await page.goto(`${harness().baseUrl}/console`);
        await expectNoAxeViolations(page, 'dashboard in dark mode at 390 px');
        await page.setViewportSize({ width: 1280, height: 900 });
        await expectNoAxeViolations(page, 'dashboard in dark mode at 1280 px');
      } finally {
        await page.emulateMedia({ colorScheme: 'light' });
      }
    });
  });
});

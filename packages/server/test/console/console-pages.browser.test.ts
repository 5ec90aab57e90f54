/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
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

describeEachDatabase('every console page in a real browser', (dialect) => {
  const { harness, demo } = useDemoStorefront(dialect);

  describeInBrowser('Chromium', (browser) => {
    it('has no accessibility violation and nothing wider than the screen, at phone and desktop widths', { timeout: 240_000 }, async () => {
      const h = harness();
      const shop = demo();
      const email = await createTestMerchant(h, [shop.shop_id, h.shop.shop_id]);
      const platform = await registerPlatform(platformDeps(h), { name: `Console App ${dialect}`, scopes: 'read_reviews write_reviews' });
      await issueTokens(platformDeps(h), platform.client_id, shop.shop_id, ['read_reviews']);
      await h.call('POST', 'create_order', { body: { order_id: '5001', order_name: '#5001', email: 'buyer@example.com', products: [{ product_id: 'demo-mug', quantity: 2 }], fulfilled_at: '2026-06-16' } }, shop);

      const now = Math.floor(h.clock.now() / 1000);
      const merchant = (await findMerchantByEmail(h.deps.db.kysely, email))!;
      const linkPages = [`/console/reset/${passwordResetToken(h.deps.secretKey, merchant, now)}`, `/console/invite/${invitationToken(h.deps.secretKey, { shop: shop.shop_id, email: 'invited@example.com', by: email }, now)}`];

      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      for (const url of [...OPEN_PAGES.slice(0, -1), ...linkPages, ...OPEN_PAGES.slice(-1)]) {
        await page.goto(`${h.baseUrl}${url}`);
        await checkEveryWidth(page, url, true);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(MERCHANT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Home' }).waitFor();

      // Data for the tables: a webhook, an exclusion, each added through its form, with the flash that confirms it.
      await page.goto(`${h.baseUrl}/console/webhooks`);
      await page.getByLabel('Receiver URL (https)').fill('https://hooks.example.com/plaudit');
      await page.getByRole('button', { name: 'Add webhook' }).click();
      await page.locator('#webhook-secret').waitFor();
      await page.goto(`${h.baseUrl}/console/customers`);
      await page.getByLabel('E-mail to exclude').fill('no-mail@example.com');
      await page.getByRole('button', { name: 'Exclude' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Customer excluded from review requests.');

      for (const url of CONSOLE_PAGES) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${h.baseUrl}${url}`);
        await checkEveryWidth(page, url, true);
      }
      // The warning a rating threshold brings (reviews held back for their rating), on both pages that show it.
      await h.call('POST', 'update_shop_settings', { body: { auto_publish_min_rating: 4 } }, shop);
      await h.call('POST', 'create_review', { body: { product_id: 'demo-mug', rating: 2, author: 'Held Back', content: 'Too small.' } }, shop);
      for (const url of ['/console', '/console/settings']) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${h.baseUrl}${url}`);
        await page.getByText('with fewer than 4 stars').first().waitFor();
        await checkEveryWidth(page, `${url} with the rating warning`, true);
      }
      await page.setViewportSize({ width: 390, height: 900 });
      await page.screenshot({ path: artifactPath(`console-rating-hold-390-${dialect}.png`), fullPage: false });
      await h.call('POST', 'update_shop_settings', { body: { auto_publish_min_rating: 1 } }, shop);
      // The moderation queue with something in both lists: a review held for a link (besides the
      // one held for its rating) and a published review a shopper reported.
      await h.call('POST', 'create_review', { body: { product_id: 'demo-mug', rating: 5, author: 'Link Poster', content: 'Cheaper at www.elsewhere.example, and this one is the same mug.' } }, shop);
      const published = await h.deps.db.kysely.selectFrom('reviews').select('id').where('shop_id', '=', shop.shop_id).where('is_published', '=', 1).orderBy('id').executeTakeFirstOrThrow();
      await h.app.inject({ method: 'POST', url: '/api/v1/storefront/report_review', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ shop_id: shop.shop_id, review_id: Number(published.id), reason: 'not_a_buyer', device_id: 'device_console_pages_01', text: 'Never bought it' }) });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${h.baseUrl}/console/moderation`);
      await page.getByText('2 waiting').waitFor();
      await checkEveryWidth(page, '/console/moderation with held and reported reviews', true);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: artifactPath(`console-moderation-${width}-${dialect}.png`), fullPage: true });
      }
      // The questions inbox with a question waiting (one held for a link), and one answered by the store and a buyer.
      const asked = await h.call('POST', 'create_question', { body: { product_id: 'demo-mug', content: 'Is the mug dishwasher safe?', asker_name: 'Dana Shopper', asker_email: 'dana@example.com' } }, shop);
      await h.call('POST', 'create_question', { body: { product_id: 'demo-mug', content: 'Cheaper on www.mugs-elsewhere.example?', asker_name: 'Link Asker' } }, shop);
      const answeredId = (JSON.parse(asked.body) as { data: { id: number } }).data.id;
      const other = await h.call('POST', 'create_question', { body: { product_id: 'demo-mug', content: 'How much coffee does it hold?', asker_name: 'Sam Shopper' } }, shop);
      const otherId = (JSON.parse(other.body) as { data: { id: number } }).data.id;
      await h.call('POST', 'create_answer', { body: { question_id: otherId, content: '350 ml, filled to the brim.' } }, shop);
      await h.call('POST', 'create_answer', { body: { question_id: otherId, content: 'A little more than a regular mug.', author_kind: 'buyer', author_name: 'Kai Buyer', author_email: 'buyer@example.com' } }, shop);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${h.baseUrl}/console/questions`);
      await page.locator(`#question-${answeredId}`).waitFor();
      await checkEveryWidth(page, '/console/questions with open questions', true);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: artifactPath(`console-questions-${width}-${dialect}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${h.baseUrl}/console/questions?view=answered`);
      await page.locator(`#question-${otherId}`).waitFor();
      await checkEveryWidth(page, '/console/questions answered', true);
      // The consent page a partner app sends the merchant to (two shops: the shop is chosen there).
      const consent = `/oauth/authorize?${new URLSearchParams({ client_id: platform.client_id, scope: 'read_reviews write_reviews', state: 'axe' })}`;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${h.baseUrl}${consent}`);
      await page.getByRole('heading', { name: `Console App ${dialect} wants access to your shop` }).waitFor();
      await checkEveryWidth(page, 'the consent page', true);
      const reviewLink = await page.goto(`${h.baseUrl}/console/reviews`).then(() => page.getByRole('link', { name: 'Keeps coffee hot' }).getAttribute('href'));
      await page.goto(`${h.baseUrl}${reviewLink}`);
      await checkEveryWidth(page, 'a review', true);

      // The menus open: the shop switcher and the account menu at desktop width, the navigation on a phone.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${h.baseUrl}/console`);
      await page.locator('.shop-menu summary').click();
      await expectNoAxeViolations(page, 'shop switcher open', '.shop-menu');
      await page.locator('.shop-menu summary').click();
      await page.locator('.account-menu summary').click();
      await expectNoAxeViolations(page, 'account menu open', '.account-menu');
      await page.screenshot({ path: artifactPath(`console-home-1280-${dialect}.png`), fullPage: true });
      await page.setViewportSize({ width: 390, height: 900 });
      await page.goto(`${h.baseUrl}/console`);
      await page.getByRole('button', { name: 'Menu' }).or(page.locator('.nav-menu summary')).first().click();
      await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Webhooks' }).waitFor();
      await expectNoAxeViolations(page, 'navigation menu open at 390 px');
      await expectNoHorizontalOverflow(page, 'navigation menu open at 390 px');
      await page.screenshot({ path: artifactPath(`console-menu-390-${dialect}.png`) });

      // Dark mode: the same dashboard, every colour pair still readable.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${h.baseUrl}/console`);
      await expectNoAxeViolations(page, 'dashboard in dark mode at 390 px');
      await page.setViewportSize({ width: 1280, height: 900 });
      await expectNoAxeViolations(page, 'dashboard in dark mode at 1280 px');
      await context.close();
    });
  });
});

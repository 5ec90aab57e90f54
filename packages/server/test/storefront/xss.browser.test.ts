/// <reference lib="dom" />
import { beforeAll, expect, it } from 'vitest';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { ensureWidgetBuilt } from '../support/demo-storefront.js';
import { envelope } from '../support/harness.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { XSS_PAYLOADS } from './xss-corpus.js';

const PRODUCT = 'xss-product';

/**
 * The corpus of script-injection payloads in every shopper-entered field, rendered by the server
 * fragment, the widget (hydrated and on later pages), the JSON-LD block and the hosted page, in
 * real Chromium: no payload may run (window.__xss stays unset) or open a dialog.
 */
describeEachDatabase('shopper text in the browser', (dialect) => {
  const harness = useListeningHarness(dialect);

  beforeAll(async () => {
    await ensureWidgetBuilt();
    const h = harness();
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      const response = await h.call('POST', 'create_review', {
        body: { product_id: PRODUCT, product_title: payload, rating: (index % 5) + 1, author: payload, title: payload, content: payload, item_type: payload.slice(0, 120), reply: { content: payload } },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  describeInBrowser('Chromium', (browser) => {
    it('renders every payload as text in the fragment, the widget, the JSON-LD and the hosted page', async () => {
      const h = harness();
      const context = await browser().newContext();
      const page = await context.newPage();
      const alarms: string[] = [];
      page.on('dialog', (dialog) => {
        alarms.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => alarms.push(`pageerror: ${error.message}`));
      try {
        const fragment = await (await fetch(`${h.baseUrl}/api/v1/storefront/widget.html?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}`)).text();
        // A shop's product page: the fragment inlined by the theme, the widget script after it.
        await page.route(`${h.baseUrl}/xss-product-page`, (route) =>
          route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><plaudit-reviews product-id="${PRODUCT}" page-size="5">${fragment}</plaudit-reviews><plaudit-carousel product-id="${PRODUCT}" min-rating="1"></plaudit-carousel><script async src="/widget/v1/plaudit.js" data-shop-id="${h.shop.shop_id}"></script></body></html>`,
          }),
        );
        await page.goto(`${h.baseUrl}/xss-product-page`);
        await page.waitForFunction(() => document.querySelector('plaudit-reviews')?.shadowRoot?.querySelector('.pv .pr') != null && document.querySelector('plaudit-carousel')?.shadowRoot?.querySelector('.pcard') != null);
        const reviews = page.locator('plaudit-reviews');
        // The text is shown as stored: every title on the page is one of the stored titles, as text.
        const stored = envelope<{ list: Array<{ title: string; content: string }> }>(await h.call('GET', 'get_reviews', { query: `product_ids=${PRODUCT}&page_size=50` })).data!.list;
        const visible = (text: string) => text.replace(/\s+/g, ' ').trim();
        const titles = await reviews.locator('.pv .pr h3').allInnerTexts();
        expect(titles.length).toBe(5);
        for (const title of titles) expect(stored.map((review) => visible(review.title))).toContain(visible(title));
        // The carousel's cards, built by the widget alone, show the same stored text.
        const cardTexts = await page.locator('plaudit-carousel .pcard .pc').allInnerTexts();
        expect(cardTexts.length).toBeGreaterThan(0);
        for (const text of cardTexts) expect(stored.map((review) => visible(review.content))).toContain(visible(text));
        // Later pages, rendered by the widget alone.
        await reviews.getByRole('button', { name: 'Next' }).click();
        await page.waitForFunction(() => document.querySelector('plaudit-reviews')!.shadowRoot!.querySelector('.pp [aria-live]')?.textContent === 'Page 2 of 2');
        await page.screenshot({ path: artifactPath(`xss-widget-${dialect}.png`), fullPage: true });
        const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { name: string; review: Array<{ reviewBody: string }> };
        expect(jsonLd.review.map((review) => review.reviewBody).sort()).toEqual(stored.map((review) => review.content).sort());

        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

        // The hosted page shows the (hostile) product title as text in its heading.
        await page.goto(`${h.baseUrl}/r/${h.shop.shop_id}/${PRODUCT}`);
        expect(visible(await page.locator('h1').innerText())).toBe(visible(`How was ${jsonLd.name}?`));

        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        expect(alarms).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});

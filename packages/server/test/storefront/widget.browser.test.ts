/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { ensureWidgetBuilt, seedDemoStorefront } from '../support/demo-storefront.js';
import { envelope } from '../support/harness.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { startDrippingProxy } from '../support/dripping-proxy.js';
import { answerLate, recordLayoutShift } from '../support/page-checks.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';

interface Watched {
  page: Page;
  problems: string[];
  layoutShifts(): Promise<string[]>;
}

/** A page that records console errors, failed requests and every layout shift from the first paint. */
async function watchedPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const layoutShifts = await recordLayoutShift(page);
  return { page, problems, layoutShifts };
}

/** Waits until every widget element on the page has rendered its view. */
async function widgetsRendered(page: Page): Promise<void> {
  await page.waitForFunction(() => ['plaudit-reviews', 'plaudit-carousel', 'plaudit-gallery', 'plaudit-all-reviews'].every((name) => document.querySelector(name)?.shadowRoot?.querySelector('.pv') !== null && document.querySelector(name)?.shadowRoot?.querySelector('.pv') !== undefined));
  await page.waitForFunction(() => document.querySelector('plaudit-stars')?.shadowRoot?.querySelector('a') !== null);
}

describeEachDatabase('storefront widget', (dialect) => {
  const harness = useListeningHarness(dialect);
  let demo: ShopCredentials;

  beforeAll(async () => {
    await ensureWidgetBuilt();
    demo = await seedDemoStorefront(harness());
  });

  describeInBrowser('Chromium', (browser) => {
    it('renders every widget on /demo with no layout shift and nothing in the console', async () => {
      const { page, problems, layoutShifts } = await watchedPage(browser());
      try {
        await page.goto(`${harness().baseUrl}/demo`);
        await widgetsRendered(page);
        const stars = await page.locator('plaudit-stars a').getAttribute('aria-label');
        expect(stars).toBe('3.7 out of 5 stars, 3 reviews');
        const reviews = page.locator('plaudit-reviews');
        await expect.poll(() => reviews.locator('.pv .pr').count()).toBe(3);
        expect(await reviews.locator('.pv .psum [role=img]').getAttribute('aria-label')).toBe('3.7 out of 5 stars');
        expect(await reviews.locator('.pv .psum .pavg .pm').innerText()).toBe('3 reviews');
        expect(await page.locator('plaudit-gallery img').count()).toBe(2);
        expect(await page.locator('plaudit-carousel .pcard').count()).toBe(4);
        await page.mouse.wheel(0, 3000);
        // Waits on the events themselves: the scroll happened, every image it brought in (light DOM
        // and widgets' shadow roots) has loaded, and two frames have passed so that the layout-shift
        // entries of that last layout have been delivered to the observer.
        await page.waitForFunction(() => window.scrollY > 0);
        await page.waitForFunction(() => {
          const shadowImages = Array.from(document.querySelectorAll('*')).flatMap((element) => (element.shadowRoot ? Array.from(element.shadowRoot.querySelectorAll('img')) : []));
          return [...Array.from(document.images), ...shadowImages].every((image) => image.complete);
        });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        expect(await layoutShifts()).toEqual([]);
        expect(problems).toEqual([]);
        await page.screenshot({ path: artifactPath(`widget-demo-${dialect}.png`), fullPage: true });
        // Leaving the page flushes the event queue with sendBeacon.
        await page.goto('about:blank');
        const viewed = () =>
          harness().deps.db.kysely.selectFrom('customer_events').select(['event_type', 'event_source', 'session_id', 'page_url']).where('shop_id', '=', demo.shop_id).where('event_type', '=', 'VIEW_WIDGET').execute();
        await expect.poll(async () => (await viewed()).length).toBe(4);
        expect((await viewed())[0]).toMatchObject({ event_source: 'STOREFRONT', session_id: expect.stringMatching(/^s_[0-9a-f]{24}$/), page_url: `${harness().baseUrl}/demo` });
      } finally {
        await page.context().close();
      }
    });

    it('paints /demo while it is still arriving, and nothing it painted moves as the rest comes in', async () => {
      const proxy = await startDrippingProxy(harness().baseUrl, ['/demo']);
      const { page, layoutShifts } = await watchedPage(browser());
      try {
        await page.goto(`${proxy.url}/demo`);
        await widgetsRendered(page);
        await page.waitForFunction(() => document.querySelector('plaudit-questions')?.hasAttribute('data-rendered'));
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        // The premise: the first paint came before the last byte of the page, so the page was seen in parts.
        const [paintedAt, arrivedAt] = await page.evaluate(() => [performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity, (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd]);
        expect(paintedAt).toBeLessThan(arrivedAt);
        // Console problems are the other tests' business: here the media URLs name the server's own
        // origin, not the proxy's, so the page's CSP refuses them (their boxes are sized all the same).
        expect(await layoutShifts()).toEqual([]);
      } finally {
        await page.context().close();
        await proxy.close();
      }
    });

    it('filters by star, sorts, pages and counts a helpful vote', async () => {
      const { page, problems } = await watchedPage(browser());
      try {
        await page.goto(`${harness().baseUrl}/demo`);
        await widgetsRendered(page);
        const reviews = page.locator('plaudit-reviews');
        await reviews.getByLabel('All ratings').selectOption('5');
        await expect.poll(() => reviews.locator('.pv .pr h3').allInnerTexts()).toEqual(['Keeps coffee hot']);
        await reviews.getByLabel('All ratings').selectOption('');
        await reviews.getByLabel('Sort by').selectOption('rating-ascending');
        await expect.poll(() => reviews.locator('.pv .pr h3').allInnerTexts()).toEqual(['Arrived chipped', 'Lovely colour', 'Keeps coffee hot']);
        const all = page.locator('plaudit-all-reviews');
        expect(await all.locator('.pv .pp [aria-live]').innerText()).toBe('Page 1 of 2');
        await all.getByRole('button', { name: 'Next' }).click();
        await expect.poll(() => all.locator('.pv .pr').count()).toBe(1);
        expect(await all.locator('.pv .pp [aria-live]').innerText()).toBe('Page 2 of 2');
        const first = reviews.locator('.pv .pr').first();
        await first.getByRole('button', { name: 'Helpful (0)' }).click();
        await expect.poll(() => first.locator('.ph button.pbtn').innerText()).toBe('Helpful (1)');
        expect(await first.locator('.ph button.pbtn').getAttribute('aria-pressed')).toBe('true');
        expect(problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    });

    it('reports a review with the keyboard: reason and note reach the moderation queue, focus returns to the review', async () => {
      const { page, problems, layoutShifts } = await watchedPage(browser());
      try {
        await page.goto(`${harness().baseUrl}/demo`);
        await widgetsRendered(page);
        // The report's thank-you must not move the dialog, however late it comes.
        await answerLate(page, '**/api/v1/storefront/report_review');
        const reviews = page.locator('plaudit-reviews');
        const first = reviews.locator('.pv .pr').first();
        const reviewId = Number(await first.getAttribute('data-plaudit-review-id'));
        const report = first.locator('button.prpt');
        expect(await report.getAttribute('aria-label')).toMatch(/^Report the review by /);
        await report.focus();
        await page.keyboard.press('Enter');
        const dialog = reviews.locator('dialog');
        await dialog.locator('form').waitFor();
        expect(await dialog.getByRole('heading').innerText()).toBe('Report this review');
        await dialog.getByLabel('Not written by a buyer').check();
        await dialog.getByLabel('Details (optional)').fill('Says they never bought it');
        const formBox = await dialog.boundingBox();
        await dialog.getByRole('button', { name: 'Send report' }).press('Enter');
        await expect.poll(() => dialog.locator('[role=status]').first().innerText()).toContain('Thank you. The shop will take a look.');
        // Asked of the box itself as well: the thank-you changes how the dialog is laid out, and
        // Chromium reports no layout shift for a box laid out anew, though the shopper sees it jump.
        expect(await dialog.boundingBox()).toEqual(formBox);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
        expect(await page.evaluate(() => document.querySelector('plaudit-reviews')!.shadowRoot!.activeElement?.className)).toBe('prpt');
        const rows = await harness().deps.db.kysely.selectFrom('review_reports').select(['review_id', 'reason', 'text']).where('shop_id', '=', demo.shop_id).execute();
        expect(rows.map((row) => [Number(row.review_id), row.reason, row.text])).toEqual([[reviewId, 'not_a_buyer', 'Says they never bought it']]);
        expect(await layoutShifts()).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    });

    it('opens a photo in the lightbox and returns focus on Escape', async () => {
      const { page, problems } = await watchedPage(browser());
      try {
        await page.goto(`${harness().baseUrl}/demo`);
        await widgetsRendered(page);
        const photoLink = page.locator('plaudit-reviews .pv .pmedia a').first();
        await photoLink.click();
        const dialog = page.locator('plaudit-reviews dialog');
        await expect.poll(() => dialog.count()).toBe(1);
        await expect.poll(() => dialog.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(800);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
        expect(await page.evaluate(() => document.querySelector('plaudit-reviews')!.shadowRoot!.activeElement?.tagName)).toBe('A');
        expect(problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    });

    it('writes a review with a photo using the keyboard; it reaches the partner API, the rating and the page', async () => {
      const h = harness();
      const { page, problems } = await watchedPage(browser());
      try {
        await page.goto(`${h.baseUrl}/demo`);
        await widgetsRendered(page);
        // Keyboard only: Tab from the top of the page to the widget's first control.
        const write = page.locator('plaudit-reviews').getByRole('button', { name: 'Write a review' });
        let reached = false;
        for (let i = 0; i < 40 && !reached; i++) {
          await page.keyboard.press('Tab');
          reached = await write.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button);
        }
        expect(reached).toBe(true);
        await page.keyboard.press('Enter');
        const dialog = page.locator('plaudit-reviews dialog');
        await expect.poll(() => dialog.count()).toBe(1);
        // Focus moved into the dialog, onto the star radio group.
        expect(await page.evaluate(() => (document.querySelector('plaudit-reviews')!.shadowRoot!.activeElement as HTMLInputElement | null)?.name)).toBe('rating');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await dialog.getByLabel('Title (optional)').fill('Written in Chromium');
        await dialog.getByLabel('Review', { exact: true }).fill('Typed with the keyboard, photo attached.');
        await dialog.getByLabel('Name').fill('Kim Browser');
        await dialog.getByLabel('E-mail').fill('kim@example.com');
        const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#7a3' } }).jpeg().toBuffer();
        await dialog.getByLabel('Add photos (up to 10)').setInputFiles({ name: 'kim.jpg', mimeType: 'image/jpeg', buffer: photo });
        await dialog.getByRole('button', { name: 'Submit review' }).click();
        await expect.poll(() => dialog.getByRole('status').first().innerText(), { timeout: 10_000 }).toBe('Your review is published.');
        expect(await dialog.getByRole('heading', { level: 3 }).innerText()).toBe('Thank you!');

        const partner = envelope<{ list: Array<{ title: string; source: string; media: Array<{ url: string; width: number }> }> }>(await h.call('GET', 'get_reviews', { query: 'product_ids=demo-mug' }, demo)).data!.list;
        const written = partner.find((review) => review.title === 'Written in Chromium');
        expect(written).toMatchObject({ source: 'Store front', media: [{ width: 640 }] });
        expect(envelope<{ review_count: number; star5_count: number }>(await h.call('GET', 'get_rating', { query: 'product_id=demo-mug' }, demo)).data).toMatchObject({ review_count: 4, star5_count: 2 });
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('plaudit-reviews .pv .pr h3').allInnerTexts()).toContain('Written in Chromium');
        // Every element of the page follows: the summary, the stars by the product title, the shop-wide list.
        await expect.poll(() => page.locator('plaudit-reviews .pv .psum .pavg .pm').innerText()).toBe('4 reviews');
        await expect.poll(() => page.locator('plaudit-stars a').getAttribute('aria-label')).toBe('4.0 out of 5 stars, 4 reviews');
        await expect.poll(() => page.locator('plaudit-all-reviews .pv .psum .pavg .pm').innerText()).toBe('7 reviews');
        expect(problems).toEqual([]);
        await page.screenshot({ path: artifactPath(`widget-after-review-${dialect}.png`), fullPage: true });
      } finally {
        await page.context().close();
      }
    });

    it('shows the reviews and valid JSON-LD with JavaScript disabled', async () => {
      const { page } = await watchedPage(browser(), { javaScriptEnabled: false });
      try {
        await page.goto(`${harness().baseUrl}/demo`);
        const texts = await page.locator('plaudit-reviews .plaudit-ssr .pr h3').allInnerTexts();
        expect(texts).toEqual(expect.arrayContaining(['Keeps coffee hot', 'Lovely colour', 'Arrived chipped']));
        const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
        expect(jsonLd).toMatchObject({ '@type': 'Product', name: 'Stoneware Mug', aggregateRating: { '@type': 'AggregateRating', reviewCount: expect.any(Number) } });
        expect((jsonLd.review as Array<Record<string, unknown>>)[0]).toMatchObject({ '@type': 'Review', author: { '@type': 'Person' }, reviewRating: { '@type': 'Rating' } });
        await page.screenshot({ path: artifactPath(`widget-no-js-${dialect}.png`), fullPage: true });
      } finally {
        await page.context().close();
      }
    });
  });
});

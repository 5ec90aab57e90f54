/// <reference lib="dom" />
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { format, MESSAGES } from '@plaudit/review-view/messages';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { demoReady, onDemoPage, openPage, openWriteDialog } from '../support/demo-page.js';
import { useDemoStorefront } from '../support/demo-storefront.js';
import { answerLate, expectNoAxeViolations, expectNoHorizontalOverflow, recordLayoutShift } from '../support/page-checks.js';

describeEachDatabase('storefront behaviour', (dialect) => {
  const { harness } = useDemoStorefront(dialect);

  describeInBrowser('Chromium', (browser) => {
    it('moves nothing from first paint through hydration, writing a review and paging (CLS 0)', async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const shifts = await recordLayoutShift(page);
      // The review's thank-you must not move the dialog, however late it comes.
      await answerLate(page, '**/api/v1/reviews/submit');
      try {
        await demoReady(page, harness().baseUrl);
        expect(await shifts()).toEqual([]);
        await openWriteDialog(page);
        const dialog = page.locator('plaudit-reviews dialog');
        await dialog.locator('.ppick label').nth(3).click();
        expect(await dialog.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
        await dialog.getByLabel('Review', { exact: true }).fill('Measured while nothing moves.');
        await dialog.getByLabel('Name').fill('Lee Shift');
        await dialog.getByLabel('E-mail').fill('lee@example.com');
        const submit = dialog.getByRole('button', { name: 'Submit review' });
        await submit.click();
        // The box the shopper sees while the review is on its way (the click's own "Sending" line included).
        await expect.poll(() => submit.isDisabled()).toBe(true);
        const sendingBox = await dialog.boundingBox();
        await expect.poll(() => dialog.getByRole('status').first().innerText()).toBe('Your review is published.');
        // The box itself too: Chromium reports no layout shift for a box laid out anew (the thank-you's).
        expect(await dialog.boundingBox()).toEqual(sendingBox);
        await dialog.getByRole('button', { name: 'Close' }).last().click();
        await expect.poll(() => page.locator('plaudit-reviews .pv .psum .pavg .pm').innerText()).toBe('4 reviews');
        const all = page.locator('plaudit-all-reviews');
        await all.getByRole('button', { name: 'Next' }).click();
        await expect.poll(() => all.locator('.pv .pp [aria-live]').innerText()).toBe('Page 2 of 2');
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        expect(await shifts()).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('previews a rating on hover and moves it with the arrow keys, Home and End', async () => {
      await onDemoPage(browser(), harness().baseUrl, 1280, async (page) => {
        await openWriteDialog(page);
        const dialog = page.locator('plaudit-reviews dialog');
        const colours = () => dialog.locator('.ppick label').evaluateAll((labels) => labels.map((label) => getComputedStyle(label).color));
        const [empty] = await colours();
        await dialog.locator('.ppick label').nth(2).hover();
        const hovered = await colours();
        expect(hovered.slice(0, 3).every((colour) => colour !== empty) && hovered.slice(3).every((colour) => colour === empty)).toBe(true);
        await page.mouse.move(0, 0);
        const checked = () => dialog.locator('input[name=rating]:checked').getAttribute('value');
        await page.keyboard.press('End');
        expect(await checked()).toBe('5');
        await page.keyboard.press('Home');
        expect(await checked()).toBe('1');
        await page.keyboard.press('ArrowRight');
        expect(await checked()).toBe('2');
        // Chosen, not hovered: two filled stars.
        const chosen = await colours();
        expect(chosen.filter((colour) => colour !== empty)).toHaveLength(2);
      });
    });

    it('filters the list from a histogram bar, and clears it from the same bar', async () => {
      await onDemoPage(browser(), harness().baseUrl, 1280, async (page) => {
        const reviews = page.locator('#plaudit-reviews');
        const five = reviews.getByRole('button', { name: /^5 stars: \d+ reviews? \(\d+%\)$/ });
        const listed = page.waitForResponse((response) => response.url().includes('/get_product_reviews?'));
        await five.click();
        // Chromium takes the cached page's gzip (the data compressed once, envelope-gzip.ts) as any other.
        expect((await (await listed).allHeaders())['content-encoding']).toBe('gzip');
        expect((await (await listed).json()).data.list.length).toBeGreaterThan(0);
        const ratingsShown = async () => [...new Set(await reviews.locator('.pv .pr .prh .ps').evaluateAll((stars) => stars.map((star) => star.getAttribute('aria-label'))))];
        await expect.poll(ratingsShown).toEqual(['5 out of 5 stars']);
        await expect.poll(() => reviews.getByRole('button', { name: /^5 stars:/ }).getAttribute('aria-pressed')).toBe('true');
        expect(await reviews.getByLabel('All ratings').inputValue()).toBe('5');
        await reviews.getByRole('button', { name: /^5 stars:/ }).click();
        await expect.poll(() => reviews.getByLabel('All ratings').inputValue()).toBe('');
        expect(await reviews.locator('.pv .pr').count()).toBeGreaterThan(1);
      });
    });

    it('shows chosen photos as previews that can be removed before sending', async () => {
      await onDemoPage(browser(), harness().baseUrl, 390, async (page) => {
        await openWriteDialog(page);
        const dialog = page.locator('plaudit-reviews dialog');
        const jpeg = Buffer.from(await sharp({ create: { width: 320, height: 240, channels: 3, background: '#36c' } }).jpeg().toBuffer());
        await dialog.getByLabel('Add photos (up to 10)').setInputFiles([
          { name: 'one.jpg', mimeType: 'image/jpeg', buffer: jpeg },
          { name: 'two.jpg', mimeType: 'image/jpeg', buffer: jpeg },
        ]);
        await expect.poll(() => dialog.locator('.thumbs img').count()).toBe(2);
        await expect.poll(() => dialog.locator('.thumbs img').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth === 320))).toBe(true);
        await dialog.getByRole('button', { name: 'Remove photo: one.jpg' }).click();
        expect(await dialog.locator('.thumbs img').getAttribute('alt')).toBe('two.jpg');
        await expectNoHorizontalOverflow(page, 'dialog with previews');
        await expectNoAxeViolations(page, 'dialog with previews');
        await page.screenshot({ path: artifactPath(`look-photo-previews-${dialect}.png`) });
      });
      // Encoding two photos and axe on the dialog: 6–12 s alone on two cores, more beside other suites.
    }, 60_000);

    it('pages the carousel with its arrows and never shows a card cut off', async () => {
      for (const width of [390, 800, 1280]) {
        await onDemoPage(browser(), harness().baseUrl, width, async (page) => {
          const carousel = page.locator('plaudit-carousel');
          const cutOff = () =>
            carousel.evaluate((host) => {
              const track = host.shadowRoot!.querySelector('.ptrack')!.getBoundingClientRect();
              return Array.from(host.shadowRoot!.querySelectorAll('.pcard'))
                .map((card) => card.getBoundingClientRect())
                .filter((card) => card.right > track.left + 1 && card.left < track.right - 1 && (card.left < track.left - 1 || card.right > track.right + 1)).length;
            });
          expect(await cutOff(), `cards cut off at ${width}`).toBe(0);
          const next = carousel.getByRole('button', { name: 'Next' });
          if (await next.isDisabled()) return;
          await next.click();
          await expect.poll(() => carousel.evaluate((host) => host.shadowRoot!.querySelector('.ptrack')!.scrollLeft)).toBeGreaterThan(0);
          await expect.poll(cutOff, { message: `cards cut off after paging at ${width}` }).toBe(0);
          await expect.poll(() => carousel.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(false);
        });
      }
    }, 60_000);

    it('stacks the demo product header on a phone', async () => {
      await onDemoPage(browser(), harness().baseUrl, 390, async (page) => {
        const image = await page.locator('.product .image').boundingBox();
        const title = await page.locator('.product h1').boundingBox();
        expect(title!.y).toBeGreaterThanOrEqual(image!.y + image!.height);
      });
    });

    it('mirrors the layout for a right-to-left language and speaks it', async () => {
      const page = await openPage(browser(), 1280);
      try {
        await page.goto(`${harness().baseUrl}/demo`);
        // An element's own lang wins over the shop's (§12.8): a second list in Arabic.
        await page.evaluate((shopProduct) => {
          const list = document.createElement('plaudit-reviews');
          list.setAttribute('product-id', shopProduct);
          list.setAttribute('lang', 'ar');
          list.id = 'arabic';
          document.querySelector('main')!.append(list);
        }, 'demo-mug');
        await page.waitForFunction(() => document.querySelector('#arabic')?.shadowRoot?.querySelector('.pv .pr') != null);
        const arabic = page.locator('#arabic');
        expect(await arabic.locator('.pv').getAttribute('dir')).toBe('rtl');
        const count = Number.parseInt(await page.locator('#plaudit-reviews .pv .psum .pavg .pm').innerText(), 10);
        expect(await arabic.locator('.pv .psum .pavg .pm').innerText()).toBe(format(MESSAGES.ar.reviewsCount, { n: count }, 'ar'));
        expect(await arabic.getByRole('button', { name: 'اكتب تقييمًا' }).count()).toBe(1);
        // Mirrored: the date sits left of the stars, the reply's bar on the right.
        const stars = await arabic.locator('.pv .pr .prh .ps').first().boundingBox();
        const date = await arabic.locator('.pv .pr .prh time').first().boundingBox();
        expect(date!.x).toBeLessThan(stars!.x);
        await expectNoAxeViolations(page, 'arabic list');
        await arabic.screenshot({ path: artifactPath(`look-rtl-${dialect}.png`) });
      } finally {
        await page.context().close();
      }
    });
  });
});

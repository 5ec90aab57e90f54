/// <reference lib="dom" />
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { ensureWidgetBuilt } from '../support/demo-storefront.js';
import { envelope } from '../support/harness.js';
import { useListeningHarness } from '../support/listening-harness.js';

const PRODUCT = 'hosted-1';

describeEachDatabase('hosted review page in a browser', (dialect) => {
  const harness = useListeningHarness(dialect);
  beforeAll(async () => {
    await ensureWidgetBuilt();
    expect((await harness().call('POST', 'create_review', { body: { product_id: PRODUCT, product_title: 'Canvas Tote', rating: 5, author: 'Seed' } })).statusCode).toBe(200);
  });

  describeInBrowser('Chromium', (browser) => {
    it('uploads two photos with JavaScript, posts the form and lands on the thank-you state', async () => {
      const h = harness();
      const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(`${message.text()} ${JSON.stringify(message.location())}`));
      page.on('pageerror', (error) => problems.push(error.message));
      try {
        await page.goto(`${h.baseUrl}/r/${h.shop.shop_id}/${PRODUCT}`);
        await page.getByLabel('5 stars').check();
        await page.getByLabel('Review', { exact: true }).fill('Sturdy and roomy.');
        await page.getByLabel('Name').fill('Lea Meyer');
        await page.getByLabel('E-mail').fill('lea@example.com');
        const photo = (color: string) => sharp({ create: { width: 300, height: 200, channels: 3, background: color } }).jpeg().toBuffer();
        await page.getByLabel('Add photos (up to 10)').setInputFiles([
          { name: 'front.jpg', mimeType: 'image/jpeg', buffer: await photo('#a33') },
          { name: 'inside.jpg', mimeType: 'image/jpeg', buffer: await photo('#33a') },
        ]);
        // Each photo is uploaded and its renditions made before its token appears: on a loaded
        // two-core CI machine that outlasted expect.poll's default second once, so it gets ten.
        await expect.poll(() => page.locator('input[name=media_tokens]').count(), { timeout: 10_000 }).toBe(2);
        // The previews are the thumbnails of the stored photos.
        await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('ul.photos img')).every((image) => image.complete && image.naturalWidth === 300));
        await page.screenshot({ path: artifactPath(`hosted-page-${dialect}.png`), fullPage: true });
        await page.getByRole('button', { name: 'Submit review' }).click();
        await page.waitForURL(/submitted=published$/);
        expect(await page.locator('main').innerText()).toContain('Your review is published.');
        const list = envelope<{ list: Array<{ author_email: string; source: string; media: Array<{ width: number; height: number }> }> }>(await h.call('GET', 'get_reviews', { query: `product_ids=${PRODUCT}` })).data!.list;
        expect(list.find((review) => review.author_email === 'lea@example.com')).toMatchObject({ source: 'Store link', media: [{ width: 300, height: 200 }, { width: 300, height: 200 }] });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});

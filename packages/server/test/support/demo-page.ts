/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';

/** Helpers of the storefront's browser suites: /demo opened, rendered and in a given state. */
export type Scheme = 'light' | 'dark';
export const WIDTHS = { phone: 390, desktop: 1280 } as const;
const WIDGETS = ['plaudit-reviews', 'plaudit-carousel', 'plaudit-gallery', 'plaudit-all-reviews'];

export async function openPage(browser: Browser, width: number, scheme: Scheme = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce' });
  return context.newPage();
}

/** /demo with every widget rendered and every image loaded. */
export async function demoReady(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/demo`);
  await page.waitForFunction((names) => names.every((name) => document.querySelector(name)?.shadowRoot?.querySelector('.pv') != null), WIDGETS);
  await page.waitForFunction(() => document.querySelector('plaudit-stars')?.shadowRoot?.querySelector('a') != null);
  // Lazy images load when they come near the viewport: the whole page passes by once.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => Array.from(document.querySelectorAll('*')).flatMap((element) => (element.shadowRoot ? Array.from(element.shadowRoot.querySelectorAll('img')) : [])).every((image) => image.complete));
  await page.evaluate(() => window.scrollTo(0, 0));
}

export async function openWriteDialog(page: Page): Promise<void> {
  await page.locator('plaudit-reviews').getByRole('button', { name: 'Write a review' }).click();
  await page.locator('plaudit-reviews dialog form').waitFor();
}

/** The report dialog of the first review of the list. */
export async function openReportDialog(page: Page): Promise<void> {
  await page.locator('plaudit-reviews .pv .pr').first().locator('button.prpt').click();
  await page.locator('plaudit-reviews dialog form').waitFor();
}

export async function openLightbox(page: Page): Promise<void> {
  await page.locator('plaudit-reviews .pv .pmedia a').first().click();
  await page.waitForFunction(() => (document.querySelector('plaudit-reviews')!.shadowRoot!.querySelector('dialog img') as HTMLImageElement | null)?.complete === true);
}

/** Runs `work` on /demo, rendered, at `width`, and closes the page whatever happens. */
export async function onDemoPage(browser: Browser, baseUrl: string, width: number, work: (page: Page) => Promise<void>): Promise<void> {
  const page = await openPage(browser, width);
  try {
    await demoReady(page, baseUrl);
    await work(page);
  } finally {
    await page.context().close();
  }
}

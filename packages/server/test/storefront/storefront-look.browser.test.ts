/// <reference lib="dom" />
import { expect, it } from 'vitest';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { demoReady, onDemoPage, openLightbox, openPage, openReportDialog, openWriteDialog, WIDTHS } from '../support/demo-page.js';
import { useDemoStorefront } from '../support/demo-storefront.js';
import { expectControlsInsideTheirBoxes, expectNoAxeViolations, expectNoHorizontalOverflow } from '../support/page-checks.js';
import { expectMatchesBaseline } from '../support/visual-baseline.js';

describeEachDatabase('storefront look', (dialect) => {
  const { harness, demo } = useDemoStorefront(dialect);
  const hostedPage = () => `${harness().baseUrl}/r/${demo().shop_id}/demo-mug`;
  const policyPage = () => `${harness().baseUrl}/r/${demo().shop_id}/policy`;

  describeInBrowser('Chromium', (browser) => {
    // The pictures are of the seeded demo: no test of this file writes a review (storefront-behaviour's do, in their own database).
    it('looks as the committed baselines do: summary and list, dialog, carousel, gallery, hosted page, on phone and desktop', async () => {
      for (const [device, width] of Object.entries(WIDTHS)) {
        await onDemoPage(browser(), harness().baseUrl, width, async (page) => {
          await page.mouse.move(0, 0);
          expectMatchesBaseline(`reviews-${device}`, await page.locator('plaudit-reviews').screenshot({ animations: 'disabled' }));
          expectMatchesBaseline(`carousel-${device}`, await page.locator('plaudit-carousel').screenshot({ animations: 'disabled' }));
          expectMatchesBaseline(`gallery-${device}`, await page.locator('plaudit-gallery').screenshot({ animations: 'disabled' }));
          await openWriteDialog(page);
          await page.locator('plaudit-reviews dialog input[name=title]').focus();
          expectMatchesBaseline(`write-dialog-${device}`, await page.locator('plaudit-reviews dialog').screenshot({ animations: 'disabled' }));
          await page.goto(hostedPage());
          expectMatchesBaseline(`hosted-page-${device}`, await page.screenshot({ fullPage: true, animations: 'disabled' }));
        });
      }
    }, 60_000);

    // Each state is checked in light and dark on the same page (the colour scheme is switched, not reloaded).
    for (const [device, width] of Object.entries(WIDTHS)) {
      it(`passes axe (WCAG 2.2 A/AA) on /demo, the write dialog, the lightbox, the report dialog and the hosted pages, light and dark, ${device}`, async () => {
        const page = await openPage(browser(), width);
        const inBothSchemes = async (state: string, screenshot?: { name: string; fullPage: boolean }) => {
          for (const scheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: scheme });
            await expectNoAxeViolations(page, `${state} ${scheme} ${device}`);
            if (screenshot) await page.screenshot({ path: artifactPath(`look-${screenshot.name}-${scheme}-${device}-${dialect}.png`), fullPage: screenshot.fullPage });
          }
          await page.emulateMedia({ colorScheme: 'light' });
        };
        try {
          await demoReady(page, harness().baseUrl);
          await inBothSchemes('/demo', { name: 'demo', fullPage: true });
          await openWriteDialog(page);
          await inBothSchemes('write dialog');
          await page.keyboard.press('Escape');
          await openLightbox(page);
          await inBothSchemes('lightbox');
          await page.keyboard.press('Escape');
          await openReportDialog(page);
          await inBothSchemes('report dialog', { name: 'report-dialog', fullPage: false });
          await page.keyboard.press('Escape');
          await page.goto(hostedPage());
          await inBothSchemes('hosted page', { name: 'hosted', fullPage: false });
          await page.goto(`${hostedPage()}?submitted=published`);
          await inBothSchemes('thank-you page');
          await page.goto(policyPage());
          await inBothSchemes('review policy page', { name: 'policy', fullPage: true });
        } finally {
          await page.context().close();
        }
      }, 120_000);
    }

    it('never scrolls sideways at 320, 390 and 1280 px, and keeps every control inside its box', async () => {
      for (const width of [320, 390, 1280]) {
        await onDemoPage(browser(), harness().baseUrl, width, async (page) => {
          await expectNoHorizontalOverflow(page, `/demo ${width}`);
          await expectControlsInsideTheirBoxes(page, `/demo ${width}`);
          await page.screenshot({ path: artifactPath(`look-demo-${width}-${dialect}.png`), fullPage: true });
          await openWriteDialog(page);
          await expectNoHorizontalOverflow(page, `write dialog ${width}`);
          await expectControlsInsideTheirBoxes(page, `write dialog ${width}`);
          const dialog = await page.locator('plaudit-reviews dialog').boundingBox();
          expect(dialog!.width, `write dialog ${width}`).toBeLessThanOrEqual(width);
          await page.keyboard.press('Escape');
          await openLightbox(page);
          await expectNoHorizontalOverflow(page, `lightbox ${width}`);
          await expectControlsInsideTheirBoxes(page, `lightbox ${width}`);
          await page.keyboard.press('Escape');
          await openReportDialog(page);
          await expectNoHorizontalOverflow(page, `report dialog ${width}`);
          await expectControlsInsideTheirBoxes(page, `report dialog ${width}`);
          await page.keyboard.press('Escape');
          for (const url of [hostedPage(), `${hostedPage()}?submitted=published`, policyPage()]) {
            await page.goto(url);
            await expectNoHorizontalOverflow(page, `${url} ${width}`);
            await expectControlsInsideTheirBoxes(page, `${url} ${width}`);
          }
          // The rating row of the hosted page stays on one line (it used to wrap "5 stars" alone).
          await page.goto(hostedPage());
          const stars = await page.locator('.ppick label').evaluateAll((labels) => new Set(labels.map((label) => Math.round(label.getBoundingClientRect().top))).size);
          expect(stars, `star picker rows at ${width}`).toBe(1);
        });
      }
    }, 60_000);

    it('draws every widget button and select in the widget font and colours, never the browser defaults', async () => {
      await onDemoPage(browser(), harness().baseUrl, 1280, async (page) => {
        // A shop's own font and text colour through the public custom properties (CSSOM: the page's CSP allows it).
        await page.evaluate(() => {
          for (const name of ['plaudit-reviews', 'plaudit-all-reviews', 'plaudit-carousel', 'plaudit-gallery']) {
            const element = document.querySelector<HTMLElement>(name)!;
            element.style.setProperty('--plaudit-font-family', 'Georgia, serif');
            element.style.setProperty('--plaudit-text-color', 'rgb(20, 30, 40)');
          }
        });
        await openWriteDialog(page);
        const controls = await page.evaluate(() =>
          Array.from(document.querySelectorAll('plaudit-reviews, plaudit-all-reviews, plaudit-carousel, plaudit-gallery')).flatMap((host) =>
            Array.from(host.shadowRoot!.querySelectorAll<HTMLElement>('button, select, input[type=text], input[type=email], textarea')).map((control) => {
              const style = getComputedStyle(control);
              return { control: `${host.localName} ${control.tagName.toLowerCase()}.${control.className} "${(control.textContent ?? '').trim().slice(0, 20)}"`, font: style.fontFamily, color: style.color, background: style.backgroundColor };
            }),
          ),
        );
        expect(controls.length).toBeGreaterThan(20);
        const accent = 'rgb(31, 41, 55)';
        for (const { control, font, color, background } of controls) {
          expect(font, control).toBe('Georgia, serif');
          // The shop's text colour, or white on the accent for filled controls; never the UA's black on grey.
          expect([`rgb(20, 30, 40)`, 'rgb(255, 255, 255)'], `${control} colour`).toContain(color);
          expect(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)', accent, 'rgb(246, 247, 249)'], `${control} background`).toContain(background);
        }
      });
    });
  });
});

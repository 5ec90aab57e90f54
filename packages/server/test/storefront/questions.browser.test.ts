/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { answerLinkToken, buyerFingerprint } from '../../src/questions/answer-link.js';
import { recordInvitations } from '../../src/questions/invitations.js';
import type { Question } from '../../src/questions/question-object.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { ensureWidgetBuilt } from '../support/demo-storefront.js';
import { envelope } from '../support/harness.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { expectControlsInsideTheirBoxes, expectNoAxeViolations, expectNoHorizontalOverflow, recordLayoutShift } from '../support/page-checks.js';

const PRODUCT = 'trail-pack';
const ASKED = [
  ['Is the pack waterproof in heavy rain?', 'The fabric is waterproof; the zips are water-resistant, so use the rain cover in a downpour.'],
  ['Does a 16-inch laptop fit in the sleeve?', 'Yes, the sleeve takes laptops up to 16 inches.'],
  ['How heavy is it empty?', 'It weighs 1.2 kg.'],
  ['Can I take it as cabin luggage?', 'At 40 litres it fits most airlines\u2019 cabin limits.'],
  ['Is there a chest strap?', 'Yes, an adjustable one with a whistle buckle.'],
  ['What is the warranty?', 'Two years, and we repair zips for free.'],
] as const;

describeEachDatabase('the questions element', (dialect) => {
  const harness = useListeningHarness(dialect);
  let shop: ShopCredentials;

  beforeAll(async () => {
    await ensureWidgetBuilt();
    const h = harness();
    shop = await h.newShop(`qa-browser-${dialect}.example.com`);
    const call = async <T>(operation: string, body: Record<string, unknown>) => {
      const answer = envelope<T>(await h.call('POST', operation, { body }, shop));
      expect(answer.code, JSON.stringify(answer)).toBe(0);
      return answer.data!;
    };
    await call('update_shop_settings', { sender_name: 'Trail Co', date_format: 'yyyy-mm-dd' });
    await call('create_order', { order_id: 'O-1', order_name: '#1', email: 'kim@example.com', first_name: 'Kim', products: [{ product_id: PRODUCT, title: 'Trail Pack 40' }] });
    for (const [index, [content, answer]] of ASKED.entries()) {
      h.clock.advanceSeconds(3600);
      const question = await call<Question>('create_question', { product_id: PRODUCT, content, asker_name: `Asker Number${index}`, asker_email: `asker${index}@example.com` });
      await call('create_answer', { question_id: question.id, content: answer });
      if (index === 0) await call('create_answer', { question_id: question.id, content: 'Mine stayed dry on a two-day hike in the rain.', author_kind: 'buyer', author_name: 'Kim Lee', author_email: 'kim@example.com' });
    }
  });

  /** A product page of the shop: the server's fragment inside the element, and the loader. */
  async function productPage(browser: Browser, width: number): Promise<{ page: Page; problems: string[]; layoutShifts: () => Promise<string[]> }> {
    const h = harness();
    const fragment = await (await fetch(`${h.baseUrl}/api/v1/storefront/questions.html?shop_id=${shop.shop_id}&product_id=${PRODUCT}`)).text();
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const layoutShifts = await recordLayoutShift(page);
    await page.route(`${h.baseUrl}/qa-product`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Trail Pack 40</title></head><body style="margin:0;font-family:system-ui"><main style="max-width:960px;margin:0 auto;padding:16px"><h1>Trail Pack 40</h1><plaudit-questions product-id="${PRODUCT}">${fragment}</plaudit-questions></main><script async src="${h.baseUrl}/widget/v1/plaudit.js" data-shop-id="${shop.shop_id}"></script></body></html>`,
      }),
    );
    await page.goto(`${h.baseUrl}/qa-product`);
    await page.waitForFunction(() => document.querySelector('plaudit-questions')?.shadowRoot?.querySelector('.pv .pql') != null);
    return { page, problems, layoutShifts };
  }

  describeInBrowser('Chromium', (browser) => {
    for (const width of [390, 1280]) {
      it(`shows answered questions with badges at ${width} px, hydrates the fragment without a shift, and passes axe`, async () => {
        const { page, problems, layoutShifts } = await productPage(browser(), width);
        const element = page.locator('plaudit-questions');
        await expect.poll(() => element.locator('.pv .pq').count()).toBe(5);
        expect(await element.locator('.pv .pqtt').innerText()).toContain('6 questions');
        const first = element.locator('.pv .pq').first();
        expect(await first.locator('h3').innerText()).toContain('What is the warranty?');
        expect(await first.locator('.pqstore').innerText()).toBe('Store');
        await element.locator('.pv .pp button', { hasText: 'Next' }).click();
        await expect.poll(() => element.locator('.pv .pq h3').first().innerText()).toContain('Is the pack waterproof in heavy rain?');
        expect(await element.locator('.pv .pq').first().locator('.pbadge:not(.pqstore)').innerText()).toContain('Verified buyer');
        await element.locator('.pv .pp button', { hasText: 'Previous' }).click();
        await expect.poll(() => element.locator('.pv .pq').count()).toBe(5);
        expect(await layoutShifts()).toEqual([]);
        await expectNoAxeViolations(page, `questions at ${width}`);
        await expectNoHorizontalOverflow(page, `questions at ${width}`);
        await expectControlsInsideTheirBoxes(page, `questions at ${width}`);
        await page.screenshot({ path: artifactPath(`questions-${width}.png`), fullPage: true });
        expect(problems).toEqual([]);
      });
    }

    it('serves the hosted answer page of an invitation, accessible and within the screen at phone and desktop widths', async () => {
      const h = harness();
      const [question] = envelope<{ list: Question[] }>(await h.call('GET', 'get_questions', { query: 'keyword=chest' }, shop)).data!.list;
      const [invitation] = await recordInvitations(h.deps.db.kysely, shop.shop_id, question!.id, [{ email: 'kim@example.com', name: 'Kim Lee', orderId: 'O-1' }], Math.floor(h.clock.now() / 1000));
      const token = answerLinkToken(h.deps.secretKey!, { shopId: shop.shop_id, invitationId: Number(invitation!.id), questionId: question!.id, buyer: buyerFingerprint('kim@example.com') });
      const context = await browser().newContext();
      const page = await context.newPage();
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${h.baseUrl}/q/t/${token}`);
        await page.getByRole('heading', { name: 'Answer a question about' }).waitFor();
        await expectNoAxeViolations(page, `answer page at ${width}`);
        await expectNoHorizontalOverflow(page, `answer page at ${width}`);
        await page.screenshot({ path: artifactPath(`questions-answer-page-${width}.png`), fullPage: true });
      }
      await page.getByLabel('Your answer').fill('Yes, and it has a whistle.');
      expect(await page.getByLabel('Your name').inputValue()).toBe('Kim Lee');
      await page.getByLabel('Your name').fill('Kim');
      await page.getByRole('button', { name: 'Send answer' }).click();
      await page.getByText('Thank you! Your answer will help other shoppers.').waitFor();
      await expectNoAxeViolations(page, 'answer page thanks');
      const stored = envelope<Question>(await h.call('GET', 'get_question', { query: `id=${question!.id}` }, shop)).data!;
      expect(stored.answers.at(-1)).toMatchObject({ author_kind: 'buyer', author_name: 'Kim', is_verified_buyer: 1, status: 'published' });
      await context.close();
    });

    it('finds an existing answer before anyone asks, says when nothing matches, and takes a question in a dialog', async () => {
      const { page, problems } = await productPage(browser(), 390);
      const element = page.locator('plaudit-questions');
      const search = element.locator('.pv .pqs input');
      await search.fill('RAIN');
      await search.press('Enter');
      await expect.poll(() => element.locator('.pv .pq').count()).toBe(1);
      expect(await element.locator('.pv .pq h3').innerText()).toContain('waterproof');
      await search.fill('zebra');
      await element.locator('.pv .pqs button').click();
      await expect.poll(() => element.locator('.pv .pqempty').innerText()).toBe('No answers match your search.');
      expect(await element.locator('.pv .pqtt').innerText()).toContain('6 questions');

      await element.locator('.pv .pqhd .pri').click();
      const dialog = element.locator('dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await dialog.locator('button[type=submit]').click();
      expect(await dialog.locator('.dstatus[role=status]').innerText()).toBe('This field is required.');
      await expectNoAxeViolations(page, 'ask dialog');
      await page.screenshot({ path: artifactPath('questions-ask-390.png') });
      await dialog.locator('textarea').fill('Does it come in green?');
      await dialog.locator('input[name=name]').fill('Robin Park');
      await dialog.locator('input[name=email]').fill('robin@example.com');
      await dialog.locator('button[type=submit]').click();
      await expect.poll(() => dialog.locator('.done p').innerText()).toBe('Thank you! We will e-mail you when your question is answered.');
      const stored = await harness().deps.db.kysely.selectFrom('questions').select(['content', 'asker_email', 'status', 'source']).where('shop_id', '=', shop.shop_id).where('source', '=', 'storefront').execute();
      expect(stored).toEqual([{ content: 'Does it come in green?', asker_email: 'robin@example.com', status: 'published', source: 'storefront' }]);
      await dialog.locator('.done button').click();
      expect(problems).toEqual([]);
    });
  });
});

import { expect, it } from 'vitest';
import type { Question } from '../../src/questions/question-object.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';

/** What a recount of the questions table says for one product. */
async function recount(h: Harness, shopId: string, productId: string) {
  const rows = await h.deps.db.kysely.selectFrom('questions').select(['status', 'answer_count']).where('shop_id', '=', shopId).where('product_id', '=', productId).where('deleted_at', 'is', null).execute();
  return { shown: rows.filter((row) => row.status === 'published' && Number(row.answer_count) > 0).length, total: rows.length };
}

async function stored(h: Harness, shopId: string, productId: string) {
  const row = await h.deps.db.kysely.selectFrom('question_counts').select(['shown', 'total']).where('shop_id', '=', shopId).where('product_id', '=', productId).executeTakeFirst();
  return row === undefined ? { shown: 0, total: 0 } : { shown: Number(row.shown), total: Number(row.total) };
}

describeEachDatabase("each product's question counts", (dialect) => {
  const harness = useHarness(dialect);

  it('equal a recount after every kind of change, through the API, the storefront and an erasure', async () => {
    const h = harness();
    const shop: ShopCredentials = await h.newShop(`qcounts-${dialect}.example.com`);
    const call = async <T>(operation: string, body: Record<string, unknown>) => envelope<T>(await h.call('POST', operation, { body }, shop));
    const steps: Array<[string, () => Promise<unknown>]> = [];
    let a = 0;
    let b = 0;
    let answerId = 0;
    steps.push(['ask a', async () => (a = (await call<Question>('create_question', { product_id: 'P', content: 'First?', asker_name: 'Al', asker_email: 'al@example.com' })).data!.id)]);
    steps.push(['ask b', async () => (b = (await call<Question>('create_question', { product_id: 'P', content: 'Second?', asker_name: 'Bea' })).data!.id)]);
    steps.push(['answer a', async () => (answerId = (await call<Question>('create_answer', { question_id: a, content: 'Yes.' })).data!.answers[0]!.id)]);
    steps.push(['answer b', () => call('create_answer', { question_id: b, content: 'No.' })]);
    steps.push(['hide b', () => call('update_question', { id: b, status: 'hidden' })]);
    steps.push(['hide the answer of a', () => call('update_answer', { id: answerId, status: 'hidden' })]);
    steps.push(['publish it again', () => call('update_answer', { id: answerId, status: 'published' })]);
    steps.push(['delete the answer of a', () => call('delete_answer', { id: answerId })]);
    steps.push(['publish b', () => call('update_question', { id: b, status: 'published' })]);
    steps.push(['delete b', () => call('delete_question', { id: b })]);
    steps.push(['a shopper asks', () => h.app.inject({ method: 'POST', url: '/api/v1/storefront/ask_question', remoteAddress: '203.0.113.200', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ shop_id: shop.shop_id, product_id: 'P', content: 'Third one?', name: 'Cy', email: 'cy@example.com' }) })]);
    steps.push(['erase the asker of a', () => call('erase_customer_data', { email: 'al@example.com', mode: 'delete' })]);
    for (const [name, step] of steps) {
      await step();
      expect([name, await stored(h, shop.shop_id, 'P')]).toEqual([name, await recount(h, shop.shop_id, 'P')]);
    }
    expect(await stored(h, shop.shop_id, 'P')).toEqual({ shown: 0, total: 1 });
  });

  it('give the storefront its count without counting rows, and a search its own count', async () => {
    const h = harness();
    const shop = await h.newShop(`qcounts-sf-${dialect}.example.com`);
    for (const content of ['Is it warm?', 'Is it waterproof?', 'Is it heavy?']) {
      const q = envelope<Question>(await h.call('POST', 'create_question', { body: { product_id: 'P', content, asker_name: 'Dee' } }, shop)).data!;
      await h.call('POST', 'create_answer', { body: { question_id: q.id, content: 'Answered.' } }, shop);
    }
    const read = async (query: string) => envelope<{ page: { count: number } }>(await h.app.inject({ method: 'GET', url: `/api/v1/storefront/get_product_questions?shop_id=${shop.shop_id}&product_id=P&${query}`, remoteAddress: '192.0.2.90' })).data!.page.count;
    expect(await read('limit=1')).toBe(3);
    expect(await read('keyword=water')).toBe(1);
    // The count shoppers see is the maintained one: a stored number that disagreed would show.
    await h.deps.db.kysely.updateTable('question_counts').set({ shown: 42 }).where('shop_id', '=', shop.shop_id).execute();
    expect(await read('limit=2')).toBe(42);
  });
});
